import { describe, expect, it } from 'vitest';
import { acceptedReissue, newSessionId, reissueProof, sessionIsCurrent, type SessionAccount } from './session-check';

const sid = newSessionId();
const token = { uid: 7, sv: 3, sid };
const account: SessionAccount = { sessionVersion: 3, disabled: false, sessionRevoked: false };

describe('sessionIsCurrent', () => {
  it('opens the account for a token of its current session version', () => {
    expect(sessionIsCurrent(token, account)).toBe(true);
    // The session endpoint hands the id back as a string.
    expect(sessionIsCurrent({ ...token, uid: '7' }, account)).toBe(true);
  });

  it('refuses a token from before a password change, a reset, a role change or "Sign out everywhere"', () => {
    expect(sessionIsCurrent(token, { ...account, sessionVersion: 4 })).toBe(false);
  });

  it('refuses a signed-out session, a disabled account and an account that is gone', () => {
    expect(sessionIsCurrent(token, { ...account, sessionRevoked: true })).toBe(false);
    expect(sessionIsCurrent(token, { ...account, disabled: true })).toBe(false);
    expect(sessionIsCurrent(token, null)).toBe(false);
  });

  it('refuses tokens without a version or a session id (issued before either existed) and malformed ones', () => {
    expect(sessionIsCurrent({ uid: 7, sid }, account)).toBe(false);
    expect(sessionIsCurrent({ uid: 7, sv: 3 }, account)).toBe(false);
    expect(sessionIsCurrent({ uid: 7, sv: '3', sid }, account)).toBe(false);
    expect(sessionIsCurrent({ uid: 7, sv: 3, sid: 'short' }, account)).toBe(false);
    expect(sessionIsCurrent({ uid: 7, sv: 3, sid: `${sid}"; drop` }, account)).toBe(false);
    expect(sessionIsCurrent({ uid: 0, sv: 3, sid }, account)).toBe(false);
    expect(sessionIsCurrent({ sv: 3, sid }, account)).toBe(false);
  });
});

describe('re-issuing the session that changed its own password', () => {
  const secret = 'a-test-secret-that-is-long-enough-1234';

  it('moves a token to the new version only with the proof made for that session', () => {
    const proof = reissueProof(secret, { uid: 7, sid, sv: 4 });
    expect(acceptedReissue(secret, token, { sv: 4, proof })).toBe(4);
  });

  it('refuses what a client could send itself: no proof, another session’s proof, another version, another secret', () => {
    expect(acceptedReissue(secret, token, { sv: 4 })).toBeNull();
    expect(acceptedReissue(secret, token, { sv: 4, proof: 'x' })).toBeNull();
    expect(acceptedReissue(secret, token, { sv: 4, proof: reissueProof(secret, { uid: 7, sid: newSessionId(), sv: 4 }) })).toBeNull();
    expect(acceptedReissue(secret, token, { sv: 5, proof: reissueProof(secret, { uid: 7, sid, sv: 4 }) })).toBeNull();
    expect(acceptedReissue(secret, token, { sv: 4, proof: reissueProof('another-secret-that-is-long-enough-99', { uid: 7, sid, sv: 4 }) })).toBeNull();
    expect(acceptedReissue(secret, token, undefined)).toBeNull();
    expect(acceptedReissue(secret, { uid: 7, sv: 3 }, { sv: 4, proof: reissueProof(secret, { uid: 7, sid, sv: 4 }) })).toBeNull();
  });
});
