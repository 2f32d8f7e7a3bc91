import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cache } from 'react';
import { countRecentLoginFailures, getStaffById, getStaffCredentialsByEmail, recordLoginAttempt, type StaffMember } from '@/db/queries/staff';
import { env } from '@/lib/env';
import { verifyPassword } from '@/lib/auth/password';
import { SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MINUTES, SignInSchema } from '@/lib/auth/sign-in-rules';
import { clientAddress, hashAddress } from '@/lib/request-address';
import { appSecret } from '@/lib/secret';

class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}
class Throttled extends CredentialsSignin {
  code = 'throttled';
}

// A real hash to verify against when the email is unknown, so timing does not reveal which emails exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$bcEem79lMt7Ar+J6qlD/SQ$c421yEmcvz7vu4CF3oty4YdqyVhj1kJ6T1QnMnt/XtY';

export const { handlers, auth: authSession, signIn, signOut } = NextAuth({
  secret: appSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 60 * 60 * 12 },
  pages: { signIn: '/login' },
  // A refused sign-in is expected traffic, not a server error worth a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const parsed = SignInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const { email, password } = parsed.data;
        const address = clientAddress(request.headers, env.TRUST_PROXY) ?? 'unknown';
        const ipHash = hashAddress(address, appSecret());
        const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
        if ((await countRecentLoginFailures(email, ipHash, since)) >= SIGN_IN_MAX_FAILURES) throw new Throttled();
        const user = await getStaffCredentialsByEmail(email);
        const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
        if (!user || !user.passwordHash || !ok || user.disabled) {
          await recordLoginAttempt(email, ipHash, false);
          throw new InvalidCredentials();
        }
        await recordLoginAttempt(email, ipHash, true);
        return { id: String(user.id), name: user.name, email: user.email, role: user.role } as { id: string; name: string; email: string };
      },
    }),
  ],
  callbacks: {
    // The token carries the id and the role at sign-in; the server never trusts the role in it
    // (getCurrentStaff reads the account afresh), it is there for clients of the session endpoint.
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = Number(user.id);
        token.role = (user as { role?: string }).role;
      }
      return token;
    },
    session({ session, token }) {
      const u = session.user as { id?: string; role?: string };
      if (typeof token.uid === 'number') u.id = String(token.uid);
      if (typeof token.role === 'string') u.role = token.role;
      return session;
    },
  },
});

/**
 * The signed-in staff member, looked up fresh on every request (once per request, through React's
 * cache) so a disabled account or a changed role takes effect at once, whatever the token says.
 */
export const getCurrentStaff = cache(async (): Promise<StaffMember | null> => {
  const session = await authSession();
  const id = Number((session?.user as { id?: string } | undefined)?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const staff = await getStaffById(id);
  return staff && !staff.disabled ? staff : null;
});
