// How long nginx's micro-cache (deploy/nginx.conf) keeps an answer: to the end of the second it was
// made in. nginx counts "1s" in whole seconds, up to two, so the app names the second itself.
// scripts/server.mjs sets it on every answer, before Next and proxy.ts run: proxy.ts used to, but that
// put every cached article through the proxy, about a third of the CPU a cached page costs (issue 19).
// Node loads this file itself for the server (type stripping): only erasable TypeScript here.

/** Paths nginx caches by its own rules (the islands' poll answers) or never: Next's files, the API, uploads. */
const OWN_RULES = /^\/(?:_next|api|media|brand)\/|^\/favicon\.ico$/;

/** The X-Accel-Expires value for a request, or null to leave nginx's own rule. */
export function microCacheExpiry(method: string | undefined, path: string, nowMs: number): string | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  if (OWN_RULES.test(path)) return null;
  return `@${Math.floor(nowMs / 1000)}`;
}
