import { createHmac, timingSafeEqual } from 'node:crypto';

// One-click unsubscribe links: the email, signed with the application secret, so no account or
// stored token is needed and nobody can unsubscribe someone else.

const sign = (email: string, secret: string) => createHmac('sha256', secret).update(`unsubscribe:${email}`).digest('base64url');

export function unsubscribeQuery(email: string, secret: string): string {
  const e = Buffer.from(email.toLowerCase(), 'utf8').toString('base64url');
  return `e=${e}&s=${sign(email.toLowerCase(), secret)}`;
}

/** The email a signed link names, or null when the link was altered. */
export function verifyUnsubscribe(e: string | null, s: string | null, secret: string): string | null {
  if (!e || !s || e.length > 700 || s.length > 100) return null;
  const email = Buffer.from(e, 'base64url').toString('utf8');
  if (!email.includes('@')) return null;
  const expected = Buffer.from(sign(email, secret));
  const given = Buffer.from(s);
  return expected.length === given.length && timingSafeEqual(expected, given) ? email : null;
}
