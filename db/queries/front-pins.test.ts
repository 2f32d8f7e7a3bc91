import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// The front page's pins against a throw-away database migrated by the real migrations.
const testDb = throwawayDatabase('front-pins');

let m: { db: typeof import('../index'); schema: typeof import('../schema'); pins: typeof import('./front-pins') };
const id: Record<string, number> = {};
let editorId: number;
let sectionId: number;

beforeAll(async () => {
  m = { db: await testDb.open(), schema: await import('../schema'), pins: await import('./front-pins') };
  const { db } = m.db;
  const { articles, sections, users } = m.schema;
  const [ed] = await db.insert(users).values({ email: 'ed@example.com', name: 'Ed Itor', slug: 'ed-itor', role: 'editor' }).returning();
  editorId = ed.id;
  const [section] = await db.insert(sections).values({ slug: 'news', name: 'News' }).returning();
  sectionId = section.id;
  const now = Date.now();
  const rows = await db
    .insert(articles)
    .values([
      ...[1, 2, 3, 4, 5, 6].map((n) => ({
        slug: `story-${n}`,
        title: `Story ${n}`,
        status: 'published' as const,
        publishedAt: new Date(now - n * 60_000),
        sectionId,
      })),
      { slug: 'draft', title: 'Draft', status: 'draft' as const, publishedAt: null },
    ])
    .returning({ id: articles.id, slug: articles.slug });
  for (const r of rows) id[r.slug] = r.id;
});

afterAll(() => testDb.close());

const pin = (slot: 'lead' | 'top', slug: string, over: { sectionId?: number | null; expiresAt?: Date | null } = {}) =>
  m.pins.pinArticle({ slot, sectionId: over.sectionId ?? null, articleId: id[slug], expiresAt: over.expiresAt ?? null, by: editorId });

describe('front pins', () => {
  it('pins a lead (replacing the last one) and top stories in order, at most four', async () => {
    expect(await pin('lead', 'story-6')).toEqual({ ok: true, sectionId: null });
    await pin('lead', 'story-5');
    for (const slug of ['story-4', 'story-3', 'story-2', 'story-1']) expect((await pin('top', slug)).ok).toBe(true);
    expect(await pin('top', 'story-6')).toEqual({ ok: false, reason: 'full' });
    expect(await pin('top', 'story-1')).toEqual({ ok: false, reason: 'already-top' });
    const active = await m.pins.listActivePins();
    expect(active.map((p) => [p.slot, p.article.slug])).toEqual([
      ['lead', 'story-5'],
      ['top', 'story-4'],
      ['top', 'story-3'],
      ['top', 'story-2'],
      ['top', 'story-1'],
    ]);
    expect(active[0].article.authors).toEqual([]);
  });

  it('moves a top story and unpins', async () => {
    const top = (await m.pins.listPinsForAdmin()).filter((p) => p.slot === 'top');
    expect(await m.pins.moveTopPin(top[1].id, 'up')).toEqual({ sectionId: null });
    const order = (await m.pins.listPinsForAdmin()).filter((p) => p.slot === 'top').map((p) => p.article.slug);
    expect(order).toEqual(['story-3', 'story-4', 'story-2', 'story-1']);
    expect(await m.pins.unpin(top[3].id)).toEqual({ sectionId: null });
    expect(await m.pins.unpin(top[3].id)).toBeNull();
    expect(await m.pins.moveTopPin(999_999, 'down')).toBeNull();
  });

  it('leaves out expired pins and unpublished articles, and the scheduler deletes the expired', async () => {
    const { db } = m.db;
    const { frontPins } = m.schema;
    await pin('lead', 'story-2', { sectionId, expiresAt: new Date(Date.now() + 60_000) });
    await db.insert(frontPins).values([
      { slot: 'top', position: 9, articleId: id['story-6'], expiresAt: new Date(Date.now() - 1000), createdAt: new Date() },
      { slot: 'top', position: 10, articleId: id.draft, createdAt: new Date() },
    ]);
    const active = await m.pins.listActivePins();
    expect(active.some((p) => p.article.slug === 'story-6' || p.article.slug === 'draft')).toBe(false);
    expect(active.find((p) => p.sectionId === sectionId)?.article.slug).toBe('story-2');
    expect(await m.pins.expireDuePins()).toEqual({ home: true, sectionSlugs: [] });
    expect(await m.pins.expireDuePins()).toEqual({ home: false, sectionSlugs: [] });
    expect(await m.pins.expireDuePins(new Date(Date.now() + 120_000))).toEqual({ home: true, sectionSlugs: ['news'] });
  });

  it('finds only published articles to pin', async () => {
    expect(await m.pins.findPinnableArticle({ slug: 'story-3' })).toMatchObject({ id: id['story-3'] });
    expect(await m.pins.findPinnableArticle({ slug: 'draft' })).toBeNull();
    expect(await m.pins.findPinnableArticle({ id: id.draft })).toBeNull();
    expect((await m.pins.listRecentPublishedForPinning(3)).map((a) => a.title)).toEqual(['Story 1', 'Story 2', 'Story 3']);
  });

  it('refuses a section that is gone', async () => {
    expect(await pin('lead', 'story-1', { sectionId: 999_999 })).toEqual({ ok: false, reason: 'no-section' });
  });
});
