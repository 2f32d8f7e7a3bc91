import { Feed } from 'feed';
import { absoluteUrl, SITE_LANGUAGE, SITE_NAME, siteBase, stripInvalidXmlChars } from './site';

// RSS 2.0 documents for the site, its sections, tags and authors, and the corrections feed.

export const FEED_SIZE = 20;

export type FeedLink = { name: string; url: string };

export type FeedEntry = {
  /** Stable across slug changes, so a renamed article is not shown twice by feed readers. */
  guid: string;
  title: string;
  url: string;
  date: Date;
  /** Plain text (the standfirst). */
  description: string;
  /** Sanitized HTML (content:encoded), with site-relative addresses made absolute. */
  html: string;
  authors: FeedLink[];
  categories: FeedLink[];
  imageUrl?: string;
};

export type FeedChannel = {
  title: string;
  description: string;
  /** The page the feed mirrors. */
  pageUrl: string;
  /** The feed's own address (atom:link rel="self"). */
  feedUrl: string;
  siteUrl: string;
};

/** A stable id for an article that survives a change of slug (RFC 4151 tag URI). */
export function articleGuid(id: number, siteUrl: string): string {
  return `tag:${new URL(siteBase(siteUrl)).host},2024:article:${id}`;
}

export function correctionGuid(id: number, siteUrl: string): string {
  return `tag:${new URL(siteBase(siteUrl)).host},2024:correction:${id}`;
}

/**
 * Feed readers show content away from the site: site-relative links and images ("/media/…",
 * "/articles/…") must become absolute. The HTML comes from the sanitizer, which always writes
 * attributes double-quoted and refuses protocol-relative addresses.
 */
export function absolutizeHtml(html: string, siteUrl: string): string {
  return html.replace(/(\s(?:href|src))="\/(?!\/)/g, `$1="${siteBase(siteUrl)}/`);
}

/** HTML for a CDATA section: "]]>" would end it early; as HTML, "]]&gt;" reads the same. */
function cdataSafeHtml(html: string): string {
  return stripInvalidXmlChars(html).replace(/]]>/g, ']]&gt;');
}

export function buildRssFeed(channel: FeedChannel, entries: FeedEntry[]): string {
  const feed = new Feed({
    title: stripInvalidXmlChars(channel.title),
    description: stripInvalidXmlChars(channel.description),
    link: channel.pageUrl,
    feedLinks: { rss: channel.feedUrl },
    language: SITE_LANGUAGE,
    generator: SITE_NAME,
    copyright: `© ${SITE_NAME}`,
    // Deterministic: the newest item, so an unchanged feed is byte-for-byte the same.
    updated: entries[0]?.date ?? new Date(0),
    image: absoluteUrl('/brand/logo.png', channel.siteUrl),
  });
  for (const e of entries) {
    feed.addItem({
      title: stripInvalidXmlChars(e.title).replace(/]]>/g, ']] >'),
      guid: e.guid,
      link: e.url,
      date: e.date,
      description: stripInvalidXmlChars(e.description).replace(/]]>/g, ']] >'),
      // Always present: it is also what declares the dc: namespace the bylines use.
      content: cdataSafeHtml(e.html),
      category: e.categories.map((c) => ({ name: stripInvalidXmlChars(c.name), domain: c.url })),
      image: e.imageUrl ? { url: e.imageUrl, type: mimeOf(e.imageUrl), length: 0 } : undefined,
      // Bylines as dc:creator: RSS's own <author> must be an email address, and staff emails are private.
      // (An array of objects is how xml-js writes one element per byline; the library's type only says object.)
      extensions: e.authors.length
        ? [{ name: 'dc:creator', objects: e.authors.map((a) => ({ _text: stripInvalidXmlChars(a.name) })) as unknown as Record<string, unknown> }]
        : undefined,
    });
  }
  return feed.rss2();
}

function mimeOf(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  return ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : ext ? `image/${ext}` : 'image/png';
}
