// Old reader addresses and where they now live, held in memory so the proxy can answer a real 301
// without a database query (the page itself can only answer 308). The application fills it at start
// and after every change that can move an address; the proxy only reads it. It lives on globalThis
// because the proxy and the routes are bundled separately but run in one process.

export type RedirectKind = 'articles' | 'sections' | 'tags';
/**
 * An old slug of one of our own addresses, or a whole old path from another system (an imported
 * WordPress permalink) that now lives at an article.
 */
export type RedirectEntry = { kind: RedirectKind; oldSlug: string; slug: string } | { kind: 'legacy'; oldPath: string; slug: string };

type Registry = {
  byPath: Map<string, string> | null;
  legacy?: Map<string, string>;
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
  for (const e of entries) {
    if (e.kind === 'legacy') legacy.set(normaliseLegacyPath(e.oldPath), `/articles/${e.slug}`);
    else byPath.set(`/${e.kind}/${e.oldSlug}`, `/${e.kind}/${e.slug}`);
  }
  registry.byPath = byPath;
  registry.legacy = legacy;
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
// Every top-level folder of app/ (and its route groups) is here; registry.test.ts checks it.
const OWN_ADDRESS =
  /^\/(?:$|(?:articles|sections|tags|authors|search|front|corrections|sitemaps|admin|api|login|media|brand|unsubscribe|_next)(?:\/|$)|[^/]*\.[^/]+(?:\/|$))/;

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
 * The current address for `pathname` when it uses an old slug (the rest of the path, such as
 * `/page/2`, is kept), else null. Null too while the registry has not been loaded.
 */
export function redirectFor(pathname: string): string | null {
  const match = READER_ADDRESS.exec(pathname);
  if (!match) return registry.legacy?.get(normaliseLegacyPath(pathname)) ?? null;
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
  return target + (match[3] && match[3] !== '/' ? match[3] : '');
}
