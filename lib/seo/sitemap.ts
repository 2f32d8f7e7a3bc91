import { escapeXml } from './site';

// Sitemaps (sitemaps.org 0.9) and the Google News sitemap. One file holds at most 50,000 addresses;
// past that /sitemap.xml becomes an index of numbered children.

export const SITEMAP_MAX_URLS = 50_000;
/** Google News reads at most 1,000 addresses, published in the last two days. */
export const NEWS_SITEMAP_MAX_URLS = 1_000;
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

export type SitemapUrl = { loc: string; lastmod?: Date | null };

/**
 * Article children cover fixed id ranges (child n holds ids in ((n-1)·size, n·size]), so a child is
 * read by one primary-key range with keyset batches, never by OFFSET, and its address never shifts
 * when older articles are unpublished. A range holds at most `size` articles, so no child overflows.
 */
export function articleChunkOf(id: number, size = SITEMAP_MAX_URLS): number {
  return Math.floor((id - 1) / size) + 1;
}

export function articleIdRange(chunk: number, size = SITEMAP_MAX_URLS): { afterId: number; upToId: number } {
  return { afterId: (chunk - 1) * size, upToId: chunk * size };
}

export type ArticleChunkStat = { chunk: number; count: number; lastmod: Date | null };

export type SitemapPlan =
  | { kind: 'single' }
  /** Child 0 holds the home page, sections, authors and tags; children 1… the article id ranges. */
  | { kind: 'index'; children: { n: number; lastmod: Date | null }[] };

/**
 * One sitemap while every address fits in one file; otherwise an index. `pageCount` counts the
 * addresses that are not articles (home, sections, tags, authors): they stay in child 0, which
 * assumes fewer than 50,000 of them.
 */
export function planSitemap(pageCount: number, chunks: ArticleChunkStat[], max = SITEMAP_MAX_URLS): SitemapPlan {
  const articles = chunks.reduce((sum, c) => sum + c.count, 0);
  if (pageCount + articles <= max) return { kind: 'single' };
  const pagesLastmod = chunks.reduce<Date | null>((latest, c) => (c.lastmod && (!latest || c.lastmod > latest) ? c.lastmod : latest), null);
  return {
    kind: 'index',
    children: [
      { n: 0, lastmod: pagesLastmod },
      ...chunks
        .filter((c) => c.count > 0)
        .sort((a, b) => a.chunk - b.chunk)
        .map((c) => ({ n: c.chunk, lastmod: c.lastmod })),
    ],
  };
}

const lastmodXml = (d: Date | null | undefined) => (d ? `<lastmod>${d.toISOString()}</lastmod>` : '');

export function renderUrlset(urls: SitemapUrl[]): string {
  const body = urls.map((u) => `<url><loc>${escapeXml(u.loc)}</loc>${lastmodXml(u.lastmod)}</url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

export function renderSitemapIndex(children: SitemapUrl[]): string {
  const body = children.map((c) => `<sitemap><loc>${escapeXml(c.loc)}</loc>${lastmodXml(c.lastmod)}</sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

export type NewsSitemapItem = {
  loc: string;
  title: string;
  /** The article's publication date, as Google's news:publication_date asks, live or not. */
  publishedAt: Date;
  /** When it last changed (a live article's newest update): the sitemap's own <lastmod>. */
  lastmod?: Date | null;
};

/**
 * The news sitemap's items: articles in live coverage first (included however long ago they were
 * published, while live), then the recent ones not already listed, at most `max`.
 */
export function mergeNewsItems(live: NewsSitemapItem[], recent: NewsSitemapItem[], max: number): NewsSitemapItem[] {
  const seen = new Set(live.map((i) => i.loc));
  return [...live, ...recent.filter((i) => !seen.has(i.loc))].slice(0, max);
}

export function renderNewsSitemap(items: NewsSitemapItem[], publication: { name: string; language: string }): string {
  const pub = `<news:publication><news:name>${escapeXml(publication.name)}</news:name><news:language>${escapeXml(publication.language)}</news:language></news:publication>`;
  const body = items
    .map(
      (i) =>
        `<url><loc>${escapeXml(i.loc)}</loc>${i.lastmod ? `<lastmod>${i.lastmod.toISOString()}</lastmod>` : ''}<news:news>${pub}<news:publication_date>${i.publishedAt.toISOString()}</news:publication_date><news:title>${escapeXml(i.title)}</news:title></news:news></url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${body}\n</urlset>\n`;
}

/** Google News wants an ISO 639 code ("en"), not a regional tag ("en-GB"), except for Chinese. */
export function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  return lower === 'zh-cn' || lower === 'zh-tw' ? lower : lower.split('-')[0];
}

export function robotsTxt(siteBase: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /api',
    '',
    `Sitemap: ${siteBase}/sitemap.xml`,
    `Sitemap: ${siteBase}/news-sitemap.xml`,
    '',
  ].join('\n');
}
