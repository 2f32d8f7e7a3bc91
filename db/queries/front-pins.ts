import 'server-only';
import { and, asc, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { MAX_TOP_STORIES, moveInOrder } from '@/lib/front/order';
import { db } from '../index';
import { articles, frontPins, sections, type FrontPinSlot } from '../schema';
import { cardColumns, isPublic, toCards, type ArticleCard } from './articles';

// The front page's pins: which published story an editor chose as the lead, the top stories in
// their order, and each section's lead. Readers get the live ones in one query.

export type ActivePin = { sectionId: number | null; slot: FrontPinSlot; position: number; expiresAt: Date | null; article: ArticleCard };

/** Every pin readers should see now (public article, not expired), home and sections alike: one query (plus bylines). */
export async function listActivePins(now = new Date()): Promise<ActivePin[]> {
  const rows = await db
    .select({ ...cardColumns, pinSectionId: frontPins.sectionId, slot: frontPins.slot, position: frontPins.position, expiresAt: frontPins.expiresAt })
    .from(frontPins)
    .innerJoin(articles, eq(articles.id, frontPins.articleId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(isPublic(), or(isNull(frontPins.expiresAt), gt(frontPins.expiresAt, now))))
    .orderBy(asc(frontPins.position), asc(frontPins.id));
  const cards = await toCards(rows);
  return rows.map((r, i) => ({ sectionId: r.pinSectionId, slot: r.slot, position: r.position, expiresAt: r.expiresAt, article: cards[i] }));
}

export type AdminPin = {
  id: number;
  sectionId: number | null;
  slot: FrontPinSlot;
  position: number;
  expiresAt: Date | null;
  /** Past its expiry (the scheduler deletes it within seconds). */
  expired: boolean;
  article: { id: number; title: string; slug: string; status: string };
};

/** Every pin for the admin page, expired or not, in slot order. */
export async function listPinsForAdmin(): Promise<AdminPin[]> {
  const rows = await db
    .select({
      id: frontPins.id,
      sectionId: frontPins.sectionId,
      slot: frontPins.slot,
      position: frontPins.position,
      expiresAt: frontPins.expiresAt,
      articleId: articles.id,
      title: articles.title,
      slug: articles.slug,
      status: articles.status,
    })
    .from(frontPins)
    .innerJoin(articles, eq(articles.id, frontPins.articleId))
    .orderBy(asc(frontPins.position), asc(frontPins.id));
  const now = Date.now();
  return rows.map(({ articleId, title, slug, status, ...p }) => ({
    ...p,
    expired: p.expiresAt !== null && p.expiresAt.getTime() <= now,
    article: { id: articleId, title, slug, status },
  }));
}

/** The newest published articles, to choose from (the admin's select). */
export async function listRecentPublishedForPinning(limit = 50): Promise<{ id: number; title: string }[]> {
  return db
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(isPublic())
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
}

/** A published article by id or slug (null: none is public). */
export async function findPinnableArticle(by: { id: number } | { slug: string }): Promise<{ id: number; title: string } | null> {
  const [row] = await db
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(and(isPublic(), 'id' in by ? eq(articles.id, by.id) : eq(articles.slug, by.slug)))
    .limit(1);
  return row ?? null;
}

export type PinOutcome = { ok: true; sectionId: number | null } | { ok: false; reason: 'full' | 'already-top' | 'no-section' };

const scopeIs = (sectionId: number | null) => (sectionId === null ? isNull(frontPins.sectionId) : eq(frontPins.sectionId, sectionId));

/**
 * Pins an article: a lead replaces the scope's lead; a top story (front page only) goes last, at most
 * MAX_TOP_STORIES. One batch, so two editors never leave two leads behind.
 */
export async function pinArticle(input: {
  slot: FrontPinSlot;
  sectionId: number | null;
  articleId: number;
  expiresAt: Date | null;
  by: number;
}): Promise<PinOutcome> {
  const now = new Date();
  if (input.sectionId !== null) {
    const [section] = await db.select({ id: sections.id }).from(sections).where(eq(sections.id, input.sectionId));
    if (!section) return { ok: false, reason: 'no-section' };
  }
  const values = {
    slot: input.slot,
    sectionId: input.sectionId,
    articleId: input.articleId,
    expiresAt: input.expiresAt,
    createdById: input.by,
    createdAt: now,
  };
  if (input.slot === 'lead') {
    await db.batch([
      db.delete(frontPins).where(and(scopeIs(input.sectionId), eq(frontPins.slot, 'lead'))),
      db.insert(frontPins).values({ ...values, position: 0 }),
    ]);
    return { ok: true, sectionId: input.sectionId };
  }
  const top = await db
    .select({ articleId: frontPins.articleId, position: frontPins.position })
    .from(frontPins)
    .where(and(scopeIs(input.sectionId), eq(frontPins.slot, 'top')));
  if (top.some((p) => p.articleId === input.articleId)) return { ok: false, reason: 'already-top' };
  if (top.length >= MAX_TOP_STORIES) return { ok: false, reason: 'full' };
  const position = Math.max(0, ...top.map((p) => p.position)) + 1;
  await db.insert(frontPins).values({ ...values, position });
  return { ok: true, sectionId: input.sectionId };
}

/** Moves a top story up or down among its scope's top stories (null: no such pin). */
export async function moveTopPin(id: number, direction: 'up' | 'down'): Promise<{ sectionId: number | null } | null> {
  const [pin] = await db.select().from(frontPins).where(eq(frontPins.id, id));
  if (!pin || pin.slot !== 'top') return null;
  const top = await db
    .select({ id: frontPins.id })
    .from(frontPins)
    .where(and(scopeIs(pin.sectionId), eq(frontPins.slot, 'top')))
    .orderBy(asc(frontPins.position), asc(frontPins.id));
  const order = moveInOrder(
    top.map((p) => p.id),
    id,
    direction,
  );
  const [first, ...rest] = order.map((pinId, i) =>
    db
      .update(frontPins)
      .set({ position: i + 1 })
      .where(eq(frontPins.id, pinId)),
  );
  if (first) await db.batch([first, ...rest]);
  return { sectionId: pin.sectionId };
}

/** Removes one pin (null: it was already gone). */
export async function unpin(id: number): Promise<{ sectionId: number | null } | null> {
  const [gone] = await db.delete(frontPins).where(eq(frontPins.id, id)).returning({ sectionId: frontPins.sectionId });
  return gone ?? null;
}

/**
 * Deletes pins whose time has come and says where they were (null: the front page), so the scheduler
 * refreshes those pages. A conditional delete: with several instances, one of them wins each row.
 */
export async function expireDuePins(now = new Date()): Promise<{ sectionSlugs: string[]; home: boolean }> {
  const gone = await db.delete(frontPins).where(lte(frontPins.expiresAt, now)).returning({ sectionId: frontPins.sectionId });
  if (gone.length === 0) return { sectionSlugs: [], home: false };
  const ids = [...new Set(gone.map((g) => g.sectionId).filter((id): id is number => id !== null))];
  const slugs = ids.length
    ? await db
        .select({ slug: sections.slug })
        .from(sections)
        .where(sql`${sections.id} in ${ids}`)
    : [];
  // The home page shows every pin (section leads in their blocks), so it is always refreshed.
  return { sectionSlugs: slugs.map((s) => s.slug), home: true };
}
