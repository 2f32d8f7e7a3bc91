import 'server-only';
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '../index';
import { articles, moderationLog, replies, replyReports, settings, users, type ReplyStatus, type ReplyStatusReason, type ReportReason } from '../schema';
import { openReportsFor } from './reports';
import { sanctionsByEmail } from './sanctions';

// The moderation desk. Every list is keyset-paged over an index: the queue by
// (status, created_at, id), one article's queue by (article_id, status, created_at), one commenter's
// by (author_email, status). Counts per page are grouped queries, never one per row.

export const QUEUE_PAGE_SIZE = 25;

export type QueueFilter = {
  status: ReplyStatus;
  articleId?: number;
  email?: string;
  text?: string;
};

/** Position in the queue: the created time and id of the last row seen. */
export type QueueCursor = { createdAt: number; id: number };

export type QueueRow = {
  id: number;
  body: string;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  status: ReplyStatus;
  statusReason: ReplyStatusReason | null;
  createdAt: Date;
  editedAt: Date | null;
  isStaff: boolean;
  depth: number;
  article: { id: number; title: string; slug: string };
  parent: { id: number; authorName: string; body: string; status: ReplyStatus } | null;
  history: Record<ReplyStatus, number>;
  log: { id: number; action: string; fromStatus: ReplyStatus | null; toStatus: ReplyStatus | null; actorName: string | null; note: string | null; createdAt: Date }[];
  sanctions: Awaited<ReturnType<typeof sanctionsByEmail>> extends Map<string, infer V> ? V : never;
  reports: { reason: ReportReason; note: string | null; createdAt: Date }[];
};

export type QueuePage = { rows: QueueRow[]; next: QueueCursor | null; prev: QueueCursor | null };

/** Pending is worked oldest first (nobody waits forever); the other queues show the newest first. */
export const oldestFirst = (status: ReplyStatus) => status === 'pending';

/** Tab counts stop here: past it the desk says "10,000+" (counting 800,000 approved replies on every request cost ~100 ms). */
export const QUEUE_COUNT_CAP = 10_000;

/**
 * Replies per status, each counted up to QUEUE_COUNT_CAP + 1 along its own range of
 * replies_status_created_idx, so a tab count costs the same at a million replies as at a thousand.
 */
export async function countRepliesByStatus(cap = QUEUE_COUNT_CAP): Promise<Record<ReplyStatus, number>> {
  const statuses: ReplyStatus[] = ['pending', 'approved', 'spam', 'trash'];
  const counts = await Promise.all(statuses.map((s) => countRepliesInStatus(s, cap)));
  return Object.fromEntries(statuses.map((s, i) => [s, counts[i]])) as Record<ReplyStatus, number>;
}

export async function countRepliesInStatus(status: ReplyStatus, cap = QUEUE_COUNT_CAP): Promise<number> {
  const row = await db.get<{ n: number }>(sql`select count(*) as n from (select 1 from ${replies} where ${replies.status} = ${status} limit ${cap + 1})`);
  return Number(row?.n ?? 0);
}

const parentReply = alias(replies, 'parent');

function filterWhere(f: QueueFilter): SQL {
  const parts: SQL[] = [eq(replies.status, f.status)];
  if (f.articleId) parts.push(eq(replies.articleId, f.articleId));
  if (f.email) parts.push(eq(replies.authorEmail, f.email));
  // Text search scans the status range; the filters above narrow it first when given.
  if (f.text) parts.push(sql`instr(lower(${replies.body}), ${f.text.toLowerCase()}) > 0`);
  return and(...parts)!;
}

/**
 * One page of a queue. `after` continues in queue order; `before` goes back a page. The keyset
 * condition compares (created_at, id) so paging stays as fast on page 4,000 as on page 1.
 */
export async function listQueue(f: QueueFilter, position: { after?: QueueCursor; before?: QueueCursor } = {}): Promise<QueuePage> {
  const asc_ = oldestFirst(f.status);
  const backwards = Boolean(position.before);
  const cursor = position.after ?? position.before;
  // Walking forward in an ascending queue means "greater than"; backwards flips it.
  const forwardGreater = asc_ !== backwards;
  const keyset = cursor
    ? forwardGreater
      ? or(gt(replies.createdAt, new Date(cursor.createdAt)), and(eq(replies.createdAt, new Date(cursor.createdAt)), gt(replies.id, cursor.id)))
      : or(lt(replies.createdAt, new Date(cursor.createdAt)), and(eq(replies.createdAt, new Date(cursor.createdAt)), lt(replies.id, cursor.id)))
    : undefined;
  const order: SQL[] = forwardGreater ? [asc(replies.createdAt), asc(replies.id)] : [desc(replies.createdAt), desc(replies.id)];

  const found = await selectQueueRows()
    .where(keyset ? and(filterWhere(f), keyset) : filterWhere(f))
    .orderBy(...order)
    .limit(QUEUE_PAGE_SIZE + 1);

  const more = found.length > QUEUE_PAGE_SIZE;
  const page = found.slice(0, QUEUE_PAGE_SIZE);
  if (backwards) page.reverse();
  const rows = await hydrate(page);

  const first = rows[0];
  const last = rows[rows.length - 1];
  const toCursor = (r: QueueRow): QueueCursor => ({ createdAt: r.createdAt.getTime(), id: r.id });
  // Going forward: a next page exists if we over-fetched; a previous one if we came from a cursor.
  // Going back: the reverse.
  return {
    rows,
    next: last && (backwards ? true : more) ? toCursor(last) : null,
    prev: first && (backwards ? more : Boolean(position.after)) ? toCursor(first) : null,
  };
}

function selectQueueRows() {
  return db
    .select({
      id: replies.id,
      body: replies.body,
      authorName: replies.authorName,
      authorEmail: replies.authorEmail,
      authorUrl: replies.authorUrl,
      status: replies.status,
      statusReason: replies.statusReason,
      createdAt: replies.createdAt,
      editedAt: replies.editedAt,
      userId: replies.userId,
      depth: replies.depth,
      articleId: articles.id,
      articleTitle: articles.title,
      articleSlug: articles.slug,
      parentId: parentReply.id,
      parentName: parentReply.authorName,
      parentBody: parentReply.body,
      parentStatus: parentReply.status,
    })
    .from(replies)
    .innerJoin(articles, eq(articles.id, replies.articleId))
    .leftJoin(parentReply, eq(parentReply.id, replies.parentId))
    .$dynamic();
}

type FoundRow = Awaited<ReturnType<ReturnType<typeof selectQueueRows>['execute']>>[number];

/** Adds each row's commenter history, log, sanctions and open reports: four grouped queries per page. */
async function hydrate(page: FoundRow[]): Promise<QueueRow[]> {
  const emails = page.map((r) => r.authorEmail);
  const ids = page.map((r) => r.id);
  const [history, log, sanctions, reports] = await Promise.all([historyByEmail(emails), logForReplies(ids), sanctionsByEmail(emails), openReportsFor(ids)]);
  return page.map((r) => ({
    id: r.id,
    body: r.body,
    authorName: r.authorName,
    authorEmail: r.authorEmail,
    authorUrl: r.authorUrl,
    status: r.status,
    statusReason: r.statusReason,
    createdAt: r.createdAt,
    editedAt: r.editedAt,
    isStaff: r.userId !== null,
    depth: r.depth,
    article: { id: r.articleId, title: r.articleTitle, slug: r.articleSlug },
    parent: r.parentId !== null ? { id: r.parentId, authorName: r.parentName!, body: r.parentBody!, status: r.parentStatus! } : null,
    history: history.get(r.authorEmail) ?? { pending: 0, approved: 0, spam: 0, trash: 0 },
    log: log.get(r.id) ?? [],
    sanctions: sanctions.get(r.authorEmail) ?? [],
    reports: reports.get(r.id) ?? [],
  }));
}

/** Desk rows for replies picked elsewhere (the Reported queue), in the order given. */
export async function listRepliesByIds(ids: number[]): Promise<QueueRow[]> {
  if (ids.length === 0) return [];
  const found = await selectQueueRows().where(inArray(replies.id, ids));
  const order = new Map(ids.map((id, i) => [id, i]));
  found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return hydrate(found);
}

/** Approved, pending, spam and trash counts for each commenter email (replies_email_status_idx). */
export async function historyByEmail(emails: string[]): Promise<Map<string, Record<ReplyStatus, number>>> {
  const out = new Map<string, Record<ReplyStatus, number>>();
  const unique = [...new Set(emails)];
  if (unique.length === 0) return out;
  const rows = await db
    .select({ email: replies.authorEmail, status: replies.status, n: count() })
    .from(replies)
    .where(inArray(replies.authorEmail, unique))
    .groupBy(replies.authorEmail, replies.status);
  for (const r of rows) {
    const h = out.get(r.email) ?? { pending: 0, approved: 0, spam: 0, trash: 0 };
    h[r.status] = r.n;
    out.set(r.email, h);
  }
  return out;
}

const LOG_PER_REPLY = 10;

async function logForReplies(ids: number[]) {
  const out = new Map<number, QueueRow['log']>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      id: moderationLog.id,
      replyId: moderationLog.replyId,
      action: moderationLog.action,
      fromStatus: moderationLog.fromStatus,
      toStatus: moderationLog.toStatus,
      note: moderationLog.note,
      createdAt: moderationLog.createdAt,
      actorName: users.name,
    })
    .from(moderationLog)
    .leftJoin(users, eq(users.id, moderationLog.actorId))
    .where(inArray(moderationLog.replyId, ids))
    .orderBy(asc(moderationLog.createdAt), asc(moderationLog.id));
  for (const r of rows) {
    const list = out.get(r.replyId) ?? [];
    list.push({ id: r.id, action: r.action, fromStatus: r.fromStatus, toStatus: r.toStatus, actorName: r.actorName, note: r.note, createdAt: r.createdAt });
    out.set(r.replyId, list);
  }
  for (const [id, list] of out) out.set(id, list.slice(-LOG_PER_REPLY));
  return out;
}

/** The desk's audit trail: the latest decisions by anyone (moderation_log_created_idx). */
export async function listRecentDecisions(limit = 15) {
  return db
    .select({
      id: moderationLog.id,
      replyId: moderationLog.replyId,
      action: moderationLog.action,
      fromStatus: moderationLog.fromStatus,
      toStatus: moderationLog.toStatus,
      createdAt: moderationLog.createdAt,
      actorName: users.name,
      replyAuthor: replies.authorName,
    })
    .from(moderationLog)
    .innerJoin(replies, eq(replies.id, moderationLog.replyId))
    .leftJoin(users, eq(users.id, moderationLog.actorId))
    .where(sql`${moderationLog.actorId} is not null`)
    .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
    .limit(limit);
}

export type Decision = 'approve' | 'unapprove' | 'spam' | 'trash' | 'restore';

const TARGET: Record<Exclude<Decision, 'restore'>, ReplyStatus> = { approve: 'approved', unapprove: 'pending', spam: 'spam', trash: 'trash' };

export type DecisionResult = { changed: { replyId: number; articleId: number; from: ReplyStatus; to: ReplyStatus }[]; logIds: number[] };

/**
 * Applies a decision to many replies in one transaction and logs each change. "Restore" returns a
 * spammed or trashed reply to the status it had before (from the log), else to pending. Replies
 * already in the target status are left alone (and not logged).
 */
export async function applyDecision(ids: number[], decision: Decision, actorId: number): Promise<DecisionResult> {
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
export async function undoDecisions(logIds: number[], actorId: number): Promise<DecisionResult> {
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

/** A reply as the desk edits it. */
export async function getReplyForDesk(id: number) {
  const [row] = await db
    .select({ id: replies.id, articleId: replies.articleId, body: replies.body, status: replies.status, depth: replies.depth, parentId: replies.parentId })
    .from(replies)
    .where(eq(replies.id, id))
    .limit(1);
  return row ?? null;
}

/** Changes a reply's text, keeping the previous text in the log. */
export async function editReplyBody(id: number, body: string, actorId: number) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ body: replies.body, articleId: replies.articleId, status: replies.status }).from(replies).where(eq(replies.id, id)).limit(1);
    if (!before) return null;
    if (before.body === body) return { ...before, changed: false };
    await tx.update(replies).set({ body, editedAt: new Date() }).where(eq(replies.id, id));
    await tx.insert(moderationLog).values({ replyId: id, actorId, action: 'edit', fromStatus: before.status, toStatus: before.status, note: `Previous text: ${before.body}` });
    return { ...before, changed: true };
  });
}

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

/** Queue health for the dashboard: how much is waiting, for how long, and how fast decisions come. */
export async function queueHealth() {
  const weekAgo = new Date(Date.now() - 7 * 24 * 3600_000);
  const decided = sql`${moderationLog.actorId} is not null and ${moderationLog.fromStatus} = 'pending' and ${moderationLog.toStatus} != 'pending' and ${moderationLog.createdAt} >= ${weekAgo.getTime()}`;
  const [[pending], [oldest], [decisions]] = await Promise.all([
    db.select({ n: count() }).from(replies).where(eq(replies.status, 'pending')),
    db.select({ at: replies.createdAt }).from(replies).where(eq(replies.status, 'pending')).orderBy(asc(replies.createdAt)).limit(1),
    db.select({ n: count() }).from(moderationLog).where(decided),
  ]);
  let medianMinutes: number | null = null;
  if (decisions.n > 0) {
    // The middle decision by waiting time (moderation_log_created_idx narrows to the week).
    const [middle] = await db
      .select({ waited: sql<number>`${moderationLog.createdAt} - ${replies.createdAt}` })
      .from(moderationLog)
      .innerJoin(replies, eq(replies.id, moderationLog.replyId))
      .where(decided)
      .orderBy(sql`${moderationLog.createdAt} - ${replies.createdAt}`)
      .limit(1)
      .offset(Math.floor((decisions.n - 1) / 2));
    medianMinutes = middle ? Math.max(0, Math.round(Number(middle.waited) / 60_000)) : null;
  }
  return {
    pending: pending.n,
    oldestPendingMinutes: oldest ? Math.max(0, Math.round((Date.now() - oldest.at.getTime()) / 60_000)) : null,
    decisionsThisWeek: decisions.n,
    medianMinutesToDecision: medianMinutes,
  };
}
