import { randomBytes } from 'node:crypto';

/** A short random suffix, unique per call across workers and runs. */
export function uniq(): string {
  return `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

/** A client address of our own (sent as X-Forwarded-For), so per-address flood control never links two tests. */
export function uniqueAddress(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${(b[2] % 254) + 1}`;
}

/** A first-time commenter: nobody has posted with this email before, so their reply is held. */
export function newCommenter(label = 'Reader') {
  const id = uniq();
  return {
    name: `${label} ${id}`,
    email: `${label.toLowerCase().replace(/[^a-z]+/g, '-')}-${id}@example.org`,
    /** Text unique to this test, so duplicate detection never links two tests. */
    text: (what = 'A comment') => `${what} (${id}).`,
  };
}
