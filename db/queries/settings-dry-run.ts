import 'server-only';
import { and, desc, eq, inArray, min } from 'drizzle-orm';
import type { StoredReplyForTrial } from '@/lib/replies/dry-run';
import { db } from '../index';
import { replies } from '../schema';

export const TRIAL_REPLY_LIMIT = 1000;

/**
 * The newest replies (by primary key) for "Try these rules", each knowing whether its email had an
 * approved reply before it. Two queries whatever the count: the replies, then the first approved
 * reply of each of their emails (replies_email_status_idx).
 */
export async function listRepliesForTrial(limit = TRIAL_REPLY_LIMIT): Promise<StoredReplyForTrial[]> {
  const rows = await db
    .select({
      id: replies.id,
      name: replies.authorName,
      email: replies.authorEmail,
      url: replies.authorUrl,
      body: replies.body,
      status: replies.status,
      userId: replies.userId,
    })
    .from(replies)
    .orderBy(desc(replies.id))
    .limit(limit);
  if (rows.length === 0) return [];

  const emails = [...new Set(rows.map((r) => r.email))];
  const firstApproved = await db
    .select({ email: replies.authorEmail, id: min(replies.id) })
    .from(replies)
    .where(and(inArray(replies.authorEmail, emails), eq(replies.status, 'approved')))
    .groupBy(replies.authorEmail);
  const firstApprovedId = new Map(firstApproved.map((r) => [r.email, r.id ?? Infinity]));

  return rows.map(({ userId, ...r }) => ({
    ...r,
    isStaff: userId !== null,
    // Approximates "had an approved reply when this one was posted": the first approved one is older.
    hasEarlierApprovedReply: (firstApprovedId.get(r.email) ?? Infinity) < r.id,
  }));
}
