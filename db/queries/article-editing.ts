import 'server-only';
import { and, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import { db } from '../index';
import { articleAutosaves, articleEditors, users } from '../schema';
import { autosaveKey } from './admin-articles';

// The editor's safety net: private autosave copies, and who has an article open (WordPress's post lock,
// without locking anyone out: a save is still a compare-and-set, see saveArticle).

/** How long an editor counts as having an article open after their last heartbeat (they beat every ~15 s). */
export const PRESENCE_WINDOW_MS = 45_000;

export type AutosaveText = { title: string; standfirst: string; body: string };

/** Keeps (replaces) this editor's private copy of what they are typing. One row per editor per article. */
export async function keepAutosave(userId: number, articleId: number | null, baseVersion: number, text: AutosaveText, now = new Date()) {
  const values = { ...text, baseVersion, savedAt: now };
  await db
    .insert(articleAutosaves)
    .values({ userId, articleId, articleKey: autosaveKey(articleId), ...values })
    .onConflictDoUpdate({ target: [articleAutosaves.userId, articleAutosaves.articleKey], set: values });
}

export async function getAutosave(userId: number, articleId: number | null) {
  const [row] = await db
    .select({
      title: articleAutosaves.title,
      standfirst: articleAutosaves.standfirst,
      body: articleAutosaves.body,
      baseVersion: articleAutosaves.baseVersion,
      savedAt: articleAutosaves.savedAt,
    })
    .from(articleAutosaves)
    .where(and(eq(articleAutosaves.userId, userId), eq(articleAutosaves.articleKey, autosaveKey(articleId))))
    .limit(1);
  return row ?? null;
}

export async function discardAutosave(userId: number, articleId: number | null) {
  await db.delete(articleAutosaves).where(and(eq(articleAutosaves.userId, userId), eq(articleAutosaves.articleKey, autosaveKey(articleId))));
}

export type Heartbeat = {
  /** Others with the article open now; `holds` marks the one holding it. */
  others: { name: string; holds: boolean }[];
  holds: boolean;
  /** Set when someone took the article over from this editor since they opened it. */
  takenOver: { by: string; at: Date } | null;
};

/**
 * Records that this editor has the article open (`first`: the page was just opened, which forgets an
 * earlier take-over) and answers who else has. The first to open an article nobody holds holds it.
 */
export async function editorHeartbeat(articleId: number, userId: number, first: boolean, now = new Date()): Promise<Heartbeat> {
  const fresh = new Date(now.getTime() - PRESENCE_WINDOW_MS);
  return db.transaction(async (tx) => {
    const [mine] = await tx
      .insert(articleEditors)
      .values({ articleId, userId, openedAt: now, seenAt: now })
      .onConflictDoUpdate({
        target: [articleEditors.articleId, articleEditors.userId],
        set: first
          ? { seenAt: now, openedAt: now, takenOverById: null, takenOverAt: null }
          : // Back after a gap (a sleeping laptop): counts as opened again.
            { seenAt: now, openedAt: sql`case when ${articleEditors.seenAt} < ${fresh.getTime()} then ${now.getTime()} else ${articleEditors.openedAt} end` },
      })
      .returning();
    if (mine.takenOverById && mine.takenOverAt) {
      const [by] = await tx.select({ name: users.name }).from(users).where(eq(users.id, mine.takenOverById)).limit(1);
      return { others: [], holds: false, takenOver: { by: by?.name ?? 'Someone', at: mine.takenOverAt } };
    }
    const others = await tx
      .select({ userId: articleEditors.userId, name: users.name, holds: articleEditors.holdsLock })
      .from(articleEditors)
      .innerJoin(users, eq(users.id, articleEditors.userId))
      .where(and(eq(articleEditors.articleId, articleId), ne(articleEditors.userId, userId), gt(articleEditors.seenAt, fresh)))
      .orderBy(articleEditors.openedAt);
    let holds = mine.holdsLock;
    if (!holds && !others.some((o) => o.holds)) {
      await tx
        .update(articleEditors)
        .set({ holdsLock: false })
        .where(and(eq(articleEditors.articleId, articleId), ne(articleEditors.userId, userId)));
      await tx
        .update(articleEditors)
        .set({ holdsLock: true })
        .where(and(eq(articleEditors.articleId, articleId), eq(articleEditors.userId, userId)));
      holds = true;
    }
    return { others: others.map(({ name, holds }) => ({ name, holds })), holds, takenOver: null };
  });
}

/** Who has the article open now (without recording anyone), for the page's first render. */
export async function editorsOf(articleId: number, now = new Date()) {
  return db
    .select({ userId: articleEditors.userId, name: users.name, holds: articleEditors.holdsLock })
    .from(articleEditors)
    .innerJoin(users, eq(users.id, articleEditors.userId))
    .where(and(eq(articleEditors.articleId, articleId), gt(articleEditors.seenAt, new Date(now.getTime() - PRESENCE_WINDOW_MS))))
    .orderBy(articleEditors.openedAt);
}

/** For the article list: who else has each of these articles open now (one query for the page). */
export async function editorsOfMany(articleIds: number[], exceptUserId: number, now = new Date()): Promise<Map<number, string[]>> {
  const byArticle = new Map<number, string[]>();
  if (!articleIds.length) return byArticle;
  const rows = await db
    .select({ articleId: articleEditors.articleId, name: users.name })
    .from(articleEditors)
    .innerJoin(users, eq(users.id, articleEditors.userId))
    .where(
      and(
        inArray(articleEditors.articleId, articleIds),
        ne(articleEditors.userId, exceptUserId),
        gt(articleEditors.seenAt, new Date(now.getTime() - PRESENCE_WINDOW_MS)),
      ),
    )
    .orderBy(articleEditors.openedAt);
  for (const r of rows) byArticle.set(r.articleId, [...(byArticle.get(r.articleId) ?? []), r.name]);
  return byArticle;
}

/** This editor takes the article over: whoever held it is told at their next heartbeat. */
export async function takeOverArticle(articleId: number, userId: number, now = new Date()) {
  const fresh = new Date(now.getTime() - PRESENCE_WINDOW_MS);
  await db.transaction(async (tx) => {
    await tx
      .update(articleEditors)
      .set({ holdsLock: false, takenOverById: userId, takenOverAt: now })
      .where(
        and(eq(articleEditors.articleId, articleId), ne(articleEditors.userId, userId), eq(articleEditors.holdsLock, true), gt(articleEditors.seenAt, fresh)),
      );
    await tx
      .insert(articleEditors)
      .values({ articleId, userId, openedAt: now, seenAt: now, holdsLock: true })
      .onConflictDoUpdate({
        target: [articleEditors.articleId, articleEditors.userId],
        set: { seenAt: now, holdsLock: true, takenOverById: null, takenOverAt: null },
      });
  });
}
