import { articleBodyText } from '@/lib/search/body-text';
import { escapeXml, absoluteUrl, siteBase } from './site';
import type { FeedEntry } from './feed';

// Search engines and feed readers for a live article: the `liveBlogUpdate` items of its
// LiveBlogPosting JSON-LD (./json-ld.ts) and the items of /articles/[slug]/live.xml. Pure: the
// callers read the updates (db/queries/live-updates.ts) inside a cached function and pass them here.

/** What these builders read of one update (a LiveUpdateRow fits). */
export type LiveUpdateForSeo = {
  id: number;
  number: number;
  /** Markdown. */
  body: string;
  authorName: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  correction?: string | null;
  imagePath?: string | null;
  imageAlt?: string | null;
};

/** How many updates the JSON-LD carries (Google reads the latest few), and the feed. */
export const JSON_LD_UPDATES = 10;
export const LIVE_FEED_SIZE = 50;
const HEADLINE_MAX = 110;

/** An update's address: its page in context (/articles/[slug]/updates/N). */
export const liveUpdatePath = (slug: string, number: number) => `/articles/${slug}/updates/${number}`;

/** The update's text without Markdown, on one line. */
export function liveUpdateText(body: string): string {
  return articleBodyText(body, 'markdown').replace(/\s+/g, ' ').trim();
}

/** A headline for an update, which has none of its own: its first words, at most 110 characters. */
export function liveUpdateHeadline(body: string): string {
  const text = liveUpdateText(body);
  if (text.length <= HEADLINE_MAX) return text;
  const cut = text.slice(0, HEADLINE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  // Cut at a word when one ends reasonably late; a single very long word is cut where it is.
  return `${(space > HEADLINE_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** The newest `limit` updates still shown, newest first (deleted ones leave only a note on the page). */
export function shownUpdates<U extends LiveUpdateForSeo>(updates: U[], limit: number): U[] {
  return updates
    .filter((u) => !u.deletedAt)
    .sort((a, b) => b.number - a.number)
    .slice(0, limit);
}

/** schema.org BlogPosting items for LiveBlogPosting.liveBlogUpdate, newest first. */
export function liveBlogUpdatesJsonLd(
  updates: LiveUpdateForSeo[],
  { slug, siteUrl, fallbackAuthors }: { slug: string; siteUrl: string; fallbackAuthors: { name: string; url: string }[] },
) {
  return shownUpdates(updates, JSON_LD_UPDATES).map((u) => ({
    '@type': 'BlogPosting',
    headline: liveUpdateHeadline(u.body),
    articleBody: liveUpdateText(u.body),
    datePublished: u.createdAt.toISOString(),
    dateModified: (u.editedAt ?? u.createdAt).toISOString(),
    url: absoluteUrl(liveUpdatePath(slug, u.number), siteUrl),
    author: u.authorName ? { '@type': 'Person', name: u.authorName } : fallbackAuthors.map((a) => ({ '@type': 'Person', name: a.name, url: a.url })),
  }));
}

/** A stable id for an update in feeds: its row id, which neither an edit nor a new slug changes (RFC 4151 tag URI). */
export function liveUpdateGuid(id: number, siteUrl: string): string {
  return `tag:${new URL(siteBase(siteUrl)).host},2024:live-update:${id}`;
}

/**
 * The feed items of a live article, newest first. `renderHtml` is the page's own Markdown renderer
 * (sanitized, addresses made absolute) and `imageUrl` the absolute address of an upload: passed in, so
 * this stays a plain function the tests reach.
 */
export function liveFeedEntries(
  updates: LiveUpdateForSeo[],
  { slug, siteUrl, renderHtml, imageUrl }: { slug: string; siteUrl: string; renderHtml: (markdown: string) => string; imageUrl: (path: string) => string },
): FeedEntry[] {
  return shownUpdates(updates, LIVE_FEED_SIZE).map((u) => {
    const image = u.imagePath ? imageUrl(u.imagePath) : undefined;
    const html = [
      image ? `<p><img src="${escapeXml(image)}" alt="${escapeXml(u.imageAlt ?? '')}" /></p>` : '',
      renderHtml(u.body),
      u.correction ? `<p><strong>Correction:</strong> ${escapeXml(u.correction)}</p>` : '',
    ]
      .filter(Boolean)
      .join('\n');
    return {
      guid: liveUpdateGuid(u.id, siteUrl),
      title: liveUpdateHeadline(u.body),
      url: absoluteUrl(liveUpdatePath(slug, u.number), siteUrl),
      date: u.createdAt,
      description: liveUpdateText(u.body),
      html,
      authors: u.authorName ? [{ name: u.authorName, url: absoluteUrl(`/articles/${slug}`, siteUrl) }] : [],
      categories: [],
      imageUrl: image,
    };
  });
}
