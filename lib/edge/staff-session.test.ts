import { encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const SECRET = 'a-test-secret-that-is-long-enough-for-auth-js';
let hasStaffSession: (cookie: string | undefined) => Promise<boolean>;

beforeAll(async () => {
  vi.stubEnv('AUTH_SECRET', SECRET);
  ({ hasStaffSession } = await import('./staff-session'));
});

const cookie = async (name: string, token: Record<string, unknown>, secret = SECRET) => `${name}=${await encode({ token, secret, salt: name })}`;

describe('hasStaffSession', () => {
  it('a session token signed with the app secret counts, on http and https cookie names', async () => {
    expect(await hasStaffSession(await cookie('authjs.session-token', { uid: 3 }))).toBe(true);
    expect(await hasStaffSession(`other=1; ${await cookie('__Secure-authjs.session-token', { uid: 3 })}`)).toBe(true);
  });

  it('no cookie, a forged one, another secret or a token without an account: no', async () => {
    expect(await hasStaffSession(undefined)).toBe(false);
    expect(await hasStaffSession('authjs.session-token=forged')).toBe(false);
    expect(await hasStaffSession(await cookie('authjs.session-token', { uid: 3 }, 'another-secret-that-is-long-enough-too'))).toBe(false);
    expect(await hasStaffSession(await cookie('authjs.session-token', { name: 'x' }))).toBe(false);
  });
});
