import 'server-only';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { db } from '../index';
import { EXPIRED_REPORTER } from './housekeeping';
import { articles, commenterSanctions, mailOptOuts, mailQueue, moderationLog, replies, replyReports } from '../schema';

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

/**
 * Everything stored about a commenter, for a data export (a subject access request): their replies
 * with every column kept about them (the hashed address and browser, the rules' reason), each reply's
 * moderation history and the readers' reports on it, their sanctions, the mail queued to them and
 * their opt-out. lib/privacy/personal-data.ts lists which columns this must cover; a test holds it to that.
 * Mail about their replies that went to someone else is not theirs to see (it names the other person).
 */
export async function exportCommenter(email: string) {
  const [rows, sanctions, mail, optOut] = await Promise.all([
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
        statusReason: replies.statusReason,
        createdAt: replies.createdAt,
        editedAt: replies.editedAt,
        statusChangedAt: replies.statusChangedAt,
        notifyReplies: replies.notifyReplies,
        addressHash: replies.ipHash,
        userAgent: replies.userAgent,
      })
      .from(replies)
      .innerJoin(articles, eq(articles.id, replies.articleId))
      .where(eq(replies.authorEmail, email))
      .orderBy(asc(replies.createdAt)),
    db
      .select({
        kind: commenterSanctions.kind,
        until: commenterSanctions.until,
        reason: commenterSanctions.reason,
        addressHash: commenterSanctions.ipHash,
        createdAt: commenterSanctions.createdAt,
        liftedAt: commenterSanctions.liftedAt,
      })
      .from(commenterSanctions)
      .where(eq(commenterSanctions.email, email)),
    db
      .select({
        to: mailQueue.toAddress,
        subject: mailQueue.subject,
        text: mailQueue.textBody,
        headers: mailQueue.headers,
        createdAt: mailQueue.createdAt,
        sentAt: mailQueue.sentAt,
        attempts: mailQueue.attempts,
        lastError: mailQueue.lastError,
      })
      .from(mailQueue)
      .where(eq(mailQueue.toAddress, email))
      .orderBy(asc(mailQueue.createdAt)),
    db.select({ since: mailOptOuts.createdAt }).from(mailOptOuts).where(eq(mailOptOuts.email, email)).limit(1),
  ]);
  const ids = rows.map((r) => r.id);
  const [log, reports] = ids.length
    ? await Promise.all([
        db
          .select({
            replyId: moderationLog.replyId,
            action: moderationLog.action,
            fromStatus: moderationLog.fromStatus,
            toStatus: moderationLog.toStatus,
            note: moderationLog.note,
            at: moderationLog.createdAt,
          })
          .from(moderationLog)
          .where(inArray(moderationLog.replyId, ids))
          .orderBy(asc(moderationLog.createdAt)),
        db
          .select({
            replyId: replyReports.replyId,
            reason: replyReports.reason,
            note: replyReports.note,
            at: replyReports.createdAt,
            dismissedAt: replyReports.dismissedAt,
          })
          .from(replyReports)
          .where(inArray(replyReports.replyId, ids))
          .orderBy(asc(replyReports.createdAt)),
      ])
    : [[], []];
  const byReply = <T extends { replyId: number }>(list: T[], id: number) =>
    list.filter((x) => x.replyId === id).map((x) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'replyId')) as Omit<T, 'replyId'>);
  return {
    email,
    exportedAt: new Date().toISOString(),
    replies: rows.map((r) => ({ ...r, addressHashStored: r.addressHash !== null, history: byReply(log, r.id), reports: byReply(reports, r.id) })),
    sanctions,
    mail,
    notificationsOptOut: optOut[0] ? { since: optOut[0].since } : null,
  };
}

export const ERASED_TEXT = '[Removed at the commenter’s request.]';

/** Mail about these replies (their approval, or an answer quoting them), by the queue's dedupe keys. */
const mailKeysFor = (ids: number[]) => ids.flatMap((id) => [`approved:${id}`, `answer:${id}`]);

/**
 * Erases a commenter's personal data: every reply keeps its place in its thread but loses its name,
 * email, website, text, address, browser and the words of its rules' reason (the rule's name stays);
 * the log's and readers' reports' notes on those replies go (they may quote the text); sanctions naming
 * the email go; queued and sent mail to them or about their replies goes; so does their opt-out (no
 * mail can reach an erased email); reports sent from the addresses their replies came from lose that
 * address. Not undoable. lib/privacy/personal-data.ts lists what must go; a
 * test holds it to that. Returns the articles whose public pages change.
 */
export async function eraseCommenter(email: string, actorId: number) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: replies.id, articleId: replies.articleId, status: replies.status, ipHash: replies.ipHash })
      .from(replies)
      .where(eq(replies.authorEmail, email));
    const ids = rows.map((r) => r.id);
    const addressHashes = [...new Set(rows.flatMap((r) => (r.ipHash ? [r.ipHash] : [])))];
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
          // The rule that decided stays; its words and match may quote the text or name.
          statusReason: sql`case when ${replies.statusReason} is null then null else json_object('rule', json_extract(${replies.statusReason}, '$.rule')) end`,
          notifyReplies: false,
          editedAt: new Date(),
        })
        .where(inArray(replies.id, ids));
      // The log's notes may quote the old text (edits); the decisions themselves stay.
      await tx.update(moderationLog).set({ note: null }).where(inArray(moderationLog.replyId, ids));
      await tx.update(replyReports).set({ note: null }).where(inArray(replyReports.replyId, ids));
      await tx.insert(moderationLog).values(rows.map((r) => ({ replyId: r.id, actorId, action: 'erase', fromStatus: r.status, toStatus: r.status })));
      const keys = mailKeysFor(ids);
      for (let i = 0; i < keys.length; i += 500) await tx.delete(mailQueue).where(inArray(mailQueue.dedupeKey, keys.slice(i, i + 500)));
    }
    // Reports sent from their addresses stay (they are about others' replies), no longer linked to them.
    if (addressHashes.length) {
      await tx
        .update(replyReports)
        .set({ reporterHash: sql`${EXPIRED_REPORTER} || ${replyReports.id}` })
        .where(inArray(replyReports.reporterHash, addressHashes));
    }
    await tx.delete(mailQueue).where(eq(mailQueue.toAddress, email));
    await tx.delete(mailOptOuts).where(eq(mailOptOuts.email, email));
    await tx.delete(commenterSanctions).where(eq(commenterSanctions.email, email));
    return { replies: ids.length, articleIds: [...new Set(rows.filter((r) => r.status === 'approved').map((r) => r.articleId))] };
  });
}
