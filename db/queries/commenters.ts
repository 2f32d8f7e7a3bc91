import 'server-only';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { db } from '../index';
import { articles, commenterSanctions, moderationLog, replies } from '../schema';

// A commenter is an email address: their replies, their threads, their data.

export const MAX_BULK_REMOVAL = 5000;

/** Ids of a commenter's replies that are not already in the trash (replies_email_status_idx). */
export async function replyIdsOfCommenter(email: string): Promise<number[]> {
  const rows = await db
    .select({ id: replies.id })
    .from(replies)
    .where(and(eq(replies.authorEmail, email), ne(replies.status, 'trash')))
    .limit(MAX_BULK_REMOVAL);
  return rows.map((r) => r.id);
}

/** A reply and every reply beneath it, however deep (replies_parent_idx at each step). */
export async function replyIdsOfThread(rootId: number): Promise<number[]> {
  const rows = await db.all<{ id: number }>(sql`
    with recursive thread(id) as (
      select ${rootId}
      union
      select r.id from ${replies} r join thread t on r.parent_id = t.id
    )
    select thread.id as id from thread join ${replies} on ${replies.id} = thread.id
    where ${replies.status} != 'trash' limit ${MAX_BULK_REMOVAL}`);
  return rows.map((r) => Number(r.id));
}

/** Everything stored about a commenter, for a data export. */
export async function exportCommenter(email: string) {
  const [rows, sanctions] = await Promise.all([
    db
      .select({
        id: replies.id,
        article: articles.title,
        articleSlug: articles.slug,
        parentId: replies.parentId,
        name: replies.authorName,
        email: replies.authorEmail,
        website: replies.authorUrl,
        body: replies.body,
        status: replies.status,
        createdAt: replies.createdAt,
        editedAt: replies.editedAt,
        notifyReplies: replies.notifyReplies,
        addressHashStored: sql<number>`${replies.ipHash} is not null`,
      })
      .from(replies)
      .innerJoin(articles, eq(articles.id, replies.articleId))
      .where(eq(replies.authorEmail, email))
      .orderBy(asc(replies.createdAt)),
    db
      .select({ kind: commenterSanctions.kind, until: commenterSanctions.until, reason: commenterSanctions.reason, createdAt: commenterSanctions.createdAt, liftedAt: commenterSanctions.liftedAt })
      .from(commenterSanctions)
      .where(eq(commenterSanctions.email, email)),
  ]);
  return {
    email,
    exportedAt: new Date().toISOString(),
    replies: rows.map((r) => ({ ...r, addressHashStored: Boolean(r.addressHashStored) })),
    sanctions,
  };
}

export const ERASED_TEXT = '[Removed at the commenter’s request.]';

/**
 * Erases a commenter's personal data: every reply keeps its place in its thread but loses its
 * name, email, website, text, address and browser; sanctions naming the email go. Not undoable.
 * Returns the articles whose public pages change.
 */
export async function eraseCommenter(email: string, actorId: number) {
  return db.transaction(async (tx) => {
    const rows = await tx.select({ id: replies.id, articleId: replies.articleId, status: replies.status }).from(replies).where(eq(replies.authorEmail, email));
    const ids = rows.map((r) => r.id);
    if (ids.length) {
      await tx
        .update(replies)
        .set({
          authorName: 'Removed',
          // Unreadable, never deliverable, and no longer linking the replies to each other.
          authorEmail: sql`'erased-' || lower(hex(randomblob(8))) || '@invalid'`,
          authorUrl: null,
          body: ERASED_TEXT,
          ipHash: null,
          userAgent: null,
          notifyReplies: false,
          editedAt: new Date(),
        })
        .where(inArray(replies.id, ids));
      // The log's notes may quote the old text (edits); the decisions themselves stay.
      await tx.update(moderationLog).set({ note: null }).where(inArray(moderationLog.replyId, ids));
      await tx.insert(moderationLog).values(rows.map((r) => ({ replyId: r.id, actorId, action: 'erase', fromStatus: r.status, toStatus: r.status })));
    }
    await tx.delete(commenterSanctions).where(eq(commenterSanctions.email, email));
    return { replies: ids.length, articleIds: [...new Set(rows.filter((r) => r.status === 'approved').map((r) => r.articleId))] };
  });
}
