import { NextResponse, type NextRequest } from 'next/server';
import { decodeHeldCookie, HELD_COOKIE } from '@/lib/replies/held-cookie';
import { appSecret } from '@/lib/secret';

/**
 * Runs only for article requests that carry the held-reply cookie (see `config.matcher`): when its
 * signature checks out and it names this article, the reader gets the dynamic variant that shows
 * their own held replies. A forged cookie costs nothing but falls through to the cached page.
 */
export function proxy(request: NextRequest) {
  const match = /^\/articles\/([^/]+)\/?$/.exec(request.nextUrl.pathname);
  if (!match) return NextResponse.next();
  const slug = decodeURIComponent(match[1]);
  const entries = decodeHeldCookie(request.cookies.get(HELD_COOKIE)?.value, appSecret());
  if (!entries?.some((e) => e.slug === slug)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/articles/${match[1]}/held`;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: [{ source: '/articles/:slug', has: [{ type: 'cookie', key: 'bs_held' }] }],
};
