import 'server-only';
import { getToken } from 'next-auth/jwt';
import { getStaffForSession, type StaffMember } from '@/db/queries/staff';
import { appSecret } from '../secret';
import { accountIdOf, sessionIdOf, sessionIsCurrent, type SessionClaims } from './session-check';

/**
 * The claims of the Auth.js session cookie in this Cookie header (its name depends on https), or none.
 * Reading the cookie itself rather than through auth() sees a cookie re-issued earlier in the same
 * server action (a password change), and re-issues nothing.
 */
export async function sessionClaimsFrom(cookieHeader: string): Promise<SessionClaims> {
  // Only the cookie: getToken would also take a bearer header.
  const req = { headers: new Headers({ cookie: cookieHeader }) };
  const secret = appSecret();
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret, secureCookie });
    if (token) return token as SessionClaims;
  }
  return {};
}

/**
 * The staff member a session token opens, read fresh from the database (one query), or null when the
 * token is stale: signed out, from before a password change, a role change, disabling or "Sign out
 * everywhere". Used by getCurrentStaff (auth.ts) and the admin page gate (proxy).
 */
export async function staffForClaims(claims: SessionClaims): Promise<StaffMember | null> {
  const id = accountIdOf(claims);
  const sid = sessionIdOf(claims);
  if (id === null || !sid) return null;
  const account = await getStaffForSession(id, sid);
  if (!account || !sessionIsCurrent(claims, account)) return null;
  return { id: account.id, email: account.email, name: account.name, slug: account.slug, role: account.role, disabled: account.disabled };
}
