import { describe, expect, it } from 'vitest';
import { resubscribeFields, RESUBSCRIBE_HOURS, UNSUBSCRIBE_LINK_DAYS, unsubscribeQuery, verifyResubscribe, verifyUnsubscribe } from './signed-link';

const secret = 'a-test-secret-that-is-long-enough-for-hmac';
const NOW = Date.UTC(2026, 5, 1, 12);
const DAY = 86_400_000;
const fieldsOf = (query: string) => {
  const q = new URLSearchParams(query);
  return { e: q.get('e'), x: q.get('x'), s: q.get('s') };
};

describe('unsubscribe links', () => {
  it('round-trips the email, lower-cased, until it expires', () => {
    const link = fieldsOf(unsubscribeQuery('Reader@Example.org', secret, NOW));
    expect(verifyUnsubscribe(link, secret, NOW)).toEqual({ ok: true, email: 'reader@example.org' });
    expect(verifyUnsubscribe(link, secret, NOW + (UNSUBSCRIBE_LINK_DAYS - 1) * DAY)).toEqual({ ok: true, email: 'reader@example.org' });
    expect(verifyUnsubscribe(link, secret, NOW + UNSUBSCRIBE_LINK_DAYS * DAY)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses an altered email, expiry, signature or secret', () => {
    const link = fieldsOf(unsubscribeQuery('reader@example.org', secret, NOW));
    const other = Buffer.from('victim@example.org').toString('base64url');
    const invalid = { ok: false, reason: 'invalid' };
    expect(verifyUnsubscribe({ ...link, e: other }, secret, NOW)).toEqual(invalid);
    // A later expiry is an alteration, not a longer life.
    expect(verifyUnsubscribe({ ...link, x: String(Number(link.x) + 365 * 86_400) }, secret, NOW)).toEqual(invalid);
    expect(verifyUnsubscribe({ ...link, x: '1e12' }, secret, NOW)).toEqual(invalid);
    expect(verifyUnsubscribe({ ...link, s: `x${link.s!.slice(1)}` }, secret, NOW)).toEqual(invalid);
    expect(verifyUnsubscribe(link, 'another-secret-entirely-long-enough', NOW)).toEqual(invalid);
    expect(verifyUnsubscribe({ e: null, x: null, s: null }, secret, NOW)).toEqual(invalid);
    expect(verifyUnsubscribe({}, secret, NOW)).toEqual(invalid);
  });

  it('never re-subscribes: the two purposes have different signatures', () => {
    const link = fieldsOf(unsubscribeQuery('reader@example.org', secret, NOW));
    expect(verifyResubscribe(link, secret, NOW)).toEqual({ ok: false, reason: 'invalid' });
    const again = resubscribeFields('reader@example.org', secret, NOW);
    expect(verifyResubscribe(again, secret, NOW)).toEqual({ ok: true, email: 'reader@example.org' });
    expect(verifyUnsubscribe(again, secret, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyResubscribe(again, secret, NOW + RESUBSCRIBE_HOURS * 3_600_000)).toEqual({ ok: false, reason: 'expired' });
  });
});
