import { describe, expect, it } from 'vitest';
import { unsubscribeQuery, verifyUnsubscribe } from './signed-link';

const secret = 'a-test-secret-that-is-long-enough-for-hmac';

describe('unsubscribe links', () => {
  it('round-trips the email, lower-cased', () => {
    const q = new URLSearchParams(unsubscribeQuery('Reader@Example.org', secret));
    expect(verifyUnsubscribe(q.get('e'), q.get('s'), secret)).toBe('reader@example.org');
  });

  it('refuses an altered email, signature or secret', () => {
    const q = new URLSearchParams(unsubscribeQuery('reader@example.org', secret));
    const other = Buffer.from('victim@example.org').toString('base64url');
    expect(verifyUnsubscribe(other, q.get('s'), secret)).toBeNull();
    expect(verifyUnsubscribe(q.get('e'), 'x' + q.get('s')!.slice(1), secret)).toBeNull();
    expect(verifyUnsubscribe(q.get('e'), q.get('s'), 'another-secret-entirely-long-enough')).toBeNull();
    expect(verifyUnsubscribe(null, null, secret)).toBeNull();
  });
});
