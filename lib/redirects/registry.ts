import { canonicalQueryKey, dateArchive, feedOf, genericQueryTarget, isList, isSiteFeed, MAX_QUERY, queryKeys, SITE_FEED, splitSuffix } from './wordpress';

// Old reader addresses and where they now live, held in memory so the proxy can answer a real 301
// without a database query (the page itself can only answer 308). The application fills it at start
// and after every change that can move an address; the proxy only reads it. It lives on globalThis
// because the proxy and the routes are bundled separately but run in one process.

export type RedirectKind = 'articles' | 'sections' | 'tags';
/**
 * An old slug of one of our own addresses; a whole old address from another system (an imported
 * WordPress permalink, archive or feed path, or a query form kept as "/?p=123") with the path it now
 * answers at; or a published page at /{slug}, which no old address may shadow.
 */
export type RedirectEntry =
  { kind: RedirectKind; oldSlug: string; slug: string } | { kind: 'legacy'; oldPath: string; target: string } | { kind: 'page'; slug: string };

type Registry = {
  byPath: Map<string, string> | null;
  legacy?: Map<string, string>;
  /** Slugs of published pages: /{slug} serves the page whatever an old address says. */
  pages?: Set<string>;
  reloading?: Promise<void> | null;
  /** Reloads are numbered as they start; one that finishes after a newer one has been applied is dropped. */
  started?: number;
  applied?: number;
};

const registry: Registry = ((globalThis as { __broadsheetRedirects?: Registry }).__broadsheetRedirects ??= { byPath: null });

/** A number for a reload about to read the table, to pass to setRedirects with what it read. */
export function startReload(): number {
  return (registry.started = (registry.started ?? 0) + 1);
}

/**
 * Replaces the table. With a reload's number, a result older than the one already applied is
 * dropped: reloads overlap (a notice, the replica's lag, the timer) and can finish out of order.
 */
export function setRedirects(entries: RedirectEntry[], reload?: number): void {
  if (reload !== undefined) {
    if (reload < (registry.applied ?? 0)) return;
    registry.applied = reload;
  }
  const byPath = new Map<string, string>();
  const legacy = new Map<string, string>();
  const pages = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'page') pages.add(e.slug);
    else if (e.kind === 'legacy') {
      const key = e.oldPath.startsWith('/?') ? canonicalQueryKey(e.oldPath) : normaliseLegacyPath(e.oldPath);
      // Never one of our own addresses, never a loop, never anywhere but here.
      if (key && isUsableLegacyPath(key) && key !== e.target && isLocalPath(e.target)) legacy.set(key, e.target);
    } else byPath.set(`/${e.kind}/${e.oldSlug}`, `/${e.kind}/${e.slug}`);
  }
  registry.byPath = byPath;
  registry.legacy = legacy;
  registry.pages = pages;
}

/** A path on this site: "/x", never "//host" or "/\\host", which a browser reads as another site. */
function isLocalPath(path: string): boolean {
  return /^\/(?![/\\])/.test(path);
}

/** Legacy paths are kept decoded and without a trailing slash; requests are looked up the same way. */
export function normaliseLegacyPath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // a malformed escape is looked up as it came
  }
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}

// Addresses of this site that an imported old path must never shadow.
// Every top-level folder of app/ (and its route groups) is here; registry.test.ts checks it. Files at the
// root are named one by one: any other dotted path ("/story.html") can be an old permalink.
const OWN_ADDRESS =
  /^\/(?:$|(?:articles|sections|tags|authors|search|front|corrections|sitemaps|admin|api|login|media|brand|unsubscribe|_next)(?:\/|$)|(?:feed\.xml|sitemap\.xml|news-sitemap\.xml|robots\.txt|favicon\.ico)(?:\/|$))/;

/** Whether an old path from another system can answer a 301 here without hiding one of our pages. */
export function isUsableLegacyPath(path: string): boolean {
  return path.startsWith('/') && path.length <= 2000 && !OWN_ADDRESS.test(path);
}

/**
 * Marks a reload in progress. With several instances a reload follows another instance's notice; a
 * request arriving meanwhile waits for it (proxy.ts) rather than miss an address moved a moment ago.
 */
export function trackReload(reload: Promise<void>): void {
  registry.reloading = reload;
  void reload.finally(() => {
    if (registry.reloading === reload) registry.reloading = null;
  });
}

export function reloadInProgress(): Promise<void> | null {
  return registry.reloading ?? null;
}

const READER_ADDRESS = /^\/(articles|sections|tags)\/([^/]+)(\/.*)?$/;

/**
 * Where `pathname` (with `search`, the query string as sent, "?" included) now lives, else null:
 * - an old slug of one of our own addresses: the current one (the rest of the path, such as `/page/2`,
 *   and the query string are kept);
 * - an old address from another system: its stored row first, then the shapes every WordPress site has
 *   (lib/redirects/wordpress.ts). A published page's own address is never redirected.
 * Null too while the registry has not been loaded. The answer is a path on this site (with a query
 * string where it needs one), never another host.
 */
export function redirectFor(pathname: string, search = ''): string | null {
  const match = READER_ADDRESS.exec(pathname);
  if (!match) return legacyFor(pathname, search);
  if (!registry.byPath) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[2]);
  } catch {
    return null;
  }
  const target = registry.byPath.get(`/${match[1]}/${slug}`);
  if (!target) return null;
  // An article's sub-pages (held replies, reply forms) are not public addresses worth keeping.
  if (match[1] === 'articles' && match[3] && match[3] !== '/') return null;
  return target + (match[3] && match[3] !== '/' ? match[3] : '') + search;
}

const FRONT_CONTROLLER = '/index.php';

function legacyFor(pathname: string, search: string): string | null {
  const legacy = registry.legacy;
  if (!legacy) return null;
  // WordPress's front controller: "/index.php?p=1" is "/?p=1", and "/index.php/2019/05/story" (permalinks
  // without mod_rewrite) is "/2019/05/story".
  const viaIndex = pathname === FRONT_CONTROLLER || pathname === `${FRONT_CONTROLLER}/` || pathname.startsWith(`${FRONT_CONTROLLER}/`);
  const rest = viaIndex ? pathname.slice(FRONT_CONTROLLER.length).replace(/^\/+/, '/') || '/' : pathname;
  if (rest === '/') {
    const found = search.length > 1 && search.length <= MAX_QUERY ? fromQuery(legacy, new URLSearchParams(search)) : null;
    return found ?? (viaIndex ? '/' : null);
  }
  const found = fromPath(legacy, normaliseLegacyPath(rest));
  if (found || !viaIndex) return found;
  return isLocalPath(rest) ? rest : null;
}

function fromQuery(legacy: Map<string, string>, params: URLSearchParams): string | null {
  for (const key of queryKeys(params)) {
    const target = legacy.get(key);
    if (target) return params.has('feed') ? feedOf(target) : target;
  }
  return genericQueryTarget(params);
}

function fromPath(legacy: Map<string, string>, path: string): string | null {
  if (registry.pages?.has(path.slice(1))) return null;
  const stored = legacy.get(path);
  if (stored) return stored;
  if (isSiteFeed(path)) return SITE_FEED;
  const archive = dateArchive(path);
  if (archive) return archive;
  const suffixed = splitSuffix(path);
  if (!suffixed) return null;
  // /about/feed of a published page /about is the page's, whatever an old row for /about says.
  if (registry.pages?.has(suffixed.base.slice(1))) return suffixed.base;
  const base = legacy.get(suffixed.base) ?? (suffixed.page ? dateArchive(suffixed.base) : null);
  if (!base) return registry.pages?.has(suffixed.base.slice(1)) ? suffixed.base : null;
  if (suffixed.feed) return feedOf(base);
  return suffixed.page && isList(base) ? `${base}?page=${suffixed.page}` : base;
}
