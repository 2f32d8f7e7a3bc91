import 'server-only';
import { eq, or, sql, type SQL } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { slugify } from '@/lib/slug';
import { db } from '../index';
import { users, type StaffRole } from '../schema';

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`A staff account with the email ${email} already exists.`);
  }
}

/** Creates a staff account with an argon2id password hash and a free author slug. */
export async function createStaffAccount(args: { email: string; name: string; role: StaffRole; password: string }) {
  const email = args.email.trim().toLowerCase();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (existing) throw new EmailTakenError(email);
  const base = slugify(args.name) || 'staff';
  let slug = base;
  for (let n = 2; (await db.select({ id: users.id }).from(users).where(eq(users.slug, slug)).limit(1)).length; n++) slug = `${base}-${n}`;
  const [created] = await db
    .insert(users)
    .values({ email, name: args.name.trim(), slug, role: args.role, passwordHash: await hashPassword(args.password) })
    .returning({ id: users.id, slug: users.slug });
  return created;
}

export async function listStaff() {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      slug: users.slug,
      role: users.role,
      disabled: users.disabled,
      hasPassword: users.passwordHash,
    })
    .from(users)
    .orderBy(users.name)
    .then((rows) => rows.map(({ hasPassword, ...r }) => ({ ...r, canSignIn: Boolean(hasPassword) && !r.disabled })));
}

/**
 * An admin changes an account. A new password, a different role or disabling ends every session of
 * the account (its session version moves on); returns the account's session version after the change.
 */
export async function updateStaffAccount(id: number, change: { role?: StaffRole; disabled?: boolean; password?: string }) {
  const set: Partial<Record<keyof typeof users.$inferInsert, unknown>> = { updatedAt: new Date() };
  const endsSessions: SQL[] = [];
  if (change.role) {
    set.role = change.role;
    endsSessions.push(sql`${users.role} <> ${change.role}`);
  }
  if (change.disabled !== undefined) {
    set.disabled = change.disabled;
    if (change.disabled) endsSessions.push(sql`1`);
  }
  if (change.password) {
    set.passwordHash = await hashPassword(change.password);
    endsSessions.push(sql`1`);
  }
  // Compared with the row as it was: a role saved unchanged keeps the account's sessions.
  if (endsSessions.length) set.sessionVersion = sql`${users.sessionVersion} + (case when ${or(...endsSessions)} then 1 else 0 end)`;
  const [row] = await db
    .update(users)
    .set(set as Partial<typeof users.$inferInsert>)
    .where(eq(users.id, id))
    .returning({ id: users.id, sessionVersion: users.sessionVersion });
  return row ?? null;
}

export async function getProfile(id: number) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      bio: users.bio,
      slug: users.slug,
      avatarPath: users.avatarPath,
      passwordHash: users.passwordHash,
      pendingDigest: users.pendingDigest,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

/**
 * Saves one's own profile. A new password ends every session of the account (the caller re-issues its
 * own); returns the session version after the change. A replaced portrait is returned for removal.
 */
export async function updateProfile(id: number, change: { name: string; bio: string; avatarPath?: string; password?: string }) {
  const [before] = await db.select({ avatarPath: users.avatarPath }).from(users).where(eq(users.id, id)).limit(1);
  const [row] = await db
    .update(users)
    .set({
      name: change.name,
      bio: change.bio,
      ...(change.avatarPath ? { avatarPath: change.avatarPath } : {}),
      ...(change.password ? { passwordHash: await hashPassword(change.password), sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      updatedAt: new Date(),
    })
    .where(eq(users.id, id))
    .returning({ sessionVersion: users.sessionVersion });
  const replacedAvatar = change.avatarPath && before?.avatarPath && before.avatarPath !== change.avatarPath ? before.avatarPath : null;
  return row ? { sessionVersion: row.sessionVersion, replacedAvatar } : null;
}

export async function setPendingDigest(id: number, on: boolean) {
  await db.update(users).set({ pendingDigest: on, updatedAt: new Date() }).where(eq(users.id, id));
}
