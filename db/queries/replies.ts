import 'server-only';
import { REPLIES_PER_PAGE } from '@/lib/replies/paging';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, max, or, sql } from 'drizzle-orm';
import { db } from '../index';
import { moderationLog, replies, type ReplyStatus, type ReplyStatusReason } from '../schema';

/** What readers may see of a reply: never the email, address or user agent. */
export type PublicReply = {
  id: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  authorUrl: string | null;
  body: string;
  createdAt: Date;
  isStaff: boolean;
  status: ReplyStatus;
};

const publicColumns = {
  id: replies.id,
  parentId: replies.parentId,
  depth: replies.depth,
  authorName: replies.authorName,
  authorUrl: replies.authorUrl,
  body: replies.body,
  createdAt: replies.createdAt,
  userId: replies.userId,
  status: replies.status,
};

function toPublic({ userId, ...r }: { userId: number | null } & Omit<PublicReply, 'isStaff'>): PublicReply {
  return { ...r, isStaff: userId !== null };
}

/**
 * One page of an article's approved replies, oldest first, and how many there are in all
 * (replies_article_status_created_idx serves both). A thread split by a page break shows its
 * replies at the top level of the next page.
 */
export async function listApprovedReplies({ articleId, page = 1 }: { articleId: number; page?: number }): Promise<{ replies: PublicReply[]; total: number }> {
  const where = and(eq(replies.articleId, articleId), eq(replies.status, 'approved'));
  const [rows, [counted]] = await Promise.all([
    db
      .select(publicColumns)
      .from(replies)
      .where(where)
      .orderBy(asc(replies.createdAt), asc(replies.id))
      .limit(REPLIES_PER_PAGE)
      .offset((page - 1) * REPLIES_PER_PAGE),
    db.select({ n: count() }).from(replies).where(where),
  ]);
  return { replies: rows.map(toPublic), total: counted.n };
}

/** How many approved replies an article has (replies_article_status_created_idx). */
export async function countApprovedReplies(articleId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(replies)
    .where(and(eq(replies.articleId, articleId), eq(replies.status, 'approved')));
  return row?.n ?? 0;
}

/** One approved reply of an article, wherever its page (the no-JavaScript reply and report pages). */
export async function getApprovedReply({ articleId, replyId }: { articleId: number; replyId: number }): Promise<PublicReply | null> {
  const [row] = await db
    .select(publicColumns)
    .from(replies)
    .where(and(eq(replies.id, replyId), eq(replies.articleId, articleId), eq(replies.status, 'approved')))
    .limit(1);
  return row ? toPublic(row) : null;
}

/** Held replies by id, for showing their own author (identified by the signed cookie) in place. */
export async function listPendingRepliesByIds(articleId: number, ids: number[]): Promise<PublicReply[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(publicColumns)
    .from(replies)
    .where(and(inArray(replies.id, ids), eq(replies.articleId, articleId), eq(replies.status, 'pending')))
    .orderBy(asc(replies.createdAt));
  return rows.map(toPublic);
}

export async function getReplyParent(parentId: number) {
  const [row] = await db
    .select({ id: replies.id, articleId: replies.articleId, depth: replies.depth, status: replies.status })
    .from(replies)
    .where(eq(replies.id, parentId))
    .limit(1);
  return row ?? null;
}

/**
 * The names this email has approved replies under, a few of them (replies_email_status_idx): the
 * "previously approved" rule needs the same name as well as the email (lib/replies/rules.ts).
 */
export async function approvedNamesForEmail(email: string, limit = 20): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: replies.authorName })
    .from(replies)
    .where(and(eq(replies.authorEmail, email), eq(replies.status, 'approved')))
    .limit(limit);
  return rows.map((r) => r.name);
}

/**
 * When this email or address last posted, looking back to `since` (flood control); null if not since.
 * replies_email_status_idx and replies_ip_created_idx.
 */
export async function latestReplyFrom({ email, ipHash, since }: { email: string; ipHash: string | null; since: Date }): Promise<Date | null> {
  const byEmail = and(eq(replies.authorEmail, email), gte(replies.createdAt, since));
  const where = ipHash ? or(byEmail, and(eq(replies.ipHash, ipHash), gte(replies.createdAt, since))) : byEmail;
  const [row] = await db
    .select({ at: max(replies.createdAt) })
    .from(replies)
    .where(where);
  return row?.at ?? null;
}

/** The newest reply on one article from this email or hashed address since `since` (slow mode, lib/replies/reply-mode.ts). */
export async function latestReplyOnArticleFrom({
  articleId,
  email,
  ipHash,
  since,
}: {
  articleId: number;
  email: string;
  ipHash: string | null;
  since: Date;
}): Promise<Date | null> {
  // The same shape as latestReplyFrom (each side of the OR has its index), narrowed to the article.
  const onArticle = and(eq(replies.articleId, articleId), gte(replies.createdAt, since));
  const byEmail = and(eq(replies.authorEmail, email), onArticle);
  const where = ipHash ? or(byEmail, and(eq(replies.ipHash, ipHash), onArticle)) : byEmail;
  const [row] = await db
    .select({ at: max(replies.createdAt) })
    .from(replies)
    .where(where);
  return row?.at ?? null;
}

/** Held replies on one article, counted up to `cap` (replies_article_status_created_idx; stops early). */
export async function countPendingForArticle({ articleId, cap }: { articleId: number; cap: number }): Promise<number> {
  const waiting = db
    .select({ id: replies.id })
    .from(replies)
    .where(and(eq(replies.articleId, articleId), eq(replies.status, 'pending')))
    .limit(cap)
    .as('waiting');
  const [row] = await db.select({ n: count() }).from(waiting);
  return row?.n ?? 0;
}

/** The same text from the same email on the same article already stored (any status). */
export async function findDuplicateReply({ articleId, email, body }: { articleId: number; email: string; body: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: replies.id })
    .from(replies)
    .where(and(eq(replies.authorEmail, email), eq(replies.articleId, articleId), eq(replies.body, body)))
    .limit(1);
  return Boolean(row);
}

export type NewReplyInput = {
  articleId: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  status: ReplyStatus;
  statusReason: ReplyStatusReason | null;
  userId: number | null;
  ipHash: string | null;
  userAgent: string | null;
  notifyReplies?: boolean;
};

/** Stores a reply and the rules' decision in the moderation log, in one batch (one transaction). */
export async function createReply(input: NewReplyInput): Promise<{ id: number }> {
  const [inserted] = await db.batch([
    db
      .insert(replies)
      .values({ ...input, statusChangedAt: new Date() })
      .returning({ id: replies.id }),
    db.insert(moderationLog).values({
      replyId: sql`last_insert_rowid()`,
      actorId: input.userId,
      action: input.statusReason?.rule ? `rules:${input.statusReason.rule}` : 'posted',
      fromStatus: null,
      toStatus: input.status,
      note: input.statusReason?.detail ?? null,
    }),
  ]);
  return inserted[0];
}

/**
 * When an article's newest approved replies were approved (ms, newest first, at most `limit`): the
 * reader island's "Show N new comments" counts those after the page's own newest. Walks
 * replies_article_status_changed_idx; status_changed_at is set by every approval (and by a reply
 * approved as it is posted).
 */
export async function listApprovalTimes(articleId: number, limit: number): Promise<number[]> {
  const rows = await db
    .select({ at: replies.statusChangedAt })
    .from(replies)
    .where(and(eq(replies.articleId, articleId), eq(replies.status, 'approved'), isNotNull(replies.statusChangedAt)))
    .orderBy(desc(replies.statusChangedAt))
    .limit(limit);
  return rows.flatMap((r) => (r.at ? [r.at.getTime()] : []));
}
