import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_PAGES, adminPageAccess, type PageRecords } from './admin-pages';
import type { Actor, ArticleResource } from './permissions';

const admin = { id: 1, role: 'admin' as const };
const editor = { id: 2, role: 'editor' as const };
const author = { id: 3, role: 'author' as const };
const moderator = { id: 5, role: 'moderator' as const };

const articles: Record<number, ArticleResource> = {
  10: { createdById: 3, authorIds: [3], status: 'draft' },
  11: { createdById: 2, authorIds: [2], status: 'draft' },
  12: { createdById: 3, authorIds: [3], status: 'published' },
};
const records: PageRecords = {
  article: async (id) => articles[id] ?? null,
  revisionExists: async (articleId, revisionId) => articleId in articles && revisionId === 1,
  pageExists: async (id) => id === 7,
};
const access = (path: string, actor: NonNullable<Actor>) => adminPageAccess(path, actor, records);

function pagesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name === 'page.tsx')
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('adminPageAccess', () => {
  it('has a rule for every admin page there is', () => {
    expect(ADMIN_PAGES.map((r) => r.page).sort()).toEqual(pagesUnder(join(process.cwd(), 'app/admin')));
  });

  it('follows the roles table for pages without a record', async () => {
    const table: [string, Record<string, boolean>][] = [
      ['/admin', { admin: true, editor: true, author: true, moderator: true }],
      ['/admin/profile', { admin: true, editor: true, author: true, moderator: true }],
      ['/admin/articles', { admin: true, editor: true, author: true, moderator: false }],
      ['/admin/articles/new', { admin: true, editor: true, author: true, moderator: false }],
      ['/admin/comments', { admin: true, editor: true, author: false, moderator: true }],
      ['/admin/comments/commenter', { admin: true, editor: true, author: false, moderator: true }],
      ['/admin/sections', { admin: true, editor: true, author: false, moderator: false }],
      ['/admin/pages', { admin: true, editor: true, author: false, moderator: false }],
      ['/admin/pages/new', { admin: true, editor: true, author: false, moderator: false }],
      ['/admin/pages/7', { admin: true, editor: true, author: false, moderator: false }],
      ['/admin/settings', { admin: true, editor: false, author: false, moderator: false }],
      ['/admin/system', { admin: true, editor: false, author: false, moderator: false }],
      ['/admin/users', { admin: true, editor: false, author: false, moderator: false }],
    ];
    for (const [path, allowed] of table) {
      for (const actor of [admin, editor, author, moderator]) {
        expect(await access(path, actor), `${actor.role} at ${path}`).toBe(allowed[actor.role] ? 'ok' : 'forbidden');
      }
    }
  });

  it('answers an article’s pages by that article: missing is not found, someone else’s draft is forbidden to an author', async () => {
    expect(await access('/admin/articles/10', author)).toBe('ok');
    expect(await access('/admin/articles/11', author)).toBe('forbidden');
    // Their own, published: the editor page says they can no longer change it.
    expect(await access('/admin/articles/12', author)).toBe('ok');
    expect(await access('/admin/articles/11', editor)).toBe('ok');
    expect(await access('/admin/articles/99', editor)).toBe('not-found');
    expect(await access('/admin/articles/abc', editor)).toBe('not-found');
    expect(await access('/admin/articles/0', editor)).toBe('not-found');
    expect(await access('/admin/articles/11', moderator)).toBe('forbidden');
  });

  it('opens the live composer to whoever may publish the article, not to its own author', async () => {
    expect(await access('/admin/articles/12/live', editor)).toBe('ok');
    expect(await access('/admin/articles/12/live', admin)).toBe('ok');
    expect(await access('/admin/articles/12/live', author)).toBe('forbidden');
    expect(await access('/admin/articles/10/live', author)).toBe('forbidden');
    expect(await access('/admin/articles/12/live', moderator)).toBe('forbidden');
    expect(await access('/admin/articles/99/live', editor)).toBe('not-found');
    expect(await access('/admin/articles/abc/live', editor)).toBe('not-found');
  });

  it('answers a revision page by its article and the revision', async () => {
    expect(await access('/admin/articles/10/revisions/1', author)).toBe('ok');
    expect(await access('/admin/articles/11/revisions/1', author)).toBe('forbidden');
    expect(await access('/admin/articles/12/revisions/1', author)).toBe('forbidden');
    expect(await access('/admin/articles/11/revisions/2', editor)).toBe('not-found');
    expect(await access('/admin/articles/11/revisions/x', editor)).toBe('not-found');
  });

  it('answers the compare page by its article and both revisions named in the query', async () => {
    // Articles 10-12 have revisions 1 and 2 here.
    const two: PageRecords = { ...records, revisionExists: async (articleId, revisionId) => articleId in articles && [1, 2].includes(revisionId) };
    const compare = (path: string, actor: NonNullable<Actor>) => {
      const url = new URL(path, 'http://site');
      return adminPageAccess(url.pathname, actor, two, url.searchParams);
    };
    expect(await compare('/admin/articles/10/revisions/compare?from=1&to=2', author)).toBe('ok');
    expect(await compare('/admin/articles/11/revisions/compare?from=2&to=1', editor)).toBe('ok');
    expect(await compare('/admin/articles/11/revisions/compare?from=1&to=1', editor)).toBe('ok');
    expect(await compare('/admin/articles/11/revisions/compare?from=1&to=2', author)).toBe('forbidden');
    expect(await compare('/admin/articles/12/revisions/compare?from=1&to=2', author)).toBe('forbidden');
    expect(await compare('/admin/articles/11/revisions/compare?from=1&to=2', moderator)).toBe('forbidden');
    // Another article's revision, one that does not exist, or no pair at all: no such page.
    expect(await compare('/admin/articles/11/revisions/compare?from=1&to=3', editor)).toBe('not-found');
    expect(await compare('/admin/articles/99/revisions/compare?from=1&to=2', editor)).toBe('not-found');
    for (const q of ['', '?from=1', '?from=1&to=x', '?from=1&to=2&to=1', '?from=0&to=1'])
      expect(await compare(`/admin/articles/11/revisions/compare${q}`, editor), q).toBe('not-found');
    // Without a query (the gate's callers before this page): no pair, so no page.
    expect(await adminPageAccess('/admin/articles/11/revisions/compare', editor, two)).toBe('not-found');
  });

  it('answers a page’s editor by that page: missing is not found to editors, forbidden to others', async () => {
    expect(await access('/admin/pages/8', editor)).toBe('not-found');
    expect(await access('/admin/pages/abc', admin)).toBe('not-found');
    expect(await access('/admin/pages/abc', author)).toBe('forbidden');
    expect(await access('/admin/pages/8', moderator)).toBe('forbidden');
  });

  it('leaves addresses no page answers to Next’s own 404, and ignores a trailing slash', async () => {
    expect(await access('/admin/nothing-here', author)).toBe('ok');
    expect(await access('/admin/users/', editor)).toBe('forbidden');
  });
});
