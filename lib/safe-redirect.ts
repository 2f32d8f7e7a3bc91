/** Keeps only a same-site path from a user-supplied return address (closes open redirects). */
export function safeReturnPath(value: string | null | undefined, fallback = '/admin'): string {
  if (!value) return fallback;
  let path = value;
  try {
    // A full URL (Next may rewrite 127.0.0.1 to localhost) keeps only its path.
    if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
      const url = new URL(value);
      path = url.pathname + url.search;
    }
  } catch {
    return fallback;
  }
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}
