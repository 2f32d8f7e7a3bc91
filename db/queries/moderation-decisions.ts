import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Decision } from '@/lib/replies/moderation-schema';
import { db } from '../index';
import { moderationLog, replies, type ReplyStatus } from '../schema';

// The moderation desk's decisions: approve, unapprove, spam, trash and restore, their undo, and
// corrections of a reply's text. Each change is written to moderation_log in the same transaction.

const TARGET: Record<Exclude<Decision, 'restore'>, ReplyStatus> = { approve: 'approved', unapprove: 'pending', spam: 'spam', trash: 'trash' };

export type DecisionResult = { changed: { replyId: number; articleId: number; from: ReplyStatus; to: ReplyStatus }[]; logIds: number[] };

/**
 * Applies a decision to many replies in one transaction and logs each change. "Restore" returns a
 * spammed or trashed reply to the status it had before (from the log), else to pending. Replies
 * already in the target status are left alone (and not logged). `by` is the moderator's user id.
 */
export async function applyDecision({ ids, decision, by: actorId }: { ids: number[]; decision: Decision; by: number }): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    const current = await tx.select({ id: replies.id, status: replies.status, articleId: replies.articleId }).from(replies).where(inArray(replies.id, ids));
    let restoreTo = new Map<number, ReplyStatus>();
    if (decision === 'restore') {
      const toRestore = current.filter((r) => r.status === 'spam' || r.status === 'trash').map((r) => r.id);
      restoreTo = await statusBefore(tx, toRestore);
    }
    const changed: DecisionResult['changed'] = [];
    for (const r of current) {
      const to = decision === 'restore' ? (r.status === 'spam' || r.status === 'trash' ? (restoreTo.get(r.id) ?? 'pending') : r.status) : TARGET[decision];
      if (to !== r.status) changed.push({ replyId: r.id, articleId: r.articleId, from: r.status, to });
    }
    if (changed.length === 0) return { changed, logIds: [] };
    await updateGroupedByStatus(tx, changed);
    const logged = await tx
      .insert(moderationLog)
      .values(changed.map((c) => ({ replyId: c.replyId, actorId, action: decision, fromStatus: c.from, toStatus: c.to })))
      .returning({ id: moderationLog.id });
    return { changed, logIds: logged.map((l) => l.id) };
  });
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** One update per target status (at most four), not one per reply. */
async function updateGroupedByStatus(tx: Tx, changed: DecisionResult['changed']) {
  const now = new Date();
  const byTarget = new Map<ReplyStatus, number[]>();
  for (const c of changed) byTarget.set(c.to, [...(byTarget.get(c.to) ?? []), c.replyId]);
  for (const [to, replyIds] of byTarget) {
    await tx.update(replies).set({ status: to, statusChangedAt: now }).where(inArray(replies.id, replyIds));
  }
}

/** For each reply, the status it had before it last entered spam or trash. */
async function statusBefore(tx: Tx, ids: number[]): Promise<Map<number, ReplyStatus>> {
  const out = new Map<number, ReplyStatus>();
  if (ids.length === 0) return out;
  const rows = await tx
    .select({ replyId: moderationLog.replyId, fromStatus: moderationLog.fromStatus, toStatus: moderationLog.toStatus })
    .from(moderationLog)
    .where(and(inArray(moderationLog.replyId, ids), inArray(moderationLog.toStatus, ['spam', 'trash'])))
    .orderBy(asc(moderationLog.id));
  for (const r of rows) {
    if (r.fromStatus && r.fromStatus !== 'spam' && r.fromStatus !== 'trash') out.set(r.replyId, r.fromStatus);
  }
  return out;
}

/**
 * Undoes decisions by their log ids: each reply goes back to the status it had, if that decision is
 * still its latest and it has not moved since. Logged as "undo". Returns what changed.
 */
export async function undoDecisions({ logIds, by: actorId }: { logIds: number[]; by: number }): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    const entries = await tx
      .select({ id: moderationLog.id, replyId: moderationLog.replyId, fromStatus: moderationLog.fromStatus, toStatus: moderationLog.toStatus })
      .from(moderationLog)
      .where(inArray(moderationLog.id, logIds));
    if (entries.length === 0) return { changed: [], logIds: [] };
    const replyIds = entries.map((e) => e.replyId);
    const [latest, current] = await Promise.all([
      tx
        .select({ replyId: moderationLog.replyId, id: sql<number>`max(${moderationLog.id})` })
        .from(moderationLog)
        .where(inArray(moderationLog.replyId, replyIds))
        .groupBy(moderationLog.replyId),
      tx.select({ id: replies.id, status: replies.status, articleId: replies.articleId }).from(replies).where(inArray(replies.id, replyIds)),
    ]);
    const latestId = new Map(latest.map((l) => [l.replyId, Number(l.id)]));
    const byId = new Map(current.map((r) => [r.id, r]));
    const changed: DecisionResult['changed'] = [];
    for (const e of entries) {
      const reply = byId.get(e.replyId);
      if (!reply || !e.fromStatus || latestId.get(e.replyId) !== e.id || reply.status !== e.toStatus) continue;
      changed.push({ replyId: reply.id, articleId: reply.articleId, from: reply.status, to: e.fromStatus });
    }
    if (changed.length === 0) return { changed, logIds: [] };
    await updateGroupedByStatus(tx, changed);
    const logged = await tx
      .insert(moderationLog)
      .values(changed.map((c) => ({ replyId: c.replyId, actorId, action: 'undo', fromStatus: c.from, toStatus: c.to })))
      .returning({ id: moderationLog.id });
    return { changed, logIds: logged.map((l) => l.id) };
  });
}

/** Changes a reply's text, keeping the previous text in the log. */
export async function editReplyBody({ id, body, by: actorId }: { id: number; body: string; by: number }) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ body: replies.body, articleId: replies.articleId, status: replies.status })
      .from(replies)
      .where(eq(replies.id, id))
      .limit(1);
    if (!before) return null;
    if (before.body === body) return { ...before, changed: false };
    await tx.update(replies).set({ body, editedAt: new Date() }).where(eq(replies.id, id));
    await tx
      .insert(moderationLog)
      .values({ replyId: id, actorId, action: 'edit', fromStatus: before.status, toStatus: before.status, note: `Previous text: ${before.body}` });
    return { ...before, changed: true };
  });
}
