import 'server-only';
import { and, eq, gte, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { db } from '../index';
import { moderationLog, replies, replyReports, settings } from '../schema';

// Housekeeping the server runs itself (app/api/housekeeping): purging old spam and trash, and
// dropping hashed addresses past their retention.

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
