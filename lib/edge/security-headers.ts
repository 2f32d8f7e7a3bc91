import { randomBytes } from 'node:crypto';

// The security headers. scripts/server.mjs puts the base set on every response; proxy.ts replaces the
// policy with a nonce-based one on the pages rendered per request. Node loads this file itself for the
// server (type stripping): only erasable TypeScript and node: imports here.

/**
 * What every response carries, cached reader pages included: no framing (clickjacking on the desk's
 * buttons), no plugins, no <base> or form posts elsewhere. Cached pages are the same bytes for every
 * reader, so they cannot carry a per-request nonce; their scripts are Next's own inline ones.
 */
export const BASE_POLICY = ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"];

/** Two years, as the HSTS preload list asks; only sent when SITE_URL is https. */
const HSTS = 'max-age=63072000; includeSubDomains';

export function baseSecurityHeaders(siteUrl: string): [string, string][] {
  const headers: [string, string][] = [
    ['Content-Security-Policy', BASE_POLICY.join('; ')],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    // For browsers that predate frame-ancestors.
    ['X-Frame-Options', 'DENY'],
  ];
  if (siteUrl.startsWith('https:')) headers.push(['Strict-Transport-Security', HSTS]);
  return headers;
}

/** Pages rendered per request (staff pages, sign-in, search): they can carry a nonce, so they do. */
export const PER_REQUEST_PAGES = /^\/(?:admin|login|search)(?:\/|$)/;

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * A strict policy (scripts only with this response's nonce, and what they load: 'strict-dynamic').
 * Next reads the nonce from the request's copy of this header and puts it on its own scripts. Other
 * kinds of content are left as the base policy has them, so an article's images keep loading.
 */
export function strictPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  // React's development build evaluates code to rebuild server stacks; production never does.
  const script = `script-src 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`;
  return [script, ...BASE_POLICY].join('; ');
}
