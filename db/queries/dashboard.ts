import 'server-only';
import { count, desc, inArray } from 'drizzle-orm';
import { verifyPassword } from '@/lib/auth/password';
import { db } from '../index';
import { articles, users, type ArticleStatus } from '../schema';

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
