import 'server-only';
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { db } from '../index';
import { mailOptOuts, mailQueue } from '../schema';

// The outgoing mail queue: rows are written in the request that caused them and sent later by the
// mail route, so a slow or absent SMTP server never slows a reader or moderator down.

export type QueuedMail = { dedupeKey: string; to: string; subject: string; text: string; headers?: Record<string, string> };

/** Queues mail; a dedupe key already queued is ignored (one event, one mail), as are opted-out addresses. */
export async function enqueueMail(mails: QueuedMail[]): Promise<number> {
  if (mails.length === 0) return 0;
  const optedOut = new Set(
    (
      await db
        .select({ email: mailOptOuts.email })
        .from(mailOptOuts)
        .where(inArray(mailOptOuts.email, [...new Set(mails.map((m) => m.to.toLowerCase()))]))
    ).map((r) => r.email),
  );
  const wanted = mails.filter((m) => !optedOut.has(m.to.toLowerCase()));
  if (wanted.length === 0) return 0;
  const inserted = await db
    .insert(mailQueue)
    .values(
      wanted.map((m) => ({
        dedupeKey: m.dedupeKey,
        toAddress: m.to,
        subject: m.subject,
        textBody: m.text,
        headers: m.headers ?? {},
        nextAttemptAt: new Date(),
      })),
    )
    .onConflictDoNothing({ target: mailQueue.dedupeKey })
    .returning({ id: mailQueue.id });
  return inserted.length;
}

/** Unsent mail whose time has come, oldest first (mail_queue_due_idx). */
export async function listDueMail(limit: number) {
  return db
    .select()
    .from(mailQueue)
    .where(and(isNull(mailQueue.sentAt), lte(mailQueue.nextAttemptAt, new Date())))
    .orderBy(asc(mailQueue.nextAttemptAt))
    .limit(limit);
}

/**
 * Takes one mail for sending: pushes its next attempt ten minutes on, only if nobody else has taken
 * it since it was listed. Another sender (an overlapping tick, another instance) then skips it.
 */
export async function claimMail(id: number, listedNextAttemptAt: Date): Promise<boolean> {
  const result = await db
    .update(mailQueue)
    .set({ nextAttemptAt: new Date(Date.now() + 10 * 60_000) })
    .where(and(eq(mailQueue.id, id), isNull(mailQueue.sentAt), eq(mailQueue.nextAttemptAt, listedNextAttemptAt)));
  return result.rowsAffected === 1;
}

export async function markMailSent(id: number) {
  await db.update(mailQueue).set({ sentAt: new Date(), lastError: null }).where(eq(mailQueue.id, id));
}

export const MAX_ATTEMPTS = 8;

/** The wait after a mail's `attempts`-th failure: 1, 2, 4 … minutes, then (given up) a century. */
export const retryDelayMs = (attempts: number) => (attempts >= MAX_ATTEMPTS ? 100 * 365 * 24 * 3600_000 : 60_000 * 2 ** (attempts - 1));

/** Backs off 1, 2, 4 … minutes; after the last attempt the row stays, unsent, with its error. */
export async function markMailFailed(id: number, attempts: number, error: string) {
  const next = attempts + 1;
  const delayMs = retryDelayMs(next);
  await db
    .update(mailQueue)
    .set({ attempts: next, lastError: error.slice(0, 500), nextAttemptAt: new Date(Date.now() + delayMs) })
    .where(eq(mailQueue.id, id));
}

export async function optOutOfMail(email: string) {
  await db.insert(mailOptOuts).values({ email: email.toLowerCase() }).onConflictDoNothing();
}

export async function isOptedOut(email: string): Promise<boolean> {
  const [row] = await db.select({ email: mailOptOuts.email }).from(mailOptOuts).where(eq(mailOptOuts.email, email.toLowerCase())).limit(1);
  return Boolean(row);
}

export async function optBackInToMail(email: string) {
  await db.delete(mailOptOuts).where(eq(mailOptOuts.email, email.toLowerCase()));
}
