import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// The compare page's read, against a throw-away database migrated by the real migrations. Rows are
// inserted directly so this test does not depend on how saves are made.
const testDb = throwawayDatabase('revisions');

let m: { db: typeof import('../index'); schema: typeof import('../schema'); revisions: typeof import('./revisions') };
let ids: { one: number; two: number; other: number; orphan: number; article: number };

beforeAll(async () => {
  m = { db: await testDb.open(), schema: await import('../schema'), revisions: await import('./revisions') };
  const { db } = m.db;
  const { articles, revisions, users } = m.schema;
  const [ed] = await db.insert(users).values({ email: 'ed@example.com', name: 'Ed Itor', slug: 'ed-itor', role: 'editor' }).returning();
  const [a, b] = await db
    .insert(articles)
    .values([
      { slug: 'pier', title: 'Pier', body: 'x', status: 'draft' },
      { slug: 'ferry', title: 'Ferry', body: 'x', status: 'draft' },
    ])
    .returning();
  const revision = (articleId: number, body: string, createdById: number | null, note: string | null) =>
    db
      .insert(revisions)
      .values({ articleId, title: 'Pier', standfirst: '', body, meta: { note, status: 'draft' }, createdById })
      .returning()
      .then((r) => r[0].id);
  ids = {
    article: a.id,
    one: await revision(a.id, 'The pier opens in May.', ed.id, null),
    two: await revision(a.id, 'The pier opens in June.', ed.id, 'Restored'),
    orphan: await revision(a.id, 'Saved by someone since removed.', null, null),
    other: await revision(b.id, 'Another article.', ed.id, null),
  };
});

afterAll(() => {
  testDb.close();
});

describe('getRevisionPair', () => {
  it('reads both revisions in the order asked, with who saved each and the note', async () => {
    const pair = await m.revisions.getRevisionPair(ids.article, ids.two, ids.one);
    expect(pair?.from).toMatchObject({ id: ids.two, body: 'The pier opens in June.', by: 'Ed Itor', meta: { note: 'Restored', status: 'draft' } });
    expect(pair?.to).toMatchObject({ id: ids.one, body: 'The pier opens in May.', by: 'Ed Itor' });
    expect(pair?.from.createdAt).toBeInstanceOf(Date);
  });

  it('compares a revision with itself, and keeps one whose author is gone', async () => {
    const same = await m.revisions.getRevisionPair(ids.article, ids.one, ids.one);
    expect(same?.from.id).toBe(ids.one);
    expect(same?.to.id).toBe(ids.one);
    expect((await m.revisions.getRevisionPair(ids.article, ids.orphan, ids.one))?.from.by).toBeNull();
  });

  it('answers null for a missing revision or one of another article', async () => {
    expect(await m.revisions.getRevisionPair(ids.article, ids.one, ids.other)).toBeNull();
    expect(await m.revisions.getRevisionPair(ids.article, ids.one, 999_999)).toBeNull();
    expect(await m.revisions.getRevisionPair(999_999, ids.one, ids.two)).toBeNull();
  });
});
