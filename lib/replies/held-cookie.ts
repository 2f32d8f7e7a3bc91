import { createHmac, timingSafeEqual } from 'node:crypto';

// A reader's own held replies, remembered in a signed cookie so that they (and only they) see
// them in place while the page everyone else gets stays cached.
export const HELD_COOKIE = 'bs_held';
export const HELD_COOKIE_MAX_AGE = 60 * 60 * 24 * 30;
const MAX_ENTRIES = 20;

export type HeldEntry = { replyId: number; slug: string };

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`held:${payload}`).digest('base64url');
}

export function encodeHeldCookie(entries: HeldEntry[], secret: string): string {
  const payload = Buffer.from(JSON.stringify(entries.slice(-MAX_ENTRIES).map((e) => [e.replyId, e.slug]))).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The entries of a cookie whose signature checks out; null for a missing, forged or malformed one. */
export function decodeHeldCookie(value: string | undefined, secret: string): HeldEntry[] | null {
  if (!value) return null;
  const dot = value.indexOf('.');
  if (dot <= 0) return null;
  const payload = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(payload, secret));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const raw: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(raw)) return null;
    return raw
      .filter((e): e is [number, string] => Array.isArray(e) && Number.isInteger(e[0]) && typeof e[1] === 'string')
      .map(([replyId, slug]) => ({ replyId, slug }));
  } catch {
    return null;
  }
}

export function addHeldEntry(existing: HeldEntry[] | null, entry: HeldEntry): HeldEntry[] {
  return [...(existing ?? []).filter((e) => e.replyId !== entry.replyId), entry].slice(-MAX_ENTRIES);
}
