import { NextResponse, type NextRequest } from 'next/server';
import { handlers } from '@/auth';

const CALLBACK_COOKIES = ['authjs.callback-url', '__Secure-authjs.callback-url'];

/** What Auth.js itself accepts as a callback URL (an http(s) URL, or a path). */
function parsesAsCallback(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * Auth.js answers a callbackUrl it cannot parse, in the query or in its cookie, with a 500 ("server
 * configuration"). It is the client's mistake: a 400, and the bad cookie is cleared.
 */
function refuseBadCallback(request: NextRequest): NextResponse | null {
  const { origin, searchParams } = request.nextUrl;
  const param = searchParams.get('callbackUrl');
  const badCookies = CALLBACK_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && value !== '' && !parsesAsCallback(value, origin);
  });
  if ((param === null || parsesAsCallback(param, origin)) && badCookies.length === 0) return null;
  const response = NextResponse.json({ error: 'Invalid callbackUrl.' }, { status: 400 });
  for (const name of badCookies) response.cookies.delete(name);
  return response;
}

export function GET(request: NextRequest) {
  return refuseBadCallback(request) ?? handlers.GET(request);
}

export function POST(request: NextRequest) {
  return refuseBadCallback(request) ?? handlers.POST(request);
}
