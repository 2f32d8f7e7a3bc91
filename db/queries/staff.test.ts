import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// Sign-in throttling and session versions against a throw-away migrated database.
const testDb = throwawayDatabase('staff');

let m: {
  db: typeof import('../index');
  schema: typeof import('../schema');
  staff: typeof import('./staff');
  staffAdmin: typeof import('./staff-admin');
  rules: typeof import('@/lib/auth/sign-in-rules');
};
let accountId: number;

beforeAll(async () => {
  m = {
    db: await testDb.open(),
    schema: await import('../schema'),
    staff: await import('./staff'),
    staffAdmin: await import('./staff-admin'),
    rules: await import('@/lib/auth/sign-in-rules'),
  };
  accountId = (await m.staffAdmin.createStaffAccount({ email: 'editor@example.com', name: 'Ed Itor', role: 'editor', password: 'a-long-password-1' })).id;
});

afterAll(() => {
  testDb.close();
});

/** One sign-in try as auth.ts makes it: record and count, then refuse or check the (wrong) password. */
async function tryWrongPassword(email: string, ipHash: string, now = Date.now()): Promise<'checked' | 'throttled'> {
  const { SIGN_IN_THROTTLE, signInRetryAt } = m.rules;
  const attempt = await m.staff.beginSignInAttempt({
    email,
    ipHash,
    now: new Date(now),
    pairSince: new Date(now - SIGN_IN_THROTTLE.pairMemoryMs),
    addressSince: new Date(now - SIGN_IN_THROTTLE.addressWindowMs),
  });
  if (signInRetryAt(attempt, now) !== null) {
    await m.staff.finishSignInAttempt(attempt.id, 'throttled');
    return 'throttled';
  }
  await m.staff.finishSignInAttempt(attempt.id, 'failed');
  return 'checked';
}

describe('sign-in throttling', () => {
  it('never lets more than the limit of 20 parallel guesses reach the password check', async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => tryWrongPassword('editor@example.com', 'parallel-address-hash')));
    expect(outcomes.filter((o) => o === 'checked')).toHaveLength(m.rules.SIGN_IN_THROTTLE.freeFailures);
  });

  it('counts one address’s failures, so the owner signing in from elsewhere is not held', async () => {
    for (let i = 0; i < 10; i++) await tryWrongPassword('editor@example.com', 'stranger-hash');
    expect(await tryWrongPassword('editor@example.com', 'stranger-hash')).toBe('throttled');
    const owner = await m.staff.beginSignInAttempt({
      email: 'editor@example.com',
      ipHash: 'owner-hash',
      now: new Date(),
      pairSince: new Date(0),
      addressSince: new Date(0),
    });
    expect(owner.pair).toEqual({ failures: 0, lastFailureAt: null });
    expect(owner.address).toEqual({ failures: 0, lastFailureAt: null });
    await m.staff.finishSignInAttempt(owner.id, 'succeeded');
  });

  it('holds an address guessing many accounts', async () => {
    for (let i = 0; i < 5; i++) expect(await tryWrongPassword(`nobody-${i}@example.com`, 'spraying-hash')).toBe('checked');
    expect(await tryWrongPassword('someone-else@example.com', 'spraying-hash')).toBe('throttled');
  });

  it('forgets a pair’s failures after its success, and lets the wait run out', async () => {
    const start = Date.now() - 60 * 60_000;
    for (let i = 0; i < 4; i++) await tryWrongPassword('editor@example.com', 'forgetful-hash', start + i);
    const ok = await m.staff.beginSignInAttempt({
      email: 'editor@example.com',
      ipHash: 'forgetful-hash',
      now: new Date(start + 10),
      pairSince: new Date(0),
      addressSince: new Date(start + 10),
    });
    await m.staff.finishSignInAttempt(ok.id, 'succeeded');
    const next = await m.staff.beginSignInAttempt({
      email: 'editor@example.com',
      ipHash: 'forgetful-hash',
      now: new Date(start + 20),
      pairSince: new Date(0),
      addressSince: new Date(0),
    });
    expect(next.pair.failures).toBe(0);
    // The address window still sees its own four failures; the refused try does not count.
    expect(next.address.failures).toBe(4);
    await m.staff.finishSignInAttempt(next.id, 'throttled');
    // Five failures an hour ago: the first wait (one minute) has long run out.
    for (let i = 0; i < 5; i++) await tryWrongPassword('editor@example.com', 'patient-hash', start + i);
    expect(await tryWrongPassword('editor@example.com', 'patient-hash')).toBe('checked');
  });
});

describe('sessions', () => {
  it('reads the account’s session version and whether a session was signed out, in one query', async () => {
    const before = await m.staff.getStaffForSession(accountId, 'session-one-aaaaaaaa');
    expect(before).toMatchObject({ email: 'editor@example.com', sessionVersion: 0, sessionRevoked: false });
    await m.staff.revokeSession('session-one-aaaaaaaa', new Date(Date.now() + 60_000));
    await m.staff.revokeSession('session-one-aaaaaaaa', new Date(Date.now() + 60_000));
    expect(await m.staff.getStaffForSession(accountId, 'session-one-aaaaaaaa')).toMatchObject({ sessionRevoked: true });
    expect(await m.staff.getStaffForSession(accountId, 'session-two-aaaaaaaa')).toMatchObject({ sessionRevoked: false });
  });

  it('moves the version on a password change or reset, a role change and disabling, not on a role saved unchanged', async () => {
    const version = async () => (await m.staff.getStaffForSession(accountId, 'any-session-aaaaaaa'))!.sessionVersion;
    const v0 = await version();
    expect((await m.staffAdmin.updateStaffAccount(accountId, { role: 'editor' }))?.sessionVersion).toBe(v0);
    expect((await m.staffAdmin.updateStaffAccount(accountId, { role: 'author' }))?.sessionVersion).toBe(v0 + 1);
    expect((await m.staffAdmin.updateStaffAccount(accountId, { disabled: true }))?.sessionVersion).toBe(v0 + 2);
    expect((await m.staffAdmin.updateStaffAccount(accountId, { disabled: false }))?.sessionVersion).toBe(v0 + 2);
    expect((await m.staffAdmin.updateStaffAccount(accountId, { password: 'another-long-password' }))?.sessionVersion).toBe(v0 + 3);
    expect((await m.staffAdmin.updateProfile(accountId, { name: 'Ed Itor', bio: '' }))?.sessionVersion).toBe(v0 + 3);
    expect((await m.staffAdmin.updateProfile(accountId, { name: 'Ed Itor', bio: '', password: 'a-third-long-password' }))?.sessionVersion).toBe(v0 + 4);
    expect(await m.staff.bumpSessionVersion(accountId)).toBe(v0 + 5);
    expect(await version()).toBe(v0 + 5);
  });

  it('housekeeping forgets old attempts and expired sign-outs only', async () => {
    await m.staff.revokeSession('expired-session-aaaa', new Date(Date.now() - 1000));
    await m.db.client.execute("insert into login_attempts (email, ip_hash, succeeded, created_at) values ('old@example.com', 'old-hash', 0, 0)");
    const purged = await m.staff.purgeOldSignInRecords(new Date(Date.now() - 24 * 60 * 60_000), new Date());
    expect(purged).toBe(2);
    expect(await m.staff.getStaffForSession(accountId, 'session-one-aaaaaaaa')).toMatchObject({ sessionRevoked: true });
  });
});
