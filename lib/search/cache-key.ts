import { parseSearchParams, type SearchParams } from './params';

export { SEARCH_CACHE_NO_KEY, SEARCH_CACHE_PATH, SEARCH_KEY_HEADER } from './cache-route';

/**
 * A search served from the page cache (issue 19). `/search?q=…&section=…&from=…&to=…&page=…` is served by
 * the page at `/search/r/<key>`, cached whole and tagged `search` (lib/cache-tags.ts), where the key is the
 * parsed, normalised parameters: `?q=Harbour%20%20` and `?q=Harbour&page=1` share one entry. proxy.ts
 * names the key in a request header (SEARCH_KEY_HEADER) and next.config.ts rewrites on it: an internal
 * rewrite, whatever host the server listens on. Pure module.
 *
 * Bounded, since anyone can send endless distinct queries: a search whose key is longer than
 * SEARCH_CACHE_MAX_KEY characters is never cached, and one process lets at most SEARCH_CACHE_MAX_KEYS
 * distinct keys into the cache, each only once asked twice (SearchKeyAdmission); everything else is rendered per request, as every
 * search was before.
 */

/**
 * Longest key cached: about 100 characters of plain query without filters (fewer with filters, or with
 * letters UTF-8 needs more bytes for). Next stores the page as files named after it, and a file name
 * must stay under 255 bytes.
 */
export const SEARCH_CACHE_MAX_KEY = 200;
/** Most distinct searches one process puts in the page cache. */
export const SEARCH_CACHE_MAX_KEYS = 1000;
type Encoded = [q: string, section: string, from: string, to: string, page: number];

/** The one path segment for these (already parsed) parameters, or null when they are not cached. */
export function searchCacheKey(p: SearchParams): string | null {
  const encoded: Encoded = [p.q, p.section ?? '', p.from ?? '', p.to ?? '', p.page];
  const key = Buffer.from(JSON.stringify(encoded), 'utf8').toString('base64url');
  return key.length > SEARCH_CACHE_MAX_KEY ? null : key;
}

/**
 * The parameters a key stands for, or null unless it is exactly the key searchCacheKey gives for them
 * (so each search has one address in the cache, and a made-up segment is a 404).
 */
export function parseSearchCacheKey(key: string): SearchParams | null {
  if (key.length > SEARCH_CACHE_MAX_KEY || !/^[A-Za-z0-9_-]+$/.test(key)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(key, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 5) return null;
  const [q, section, from, to, page] = value as unknown[];
  if (![q, section, from, to].every((v) => typeof v === 'string') || typeof page !== 'number') return null;
  const params = parseSearchParams({
    q: q as string,
    section: (section as string) || undefined,
    from: (from as string) || undefined,
    to: (to as string) || undefined,
    page: String(page),
  });
  return searchCacheKey(params) === key ? params : null;
}

/** The query string as the page would read it: a repeated parameter becomes a list. */
export function rawSearchParams(query: URLSearchParams): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const name of new Set(query.keys())) {
    const all = query.getAll(name);
    raw[name] = all.length === 1 ? all[0] : all;
  }
  return raw;
}

/**
 * Which keys may enter the page cache. A key is admitted the second time it is asked (a search many
 * readers make, such as a breaking story's keyword), so one-off searches never spend the quota; at most
 * `max` distinct keys are ever admitted in a process (a Set that never grows past `max`), so the cache
 * holds at most `max` search pages, on disk too, however many different queries arrive. Keys asked once
 * are remembered up to `maxSeen`, then forgotten all at once. A key not admitted renders per request.
 */
export class SearchKeyAdmission {
  private readonly keys = new Set<string>();
  private readonly seen = new Set<string>();
  constructor(
    readonly max = SEARCH_CACHE_MAX_KEYS,
    readonly maxSeen = SEARCH_CACHE_MAX_KEYS * 10,
  ) {}

  admit(key: string): boolean {
    if (this.keys.has(key)) return true;
    if (!this.seen.has(key)) {
      if (this.seen.size >= this.maxSeen) this.seen.clear();
      this.seen.add(key);
      return false;
    }
    if (this.keys.size >= this.max) return false;
    this.seen.delete(key);
    this.keys.add(key);
    return true;
  }

  get size() {
    return this.keys.size;
  }
}

const admission = new SearchKeyAdmission();

/**
 * For proxy.ts: the cached page's key for a `/search` request, or null when this search is rendered per
 * request (too long a key, or the process's quota of cached searches is used up).
 */
export function cachedSearchKey(query: URLSearchParams, admitted: SearchKeyAdmission = admission): string | null {
  const key = searchCacheKey(parseSearchParams(rawSearchParams(query)));
  return key && admitted.admit(key) ? key : null;
}
