import { z } from 'zod';

export const SignInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Please enter your email address.')
    .max(254)
    .pipe(z.email('Please enter a valid email address.'))
    .transform((v) => v.toLowerCase()),
  password: z.string().min(1, 'Please enter your password.').max(500, 'That password is too long.'),
});

// Sign-in throttling. Failures are counted per client address, never per account alone, so nobody can
// lock another person out from somewhere else: the owner signing in from their own address is never
// refused because of a stranger's failures.
// - One address guessing one account: from the fifth failure since that pair's last success (within a
//   day), each further try waits 1 minute after the last failure, doubling with every failure, at most
//   15 minutes. Slow guessing (a few tries an hour) keeps the delay at the cap.
// - One address guessing many accounts (password spraying): the same delays from the fifth failure
//   within 15 minutes, whatever the emails.
// Only tries that reached the password check count; a refused try does not lengthen the wait.
export const SIGN_IN_THROTTLE = {
  /** Failures allowed before the first delay. */
  freeFailures: 5,
  firstDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
  /** How far back one address's failures for one account count (reset by a success). */
  pairMemoryMs: 24 * 60 * 60_000,
  /** How far back one address's failures for any account count. */
  addressWindowMs: 15 * 60_000,
} as const;

/** Failed sign-ins before this attempt, and when the latest was (ms since the epoch; null if none). */
export type FailureHistory = { failures: number; lastFailureAt: number | null };

/** How long to wait after the last failure, given how many failures came before this try. */
export function throttleDelayMs(failures: number): number {
  const { freeFailures, firstDelayMs, maxDelayMs } = SIGN_IN_THROTTLE;
  if (failures < freeFailures) return 0;
  // 2 ** n grows past the cap long before it overflows; the min keeps it there.
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failures - freeFailures, 20));
}

/** When this address may try again for this account, or null when it may try now. */
export function signInRetryAt(history: { pair: FailureHistory; address: FailureHistory }, now: number): number | null {
  let retryAt: number | null = null;
  for (const h of [history.pair, history.address]) {
    const delay = throttleDelayMs(h.failures);
    if (delay === 0 || h.lastFailureAt === null) continue;
    const at = h.lastFailureAt + delay;
    if (at > now && (retryAt === null || at > retryAt)) retryAt = at;
  }
  return retryAt;
}

export const SIGN_IN_MESSAGES = {
  invalid: 'That email and password do not match an active staff account.',
  throttled: `Too many failed sign-in attempts. Please wait ${SIGN_IN_THROTTLE.maxDelayMs / 60_000} minutes and try again.`,
} as const;
