import { createHmac, timingSafeEqual } from 'node:crypto';

// Unsubscribe links: the email and an expiry, signed with the application secret, so no account or
// stored token is needed and nobody can unsubscribe someone else. Re-subscribing takes another
// signature, of another purpose, that only the page after unsubscribing hands out: the link in a mail
// (which scanners and forwarded copies carry) can only ever unsubscribe.

/** How long the link in a mail works: long enough for anyone reading their mail, not for ever. */
export const UNSUBSCRIBE_LINK_DAYS = 60;
/** How long "Subscribe again" works after the page offered it. */
export const RESUBSCRIBE_HOURS = 24;

type Purpose = 'unsubscribe' | 'resubscribe';

const sign = (purpose: Purpose, email: string, expires: number, secret: string) =>
  createHmac('sha256', secret).update(`${purpose}:${expires}:${email}`).digest('base64url');

const encodeEmail = (email: string) => Buffer.from(email.toLowerCase(), 'utf8').toString('base64url');

/** The fields of a signed link: `e` the email, `x` its expiry (seconds since the epoch), `s` the signature. */
export type SignedFields = { e: string; x: string; s: string };

function signed(purpose: Purpose, email: string, secret: string, expires: number): SignedFields {
  const lower = email.toLowerCase();
  return { e: encodeEmail(lower), x: String(expires), s: sign(purpose, lower, expires, secret) };
}

/** The query string of the unsubscribe link in a mail sent now. */
export function unsubscribeQuery(email: string, secret: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + UNSUBSCRIBE_LINK_DAYS * 86_400;
  return new URLSearchParams(signed('unsubscribe', email, secret, expires)).toString();
}

/** The hidden fields of a "Subscribe again" form offered now. */
export function resubscribeFields(email: string, secret: string, now = Date.now()): SignedFields {
  return signed('resubscribe', email, secret, Math.floor(now / 1000) + RESUBSCRIBE_HOURS * 3600);
}

export type Verified = { ok: true; email: string } | { ok: false; reason: 'invalid' | 'expired' };

function verify(purpose: Purpose, fields: Partial<Record<keyof SignedFields, string | null>>, secret: string, now: number): Verified {
  const { e, x, s } = fields;
  if (!e || !x || !s || e.length > 700 || s.length > 100 || !/^[0-9]{1,12}$/.test(x)) return { ok: false, reason: 'invalid' };
  const email = Buffer.from(e, 'base64url').toString('utf8');
  if (!email.includes('@')) return { ok: false, reason: 'invalid' };
  const expires = Number(x);
  const expected = Buffer.from(sign(purpose, email, expires, secret));
  const given = Buffer.from(s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  // Checked after the signature, so an altered expiry reads as altered, not as expired.
  if (expires * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, email };
}

/** The email an unsubscribe link names, if it is unaltered and unexpired. */
export function verifyUnsubscribe(fields: Partial<Record<keyof SignedFields, string | null>>, secret: string, now = Date.now()): Verified {
  return verify('unsubscribe', fields, secret, now);
}

/** The email a "Subscribe again" form names, if it is unaltered and unexpired. */
export function verifyResubscribe(fields: Partial<Record<keyof SignedFields, string | null>>, secret: string, now = Date.now()): Verified {
  return verify('resubscribe', fields, secret, now);
}
