import 'server-only';
import { and, asc, desc, eq, inArray, min, or } from 'drizzle-orm';
import type { StoredReplyForTrial } from '@/lib/replies/dry-run';
import { db } from '../index';
import { commenterSanctions, replies, users } from '../schema';

export const TRIAL_REPLY_LIMIT = 1000;

/**
 * The newest replies (by primary key) for "Try these rules", each with the facts the reply rules read
 * as they stood when it was posted, as far as the rows tell. Five queries whatever the count: the
 * replies, then together the first approved reply of each of their emails under each name
 * (replies_email_status_idx), which of the emails are staff accounts' (users_email_uq), the "always
 * hold" sanctions on their emails or addresses (commenter_sanctions_email_idx and _ip_idx) and the
 * held replies on their articles (replies_article_status_created_idx).
 */
export async function listRepliesForTrial(limit = TRIAL_REPLY_LIMIT): Promise<StoredReplyForTrial[]> {
  const rows = await db
    .select({
      id: replies.id,
      articleId: replies.articleId,
      name: replies.authorName,
      email: replies.authorEmail,
      url: replies.authorUrl,
      body: replies.body,
      status: replies.status,
      userId: replies.userId,
      ipHash: replies.ipHash,
      createdAt: replies.createdAt,
    })
    .from(replies)
    .orderBy(desc(replies.id))
    .limit(limit);
  if (rows.length === 0) return [];

  const emails = [...new Set(rows.map((r) => r.email))];
  const hashes = [...new Set(rows.flatMap((r) => (r.ipHash ? [r.ipHash] : [])))];
  const articleIds = [...new Set(rows.map((r) => r.articleId))];
  const [firstApproved, staffEmails, holds, pending] = await Promise.all([
    db
      .select({ email: replies.authorEmail, name: replies.authorName, id: min(replies.id) })
      .from(replies)
      .where(and(inArray(replies.authorEmail, emails), eq(replies.status, 'approved')))
      .groupBy(replies.authorEmail, replies.authorName),
    db.select({ email: users.email }).from(users).where(inArray(users.email, emails)),
    db
      .select({
        email: commenterSanctions.email,
        ipHash: commenterSanctions.ipHash,
        createdAt: commenterSanctions.createdAt,
        until: commenterSanctions.until,
        liftedAt: commenterSanctions.liftedAt,
      })
      .from(commenterSanctions)
      .where(
        and(
          eq(commenterSanctions.kind, 'hold'),
          hashes.length > 0
            ? or(inArray(commenterSanctions.email, emails), inArray(commenterSanctions.ipHash, hashes))
            : inArray(commenterSanctions.email, emails),
        ),
      ),
    db
      .select({ articleId: replies.articleId, createdAt: replies.createdAt })
      .from(replies)
      .where(and(inArray(replies.articleId, articleIds), eq(replies.status, 'pending')))
      .orderBy(asc(replies.articleId), asc(replies.createdAt)),
  ]);
  const approvedByEmail = new Map<string, { name: string; id: number }[]>();
  for (const a of firstApproved) approvedByEmail.set(a.email, [...(approvedByEmail.get(a.email) ?? []), { name: a.name, id: a.id ?? Infinity }]);
  const staff = new Set(staffEmails.map((u) => u.email));
  const pendingTimes = new Map<number, number[]>();
  for (const p of pending) {
    const times = pendingTimes.get(p.articleId) ?? [];
    times.push(p.createdAt.getTime());
    pendingTimes.set(p.articleId, times);
  }

  return rows.map(({ userId, ipHash, createdAt, ...r }) => {
    const at = createdAt.getTime();
    return {
      ...r,
      isStaff: userId !== null,
      // Approximates "had an approved reply under that name when this one was posted": the first is older.
      earlierApprovedNames: (approvedByEmail.get(r.email) ?? []).filter((a) => a.id < r.id).map((a) => a.name),
      staffEmail: staff.has(r.email),
      alwaysHeld: holds.some(
        (h) =>
          (h.email === r.email || (ipHash !== null && h.ipHash === ipHash)) &&
          h.createdAt.getTime() <= at &&
          (!h.liftedAt || h.liftedAt.getTime() > at) &&
          (!h.until || h.until.getTime() > at),
      ),
      // Held replies older than this one that are still held were waiting when it was posted.
      pendingBefore: countBefore(pendingTimes.get(r.articleId) ?? [], at),
    };
  });
}

/** How many of the sorted times are earlier than `at` (binary search). */
function countBefore(sorted: number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
