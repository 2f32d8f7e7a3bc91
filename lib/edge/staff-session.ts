import { getToken } from 'next-auth/jwt';
// With its extension: Node itself loads this file for scripts/server.mjs.
import { appSecret } from '../secret.ts';

/**
 * Whether the request carries a valid staff session (Auth.js's signed and encrypted cookie), checked
 * by scripts/server.mjs before it lets a large body through to a staff page. Only the token is
 * checked here; the action itself then checks the account and its permission as always.
 */
export async function hasStaffSession(cookieHeader: string | undefined): Promise<boolean> {
  if (!cookieHeader) return false;
  const token = await getToken({
    req: { headers: { cookie: cookieHeader } },
    secret: appSecret(),
    secureCookie: cookieHeader.includes('__Secure-authjs.session-token'),
  });
  return typeof token?.uid === 'number';
}
