import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// The search index against a throw-away database migrated by the real migrations (triggers included).
const testDb = throwawayDatabase('search');

type Modules = {
  db: typeof import('../index');
  admin: typeof import('./admin-articles');
  search: typeof import('./search');
  schema: typeof import('../schema');
  query: typeof import('@/lib/search/query');
};
let m: Modules;
let editorId: number;

const input = (over: Partial<import('@/lib/articles/schema').ArticleFormInput> = {}) => ({
  title: 'Harbour wall repaired',
  slug: '',
  standfirst: 'Work finished early.',
  body: 'The wall is *fixed*.',
  sectionId: null,
  tags: [] as string[],
  coverAlt: null,
  coverCaption: null,
  seoTitle: null,
  seoDescription: null,
  commentsOpen: true,
  scheduledFor: null,
  correction: null,
  ...over,
});

async function find(q: string, extra: Partial<Parameters<Modules['search']['searchPublishedArticles']>[0]> = {}) {
  const match = m.query.buildMatchExpression(q);
  if (!match) return [];
  return (await m.search.searchPublishedArticles({ match, page: 1, perPage: 20, ...extra })).items;
}
const publish = (over: Parameters<typeof input>[0], publishedAt = new Date(Date.now() - 60_000)) =>
  m.admin.saveArticle({ id: null, input: input(over), actorId: editorId, status: 'published', publishedAt });

beforeAll(async () => {
  m = {
    db: await testDb.open(),
    admin: await import('./admin-articles'),
    search: await import('./search'),
    schema: await import('../schema'),
    query: await import('@/lib/search/query'),
  };
  const [u] = await m.db.db.insert(m.schema.users).values({ email: 'ed@example.com', name: 'Ed Itor', slug: 'ed-itor', role: 'editor' }).returning();
  editorId = u.id;
});

afterAll(() => {
  testDb.close();
});

describe('searchPublishedArticles', () => {
  it('finds published articles only, with the match marked in headline and snippet', async () => {
    await publish({ title: 'Lighthouse keeper retires', body: 'After forty years the **lighthouse** keeper hands over the [lamp](https://example.org/lamp).' });
    const draft = await m.admin.saveArticle({
      id: null,
      input: input({ title: 'Lighthouse secret draft' }),
      actorId: editorId,
      status: 'draft',
      publishedAt: null,
    });
    await m.admin.saveArticle({
      id: null,
      input: input({ title: 'Lighthouse scheduled' }),
      actorId: editorId,
      status: 'scheduled',
      publishedAt: new Date(Date.now() + 3_600_000),
    });
    const hits = await find('lighthouse');
    expect(hits).toHaveLength(1);
    expect(hits[0].titleMarked).toBe('\u0002Lighthouse\u0003 keeper retires');
    // The body is indexed as text: no Markdown syntax or link address in the snippet.
    expect(hits[0].snippet).toContain('the \u0002lighthouse\u0003 keeper hands over the lamp');
    expect(hits[0].snippet).not.toMatch(/\*|https|\]\(/);
    expect(await find('secret')).toEqual([]);
    // Publishing the draft makes it findable; unpublishing hides it again.
    const published = await m.admin.saveArticle({
      id: draft.id,
      baseVersion: draft.version,
      input: input({ title: 'Lighthouse secret draft' }),
      actorId: editorId,
      status: 'published',
      publishedAt: new Date(Date.now() - 1000),
    });
    expect(await find('secret')).toHaveLength(1);
    await m.admin.saveArticle({
      id: draft.id,
      baseVersion: published.version,
      input: input({ title: 'Lighthouse secret draft' }),
      actorId: editorId,
      status: 'unpublished',
      publishedAt: new Date(Date.now() - 1000),
    });
    expect(await find('secret')).toEqual([]);
  });

  it('ranks a headline match above a body match', async () => {
    await publish({ title: 'Council budget approved', body: 'The vote went through. ' + 'More words here. '.repeat(20) + 'Turbines were not discussed.' });
    await publish({ title: 'Turbines arrive at the quay', body: 'Long-awaited parts.' });
    const hits = await find('turbines');
    expect(hits.map((h) => h.slug)).toEqual(['turbines-arrive-at-the-quay', 'council-budget-approved']);
  });

  it('ranks only the newest matches when there are more than the cap', async () => {
    await publish({ title: 'Quayside quokka found', body: 'An old story.' });
    await publish({ title: 'Second quokka', body: 'The quokka again.' });
    await publish({ title: 'Third sighting', body: 'A quokka in the body only.' });
    const all = await find('quokka');
    expect(all.map((h) => h.slug)).toContain('quayside-quokka-found');
    // With a cap of two, the oldest (a headline match, so otherwise ranked high) is not considered.
    const capped = await find('quokka', { rankCap: 2 });
    expect(capped.map((h) => h.slug).sort()).toEqual(['second-quokka', 'third-sighting']);
    expect(capped[0].snippet).toContain('quokka');
  });

  it('searches whole words when they find enough, else treats the last word as a prefix', async () => {
    await publish({ title: 'Gannets on the slipway', body: 'A gannet.' });
    await publish({ title: 'Gannet colony grows', body: 'More gannets.' });
    const q = m.query.buildMatchExpression;
    // "gannet" finds both as a whole word, so no prefix is needed…
    expect(await m.search.chooseMatchExpression(q('gannet', { prefix: false })!, q('gannet')!, 1)).toBe('"gannet"');
    // …while "ganne" finds nothing whole and falls back to the prefix, as does a word with too few whole matches.
    expect(await m.search.chooseMatchExpression(q('ganne', { prefix: false })!, q('ganne')!, 1)).toBe('"ganne"*');
    expect(await m.search.chooseMatchExpression(q('gannet', { prefix: false })!, q('gannet')!, 5)).toBe('"gannet"*');
  });

  it('matches stems, prefixes, accents and tag and author names, and follows renames', async () => {
    const a = await publish({ title: 'Ferry timetable', body: 'New ferries to Zürich café.', tags: ['Waterfront'] });
    expect((await find('ferry')).map((h) => h.id)).toContain(a.id);
    expect((await find('timet')).map((h) => h.id)).toContain(a.id);
    expect((await find('zurich cafe')).map((h) => h.id)).toContain(a.id);
    expect((await find('waterfront')).map((h) => h.id)).toContain(a.id);
    expect((await find('itor')).map((h) => h.id)).toContain(a.id);

    const { tags, users } = m.schema;
    const { eq } = await import('drizzle-orm');
    await m.db.db.update(tags).set({ name: 'Seafront' }).where(eq(tags.slug, 'waterfront'));
    expect((await find('seafront')).map((h) => h.id)).toEqual([a.id]);
    expect(await find('waterfront')).toEqual([]);
    await m.db.db.update(users).set({ name: 'Edwina Quill' }).where(eq(users.id, editorId));
    expect((await find('quill')).map((h) => h.id)).toContain(a.id);
  });

  it('filters by section and date range, and pages', async () => {
    const [section] = await m.db.db.insert(m.schema.sections).values({ slug: 'sport', name: 'Sport' }).returning();
    const old = await publish({ title: 'Regatta one', sectionId: section.id }, new Date('2020-06-15T12:00:00Z'));
    const recent = await publish({ title: 'Regatta two' });
    expect((await find('regatta', { sectionSlug: 'sport' })).map((h) => h.id)).toEqual([old.id]);
    expect((await find('regatta', { from: new Date('2020-06-15T00:00:00Z'), before: new Date('2020-06-16T00:00:00Z') })).map((h) => h.id)).toEqual([old.id]);
    expect((await find('regatta', { from: new Date('2021-01-01T00:00:00Z') })).map((h) => h.id)).toEqual([recent.id]);
    const match = m.query.buildMatchExpression('regatta')!;
    const first = await m.search.searchPublishedArticles({ match, page: 1, perPage: 1 });
    const second = await m.search.searchPublishedArticles({ match, page: 2, perPage: 1 });
    expect(first.hasNext).toBe(true);
    expect(second.hasNext).toBe(false);
    expect(new Set([first.items[0].id, second.items[0].id])).toEqual(new Set([old.id, recent.id]));
  });

  it('lists the articles of a date range with no words, newest first, published only (an old date archive)', async () => {
    const may = (day: number) => new Date(Date.UTC(2019, 4, day, 9));
    const first = await publish({ title: 'Ferry timetable changes' }, may(2));
    const second = await publish({ title: 'Quay lights repaired' }, may(20));
    await m.admin.saveArticle({ id: null, input: input({ title: 'A May draft' }), actorId: editorId, status: 'draft', publishedAt: null });
    await publish({ title: 'June news' }, new Date(Date.UTC(2019, 5, 1, 9)));
    const range = { from: new Date('2019-05-01T00:00:00Z'), before: new Date('2019-06-01T00:00:00Z') };
    const found = await m.search.listPublishedBetween({ ...range, page: 1, perPage: 20 });
    expect(found.items.map((h) => h.id)).toEqual([second.id, first.id]);
    expect(found.items[0]).toMatchObject({ titleMarked: 'Quay lights repaired', snippet: '', standfirst: 'Work finished early.' });
    const paged = await m.search.listPublishedBetween({ ...range, page: 2, perPage: 1 });
    expect(paged).toMatchObject({ page: 2, hasNext: false, items: [{ id: first.id }] });
  });

  it('answers nasty input without an error', async () => {
    for (const q of ['"', 'AND', 'NOT OR', '((', 'a*b', '-x', '🚢', "can't", 'x'.repeat(10_000), 'NEAR(a b)', 'title:x']) {
      await expect(find(q), q).resolves.toBeInstanceOf(Array);
    }
  });

  it('indexes the raw body when its text is missing, until the text is written', async () => {
    const a = await publish({ title: 'Orchard news', body: 'Apples *everywhere*.' });
    const { articles } = m.schema;
    const { eq } = await import('drizzle-orm');
    // A write that changes the body without its text: the trigger drops the stale text.
    await m.db.db.update(articles).set({ body: 'Pears **now**.' }).where(eq(articles.id, a.id));
    const [row] = await m.db.db.select({ bodyText: articles.bodyText }).from(articles).where(eq(articles.id, a.id));
    expect(row.bodyText).toBeNull();
    expect((await find('pears')).map((h) => h.id)).toEqual([a.id]);
    expect(await find('apples')).toEqual([]);
    expect(await m.search.fillMissingBodyText()).toBeGreaterThanOrEqual(1);
    const [hit] = await find('pears');
    expect(hit.snippet).toBe('\u0002Pears\u0003 now.');
  });
});
