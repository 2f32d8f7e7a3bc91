// What an article page weighs, read from its HTML: the inline React Server Components payload and the
// scripts a current browser loads. Pure functions (no server), so Vitest checks them.

/** The inline RSC payload: every `<script>` element (tags included) whose code pushes onto `self.__next_f`. */
export function inlineRscPayload(html: string): { bytes: number; scripts: number } {
  let bytes = 0;
  let scripts = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1])) continue;
    if (!/\bself\.__next_f\b/.test(m[2])) continue;
    bytes += Buffer.byteLength(m[0]);
    scripts++;
  }
  return { bytes, scripts };
}

export type ScriptRef = { src: string; noModule: boolean };

const unescapeAttribute = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/**
 * The external scripts of a page, each address once, in document order. `noModule` scripts (Next's
 * legacy polyfills) are fetched only by browsers without ES modules: a current browser skips them.
 */
export function pageScripts(html: string): { loaded: string[]; noModule: string[] } {
  const loaded: string[] = [];
  const noModule: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1];
    const src = attrs.match(/\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i);
    if (!src) continue;
    const address = unescapeAttribute(src[1] ?? src[2] ?? src[3]);
    const list = /\snomodule(?:[\s=>]|$)/i.test(attrs) ? noModule : loaded;
    if (!list.includes(address)) list.push(address);
  }
  return { loaded, noModule: noModule.filter((a) => !loaded.includes(a)) };
}

/** The median of `values` (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
