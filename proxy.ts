import { NextResponse, type NextRequest } from 'next/server';
import { adminGate } from '@/lib/auth/admin-gate';
import { newNonce, PER_REQUEST_PAGES, strictPolicy } from '@/lib/edge/security-headers';
import { decodeHeldCookie, HELD_COOKIE } from '@/lib/replies/held-cookie';
import { redirectFor as lookUpRedirect, reloadInProgress } from '@/lib/redirects/registry';
import { appSecret } from '@/lib/secret';
import { cachedSearchKey, SEARCH_CACHE_PATH, SEARCH_KEY_HEADER } from '@/lib/search/cache-key';

/**
 * A reader with the held-reply cookie: when its signature checks out and it names this article, they
 * get the dynamic variant that shows their own held replies. A forged cookie falls through to the
 * cached page.
 */
function heldReplyRewrite(request: NextRequest, slugSegment: string) {
  const entries = decodeHeldCookie(request.cookies.get(HELD_COOKIE)?.value, appSecret());
  const slug = safeDecode(slugSegment);
  if (slug === null || !entries?.some((e) => e.slug === slug)) return pass(request);
  const url = request.nextUrl.clone();
  url.pathname = `/articles/${slugSegment}/held`;
  return pass(request, url);
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * A search: the cached page for its normalised parameters when lib/search/cache-key.ts admits it (the
 * key goes in a request header, and next.config.ts rewrites to that page; the base policy, like every
 * cached page), else rendered per request. A key header the client sent never counts, here or on the
 * cached pages' own addresses (which next.config.ts then answers with a 404).
 */
function searchRoute(request: NextRequest): NextResponse {
  const key = request.nextUrl.pathname === '/search' ? cachedSearchKey(request.nextUrl.searchParams) : null;
  const headers = new Headers(request.headers);
  headers.delete(SEARCH_KEY_HEADER);
  if (!key) return pass(request, undefined, headers);
  headers.set(SEARCH_KEY_HEADER, key);
  return NextResponse.next({ request: { headers } });
}

/**
 * Lets the request through (or rewrites it to `rewriteTo`, a page rendered per request), with `headers`
 * as its request headers when given. A page rendered per request gets a strict policy with a fresh
 * nonce: Next reads it from the request's copy of the header and puts it on its scripts. Cached pages keep the base policy scripts/server.mjs
 * set, since the same bytes go to every reader.
 */
function pass(request: NextRequest, rewriteTo?: URL, headers = new Headers(request.headers)): NextResponse {
  if (!rewriteTo && !PER_REQUEST_PAGES.test(request.nextUrl.pathname)) return NextResponse.next();
  const policy = strictPolicy(newNonce(), { dev: process.env.NODE_ENV === 'development' });
  headers.set('Content-Security-Policy', policy);
  const response = rewriteTo ? NextResponse.rewrite(rewriteTo, { request: { headers } }) : NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

/**
 * Only redirects early; every admin page and action checks the session and permission again.
 * Redirecting here gives a real 307 before any HTML is streamed.
 */
// Presence only: decoding here through Auth.js's wrapper would re-issue the session cookie on every
// request, racing with sign-out. The pages decode and look the user up.
const hasSessionCookie = (request: NextRequest) => request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));

const RELOAD_WAIT_MS = 1000;

/** The new address of an old one; an address the table cannot read is served as it came, never a 500. */
function redirectFor(pathname: string, search: string): string | null {
  try {
    return lookUpRedirect(pathname, search);
  } catch {
    return null;
  }
}

export async function proxy(request: NextRequest) {
  // Another instance has just moved an address and this one is reloading its table: wait for it, but
  // not for long (a stalled database server would otherwise stall every page).
  const reloading = reloadInProgress();
  if (reloading) await Promise.race([reloading, new Promise((resolve) => setTimeout(resolve, RELOAD_WAIT_MS))]);
  // Admin pages: who may see one is decided before it renders, so a refusal is a real 403 (or 404, or a
  // redirect to sign in for a stale session), with or without JavaScript (lib/auth/admin-gate.ts).
  const { pathname } = request.nextUrl;
  const gated = /^\/admin(\/.*[^/])?$/.test(pathname) && hasSessionCookie(request) ? await adminGate(request) : null;
  const response = gated ?? route(request);
  // For nginx's micro-cache (deploy/nginx.conf): keep this answer to the end of the current second at
  // most. nginx counts validity in whole seconds, so its own "1s" lasts up to two; with this a change
  // shows through the cache within a second and one render. Ignored by anything but nginx.
  if (request.method === 'GET' || request.method === 'HEAD') response.headers.set('X-Accel-Expires', `@${Math.floor(Date.now() / 1000)}`);
  return response;
}

function route(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  // Trailing slashes (next.config.ts hands them to us): an old address goes straight to its new home,
  // anything else to the same path without the slash, as Next itself would.
  if (pathname.length > 1 && pathname.endsWith('/')) {
    const moved = request.method === 'GET' || request.method === 'HEAD' ? redirectFor(pathname, search) : null;
    // A plain URL: a clone of nextUrl would put the trailing slash back.
    const url = new URL(moved ?? (pathname.replace(/\/+$/, '') || '/') + search, request.url);
    return NextResponse.redirect(url, moved ? 301 : 308);
  }
  if (pathname === '/admin' || pathname.startsWith('/admin/')) {
    if (!hasSessionCookie(request)) {
      const login = new URL('/login', request.nextUrl);
      login.searchParams.set('callbackUrl', pathname + search);
      return NextResponse.redirect(login);
    }
    return pass(request);
  }
  // Only reads: a form post goes to the ordinary article route, which renders the action's answer
  // (field errors, typed values) into the HTML for readers without JavaScript.
  if (request.method !== 'GET' && request.method !== 'HEAD') return pass(request);
  // Old addresses, "/?p=123" and the like included: redirectFor gives the whole new address.
  const moved = redirectFor(pathname, search);
  if (moved) return NextResponse.redirect(new URL(moved, request.url), 301);
  const article = /^\/articles\/([^/]+)\/?$/.exec(pathname);
  if (article && request.cookies.has(HELD_COOKIE)) return heldReplyRewrite(request, article[1]);
  if (pathname === '/search' || pathname.startsWith(`${SEARCH_CACHE_PATH}/`)) return searchRoute(request);
  return pass(request);
}

export const config = {
  // Every address but the site's own files: any reader path can be an old one (imported permalinks,
  // dotted ones such as /2019/05/story.html included, answer 301), and the work per request is a few Map
  // lookups. Left out: Next's own files, the internal API, uploaded media, the logo and the favicon.
  // Route handlers (/feed.xml, /robots.txt, the sitemaps) pass through untouched but for X-Accel-Expires.
  matcher: ['/((?!_next/|api/|media/|brand/|favicon\\.ico$).*)'],
};
