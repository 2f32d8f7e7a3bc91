import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// The pages' data layer against a throw-away database migrated by the real migrations.
const testDb = throwawayDatabase('pages');

let q: typeof import('./pages');
let errors: typeof import('./errors');
let editorId: number;

beforeAll(async () => {
  const { db } = await testDb.open();
  const { users } = await import('../schema');
  q = await import('./pages');
  errors = await import('./errors');
  const [ed] = await db.insert(users).values({ email: 'ed@example.com', name: 'Ed Itor', slug: 'ed-itor', role: 'editor' }).returning();
  editorId = ed.id;
});

afterAll(() => testDb.close());

const input = (slug: string, title = 'About', body = 'We cover the valley.') => ({ slug, title, body });

describe('pages', () => {
  it('creates a draft, publishes it, and keeps a revision per save', async () => {
    const created = await q.savePage({ id: null, input: input('about'), status: 'draft', actorId: editorId });
    expect(created).toMatchObject({ slug: 'about', status: 'draft', version: 0 });
    expect(await q.getPublishedPageBySlug('about')).toBeNull();

    const published = await q.savePage({ id: created.id, baseVersion: 0, input: input('about'), status: 'published', actorId: editorId });
    expect(published).toMatchObject({ status: 'published', wasPublished: false, version: 1 });
    expect(await q.getPublishedPageBySlug('about')).toMatchObject({ title: 'About', bodyFormat: 'markdown' });

    const page = await q.getPageForEdit(created.id);
    expect(page).toMatchObject({ version: 1, status: 'published', lastChange: { by: 'Ed Itor' } });
    expect(page?.publishedAt).toBeInstanceOf(Date);
    const revisions = await q.listPageRevisions(created.id);
    expect(revisions.map((r) => [r.status, r.note])).toEqual([
      ['published', 'Published'],
      ['draft', 'Created'],
    ]);
  });

  it('refuses a stale save without changing anything', async () => {
    const { id } = await q.savePage({ id: null, input: input('contact', 'Contact', 'Write to us.'), status: 'draft', actorId: editorId });
    await q.savePage({ id, baseVersion: 0, input: input('contact', 'Contact', 'Call us.'), status: 'draft', actorId: editorId });
    await expect(q.savePage({ id, baseVersion: 0, input: input('contact', 'Contact', 'Mine.'), status: 'draft', actorId: editorId })).rejects.toBeInstanceOf(
      q.StalePageSaveError,
    );
    const page = await q.getPageForEdit(id);
    expect(page).toMatchObject({ body: 'Call us.', version: 1 });
    expect(await q.listPageRevisions(id)).toHaveLength(2);
  });

  it('refuses a slug another page has, and reports a moved address', async () => {
    const { id } = await q.savePage({ id: null, input: input('tips', 'Tips'), status: 'published', actorId: editorId });
    await expect(q.savePage({ id: null, input: input('tips', 'More tips'), status: 'draft', actorId: editorId })).rejects.toBeInstanceOf(errors.SlugTakenError);
    await expect(q.savePage({ id, baseVersion: 0, input: input('about', 'Tips'), status: 'published', actorId: editorId })).rejects.toThrow(
      'Another page already uses the slug "about".',
    );
    // The refused save rolled back its version claim too.
    const moved = await q.savePage({ id, baseVersion: 0, input: input('send-a-tip', 'Tips'), status: 'published', actorId: editorId });
    expect(moved).toMatchObject({ slug: 'send-a-tip', previousSlug: 'tips', wasPublished: true });
    // Its old address leads to it now (the proxy's table reads this row).
    const { listRedirects } = await import('./redirects');
    expect(await listRedirects()).toContainEqual({ kind: 'legacy', oldPath: '/tips', target: '/send-a-tip' });
  });

  it('restores a revision as a new save, keeping the address and status', async () => {
    const { id } = await q.savePage({ id: null, input: input('ethics', 'Ethics', 'First text.'), status: 'published', actorId: editorId });
    await q.savePage({ id, baseVersion: 0, input: input('ethics', 'Ethics policy', 'Second text.'), status: 'published', actorId: editorId });
    const first = (await q.listPageRevisions(id)).at(-1)!;
    await expect(q.restorePageRevision({ pageId: id, revisionId: first.id, baseVersion: 0, actorId: editorId, note: () => 'Restored' })).rejects.toBeInstanceOf(
      q.StalePageSaveError,
    );
    const restored = await q.restorePageRevision({ pageId: id, revisionId: first.id, baseVersion: 1, actorId: editorId, note: () => 'Restored' });
    expect(restored).toMatchObject({ slug: 'ethics', status: 'published', version: 2 });
    expect(await q.getPageForEdit(id)).toMatchObject({ title: 'Ethics', body: 'First text.' });
    expect((await q.listPageRevisions(id))[0]).toMatchObject({ note: 'Restored', title: 'Ethics' });
    expect(await q.restorePageRevision({ pageId: id + 1000, revisionId: first.id, baseVersion: 2, actorId: editorId, note: () => 'x' })).toBeNull();
  });

  it('keeps the footer in the editor’s order, published pages only', async () => {
    const make = async (slug: string, status: 'draft' | 'published') =>
      (await q.savePage({ id: null, input: input(slug, slug), status, actorId: editorId })).id;
    const [one, two, three, draft] = [
      await make('f-one', 'published'),
      await make('f-two', 'published'),
      await make('f-three', 'published'),
      await make('f-draft', 'draft'),
    ];
    for (const id of [one, two, three]) expect(await q.moveFooterPage(id, 'add')).toMatchObject({ moved: true });
    expect(await q.moveFooterPage(draft, 'add')).toEqual({ moved: false, reason: 'draft' });
    expect(await q.moveFooterPage(one, 'add')).toEqual({ moved: false, reason: 'unchanged' });
    expect(await q.moveFooterPage(9999, 'up')).toEqual({ moved: false, reason: 'gone' });
    await q.moveFooterPage(three, 'up');
    expect((await q.listFooterPages()).map((p) => p.slug)).toEqual(['f-one', 'f-three', 'f-two']);
    await q.moveFooterPage(one, 'remove');
    expect((await q.listFooterPages()).map((p) => p.slug)).toEqual(['f-three', 'f-two']);

    // Unpublishing takes a page out of the footer; deleting removes it and its revisions.
    const page = await q.getPageForEdit(two);
    const saved = await q.savePage({ id: two, baseVersion: page!.version, input: input('f-two', 'f-two'), status: 'draft', actorId: editorId });
    expect(saved).toMatchObject({ inFooter: true, wasPublished: true, status: 'draft' });
    expect((await q.listFooterPages()).map((p) => p.slug)).toEqual(['f-three']);
    expect(await q.deletePage(three)).toMatchObject({ slug: 'f-three', inFooter: true });
    expect(await q.deletePage(three)).toBeNull();
    expect(await q.listFooterPages()).toEqual([]);
    expect(await q.listPageRevisions(three)).toEqual([]);
    expect((await q.listPagesForAdmin()).some((p) => p.id === three)).toBe(false);
  });
});
