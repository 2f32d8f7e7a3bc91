import type { PublicBanner } from './banner';

// The banner this process last read (from /api/breaking's cached read, or a change made here), for
// the server-rendered copy readers without JavaScript get. Read synchronously by the reader layout, so
// a cached page takes whatever banner was up when it was rendered without carrying the banner's cache
// tag: a change re-renders no page, and a cached page shows the new state when it next revalidates.
// Kept on globalThis: the route handler and the pages may load separate copies of this module.

const KEY = Symbol.for('broadsheet.breaking-snapshot');
type Holder = { [KEY]?: PublicBanner | null };

export function rememberBanner(banner: PublicBanner | null): void {
  (globalThis as Holder)[KEY] = banner;
}

/** The banner last seen in this process (null: none, or not read yet since the start). */
export function bannerSnapshot(): PublicBanner | null {
  return (globalThis as Holder)[KEY] ?? null;
}
