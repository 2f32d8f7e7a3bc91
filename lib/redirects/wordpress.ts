// The addresses every WordPress site has, and where each one lives here. The importer stores a row per
// post, page and term (lib/redirects/registry.ts reads them); what is here needs no row: feeds, date
// archives and the query-string forms. Pure functions, so the proxy's lookup stays a few Map reads.

export const SITE_FEED = '/feed.xml';

/**
 * The feed of the page at `path`: a section, tag or author list has one (the front page has the site
 * feed); an article or a page has none, so its feed address answers with the page itself.
 */
export function feedOf(path: string): string {
  if (path === '/') return SITE_FEED;
  return /^\/(?:sections|tags|authors)\/[^/?#]+$/.test(path) ? `${path}/feed.xml` : path;
}

/** Whether `path` is a list whose pages are numbered (`?page=N`). */
export function isList(path: string): boolean {
  return /^\/(?:sections|tags|authors)\/[^/?#]+$/.test(path);
}

// WordPress's site-wide feeds, with and without pretty permalinks, and its comment feeds (we have no
// comment feed: the site feed is the nearest).
const SITE_FEEDS = new Set([
  '/feed',
  '/rss',
  '/rss2',
  '/atom',
  '/rdf',
  '/feed/rss',
  '/feed/rss2',
  '/feed/atom',
  '/feed/rdf',
  '/comments/feed',
  '/comments/feed/rss2',
  '/comments/feed/atom',
  '/wp-rss.php',
  '/wp-rss2.php',
  '/wp-atom.php',
  '/wp-rdf.php',
  '/wp-commentsrss2.php',
]);

/** A site-wide feed address of WordPress (decoded path, no trailing slash), else false. */
export function isSiteFeed(path: string): boolean {
  return SITE_FEEDS.has(path);
}

export type Suffixed = { base: string; feed: boolean; page: number | null };

const SUFFIX = /^(\/.+?)\/(?:(feed)(?:\/(?:rss|rss2|atom|rdf))?|amp|page\/([1-9]\d{0,5}))$/;

/**
 * An address that is another one plus a WordPress suffix: its feed ("/x/feed", "/x/feed/atom"), its AMP
 * copy ("/x/amp") or a later page of a list ("/x/page/2"). Null when there is no such suffix.
 */
export function splitSuffix(path: string): Suffixed | null {
  const match = SUFFIX.exec(path);
  if (!match) return null;
  return { base: match[1], feed: match[2] === 'feed', page: match[3] ? Number(match[3]) : null };
}

const DATE_PATH = /^\/(\d{4})(?:\/(\d{2})(?:\/(\d{2}))?)?$/;

/**
 * A date archive ("/2019", "/2019/05", "/2019/05/01") → the search page with that date range, the
 * nearest page we have: it shows the range in its form, ready for a word to look for.
 */
export function dateArchive(path: string): string | null {
  const match = DATE_PATH.exec(path);
  return match ? dateRange(match[1], match[2], match[3]) : null;
}

/** The search page over a year, a month or a day; null for a date that does not exist. */
export function dateRange(year: string, month?: string, day?: string): string | null {
  const y = Number(year);
  if (!/^\d{4}$/.test(year) || y < 1000) return null;
  let from: Date;
  let to: Date;
  if (month === undefined) {
    from = new Date(Date.UTC(y, 0, 1));
    to = new Date(Date.UTC(y, 11, 31));
  } else {
    const m = Number(month);
    if (!/^\d{1,2}$/.test(month) || m < 1 || m > 12) return null;
    if (day === undefined) {
      from = new Date(Date.UTC(y, m - 1, 1));
      to = new Date(Date.UTC(y, m, 0));
    } else {
      const d = Number(day);
      from = to = new Date(Date.UTC(y, m - 1, d));
      if (!/^\d{1,2}$/.test(day) || d < 1 || from.getUTCMonth() !== m - 1) return null;
    }
  }
  // Date.UTC maps years 0-99 onto 1900-1999; setUTCFullYear would not, but we refuse them above.
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  return `/search?from=${iso(from)}&to=${iso(to)}`;
}

/** Query strings longer than this are not read for old addresses (a real one is a few characters). */
export const MAX_QUERY = 4096;

/** The query-string forms the importer stores, in the order WordPress itself gives them weight. */
const NUMERIC_KEYS = ['p', 'page_id', 'cat', 'author'] as const;

/**
 * The stored keys a query address can match ("/?p=123", "/?tag=slug"), most specific first. Other
 * parameters (preview=true, utm_source) are ignored; a repeated one counts by its last value, as PHP
 * reads it; a non-numeric id matches nothing.
 */
export function queryKeys(params: URLSearchParams): string[] {
  const keys: string[] = [];
  for (const name of NUMERIC_KEYS) {
    const id = lastValue(params, name);
    if (id && /^\d{1,19}$/.test(id) && !/^0+$/.test(id)) keys.push(`/?${name}=${id.replace(/^0+/, '')}`);
  }
  const tag = lastValue(params, 'tag');
  if (tag && tag.length <= 200) keys.push(`/?tag=${tag}`);
  return keys;
}

/**
 * A query address that needs no stored row: a search (?s=), a date archive (?m=201905,
 * ?year=2019&monthnum=5) or a feed (?feed=rss2). Null for anything else (the front page answers).
 */
export function genericQueryTarget(params: URLSearchParams): string | null {
  const s = lastValue(params, 's');
  // Cut by code points: half an emoji cannot be encoded.
  if (s) return `/search?q=${encodeURIComponent(Array.from(s).slice(0, 200).join(''))}`;
  const m = lastValue(params, 'm');
  const date = m && /^\d{4}(?:\d{2}(?:\d{2})?)?$/.test(m) ? dateRange(m.slice(0, 4), m.slice(4, 6) || undefined, m.slice(6, 8) || undefined) : null;
  if (date) return date;
  const year = lastValue(params, 'year');
  if (year) {
    const month = lastValue(params, 'monthnum') || undefined;
    const byYear = dateRange(year, month, month ? lastValue(params, 'day') || undefined : undefined);
    if (byYear) return byYear;
  }
  if (params.has('feed')) return SITE_FEED;
  return null;
}

/** Canonical form of a stored query key, so "/?tag=caf%C3%A9" and "/?p=0123" match as readers send them. */
export function canonicalQueryKey(key: string): string | null {
  const params = new URLSearchParams(key.slice(2));
  const [found] = queryKeys(params);
  return found ?? null;
}

function lastValue(params: URLSearchParams, name: string): string | null {
  const all = params.getAll(name);
  const value = all.length ? all[all.length - 1].trim() : '';
  return value || null;
}
