import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import type { ArticleListFilter } from '@/db/queries/articles';
import {
  countPublishedArticlesByIdRange,
  getLatestPublicationTime,
  listAllSitemapArticles,
  listFeedArticles,
  listLatestCorrections,
  listLiveNewsArticles,
  listNewsArticles,
  listSitemapAuthors,
  listSitemapSections,
  listSitemapTags,
  sitemapArticlesInIdRange,
  type FeedArticle,
} from '@/db/queries/syndication';
import { getAuthorBySlug, getSectionBySlug, getTagBySlug } from '@/db/queries/taxonomy';
import { getPublishedArticleBySlug } from '@/db/queries/articles';
import { listShownLiveUpdates } from '@/db/queries/live-updates';
import { LIVE_FEED_SIZE, liveFeedEntries } from '@/lib/seo/live';
import { listSitemapPages } from '@/db/queries/pages';
import { cacheTags } from '@/lib/cache-tags';
import { env } from '@/lib/env';
import { renderBody } from '@/lib/markdown/render';
import { NOT_FOUND_LIFE } from './cached-data';
import { absolutizeHtml, articleGuid, buildRssFeed, correctionGuid, FEED_SIZE, type FeedChannel, type FeedEntry } from '@/lib/seo/feed';
import { absoluteUrl, escapeXml, SITE_DESCRIPTION, SITE_LANGUAGE, SITE_NAME } from '@/lib/seo/site';
import {
  articleIdRange,
  NEWS_SITEMAP_MAX_URLS,
  NEWS_WINDOW_MS,
  mergeNewsItems,
  newsLanguage,
  planSitemap,
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlset,
  SITEMAP_MAX_URLS,
  type SitemapUrl,
} from '@/lib/seo/sitemap';
import { mediaUrl } from '@/lib/uploads';
import { tagBylines } from './cached-data';

// Feeds and sitemaps as finished XML strings, cached like the pages they mirror: a feed carries the
// tags of its list page (a publish or edit revalidates them), plus its items' article and byline tags
// so that a renamed tag or author shows up in the feed too. A repeat request runs no query.

const url = (path: string) => absoluteUrl(path, env.SITE_URL);

function toFeedEntry(a: FeedArticle): FeedEntry {
  const cover = a.coverImagePath ? url(mediaUrl(a.coverImagePath)) : undefined;
  // The cover leads the item as it leads the page; the body goes through the page's own renderer.
  const html = (cover ? `<p><img src="${escapeXml(cover)}" alt="" /></p>\n` : '') + absolutizeHtml(renderBody(a.body, a.bodyFormat), env.SITE_URL);
  return {
    guid: articleGuid(a.id, env.SITE_URL),
    title: a.title,
    url: url(`/articles/${a.slug}`),
    date: a.publishedAt,
    description: a.standfirst,
    html,
    authors: a.authors.map((au) => ({ name: au.name, url: url(`/authors/${au.slug}`) })),
    categories: [
      ...(a.section ? [{ name: a.section.name, url: url(`/sections/${a.section.slug}`) }] : []),
      ...a.tags.map((t) => ({ name: t.name, url: url(`/tags/${t.slug}`) })),
    ],
    imageUrl: cover,
  };
}

async function articleFeed(channel: Omit<FeedChannel, 'siteUrl'>, filter: ArticleListFilter) {
  const items = await listFeedArticles(filter, FEED_SIZE);
  tagBylines([items]);
  if (items.length) cacheTag(...items.map((i) => cacheTags.article(i.id)));
  return buildRssFeed({ ...channel, siteUrl: env.SITE_URL }, items.map(toFeedEntry));
}

export async function getSiteFeedXml(): Promise<string> {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.home);
  return articleFeed({ title: SITE_NAME, description: SITE_DESCRIPTION, pageUrl: url('/'), feedUrl: url('/feed.xml') }, { kind: 'all' });
}

/** Inside a 'use cache' function: "no such feed or sitemap", kept only briefly (unknown names are endless). */
function forgetSoon(): null {
  cacheLife(NOT_FOUND_LIFE);
  return null;
}

/** Null for an unknown section (cached briefly: creating or renaming a section revalidates its tag anyway). */
export async function getSectionFeedXml(slug: string): Promise<string | null> {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.section(slug));
  const section = await getSectionBySlug(slug);
  if (!section) return forgetSoon();
  return articleFeed(
    {
      title: `${section.name} — ${SITE_NAME}`,
      description: section.description || `The latest ${section.name.toLowerCase()} from ${SITE_NAME}.`,
      pageUrl: url(`/sections/${section.slug}`),
      feedUrl: url(`/sections/${section.slug}/feed.xml`),
    },
    { kind: 'section', sectionId: section.id },
  );
}

export async function getTagFeedXml(slug: string): Promise<string | null> {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.tag(slug));
  const tag = await getTagBySlug(slug);
  if (!tag) return forgetSoon();
  return articleFeed(
    {
      title: `${tag.name} — ${SITE_NAME}`,
      description: `Articles about ${tag.name} from ${SITE_NAME}.`,
      pageUrl: url(`/tags/${tag.slug}`),
      feedUrl: url(`/tags/${tag.slug}/feed.xml`),
    },
    { kind: 'tag', tagId: tag.id },
  );
}

export async function getAuthorFeedXml(slug: string): Promise<string | null> {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.author(slug));
  const author = await getAuthorBySlug(slug);
  if (!author) return forgetSoon();
  cacheTag(cacheTags.byline(author.id));
  return articleFeed(
    {
      title: `${author.name} — ${SITE_NAME}`,
      description: author.bio || `Articles by ${author.name} in ${SITE_NAME}.`,
      pageUrl: url(`/authors/${author.slug}`),
      feedUrl: url(`/authors/${author.slug}/feed.xml`),
    },
    { kind: 'author', userId: author.id },
  );
}

/** The newest corrections, each linking to its article. A correction is added by saving a public article, which revalidates `home`. */
export async function getCorrectionsFeedXml(): Promise<string> {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.home);
  const items = await listLatestCorrections(FEED_SIZE);
  if (items.length) cacheTag(...[...new Set(items.map((c) => cacheTags.article(c.article.id)))]);
  const entries: FeedEntry[] = items.map((c) => {
    const articleUrl = url(`/articles/${c.article.slug}`);
    return {
      guid: correctionGuid(c.id, env.SITE_URL),
      title: `Correction: ${c.article.title}`,
      url: `${articleUrl}#corrections-heading`,
      date: c.createdAt,
      description: c.body,
      html: `<p>${escapeXml(c.body)}</p>\n<p>Correction to <a href="${escapeXml(articleUrl)}">${escapeXml(c.article.title)}</a>.</p>`,
      authors: [],
      categories: [{ name: 'Corrections', url: url('/corrections/feed.xml') }],
    };
  });
  return buildRssFeed(
    {
      title: `Corrections — ${SITE_NAME}`,
      description: `Corrections and clarifications to articles published by ${SITE_NAME}.`,
      pageUrl: url('/'),
      feedUrl: url('/corrections/feed.xml'),
      siteUrl: env.SITE_URL,
    },
    entries,
  );
}

// Sitemaps. Everything that changes their addresses revalidates one of their tags: publishing,
// scheduling, editing or unpublishing an article (`home`, from every path that does it, the
// scheduler and the importer included), sections (`sections`) and tags (`tags`). Author slugs never
// change. So they are cached for good and are right after every change, rather than up to N minutes late.
function tagSitemap() {
  cacheLife('max');
  cacheTag(cacheTags.home, cacheTags.sections, cacheTags.tags, cacheTags.sitePages);
}

async function pageUrls(): Promise<SitemapUrl[]> {
  const [latest, sections, tags, authors, sitePages] = await Promise.all([
    getLatestPublicationTime(),
    listSitemapSections(),
    listSitemapTags(),
    listSitemapAuthors(),
    listSitemapPages(),
  ]);
  return [
    { loc: url('/'), lastmod: latest },
    ...sitePages.map((p) => ({ loc: url(`/${p.slug}`), lastmod: p.lastmod })),
    ...sections.map((s) => ({ loc: url(`/sections/${s.slug}`), lastmod: s.lastmod })),
    ...authors.map((a) => ({ loc: url(`/authors/${a.slug}`) })),
    ...tags.map((t) => ({ loc: url(`/tags/${t.slug}`) })),
  ];
}

/** /sitemap.xml: every address while they fit in one file, else an index of /sitemaps/N.xml. */
export async function getSitemapXml(): Promise<string> {
  'use cache';
  tagSitemap();
  const [pages, chunks] = await Promise.all([pageUrls(), countPublishedArticlesByIdRange(SITEMAP_MAX_URLS)]);
  const plan = planSitemap(pages.length, chunks);
  if (plan.kind === 'index') {
    return renderSitemapIndex(plan.children.map((c) => ({ loc: url(`/sitemaps/${c.n}.xml`), lastmod: c.lastmod })));
  }
  const articles = await listAllSitemapArticles();
  return renderUrlset([...pages, ...articles.map((a) => ({ loc: url(`/articles/${a.slug}`), lastmod: a.lastmod }))]);
}

/** Child N of the index: 0 is the pages, N ≥ 1 the published articles with ids in range N. Null when empty. */
export async function getChildSitemapXml(n: number): Promise<string | null> {
  'use cache';
  tagSitemap();
  if (n === 0) return renderUrlset(await pageUrls());
  const { afterId, upToId } = articleIdRange(n);
  const urls: SitemapUrl[] = [];
  for await (const batch of sitemapArticlesInIdRange(afterId, upToId)) {
    for (const a of batch) urls.push({ loc: url(`/articles/${a.slug}`), lastmod: a.lastmod });
  }
  return urls.length ? renderUrlset(urls) : forgetSoon();
}

/**
 * Google News: articles of the last 48 hours, and articles in live coverage however old (with their
 * newest update as <lastmod>). `home` covers publishing, edits, unpublishing, and starting or ending
 * coverage (the live helper expires cacheTags.forArticle, which holds `home`); each live article's own
 * tag covers its updates. An article also has to leave when it turns 48 hours old, which no event
 * announces, so this entry is also refreshed every ten minutes (in the background) and never served
 * older than an hour.
 */
export async function getNewsSitemapXml(): Promise<string> {
  'use cache';
  cacheTag(cacheTags.home);
  cacheLife({ stale: 300, revalidate: 600, expire: 3600 });
  const [recent, live] = await Promise.all([
    listNewsArticles(new Date(Date.now() - NEWS_WINDOW_MS), NEWS_SITEMAP_MAX_URLS),
    listLiveNewsArticles(NEWS_SITEMAP_MAX_URLS),
  ]);
  if (live.length) cacheTag(...live.map((a) => cacheTags.article(a.id)));
  return renderNewsSitemap(
    mergeNewsItems(
      live.map((i) => ({ loc: url(`/articles/${i.slug}`), title: i.title, publishedAt: i.publishedAt, lastmod: i.latestUpdateAt })),
      recent.map((i) => ({ loc: url(`/articles/${i.slug}`), title: i.title, publishedAt: i.publishedAt })),
      NEWS_SITEMAP_MAX_URLS,
    ),
    { name: SITE_NAME, language: newsLanguage(SITE_LANGUAGE) },
  );
}

/**
 * /articles/[slug]/live.xml: the updates of an article that has had live coverage, newest first.
 * Null (a 404) for an unknown article or one never live. Cached with the article's tags: posting,
 * editing or deleting an update, or starting and ending coverage, expires it.
 */
export async function getLiveFeedXml(slug: string): Promise<string | null> {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.articleSlug(slug));
  const article = await getPublishedArticleBySlug(slug);
  if (!article) return forgetSoon();
  cacheTag(cacheTags.article(article.id));
  if (!article.liveStartedAt) return forgetSoon();
  const updates = await listShownLiveUpdates(article.id, LIVE_FEED_SIZE);
  const pagePath = `/articles/${article.slug}`;
  return buildRssFeed(
    {
      title: `${article.title}: live updates — ${SITE_NAME}`,
      description: article.standfirst || `Live coverage from ${SITE_NAME}.`,
      pageUrl: url(pagePath),
      feedUrl: url(`${pagePath}/live.xml`),
      siteUrl: env.SITE_URL,
    },
    liveFeedEntries(updates, {
      slug: article.slug,
      siteUrl: env.SITE_URL,
      renderHtml: (markdown) => absolutizeHtml(renderBody(markdown, 'markdown'), env.SITE_URL),
      imageUrl: (path) => url(mediaUrl(path)),
    }),
  );
}
