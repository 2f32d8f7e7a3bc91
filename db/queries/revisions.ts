import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '../index';
import { revisions, users } from '../schema';

export type RevisionWithAuthor = {
  id: number;
  title: string;
  standfirst: string;
  body: string;
  meta: Record<string, unknown>;
  createdAt: Date;
  by: string | null;
};

/**
 * Two revisions of one article with who saved each, for the compare page (one indexed lookup by
 * primary key). Null when either is missing or belongs to another article.
 */
export async function getRevisionPair(articleId: number, fromId: number, toId: number): Promise<{ from: RevisionWithAuthor; to: RevisionWithAuthor } | null> {
  const rows: RevisionWithAuthor[] = await db
    .select({
      id: revisions.id,
      title: revisions.title,
      standfirst: revisions.standfirst,
      body: revisions.body,
      meta: revisions.meta,
      createdAt: revisions.createdAt,
      by: users.name,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.createdById))
    .where(and(eq(revisions.articleId, articleId), inArray(revisions.id, [fromId, toId])));
  const from = rows.find((r) => r.id === fromId);
  const to = rows.find((r) => r.id === toId);
  return from && to ? { from, to } : null;
}
