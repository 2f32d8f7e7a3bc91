import 'server-only';
import { and, count, eq, gte, or } from 'drizzle-orm';
import { db } from '../index';
import { loginAttempts, users } from '../schema';

const staffColumns = { id: users.id, email: users.email, name: users.name, slug: users.slug, role: users.role, disabled: users.disabled };

export type StaffMember = { id: number; email: string; name: string; slug: string; role: (typeof users.$inferSelect)['role']; disabled: boolean };

export async function getStaffById(id: number): Promise<StaffMember | null> {
  const [row] = await db.select(staffColumns).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/** Whether an email is a staff account's (emails are stored lower-cased; users_email_uq). */
export async function isStaffEmail(email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return Boolean(row);
}

/** For sign-in only: the one read that returns a password hash. */
export async function getStaffCredentialsByEmail(email: string) {
  const [row] = await db
    .select({ ...staffColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row ?? null;
}

export async function recordLoginAttempt(email: string, ipHash: string, succeeded: boolean): Promise<void> {
  await db.insert(loginAttempts).values({ email, ipHash, succeeded });
}

/** Failed sign-ins for this email or from this address since `since` (throttling). */
export async function countRecentLoginFailures(email: string, ipHash: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      or(
        and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gte(loginAttempts.createdAt, since)),
        and(eq(loginAttempts.ipHash, ipHash), eq(loginAttempts.succeeded, false), gte(loginAttempts.createdAt, since)),
      ),
    );
  return row.n;
}
