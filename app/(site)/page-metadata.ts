import type { Metadata } from 'next';
import { SITE_DESCRIPTION, SITE_NAME } from '@/lib/seo/site';

// Shared metadata for reader pages. Next replaces `alternates` and `openGraph` whole when a page sets
// them, so every page that sets a canonical link goes through these to keep the feed links and
// site name. Relative addresses become absolute through metadataBase (SITE_URL).

type FeedLink = { url: string; title: string };

export const SITE_FEED: FeedLink = { url: '/feed.xml', title: SITE_NAME };

/** RSS autodiscovery: the site feed on every reader page, plus the page's own feed. */
export function feedTypes(...own: FeedLink[]) {
  return { 'application/rss+xml': [SITE_FEED, ...own] };
}

/** Canonical link, feeds and Open Graph basics for the front page and the section, tag and author lists. */
export function listPageMetadata({
  title,
  description,
  path,
  page,
  feed,
}: {
  title: string;
  description?: string;
  path: string;
  page: number;
  feed?: FeedLink;
}): Metadata {
  const canonical = page > 1 ? `${path}?page=${page}` : path;
  const pageTitle = page > 1 ? `${title}, page ${page}` : title;
  const text = description || SITE_DESCRIPTION;
  return {
    title: pageTitle,
    description: text,
    alternates: { canonical, types: feed ? feedTypes(feed) : feedTypes() },
    openGraph: { type: 'website', siteName: SITE_NAME, locale: 'en_GB', url: canonical, title: pageTitle, description: text },
    twitter: { card: 'summary', title: pageTitle, description: text },
  };
}
