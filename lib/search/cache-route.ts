// Where cached searches live (lib/search/cache-key.ts), read by next.config.ts too: constants only, no imports.

/** The cached search page's path; its one segment is the key. */
export const SEARCH_CACHE_PATH = '/search/r';
/** A segment that is never a key: every direct request for a cached search's address lands here (a 404). */
export const SEARCH_CACHE_NO_KEY = '_';
/**
 * The request header through which proxy.ts hands next.config.ts's rewrite the key of an admitted search.
 * proxy.ts removes any copy a client sent, on /search and on the cached addresses alike.
 */
export const SEARCH_KEY_HEADER = 'x-broadsheet-search-key';
