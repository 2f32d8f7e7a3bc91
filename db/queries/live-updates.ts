import 'server-only';
import { and, count, desc, eq, gt, isNull, lt, max, sql } from 'drizzle-orm';
import type { ReplyMode } from '../enums';
import { db } from '../index';
import { articleAuthors, articles, articleTags, liveUpdates, sections, tags, users } from '../schema';
import type { ArticleResource } from '@/lib/auth/permissions';

// Reads of a live article's updates, shared by the reader page, the update pages, the island's poll
// route, the feed and the JSON-LD. Every list walks live_updates_article_number_uq (article, number).

export type LiveUpdateRow = {
  id: number;
  number: number;
  body: string;
  imagePath: string | null;
  imageAlt: string | null;
  keyEvent: boolean;
  correction: string | null;
  authorName: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
};

const columns = {
  id: liveUpdates.id,
  number: liveUpdates.number,
  body: liveUpdates.body,
  imagePath: liveUpdates.imagePath,
  imageAlt: liveUpdates.imageAlt,
  keyEvent: liveUpdates.keyEvent,
  correction: liveUpdates.correction,
  authorName: users.name,
  createdAt: liveUpdates.createdAt,
  editedAt: liveUpdates.editedAt,
  deletedAt: liveUpdates.deletedAt,
};

/** Newest first: `limit` updates below `before` (a number; omitted: from the newest). */
export async function listLiveUpdates(articleId: number, { limit, before }: { limit: number; before?: number }): Promise<LiveUpdateRow[]> {
  return db
    .select(columns)
    .from(liveUpdates)
    .leftJoin(users, eq(users.id, liveUpdates.authorId))
    .where(and(eq(liveUpdates.articleId, articleId), before === undefined ? undefined : lt(liveUpdates.number, before)))
    .orderBy(desc(liveUpdates.number))
    .limit(limit);
}

/** The newest `limit` updates that are not deleted, newest first (the feed and the JSON-LD). */
export async function listShownLiveUpdates(articleId: number, limit: number): Promise<LiveUpdateRow[]> {
  return db
    .select(columns)
    .from(liveUpdates)
    .leftJoin(users, eq(users.id, liveUpdates.authorId))
    .where(and(eq(liveUpdates.articleId, articleId), isNull(liveUpdates.deletedAt)))
    .orderBy(desc(liveUpdates.number))
    .limit(limit);
}

/** Updates after the one a reader has (number > after), newest first, at most `limit`. */
export async function listLiveUpdatesAfter(articleId: number, after: number, limit: number): Promise<LiveUpdateRow[]> {
  return db
    .select(columns)
    .from(liveUpdates)
    .leftJoin(users, eq(users.id, liveUpdates.authorId))
    .where(and(eq(liveUpdates.articleId, articleId), gt(liveUpdates.number, after)))
    .orderBy(desc(liveUpdates.number))
    .limit(limit);
}

export async function getLiveUpdate(articleId: number, number: number): Promise<LiveUpdateRow | null> {
  const [row] = await db
    .select(columns)
    .from(liveUpdates)
    .leftJoin(users, eq(users.id, liveUpdates.authorId))
    .where(and(eq(liveUpdates.articleId, articleId), eq(liveUpdates.number, number)))
    .limit(1);
  return row ?? null;
}

/** The key events (not deleted), newest first, for the list at the top of a live article. */
export async function listKeyEvents(articleId: number): Promise<{ number: number; body: string; createdAt: Date }[]> {
  return db
    .select({ number: liveUpdates.number, body: liveUpdates.body, createdAt: liveUpdates.createdAt })
    .from(liveUpdates)
    .where(and(eq(liveUpdates.articleId, articleId), eq(liveUpdates.keyEvent, true), isNull(liveUpdates.deletedAt)))
    .orderBy(desc(liveUpdates.number));
}

/** The newest update's number (0: none yet), which the next one follows and the island's cursor compares. */
export async function latestLiveUpdateNumber(articleId: number): Promise<number> {
  const [row] = await db
    .select({ n: max(liveUpdates.number) })
    .from(liveUpdates)
    .where(eq(liveUpdates.articleId, articleId));
  return row?.n ?? 0;
}

/** How many updates an article has (deleted ones keep their place), for paging. */
export async function countLiveUpdates(articleId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(liveUpdates).where(eq(liveUpdates.articleId, articleId));
  return row?.n ?? 0;
}

// Writes: the live desk (app/admin/articles/[id]/live) only.

/** What the live desk needs of an article: who may run it, whether it is live, and the tags it touches. */
export type LiveArticle = {
  id: number;
  slug: string;
  title: string;
  status: ArticleResource['status'];
  resource: ArticleResource;
  liveStartedAt: Date | null;
  liveEndedAt: Date | null;
  liveSummary: string | null;
  replyMode: ReplyMode;
  replySlowSeconds: number;
  sectionSlugs: string[];
  tagSlugs: string[];
  authorSlugs: string[];
};

export async function getLiveArticle(id: number): Promise<LiveArticle | null> {
  const [[row], authors, tagRows] = await Promise.all([
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        status: articles.status,
        createdById: articles.createdById,
        liveStartedAt: articles.liveStartedAt,
        liveEndedAt: articles.liveEndedAt,
        liveSummary: articles.liveSummary,
        replyMode: articles.replyMode,
        replySlowSeconds: articles.replySlowSeconds,
        sectionSlug: sections.slug,
      })
      .from(articles)
      .leftJoin(sections, eq(sections.id, articles.sectionId))
      .where(eq(articles.id, id))
      .limit(1),
    db
      .select({ id: users.id, slug: users.slug })
      .from(articleAuthors)
      .innerJoin(users, eq(users.id, articleAuthors.userId))
      .where(eq(articleAuthors.articleId, id)),
    db.select({ slug: tags.slug }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, id)),
  ]);
  if (!row) return null;
  const { createdById, sectionSlug, ...rest } = row;
  return {
    ...rest,
    resource: { createdById, status: row.status, authorIds: authors.map((a) => a.id) },
    sectionSlugs: sectionSlug ? [sectionSlug] : [],
    tagSlugs: tagRows.map((t) => t.slug),
    authorSlugs: authors.map((a) => a.slug).filter((s): s is string => Boolean(s)),
  };
}

/** Starts (or restarts) live coverage: started now, no end. */
export async function startLiveCoverage(articleId: number, now = new Date()): Promise<void> {
  await db.update(articles).set({ liveStartedAt: now, liveEndedAt: null }).where(eq(articles.id, articleId));
}

/** Ends live coverage with its summary (empty: none). Only a running coverage ends (false: it was not). */
export async function endLiveCoverage(articleId: number, summary: string, now = new Date()): Promise<boolean> {
  const done = await db
    .update(articles)
    .set({ liveEndedAt: now, liveSummary: summary || null })
    .where(and(eq(articles.id, articleId), isNull(articles.liveEndedAt), sql`${articles.liveStartedAt} is not null`))
    .returning({ id: articles.id });
  return done.length > 0;
}

function isUniqueViolation(e: unknown): boolean {
  for (let err = e as { message?: string; code?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    if (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(err.message ?? '')) return true;
  }
  return false;
}

export type NewLiveUpdate = { body: string; imagePath: string | null; imageAlt: string | null; keyEvent: boolean; authorId: number };

/**
 * Adds an update with the next number (max + 1) in one INSERT … SELECT, which SQLite runs as one
 * transaction. Two editors posting at once can still pick the same number from two connections; the
 * unique index (article, number) refuses the second, which tries once more with the new max.
 */
export async function postLiveUpdate(articleId: number, u: NewLiveUpdate): Promise<number> {
  const insert = () =>
    db.run(sql`insert into live_updates (article_id, number, body, image_path, image_alt, key_event, author_id, created_at)
      select ${articleId}, coalesce(max(number), 0) + 1, ${u.body}, ${u.imagePath}, ${u.imageAlt}, ${u.keyEvent ? 1 : 0}, ${u.authorId}, ${Date.now()}
        from live_updates where article_id = ${articleId}`);
  try {
    await insert();
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    await insert();
  }
  return latestLiveUpdateNumber(articleId);
}

/** Changes an update's text and key-event mark (its number stays); false when there is no such live update. */
export async function editLiveUpdate(articleId: number, number: number, change: { body: string; keyEvent: boolean }, now = new Date()): Promise<boolean> {
  const done = await db
    .update(liveUpdates)
    .set({ body: change.body, keyEvent: change.keyEvent, editedAt: now })
    .where(and(eq(liveUpdates.articleId, articleId), eq(liveUpdates.number, number), isNull(liveUpdates.deletedAt)))
    .returning({ id: liveUpdates.id });
  return done.length > 0;
}

/** Deletes an update: the row keeps its number and time (readers see a dated note); its text and image go. */
export async function deleteLiveUpdate(articleId: number, number: number, now = new Date()): Promise<boolean> {
  const done = await db
    .update(liveUpdates)
    .set({ body: '', imagePath: null, imageAlt: null, keyEvent: false, correction: null, deletedAt: now })
    .where(and(eq(liveUpdates.articleId, articleId), eq(liveUpdates.number, number), isNull(liveUpdates.deletedAt)))
    .returning({ id: liveUpdates.id });
  return done.length > 0;
}

/** Sets the correction shown under an update (one per update: a new one replaces it). */
export async function correctLiveUpdate(articleId: number, number: number, correction: string): Promise<boolean> {
  const done = await db
    .update(liveUpdates)
    .set({ correction })
    .where(and(eq(liveUpdates.articleId, articleId), eq(liveUpdates.number, number), isNull(liveUpdates.deletedAt)))
    .returning({ id: liveUpdates.id });
  return done.length > 0;
}

/** Stores how the article takes replies (enforced by the reply action). */
export async function setReplyMode(articleId: number, replyMode: ReplyMode, replySlowSeconds: number): Promise<void> {
  await db.update(articles).set({ replyMode, replySlowSeconds }).where(eq(articles.id, articleId));
}
