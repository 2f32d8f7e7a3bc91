import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { beginSignInAttempt, finishSignInAttempt, getStaffCredentialsByEmail, revokeSession, type StaffMember } from '@/db/queries/staff';
import { sessionClaimsFrom, staffForClaims } from '@/lib/auth/current-staff';
import { verifyPassword } from '@/lib/auth/password';
import { acceptedReissue, accountIdOf, newSessionId, reissueProof, SESSION_MAX_AGE_S, sessionIdOf, type SessionClaims } from '@/lib/auth/session-check';
import { SIGN_IN_THROTTLE, SignInSchema, signInRetryAt } from '@/lib/auth/sign-in-rules';
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

export const {
  handlers,
  auth: authSession,
  signIn,
  signOut,
  unstable_update: updateSession,
} = NextAuth({
  secret: appSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
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
        const address = clientAddress(request.headers) ?? 'unknown';
        const ipHash = hashAddress(address, appSecret());
        // Recorded and counted in one step (see beginSignInAttempt); it stays a failure unless it succeeds.
        const now = Date.now();
        const attempt = await beginSignInAttempt({
          email,
          ipHash,
          now: new Date(now),
          pairSince: new Date(now - SIGN_IN_THROTTLE.pairMemoryMs),
          addressSince: new Date(now - SIGN_IN_THROTTLE.addressWindowMs),
        });
        if (signInRetryAt(attempt, now) !== null) {
          await finishSignInAttempt(attempt.id, 'throttled');
          throw new Throttled();
        }
        const user = await getStaffCredentialsByEmail(email);
        const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
        if (!user || !user.passwordHash || !ok || user.disabled) throw new InvalidCredentials();
        await finishSignInAttempt(attempt.id, 'succeeded');
        return { id: String(user.id), name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion } as {
          id: string;
          name: string;
          email: string;
        };
      },
    }),
  ],
  callbacks: {
    // The token carries the account id, the account's session version and its own session id from
    // sign-in; getCurrentStaff checks the last two against the database on every request. The role is
    // there for clients of the session endpoint only: the server reads the account afresh.
    jwt({ token, user, trigger, session }) {
      if (user?.id) {
        token.uid = Number(user.id);
        token.role = (user as { role?: string }).role;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        token.sid = newSessionId();
      } else if (trigger === 'update') {
        // Anybody holding a cookie can ask for an update: only a proof made on the server moves the version.
        const sv = acceptedReissue(appSecret(), token as SessionClaims, (session as { reissue?: unknown } | undefined)?.reissue);
        if (sv !== null) token.sv = sv;
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
  events: {
    // Signing out ends the session on the server too: a copy of the cookie is refused from now on.
    async signOut(message) {
      const sid = 'token' in message && message.token ? sessionIdOf(message.token as SessionClaims) : null;
      if (sid) await revokeSession(sid, new Date(Date.now() + SESSION_MAX_AGE_S * 1000));
    },
  },
});

/** This request's session claims, read from its cookie (including one re-issued earlier in this action). */
async function currentClaims(): Promise<SessionClaims> {
  const jar = await cookies();
  return sessionClaimsFrom(
    jar
      .getAll()
      .map((c) => `${c.name}=${c.value}`)
      .join('; '),
  );
}

/**
 * The signed-in staff member, looked up fresh on every request (once per request, through React's
 * cache) so a disabled account, a changed role, a changed password or a sign-out takes effect at once,
 * whatever the token says.
 */
export const getCurrentStaff = cache(async (): Promise<StaffMember | null> => staffForClaims(await currentClaims()));

/**
 * After this session bumped its own account's session version (a password change, "Sign out
 * everywhere"), re-issues its cookie with the new version so that only the other sessions end.
 * Call from a server action (it sets the cookie).
 */
export async function keepThisSession(sessionVersion: number): Promise<void> {
  const claims = await currentClaims();
  const uid = accountIdOf(claims);
  const sid = sessionIdOf(claims);
  if (uid === null || !sid) return;
  await updateSession({ reissue: { sv: sessionVersion, proof: reissueProof(appSecret(), { uid, sid, sv: sessionVersion }) } } as never);
}
