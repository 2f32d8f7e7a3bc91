import 'server-only';
import { and, eq, gte, inArray, isNotNull, isNull, lt, notLike, or, sql } from 'drizzle-orm';
import { db } from '../index';
import { commenterSanctions, mailQueue, moderationLog, replies, replyReports, settings } from '../schema';

// Housekeeping the server runs itself (app/api/housekeeping): purging old spam and trash, and
// dropping personal data past its retention (lib/privacy/personal-data.ts says what is kept how long).

/**
 * Purges spam and trash that has sat there longer than the cutoff, in batches so the database is
 * never locked for long. Returns how many replies went. Their log rows go with them.
 */
export async function purgeOldSpamAndTrash(olderThan: Date, batchSize = 500): Promise<number> {
  let purged = 0;
  for (;;) {
    const batch = await db
      .select({ id: replies.id })
      .from(replies)
      .where(
        and(
          inArray(replies.status, ['spam', 'trash']),
          or(lt(replies.statusChangedAt, olderThan), and(isNull(replies.statusChangedAt), lt(replies.createdAt, olderThan))),
        ),
      )
      .limit(batchSize);
    if (batch.length === 0) return purged;
    const ids = batch.map((b) => b.id);
    await db.batch([
      db.delete(moderationLog).where(inArray(moderationLog.replyId, ids)),
      db.delete(replyReports).where(inArray(replyReports.replyId, ids)),
      // Replies that answered a purged one stay, shown at the top level.
      db.update(replies).set({ parentId: null }).where(inArray(replies.parentId, ids)),
      db.delete(replies).where(inArray(replies.id, ids)),
    ]);
    purged += ids.length;
    if (batch.length < batchSize) return purged;
  }
}

const WATERMARK_KEY = 'address_retention_watermark';

/**
 * Drops the hashed address and browser of replies older than the cutoff. A watermark (in settings)
 * remembers how far it has gone, so each run touches only the newly old replies, through
 * replies_status_created_idx (every status is listed so the index's leading column is used).
 */
export async function dropOldAddresses(olderThan: Date): Promise<number> {
  const [mark] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, WATERMARK_KEY)).limit(1);
  const from = new Date(typeof mark?.value === 'number' ? mark.value : 0);
  if (from >= olderThan) return 0;
  const result = await db
    .update(replies)
    .set({ ipHash: null, userAgent: null })
    .where(
      and(
        inArray(replies.status, ['pending', 'approved', 'spam', 'trash']),
        gte(replies.createdAt, from),
        lt(replies.createdAt, olderThan),
        or(isNotNull(replies.ipHash), isNotNull(replies.userAgent)),
      ),
    );
  await db
    .insert(settings)
    .values({ key: WATERMARK_KEY, value: olderThan.getTime(), updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value: olderThan.getTime(), updatedAt: new Date() } });
  return result.rowsAffected;
}

/** A reporter's address hash once it has expired: unique per report (one report per reply and address), linking nothing. */
export const EXPIRED_REPORTER = 'expired:';

/**
 * Everything kept about people only for a while, past the address retention period: the hashed
 * address and browser of replies (dropOldAddresses), the hashed address of readers who reported a reply
 * (replaced, so the report stays), the hashed address of sanctions that ended before the cutoff, and
 * mail queued before it (sent or given up: it holds names, text and addresses). Runs hourly; the
 * reports and mail tables stay small (old mail goes, a report is a few bytes), so no watermark.
 */
export async function dropOldPersonalData(olderThan: Date) {
  const addresses = await dropOldAddresses(olderThan);
  const [reports, sanctions, mail] = await db.batch([
    db
      .update(replyReports)
      .set({ reporterHash: sql`${EXPIRED_REPORTER} || ${replyReports.id}` })
      .where(and(lt(replyReports.createdAt, olderThan), notLike(replyReports.reporterHash, `${EXPIRED_REPORTER}%`))),
    db
      .update(commenterSanctions)
      .set({ ipHash: null })
      .where(and(isNotNull(commenterSanctions.ipHash), or(lt(commenterSanctions.liftedAt, olderThan), lt(commenterSanctions.until, olderThan)))),
    db.delete(mailQueue).where(lt(mailQueue.createdAt, olderThan)),
  ]);
  return { addresses, reports: reports.rowsAffected, sanctions: sanctions.rowsAffected, mail: mail.rowsAffected };
}
