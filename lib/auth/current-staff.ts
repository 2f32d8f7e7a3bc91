import 'server-only';
import { getStaffForSession, type StaffMember } from '@/db/queries/staff';
import { accountIdOf, sessionIdOf, sessionIsCurrent, type SessionClaims } from './session-check';

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
