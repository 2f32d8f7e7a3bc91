import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLIES_PER_PAGE } from '@/lib/replies/paging';
import { throwawayDatabase } from '../test-database';

// Paging of the public article lists, against a throw-away database migrated by the real migrations.
const testDb = throwawayDatabase('article-lists');

let m: { db: typeof import('../index'); schema: typeof import('../schema'); articles: typeof import('./articles'); replies: typeof import('./replies') };

beforeAll(async () => {
  m = { db: await testDb.open(), schema: await import('../schema'), articles: await import('./articles'), replies: await import('./replies') };
  const now = Date.now();
  // 35 published (newest is "Story 35"), plus a draft and a future one that never show.
  await m.db.db.insert(m.schema.articles).values([
    ...Array.from({ length: 35 }, (_, i) => ({
      slug: `story-${i + 1}`,
      title: `Story ${i + 1}`,
      status: 'published' as const,
      publishedAt: new Date(now - (35 - i) * 60_000),
    })),
    { slug: 'draft', title: 'Draft', status: 'draft' as const, publishedAt: null },
    { slug: 'future', title: 'Future', status: 'published' as const, publishedAt: new Date(now + 3600_000) },
  ]);
});

afterAll(() => {
  testDb.close();
});

const titles = (p: { items: { title: string }[] }) => p.items.map((a) => a.title);

describe('listPublishedArticles', () => {
  it('pages a list evenly, newest first, public articles only', async () => {
    const one = await m.articles.listPublishedArticles({ kind: 'all' }, 1, 20);
    const two = await m.articles.listPublishedArticles({ kind: 'all' }, 2, 20);
    expect(titles(one)[0]).toBe('Story 35');
    expect(one.hasNext).toBe(true);
    expect([...titles(one), ...titles(two)]).toEqual(Array.from({ length: 35 }, (_, i) => `Story ${35 - i}`));
    expect(two.hasNext).toBe(false);
  });

  it('reads a tag list the same way whichever plan it takes', async () => {
    const [tag] = await m.db.db.insert(m.schema.tags).values({ slug: 'every-third', name: 'Every third' }).returning();
    const tagged = await m.db.db.select({ id: m.schema.articles.id }).from(m.schema.articles);
    await m.db.db.insert(m.schema.articleTags).values(tagged.filter((_, i) => i % 3 === 0).map((a) => ({ articleId: a.id, tagId: tag.id })));
    for (const page of [1, 2]) {
      const joined = await m.articles.listPublishedArticles({ kind: 'tag', tagId: tag.id }, page, 5, 5, 'join');
      const walked = await m.articles.listPublishedArticles({ kind: 'tag', tagId: tag.id }, page, 5, 5, 'walk');
      expect(titles(walked)).toEqual(titles(joined));
      expect(walked.hasNext).toBe(joined.hasNext);
      expect(titles(joined)).toHaveLength(5);
    }
    const all = await m.articles.listPublishedArticles({ kind: 'tag', tagId: tag.id }, 1, 50);
    // The draft and the future article may be tagged; neither shows.
    expect(titles(all).every((t) => t.startsWith('Story'))).toBe(true);
  });

  it('continues after a shorter first page without skipping a story (the front page)', async () => {
    const pages = await Promise.all([1, 2, 3].map((p) => m.articles.listPublishedArticles({ kind: 'all' }, p, 20, 9)));
    expect(pages.map((p) => p.items.length)).toEqual([9, 20, 6]);
    expect(pages.flatMap(titles)).toEqual(Array.from({ length: 35 }, (_, i) => `Story ${35 - i}`));
    expect(pages.map((p) => p.hasNext)).toEqual([true, true, false]);
  });
});

describe('listApprovedReplies', () => {
  it('pages a long discussion oldest first, counting only approved replies', async () => {
    const [a] = await m.db.db.insert(m.schema.articles).values({ slug: 'talk', title: 'Talk', status: 'published', publishedAt: new Date() }).returning();
    const start = Date.now() - 10_000_000;
    const rows = Array.from({ length: 2 * REPLIES_PER_PAGE + 20 }, (_, i) => ({
      articleId: a.id,
      authorName: `R${i}`,
      authorEmail: `r${i}@example.org`,
      body: `Reply ${i}`,
      status: 'approved' as const,
      createdAt: new Date(start + i * 1000),
    }));
    await m.db.db.insert(m.schema.replies).values([...rows, { ...rows[0], body: 'held', status: 'pending' as const }]);
    const pages = await Promise.all([1, 2, 3, 4].map((p) => m.replies.listApprovedReplies({ articleId: a.id, page: p })));
    expect(pages.map((p) => p.replies.length)).toEqual([REPLIES_PER_PAGE, REPLIES_PER_PAGE, 20, 0]);
    expect(pages.every((p) => p.total === rows.length)).toBe(true);
    expect(pages.flatMap((p) => p.replies.map((r) => r.body))).toEqual(rows.map((r) => r.body));
    expect((await m.replies.getApprovedReply({ articleId: a.id, replyId: pages[2].replies[0].id }))?.body).toBe(`Reply ${2 * REPLIES_PER_PAGE}`);
  });
});
