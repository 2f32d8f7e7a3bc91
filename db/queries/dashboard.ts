import 'server-only';
import { asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { verifyPassword } from '@/lib/auth/password';
import { db } from '../index';
import { articles, moderationLog, replies, users, type ArticleStatus } from '../schema';

export async function countArticlesByStatus(): Promise<Record<ArticleStatus, number>> {
  const rows = await db.select({ status: articles.status, n: count() }).from(articles).groupBy(articles.status);
  const out: Record<ArticleStatus, number> = { draft: 0, review: 0, scheduled: 0, published: 0, unpublished: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export async function listRecentlyUpdatedArticles(limit: number) {
  return db
    .select({ id: articles.id, title: articles.title, status: articles.status, updatedAt: articles.updatedAt })
    .from(articles)
    .orderBy(desc(articles.updatedAt))
    .limit(limit);
}

const DEMO_EMAILS = ['admin@example.com', 'editor@example.com', 'author@example.com', 'moderator@example.com'];
const demoCheck = new Map<string, boolean>();

/** Whether any demo account still has the published demo password (memoised per stored hash). */
export async function demoPasswordStillSet(demoPassword: string): Promise<boolean> {
  const rows = await db.select({ hash: users.passwordHash, disabled: users.disabled }).from(users).where(inArray(users.email, DEMO_EMAILS));
  for (const r of rows) {
    if (!r.hash || r.disabled) continue;
    let matches = demoCheck.get(r.hash);
    if (matches === undefined) {
      matches = await verifyPassword(r.hash, demoPassword);
      demoCheck.set(r.hash, matches);
    }
    if (matches) return true;
  }
  return false;
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
