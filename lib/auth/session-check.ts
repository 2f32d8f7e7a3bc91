import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// How a staff session ends before its cookie expires. Each account has a session version: a password
// change (own or an admin's reset), a role change, disabling and "Sign out everywhere" bump it, and a
// token carries the version it was signed in with, so every older token stops working at once. Each
// token also has its own id (sid): signing out records that id as revoked until the token would have
// expired anyway, so a copy of the cookie is refused after sign-out too.

/** Session lifetime, in seconds (Auth.js's maxAge; also how long a revoked session id is kept). */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** What getCurrentStaff reads from the token. Anything else in it (the role) is never trusted. */
export type SessionClaims = { uid?: unknown; sv?: unknown; sid?: unknown };

/** The account as it stands now, with whether this token's id was revoked by a sign-out. */
export type SessionAccount = { sessionVersion: number; disabled: boolean; sessionRevoked: boolean };

const SID = /^[A-Za-z0-9_-]{16,64}$/;

/** A token's session id, or null when it has none (tokens from before session versions). */
export function sessionIdOf(claims: SessionClaims): string | null {
  return typeof claims.sid === 'string' && SID.test(claims.sid) ? claims.sid : null;
}

/** The account id a token names, or null. */
export function accountIdOf(claims: SessionClaims): number | null {
  const id = Number(claims.uid);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/**
 * Whether a token still opens the account: it names its session and the account's current session
 * version, that session was not signed out, and the account is enabled. A token without a version or
 * an id (issued before they existed) is refused: its owner signs in again.
 */
export function sessionIsCurrent(claims: SessionClaims, account: SessionAccount | null): boolean {
  if (!account || account.disabled || account.sessionRevoked) return false;
  if (!sessionIdOf(claims) || accountIdOf(claims) === null) return false;
  return typeof claims.sv === 'number' && Number.isInteger(claims.sv) && claims.sv === account.sessionVersion;
}

export function newSessionId(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Re-issuing the token of the session that changed its own password (or signed out everywhere else)
 * goes through Auth.js's session update, which anybody holding a cookie can also call. The new version
 * is accepted only with this proof, made on the server for that session id, so an old cookie cannot
 * bring itself up to date.
 */
export function reissueProof(secret: string, claims: { uid: number; sid: string; sv: number }): string {
  return createHmac('sha256', secret).update(`session-reissue:${claims.uid}:${claims.sid}:${claims.sv}`).digest('base64url');
}

/** The version to move this token to, when the update carries a valid proof for it; otherwise null. */
export function acceptedReissue(secret: string, claims: SessionClaims, update: unknown): number | null {
  const uid = accountIdOf(claims);
  const sid = sessionIdOf(claims);
  if (uid === null || !sid || typeof update !== 'object' || update === null) return null;
  const { sv, proof } = update as { sv?: unknown; proof?: unknown };
  if (typeof sv !== 'number' || !Number.isInteger(sv) || sv < 0 || typeof proof !== 'string') return null;
  const expected = Buffer.from(reissueProof(secret, { uid, sid, sv }));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected) ? sv : null;
}
