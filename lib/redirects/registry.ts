// Old reader addresses and where they now live, held in memory so the proxy can answer a real 301
// without a database query (the page itself can only answer 308). The application fills it at start
// and after every change that can move an address; the proxy only reads it. It lives on globalThis
// because the proxy and the routes are bundled separately but run in one process.

export type RedirectKind = 'articles' | 'sections' | 'tags';
export type RedirectEntry = { kind: RedirectKind; oldSlug: string; slug: string };

type Registry = { byPath: Map<string, string> | null };

const registry: Registry = ((globalThis as { __broadsheetRedirects?: Registry }).__broadsheetRedirects ??= { byPath: null });

export function setRedirects(entries: RedirectEntry[]): void {
  registry.byPath = new Map(entries.map((e) => [`/${e.kind}/${e.oldSlug}`, `/${e.kind}/${e.slug}`]));
}

export function redirectsLoaded(): boolean {
  return registry.byPath !== null;
}

const READER_ADDRESS = /^\/(articles|sections|tags)\/([^/]+)(\/.*)?$/;

/**
 * The current address for `pathname` when it uses an old slug (the rest of the path, such as
 * `/page/2`, is kept), else null. Null too while the registry has not been loaded.
 */
export function redirectFor(pathname: string): string | null {
  const match = READER_ADDRESS.exec(pathname);
  if (!match || !registry.byPath) return null;
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
