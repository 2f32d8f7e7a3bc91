import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { ArticleResource } from '@/lib/auth/permissions';
import { db } from '../index';
import { articleAuthors, articles, pages, revisions } from '../schema';

// The little that deciding whether an admin page may open needs (lib/auth/admin-pages.ts), read before
// the page renders: two indexed lookups, no page data.

export async function getArticleResource(id: number): Promise<ArticleResource | null> {
  const [[row], authors] = await Promise.all([
    db.select({ createdById: articles.createdById, status: articles.status }).from(articles).where(eq(articles.id, id)).limit(1),
    db.select({ id: articleAuthors.userId }).from(articleAuthors).where(eq(articleAuthors.articleId, id)),
  ]);
  return row ? { createdById: row.createdById, status: row.status, authorIds: authors.map((a) => a.id) } : null;
}

export async function revisionExists(articleId: number, revisionId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: revisions.id })
    .from(revisions)
    .where(and(eq(revisions.id, revisionId), eq(revisions.articleId, articleId)))
    .limit(1);
  return Boolean(row);
}

export async function pageExists(id: number): Promise<boolean> {
  const [row] = await db.select({ id: pages.id }).from(pages).where(eq(pages.id, id)).limit(1);
  return Boolean(row);
}
