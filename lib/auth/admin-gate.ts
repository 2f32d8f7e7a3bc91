import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { getArticleResource, pageExists, revisionExists } from '@/db/queries/admin-access';
import { adminPageAccess, type PageRecords } from './admin-pages';
import { sessionClaimsFrom, staffForClaims } from './current-staff';
import { adminNotFoundHtml, notAllowedHtml } from './not-allowed';

// The admin pages' gate, for proxy.ts: a page is rendered per request and starts its answer (status 200)
// before its own checks run, so the status of a refusal is decided here, before rendering. Signed out
// (or a stale, signed-out or superseded cookie): a real redirect to sign in. A page the role may not see:
// 403 with the "not allowed" page. A record that does not exist: 404. Every page checks again itself.
// (Next's forbidden() cannot do this here: with Cache Components a per-request page has sent its 200
// shell before the check runs, and without JavaScript its forbidden page is blank.)

const records: PageRecords = { article: getArticleResource, revisionExists, pageExists };

function plainPage(request: NextRequest, status: 403 | 404, html: string): NextResponse {
  return new NextResponse(request.method === 'HEAD' ? null : html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store' },
  });
}

/** The answer to send instead of rendering this admin page, or null to render it. */
export async function adminGate(request: NextRequest): Promise<NextResponse | null> {
  // Server actions are posts: each action checks its caller itself and answers in its own way.
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const { pathname, search } = request.nextUrl;
  const staff = await staffForClaims(await sessionClaimsFrom(request.headers.get('cookie') ?? ''));
  if (!staff) {
    const login = new URL('/login', request.nextUrl);
    login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }
  switch (await adminPageAccess(pathname, staff, records, request.nextUrl.searchParams)) {
    case 'forbidden':
      return plainPage(request, 403, notAllowedHtml());
    case 'not-found':
      return plainPage(request, 404, adminNotFoundHtml());
    default:
      return null;
  }
}
