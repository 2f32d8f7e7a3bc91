import 'server-only';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { FailureHistory } from '@/lib/auth/sign-in-rules';
import type { SessionAccount } from '@/lib/auth/session-check';
import { db } from '../index';
import { loginAttempts, revokedSessions, users } from '../schema';

const staffColumns = { id: users.id, email: users.email, name: users.name, slug: users.slug, role: users.role, disabled: users.disabled };

export type StaffMember = { id: number; email: string; name: string; slug: string; role: (typeof users.$inferSelect)['role']; disabled: boolean };

export async function getStaffById(id: number): Promise<StaffMember | null> {
  const [row] = await db.select(staffColumns).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/**
 * The account a session token names, with what decides whether the token still opens it: the
 * account's session version and whether this session was signed out. One query, on every request.
 */
export async function getStaffForSession(id: number, sid: string): Promise<(StaffMember & SessionAccount) | null> {
  const [row] = await db
    .select({
      ...staffColumns,
      sessionVersion: users.sessionVersion,
      sessionRevoked: sql<number>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sid} = ${sid})`,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ? { ...row, sessionRevoked: Boolean(row.sessionRevoked) } : null;
}

/** Whether an email is a staff account's (emails are stored lower-cased; users_email_uq). */
export async function isStaffEmail(email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return Boolean(row);
}

/** For sign-in only: the one read that returns a password hash. */
export async function getStaffCredentialsByEmail(email: string) {
  const [row] = await db
    .select({ ...staffColumns, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row ?? null;
}

/** Ends every session of the account (they carry an older version now); returns the new version. */
export async function bumpSessionVersion(id: number): Promise<number | null> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? null;
}

/** Ends one session (sign-out) until its token would have expired anyway. */
export async function revokeSession(sid: string, expiresAt: Date): Promise<void> {
  await db.insert(revokedSessions).values({ sid, expiresAt }).onConflictDoNothing();
}

export type SignInAttempt = { id: number; pair: FailureHistory; address: FailureHistory };

/**
 * Records a sign-in attempt and, in the same transaction, reads the failures that came before it:
 * this address's for this account since their last success, and this address's for any account.
 * The attempt counts as a failure until finishSignInAttempt says otherwise, so parallel guesses each
 * see the ones before them (SQLite runs one writing transaction at a time): none slips past the limit.
 */
export async function beginSignInAttempt(args: { email: string; ipHash: string; now: Date; pairSince: Date; addressSince: Date }): Promise<SignInAttempt> {
  const { email, ipHash, now } = args;
  const mine = sql`last_insert_rowid()`;
  const failures = (...where: ReturnType<typeof and>[]) =>
    db
      .select({ n: sql<number>`count(*)`, last: sql<number | null>`max(${loginAttempts.createdAt})` })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ipHash, ipHash), eq(loginAttempts.succeeded, false), lt(loginAttempts.id, mine), ...where));
  const lastSuccess = sql`coalesce((select max(s.created_at) from ${loginAttempts} s where s.ip_hash = ${ipHash} and s.email = ${email} and s.succeeded = 1), 0)`;
  const [inserted, pair, address] = await db.batch([
    db.insert(loginAttempts).values({ email, ipHash, succeeded: false, createdAt: now }).returning({ id: loginAttempts.id }),
    failures(eq(loginAttempts.email, email), gte(loginAttempts.createdAt, args.pairSince), sql`${loginAttempts.createdAt} > ${lastSuccess}`),
    failures(gte(loginAttempts.createdAt, args.addressSince)),
  ]);
  const history = (r: { n: number; last: number | null }[]): FailureHistory => ({
    failures: Number(r[0]?.n ?? 0),
    lastFailureAt: r[0]?.last == null ? null : Number(r[0].last),
  });
  return { id: inserted[0].id, pair: history(pair), address: history(address) };
}

/**
 * The outcome of an attempt begun above: a success stops counting as a failure (and resets its pair);
 * a refused try (throttled, never checked) is removed, so waiting is not made longer by trying.
 */
export async function finishSignInAttempt(id: number, outcome: 'succeeded' | 'failed' | 'throttled'): Promise<void> {
  if (outcome === 'failed') return;
  if (outcome === 'throttled') await db.delete(loginAttempts).where(eq(loginAttempts.id, id));
  else await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, id));
}

/** Housekeeping: sign-in attempts older than any throttle looks back, and expired revocations. */
export async function purgeOldSignInRecords(attemptsBefore: Date, now: Date): Promise<number> {
  const [attempts, sessions] = await db.batch([
    db.delete(loginAttempts).where(lt(loginAttempts.createdAt, attemptsBefore)),
    db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now)),
  ]);
  return attempts.rowsAffected + sessions.rowsAffected;
}
