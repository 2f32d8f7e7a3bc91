import 'server-only';
import { and, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import { db } from '../index';
import { mailQueue, replies } from '../schema';
import { MAX_ATTEMPTS, retryDelayMs } from './mail';

// What /api/metrics and /admin/system read from the database: one cheap statement for the gauges.

/** The moderation queue and the mail queue, in one statement (replies_status_created_idx, mail_queue_due_idx). */
export async function operationalCounts() {
  const [row] = await db.all<{ pending: number; oldest_pending: number | null; mail_queued: number; oldest_mail: number | null }>(sql`
    select
      (select count(*) from ${replies} where ${replies.status} = 'pending') as pending,
      (select min(${replies.createdAt}) from ${replies} where ${replies.status} = 'pending') as oldest_pending,
      (select count(*) from ${mailQueue} where ${mailQueue.sentAt} is null and ${mailQueue.attempts} < ${MAX_ATTEMPTS}) as mail_queued,
      (select min(${mailQueue.createdAt}) from ${mailQueue} where ${mailQueue.sentAt} is null and ${mailQueue.attempts} < ${MAX_ATTEMPTS}) as oldest_mail`);
  const at = (ms: number | null) => (ms === null ? null : new Date(Number(ms)));
  return {
    pending: Number(row?.pending ?? 0),
    oldestPendingAt: at(row?.oldest_pending ?? null),
    mailQueued: Number(row?.mail_queued ?? 0),
    oldestMailAt: at(row?.oldest_mail ?? null),
  };
}

/**
 * The most recent failure among unsent mail: when it failed (its next attempt less the back-off it
 * got) and the error as stored. The caller removes addresses before showing it.
 */
export async function latestMailFailure(): Promise<{ at: Date; error: string; givenUp: boolean } | null> {
  const rows = await db
    .select({ attempts: mailQueue.attempts, nextAttemptAt: mailQueue.nextAttemptAt, lastError: mailQueue.lastError })
    .from(mailQueue)
    .where(and(isNull(mailQueue.sentAt), isNotNull(mailQueue.lastError)))
    .orderBy(desc(mailQueue.id))
    .limit(50);
  let latest: { at: Date; error: string; givenUp: boolean } | null = null;
  for (const r of rows) {
    if (!r.lastError || r.attempts < 1) continue;
    const at = new Date(r.nextAttemptAt.getTime() - retryDelayMs(r.attempts));
    if (!latest || at > latest.at) latest = { at, error: r.lastError, givenUp: r.attempts >= MAX_ATTEMPTS };
  }
  return latest;
}
