import 'server-only';
import { and, asc, count, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '../index';
import { articles, moderationLog, replies, users, type ReplyStatus, type ReplyStatusReason, type ReportReason } from '../schema';
import { QUEUE_COUNT_CAP } from '@/lib/replies/desk-text';
import { listReportedReplyIds, openReportsFor } from './reports';
import { sanctionsByEmail } from './sanctions';

// The moderation desk's reads. Every list is keyset-paged over an index: the queue by
// (status, created_at, id), one article's queue by (article_id, status, created_at), one commenter's
// by (author_email, status). Counts per page are grouped queries, never one per row.
// Decisions and undo are in moderation-decisions.ts; purging and address retention in housekeeping.ts.

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
  log: {
    id: number;
    action: string;
    fromStatus: ReplyStatus | null;
    toStatus: ReplyStatus | null;
    actorName: string | null;
    note: string | null;
    createdAt: Date;
  }[];
  sanctions: Awaited<ReturnType<typeof sanctionsByEmail>> extends Map<string, infer V> ? V : never;
  reports: { reason: ReportReason; note: string | null; createdAt: Date }[];
};

export type QueuePage = { rows: QueueRow[]; next: QueueCursor | null; prev: QueueCursor | null };

/** Pending is worked oldest first (nobody waits forever); the other queues show the newest first. */
export const oldestFirst = (status: ReplyStatus) => status === 'pending';

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

/**
 * One page of the Reported queue: replies with open reports (newest report first), as desk rows.
 * `before` is the report id to continue below; the next page's cursor is carried in `next.id`.
 */
export async function listReportedQueue(before?: number): Promise<QueuePage> {
  const { replyIds, next } = await listReportedReplyIds(before);
  return { rows: await listRepliesByIds(replyIds), next: next ? { createdAt: 0, id: next } : null, prev: null };
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

export type RecentDecision = Awaited<ReturnType<typeof listRecentDecisions>>[number];

/** A reply as the desk edits it. */
export async function getReplyForDesk(id: number) {
  const [row] = await db
    .select({ id: replies.id, articleId: replies.articleId, body: replies.body, status: replies.status, depth: replies.depth, parentId: replies.parentId })
    .from(replies)
    .where(eq(replies.id, id))
    .limit(1);
  return row ?? null;
}
