/**
 * The one way to turn an address from a request (a form's returnTo, the sign-in callbackUrl, a page's
 * `back=`) into somewhere to redirect: a path on this site, or `fallback`.
 *
 * A browser reads a Location leniently: it drops tabs and newlines anywhere, treats `\` as `/`, and
 * takes `//host` (and `/\host`) as another site. So the value is refused outright when it holds a
 * control character or a backslash, and its path when it holds an escaped slash, backslash, percent
 * sign (double encoding) or control character. What is left is resolved the way a browser resolves
 * it (dot segments, `%2e` included), and the result must still be a plain path on this site: not
 * `//…` after `/a/../..//evil.example` collapses. A full http(s) URL keeps only its path (Next may
 * rewrite 127.0.0.1 to localhost, so the host cannot be compared). With `prefix`, the path must be
 * that prefix or below it (`/admin/comments` allows `/admin/comments?…` and `/admin/comments/…`,
 * not `/admin/commentsx`).
 */
export function safeReturnPath(value: string | null | undefined, fallback = '/admin', prefix?: string): string {
  if (typeof value !== 'string' || value === '' || value.length > 2000) return fallback;
  // Controls (tab, CR, LF, NUL…), DEL, backslashes: never in an address we make.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let path = value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    if (!/^https?:\/\//i.test(value)) return fallback;
    try {
      const url = new URL(value);
      path = url.pathname + url.search + url.hash;
    } catch {
      return fallback;
    }
  }
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  const end = path.search(/[?#]/);
  const pathname = end === -1 ? path : path.slice(0, end);
  if (/%(?:2f|5c|25|[01][0-9a-f]|7f)/i.test(pathname)) return fallback;
  try {
    decodeURIComponent(pathname);
  } catch {
    return fallback;
  }
  const base = 'http://site.invalid';
  let resolved: URL;
  try {
    resolved = new URL(path, base);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base || resolved.pathname.startsWith('//')) return fallback;
  if (prefix !== undefined && resolved.pathname !== prefix && !resolved.pathname.startsWith(`${prefix.replace(/\/$/, '')}/`)) return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}
