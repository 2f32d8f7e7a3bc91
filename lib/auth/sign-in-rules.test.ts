import { describe, expect, it } from 'vitest';
import { SIGN_IN_MESSAGES, SIGN_IN_THROTTLE, signInRetryAt, throttleDelayMs } from './sign-in-rules';

const MIN = 60_000;
const none = { failures: 0, lastFailureAt: null };

describe('throttleDelayMs', () => {
  it('lets the first five failures pass, then waits 1, 2, 4, 8 minutes, capped at 15', () => {
    expect([0, 1, 4].map(throttleDelayMs)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 50, 10_000].map((n) => throttleDelayMs(n) / MIN)).toEqual([1, 2, 4, 8, 15, 15, 15, 15]);
  });

  it('never waits longer than the message says', () => {
    expect(SIGN_IN_MESSAGES.throttled).toBe('Too many failed sign-in attempts. Please wait 15 minutes and try again.');
    expect(throttleDelayMs(1e9)).toBe(SIGN_IN_THROTTLE.maxDelayMs);
  });
});

describe('signInRetryAt', () => {
  const now = 1_000_000_000;

  it('allows a try while either count is under the limit', () => {
    expect(signInRetryAt({ pair: { failures: 4, lastFailureAt: now }, address: { failures: 4, lastFailureAt: now } }, now)).toBeNull();
  });

  it('holds one address guessing one account, for longer with each failure', () => {
    expect(signInRetryAt({ pair: { failures: 5, lastFailureAt: now - 10_000 }, address: none }, now)).toBe(now - 10_000 + MIN);
    expect(signInRetryAt({ pair: { failures: 7, lastFailureAt: now - 10_000 }, address: none }, now)).toBe(now - 10_000 + 4 * MIN);
    // The wait is over.
    expect(signInRetryAt({ pair: { failures: 5, lastFailureAt: now - MIN }, address: none }, now)).toBeNull();
  });

  it('holds one address guessing many accounts', () => {
    expect(signInRetryAt({ pair: none, address: { failures: 6, lastFailureAt: now } }, now)).toBe(now + 2 * MIN);
  });

  it('takes the later of the two waits', () => {
    expect(signInRetryAt({ pair: { failures: 9, lastFailureAt: now }, address: { failures: 5, lastFailureAt: now } }, now)).toBe(now + 15 * MIN);
  });
});
