import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// Queries against a throw-away database file, migrated by the real migrations.
const testDb = throwawayDatabase('articles');

type Modules = {
  db: typeof import('../index');
  admin: typeof import('./admin-articles');
  errors: typeof import('./errors');
  articles: typeof import('./articles');
  schema: typeof import('../schema');
};
let m: Modules;
let editorId: number;

const input = (over: Partial<import('@/lib/articles/schema').ArticleFormInput> = {}) => ({
  title: 'Harbour wall repaired',
  slug: '',
  standfirst: 'Work finished early.',
  body: 'The wall is *fixed*.',
  sectionId: null,
  tags: ['Waterfront', 'Transport'],
  coverAlt: null,
  coverCaption: null,
  seoTitle: null,
  seoDescription: null,
  commentsOpen: true,
  scheduledFor: null,
  correction: null,
  ...over,
});

beforeAll(async () => {
  m = {
    db: await testDb.open(),
    admin: await import('./admin-articles'),
    errors: await import('./errors'),
    articles: await import('./articles'),
    schema: await import('../schema'),
  };
  const [u] = await m.db.db.insert(m.schema.users).values({ email: 'ed@example.com', name: 'Ed Itor', slug: 'ed-itor', role: 'editor' }).returning();
  editorId = u.id;
});

afterAll(() => {
  testDb.close();
});

describe('saveArticle and public reads', () => {
  it('keeps drafts out of public reads and publishes with tags, byline and a revision', async () => {
    const draft = await m.admin.saveArticle({ id: null, input: input(), actorId: editorId, status: 'draft', publishedAt: null });
    expect(draft.slug).toBe('harbour-wall-repaired');
    expect(await m.articles.getPublishedArticleBySlug(draft.slug)).toBeNull();

    await m.admin.saveArticle({ id: draft.id, baseVersion: draft.version, input: input(), actorId: editorId, status: 'published', publishedAt: new Date() });
    const live = await m.articles.getPublishedArticleBySlug(draft.slug);
    expect(live?.authors.map((a) => a.slug)).toEqual(['ed-itor']);
    expect(live?.tags.map((t) => t.slug).sort()).toEqual(['transport', 'waterfront']);
    const revisions = await m.db.db.select().from(m.schema.revisions);
    expect(revisions).toHaveLength(2);
  });

  it('gives a clashing title a free slug but refuses an explicit clashing slug', async () => {
    const second = await m.admin.saveArticle({ id: null, input: input(), actorId: editorId, status: 'draft', publishedAt: null });
    expect(second.slug).toBe('harbour-wall-repaired-2');
    await expect(
      m.admin.saveArticle({
        id: second.id,
        baseVersion: second.version,
        input: input({ slug: 'harbour-wall-repaired' }),
        actorId: editorId,
        status: 'draft',
        publishedAt: null,
      }),
    ).rejects.toBeInstanceOf(m.errors.SlugTakenError);
  });

  it('keeps a redirect from a published article’s old slug and marks later edits as updates', async () => {
    const a = await m.admin.saveArticle({
      id: null,
      input: input({ title: 'Ferry times change' }),
      actorId: editorId,
      status: 'published',
      publishedAt: new Date(Date.now() - 3_600_000),
    });
    const renamed = await m.admin.saveArticle({
      id: a.id,
      baseVersion: a.version,
      input: input({ title: 'Ferry times change again', slug: 'ferry-times-change-again' }),
      actorId: editorId,
      status: 'published',
      publishedAt: new Date(Date.now() - 3_600_000),
    });
    expect(renamed.previousSlug).toBe('ferry-times-change');
    expect(await m.articles.getRedirectedSlug('ferry-times-change')).toBe('ferry-times-change-again');
    const live = await m.articles.getPublishedArticleBySlug('ferry-times-change-again');
    expect(live?.contentUpdatedAt).not.toBeNull();
  });

  it('keeps another article’s old address: a typed slug is refused, a title’s slug moves on; its own old address comes back', async () => {
    const moved = await m.admin.saveArticle({
      id: null,
      input: input({ title: 'Pier reopens' }),
      actorId: editorId,
      status: 'published',
      publishedAt: new Date(Date.now() - 3_600_000),
    });
    const movedAgain = await m.admin.saveArticle({
      id: moved.id,
      baseVersion: moved.version,
      input: input({ title: 'Pier reopens', slug: 'pier-reopens-at-last' }),
      actorId: editorId,
      status: 'published',
      publishedAt: new Date(Date.now() - 3_600_000),
    });
    expect(await m.articles.getRedirectedSlug('pier-reopens')).toBe('pier-reopens-at-last');

    // Another article (an author's draft) asks for that old address.
    const draft = await m.admin.saveArticle({
      id: null,
      input: input({ title: 'Draft about the pier' }),
      actorId: editorId,
      status: 'draft',
      publishedAt: null,
    });
    const typed = m.admin.saveArticle({
      id: draft.id,
      baseVersion: draft.version,
      input: input({ title: 'Draft about the pier', slug: 'pier-reopens' }),
      actorId: editorId,
      status: 'draft',
      publishedAt: null,
    });
    await expect(typed).rejects.toThrow('The slug “pier-reopens” is an old address of another article and still leads there.');
    const fromTitle = await m.admin.saveArticle({ id: null, input: input({ title: 'Pier reopens' }), actorId: editorId, status: 'draft', publishedAt: null });
    expect(fromTitle.slug).toBe('pier-reopens-2');
    expect(await m.articles.getRedirectedSlug('pier-reopens')).toBe('pier-reopens-at-last');

    // The article itself may go back to its old address; the redirect to itself goes.
    const back = await m.admin.saveArticle({
      id: moved.id,
      baseVersion: movedAgain.version,
      input: input({ title: 'Pier reopens', slug: 'pier-reopens' }),
      actorId: editorId,
      status: 'published',
      publishedAt: new Date(Date.now() - 3_600_000),
    });
    expect(back.slug).toBe('pier-reopens');
    expect(await m.articles.getRedirectedSlug('pier-reopens')).toBeNull();
    expect(await m.articles.getRedirectedSlug('pier-reopens-at-last')).toBe('pier-reopens');
  });

  it('publishes scheduled articles once their time has come, and not before', async () => {
    const soon = await m.admin.saveArticle({
      id: null,
      input: input({ title: 'Scheduled later' }),
      actorId: editorId,
      status: 'scheduled',
      publishedAt: new Date(Date.now() + 3_600_000),
    });
    const due = await m.admin.saveArticle({
      id: null,
      input: input({ title: 'Scheduled now' }),
      actorId: editorId,
      status: 'scheduled',
      publishedAt: new Date(Date.now() - 1000),
    });
    const published = await m.admin.publishDueArticles();
    expect(published.map((p) => p.slug)).toEqual([due.slug]);
    expect(published[0].tagSlugs.sort()).toEqual(['transport', 'waterfront']);
    expect(published[0].authorSlugs).toEqual(['ed-itor']);
    expect(await m.articles.getPublishedArticleBySlug(due.slug)).not.toBeNull();
    expect(await m.articles.getPublishedArticleBySlug(soon.slug)).toBeNull();
  });

  it('publishes a due article once when two instances tick at the same moment', async () => {
    const due = await m.admin.saveArticle({
      id: null,
      input: input({ title: 'Scheduled for two' }),
      actorId: editorId,
      status: 'scheduled',
      publishedAt: new Date(Date.now() - 1000),
    });
    const [first, second] = await Promise.all([m.admin.publishDueArticles(), m.admin.publishDueArticles()]);
    expect([...first, ...second].map((p) => p.slug)).toEqual([due.slug]);
    expect(await m.admin.publishDueArticles()).toEqual([]);
  });

  it('lists published articles newest first with a next-page flag', async () => {
    const page = await m.articles.listPublishedArticles({ kind: 'all' }, 1, 2);
    expect(page.items).toHaveLength(2);
    expect(page.hasNext).toBe(true);
    expect(page.items[0].publishedAt.getTime()).toBeGreaterThanOrEqual(page.items[1].publishedAt.getTime());
  });

  it('counts a list’s published articles, as many as its pages show in all', async () => {
    const { eq } = await import('drizzle-orm');
    const total = await m.articles.countPublishedArticles({ kind: 'all' });
    const listed = (await m.articles.listPublishedArticles({ kind: 'all' }, 1, 1000)).items.length;
    expect(total).toBe(listed);
    const [tag] = await m.db.db.select().from(m.schema.tags).where(eq(m.schema.tags.slug, 'waterfront'));
    const tagged = (await m.articles.listPublishedArticles({ kind: 'tag', tagId: tag.id }, 1, 1000)).items.length;
    expect(await m.articles.countPublishedArticles({ kind: 'tag', tagId: tag.id })).toBe(tagged);
    expect(await m.articles.countPublishedArticles({ kind: 'author', userId: editorId })).toBe(listed);
    expect(await m.articles.countPublishedArticles({ kind: 'section', sectionId: 999_999 })).toBe(0);
  });
});
