import 'server-only';
import { and, desc, eq, gt, isNull, lt, max } from 'drizzle-orm';
import { db } from '../index';
import { liveUpdates, users } from '../schema';

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
