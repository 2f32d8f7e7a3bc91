import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// The editor's safety net against the real database: compare-and-set saves, pending changes on a live
// article, autosave copies and who has an article open.
const testDb = throwawayDatabase('article-editing');

type Modules = {
  db: typeof import('../index');
  admin: typeof import('./admin-articles');
  editing: typeof import('./article-editing');
  errors: typeof import('./errors');
  articles: typeof import('./articles');
  schema: typeof import('../schema');
  sql: typeof import('drizzle-orm').sql;
};
let m: Modules;
let ada: number;
let bo: number;

const input = (over: Partial<import('@/lib/articles/schema').ArticleFormInput> = {}) => ({
  title: 'Storm closes the bridge',
  slug: '',
  standfirst: 'Winds of 90 mph.',
  body: 'The bridge is closed.',
  sectionId: null,
  tags: ['Weather'],
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
    editing: await import('./article-editing'),
    errors: await import('./errors'),
    articles: await import('./articles'),
    schema: await import('../schema'),
    sql: (await import('drizzle-orm')).sql,
  };
  const rows = await m.db.db
    .insert(m.schema.users)
    .values([
      { email: 'ada@example.com', name: 'Ada Editor', slug: 'ada', role: 'editor' },
      { email: 'bo@example.com', name: 'Bo Writer', slug: 'bo', role: 'editor' },
    ])
    .returning();
  [ada, bo] = rows.map((r) => r.id);
});

afterAll(() => {
  testDb.close();
});

const revisionsOf = async (id: number) => (await m.db.db.select().from(m.schema.revisions)).filter((r) => r.articleId === id);

describe('compare-and-set saves', () => {
  it('of two saves from one version, exactly one applies, whatever the timing; both texts are never mixed', async () => {
    const draft = await m.admin.saveArticle({ id: null, input: input({ title: 'Race' }), actorId: ada, status: 'draft', publishedAt: null });
    for (let round = 0; round < 5; round++) {
      const current = (await m.admin.getArticleForEdit(draft.id))!;
      const results = await Promise.allSettled([
        m.admin.saveArticle({
          id: draft.id,
          baseVersion: current.version,
          input: input({ title: 'Race', body: `Ada's text ${round}` }),
          actorId: ada,
          status: 'draft',
          publishedAt: null,
        }),
        m.admin.saveArticle({
          id: draft.id,
          baseVersion: current.version,
          input: input({ title: 'Race', body: `Bo's text ${round}` }),
          actorId: bo,
          status: 'draft',
          publishedAt: null,
        }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(m.errors.StaleSaveError);
      const after = (await m.admin.getArticleForEdit(draft.id))!;
      expect(after.version).toBe(current.version + 1);
      const winner = results.findIndex((r) => r.status === 'fulfilled') === 0 ? "Ada's" : "Bo's";
      expect(after.body).toBe(`${winner} text ${round}`);
    }
    // One revision per save that applied: the refused ones left nothing behind.
    expect(await revisionsOf(draft.id)).toHaveLength(1 + 5);
  });

  it('refuses a save based on an older version and changes nothing; saving over the current version on purpose keeps both in the revisions', async () => {
    const draft = await m.admin.saveArticle({ id: null, input: input({ title: 'Two editors' }), actorId: ada, status: 'draft', publishedAt: null });
    const opened = draft.version;
    const first = await m.admin.saveArticle({
      id: draft.id,
      baseVersion: opened,
      input: input({ title: 'Two editors', body: 'Ada wrote this.' }),
      actorId: ada,
      status: 'draft',
      publishedAt: null,
    });
    await expect(
      m.admin.saveArticle({
        id: draft.id,
        baseVersion: opened,
        input: input({ title: 'Two editors', body: 'Bo wrote this.' }),
        actorId: bo,
        status: 'draft',
        publishedAt: null,
      }),
    ).rejects.toMatchObject({ currentVersion: first.version });
    expect((await m.admin.getArticleForEdit(draft.id))!.body).toBe('Ada wrote this.');
    expect((await m.admin.latestChange(draft.id))?.by).toBe('Ada Editor');
    await m.admin.saveArticle({
      id: draft.id,
      baseVersion: first.version,
      input: input({ title: 'Two editors', body: 'Bo wrote this.' }),
      actorId: bo,
      status: 'draft',
      publishedAt: null,
    });
    const bodies = (await revisionsOf(draft.id)).map((r) => r.body);
    expect(bodies).toEqual(expect.arrayContaining(['Ada wrote this.', 'Bo wrote this.']));
  });
});

describe('pending changes on a published article', () => {
  it('keeps changes from readers until published; publishing applies them and marks the article updated', async () => {
    const live = await m.admin.saveArticle({
      id: null,
      input: input({ title: 'Bridge live' }),
      actorId: ada,
      status: 'published',
      publishedAt: new Date(Date.now() - 60_000),
    });
    const pending = await m.admin.saveArticle({
      id: live.id,
      baseVersion: live.version,
      input: input({ title: 'Bridge live', body: 'The bridge reopens at noon.', tags: ['Weather', 'Roads'], correction: 'An earlier version said 11am.' }),
      actorId: bo,
      status: 'published',
      publishedAt: new Date(Date.now() - 60_000),
      pending: {},
    });
    expect(pending.pending).toBe(true);
    const reader = await m.articles.getPublishedArticleBySlug(live.slug);
    expect(reader?.body).toBe('The bridge is closed.');
    expect(reader?.contentUpdatedAt).toBeNull();
    expect(reader?.tags.map((t) => t.slug)).toEqual(['weather']);
    const edited = (await m.admin.getArticleForEdit(live.id))!;
    expect(edited.pending?.body).toBe('The bridge reopens at noon.');
    expect(edited.pending?.meta.tags).toEqual(['Weather', 'Roads']);

    await m.admin.saveArticle({
      id: live.id,
      baseVersion: pending.version,
      input: input({ title: 'Bridge live', body: 'The bridge reopens at noon.', tags: ['Weather', 'Roads'] }),
      actorId: ada,
      status: 'published',
      publishedAt: edited.publishedAt,
    });
    const after = await m.articles.getPublishedArticleBySlug(live.slug);
    expect(after?.body).toBe('The bridge reopens at noon.');
    expect(after?.contentUpdatedAt).not.toBeNull();
    expect(after?.tags.map((t) => t.slug).sort()).toEqual(['roads', 'weather']);
    expect((await m.admin.getArticleForEdit(live.id))!.pending).toBeNull();
  });

  it('publishes scheduled pending changes when their time comes, with the correction saved with them', async () => {
    const live = await m.admin.saveArticle({
      id: null,
      input: input({ title: 'Tide warning' }),
      actorId: ada,
      status: 'published',
      publishedAt: new Date(Date.now() - 60_000),
    });
    const later = await m.admin.saveArticle({
      id: live.id,
      baseVersion: live.version,
      input: input({ title: 'Tide warning lifted', slug: live.slug, body: 'The warning is lifted.', correction: 'The warning was for Tuesday.' }),
      actorId: bo,
      status: 'published',
      publishedAt: new Date(Date.now() - 60_000),
      pending: { publishAt: new Date(Date.now() + 3_600_000) },
    });
    expect(await m.admin.publishDuePendingChanges()).toEqual([]);
    expect((await m.articles.getPublishedArticleBySlug(live.slug))?.title).toBe('Tide warning');

    const done = await m.admin.publishDuePendingChanges(new Date(Date.now() + 3_600_001));
    expect(done.map((d) => d.id)).toEqual([live.id]);
    const now = await m.articles.getPublishedArticleBySlug(live.slug);
    expect(now?.title).toBe('Tide warning lifted');
    expect(now?.corrections.map((c) => c.body)).toEqual(['The warning was for Tuesday.']);
    const edited = (await m.admin.getArticleForEdit(live.id))!;
    expect(edited.version).toBe(later.version + 1);
    expect(edited.pendingPublishAt).toBeNull();
    expect(await m.admin.publishDuePendingChanges(new Date(Date.now() + 3_600_001))).toEqual([]);
  });

  it('refuses a section that does not exist, and publishes scheduled changes whose section was deleted since without it', async () => {
    const live = await m.admin.saveArticle({
      id: null,
      input: input({ title: 'Section gone' }),
      actorId: ada,
      status: 'published',
      publishedAt: new Date(Date.now() - 60_000),
    });
    await expect(
      m.admin.saveArticle({
        id: live.id,
        baseVersion: live.version,
        input: input({ title: 'Section gone', sectionId: 999_999 }),
        actorId: ada,
        status: 'published',
        publishedAt: null,
        pending: {},
      }),
    ).rejects.toBeInstanceOf(m.errors.UnknownSectionError);
    const [section] = await m.db.db.insert(m.schema.sections).values({ slug: 'briefly', name: 'Briefly' }).returning();
    await m.admin.saveArticle({
      id: live.id,
      baseVersion: live.version,
      input: input({ title: 'Section gone', slug: live.slug, body: 'Moved to Briefly.', sectionId: section.id }),
      actorId: ada,
      status: 'published',
      publishedAt: null,
      pending: { publishAt: new Date(Date.now() + 60_000) },
    });
    await m.db.db.delete(m.schema.sections).where(m.sql`${m.schema.sections.id} = ${section.id}`);
    const done = await m.admin.publishDuePendingChanges(new Date(Date.now() + 60_001));
    expect(done.map((d) => d.id)).toEqual([live.id]);
    const after = (await m.admin.getArticleForEdit(live.id))!;
    expect(after.body).toBe('Moved to Briefly.');
    expect(after.sectionId).toBeNull();
  });
});

describe('autosave copies', () => {
  it('keeps one private copy per editor per article, replaced as they type, gone when they save', async () => {
    const draft = await m.admin.saveArticle({ id: null, input: input({ title: 'Autosaved' }), actorId: ada, status: 'draft', publishedAt: null });
    await m.editing.keepAutosave(ada, draft.id, draft.version, { title: 'Autosaved', standfirst: '', body: 'first words' });
    await m.editing.keepAutosave(ada, draft.id, draft.version, { title: 'Autosaved', standfirst: '', body: 'first words and more' });
    await m.editing.keepAutosave(bo, draft.id, draft.version, { title: 'Autosaved', standfirst: '', body: "Bo's words" });
    expect((await m.editing.getAutosave(ada, draft.id))?.body).toBe('first words and more');
    expect((await m.editing.getAutosave(bo, draft.id))?.body).toBe("Bo's words");
    const rows = (await m.db.db.select().from(m.schema.articleAutosaves)).filter((r) => r.articleId === draft.id);
    expect(rows).toHaveLength(2);
    // Autosaving changes neither the article nor its revisions.
    expect((await m.admin.getArticleForEdit(draft.id))!.version).toBe(draft.version);
    expect(await revisionsOf(draft.id)).toHaveLength(1);

    await m.admin.saveArticle({
      id: draft.id,
      baseVersion: draft.version,
      input: input({ title: 'Autosaved', body: 'saved' }),
      actorId: ada,
      status: 'draft',
      publishedAt: null,
    });
    expect(await m.editing.getAutosave(ada, draft.id)).toBeNull();
    expect(await m.editing.getAutosave(bo, draft.id)).not.toBeNull();
  });

  it('keeps a new article’s copy until it is first saved', async () => {
    await m.editing.keepAutosave(ada, null, 0, { title: 'Not saved yet', standfirst: '', body: 'words' });
    expect((await m.editing.getAutosave(ada, null))?.title).toBe('Not saved yet');
    await m.admin.saveArticle({ id: null, input: input({ title: 'Not saved yet' }), actorId: ada, status: 'draft', publishedAt: null });
    expect(await m.editing.getAutosave(ada, null)).toBeNull();
  });
});

describe('who is editing', () => {
  it('shows who else has the article open, lets another take over, tells the one taken over from, and forgets those who left', async () => {
    const draft = await m.admin.saveArticle({ id: null, input: input({ title: 'Presence' }), actorId: ada, status: 'draft', publishedAt: null });
    const t0 = new Date();
    const adaFirst = await m.editing.editorHeartbeat(draft.id, ada, true, t0);
    expect(adaFirst).toEqual({ others: [], holds: true, takenOver: null });
    const boFirst = await m.editing.editorHeartbeat(draft.id, bo, true, new Date(t0.getTime() + 1000));
    expect(boFirst).toEqual({ others: [{ name: 'Ada Editor', holds: true }], holds: false, takenOver: null });
    expect((await m.editing.editorsOfMany([draft.id], ada, new Date(t0.getTime() + 2000))).get(draft.id)).toEqual(['Bo Writer']);

    await m.editing.takeOverArticle(draft.id, bo, new Date(t0.getTime() + 5000));
    const adaNext = await m.editing.editorHeartbeat(draft.id, ada, false, new Date(t0.getTime() + 15_000));
    expect(adaNext.takenOver?.by).toBe('Bo Writer');
    const boNext = await m.editing.editorHeartbeat(draft.id, bo, false, new Date(t0.getTime() + 16_000));
    expect(boNext.holds).toBe(true);

    // Ada closed the tab: a minute later only Bo has it open.
    const later = new Date(t0.getTime() + 16_000 + m.editing.PRESENCE_WINDOW_MS + 1);
    expect((await m.editing.editorsOf(draft.id, later)).map((e) => e.name)).toEqual([]);
    const boLater = await m.editing.editorHeartbeat(draft.id, bo, false, later);
    expect(boLater.others).toEqual([]);
    // Ada opens it again: the take-over is forgotten, and she sees Bo holding it.
    const adaBack = await m.editing.editorHeartbeat(draft.id, ada, true, new Date(later.getTime() + 1000));
    expect(adaBack).toEqual({ others: [{ name: 'Bo Writer', holds: true }], holds: false, takenOver: null });
  });
});

describe('body format', () => {
  const formatOf = async (id: number) => (await m.admin.getArticleForEdit(id))!.bodyFormat;

  it('an HTML article edited in the editor stays HTML (live and pending), is indexed as HTML, and a restore brings back the format it was written in', async () => {
    const draft = await m.admin.saveArticle({ id: null, input: input({ title: 'Imported quay' }), actorId: ada, status: 'draft', publishedAt: null });
    expect(await formatOf(draft.id)).toBe('markdown');
    // As an import leaves it: an HTML body.
    await m.db.db
      .update(m.schema.articles)
      .set({ body: '<p>*Quay* &amp; pier</p>', bodyFormat: 'html' })
      .where(m.sql`id = ${draft.id}`);
    let a = (await m.admin.getArticleForEdit(draft.id))!;
    const edited = await m.admin.saveArticle({
      id: draft.id,
      baseVersion: a.version,
      input: input({ title: 'Imported quay', body: '<p>*Quay* &amp; the pier</p>' }),
      actorId: ada,
      status: 'published',
      publishedAt: new Date(),
    });
    a = (await m.admin.getArticleForEdit(draft.id))!;
    expect(a.bodyFormat).toBe('html');
    expect(a.bodyText).toBe('*Quay* & the pier');
    const htmlRevision = (await revisionsOf(draft.id)).at(-1)!;
    expect(htmlRevision.meta).toMatchObject({ bodyFormat: 'html' });

    // Pending changes on the live article keep the format, and publishing them keeps it too.
    const pending = await m.admin.saveArticle({
      id: draft.id,
      baseVersion: edited.version,
      input: input({ title: 'Imported quay', body: '<p>Pending</p>' }),
      actorId: ada,
      status: 'published',
      publishedAt: a.publishedAt,
      pending: { publishAt: new Date(Date.now() - 1000) },
    });
    expect(pending.pending).toBe(true);
    expect((await m.admin.getArticleForEdit(draft.id))!.pending?.meta.bodyFormat).toBe('html');
    await m.admin.publishDuePendingChanges();
    expect(await formatOf(draft.id)).toBe('html');

    // A Markdown revision restored (as the restore action does) comes back as Markdown.
    a = (await m.admin.getArticleForEdit(draft.id))!;
    await m.admin.saveArticle({
      id: draft.id,
      baseVersion: a.version,
      input: input({ title: 'Imported quay' }),
      actorId: ada,
      status: 'draft',
      publishedAt: null,
      bodyFormat: 'markdown',
    });
    expect(await formatOf(draft.id)).toBe('markdown');
  });
});
