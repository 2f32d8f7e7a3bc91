import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// The old-address table as the proxy gets it, against a throw-away database migrated by the real migrations.
const testDb = throwawayDatabase('redirects');

let m: { db: typeof import('../index'); redirects: typeof import('./redirects') };

const run = (sql: string, args: (string | number | null)[] = []) => m.db.client.execute({ sql, args });
const idOf = async (sql: string, args: (string | number)[]) => Number((await run(sql, args)).rows[0].id);

beforeAll(async () => {
  m = { db: await testDb.open(), redirects: await import('./redirects') };
  const past = Date.now() - 60_000;
  const later = Date.now() + 86_400_000;
  const article = await idOf(`insert into articles (slug, title, status, published_at) values ('ferry-strike', 'Ferry strike', 'published', ?) returning id`, [
    past,
  ]);
  const scheduled = await idOf(`insert into articles (slug, title, status, published_at) values ('not-yet', 'Not yet', 'scheduled', ?) returning id`, [later]);
  const draft = await idOf(`insert into articles (slug, title, status) values ('secret-draft', 'Secret', 'draft') returning id`, []);
  const page = await idOf(`insert into pages (slug, title, status) values ('about', 'About', 'published') returning id`, []);
  const draftPage = await idOf(`insert into pages (slug, title, status) values ('unfinished', 'Unfinished', 'draft') returning id`, []);
  const section = await idOf(`insert into sections (slug, name) values ('news', 'News') returning id`, []);
  const tag = await idOf(`insert into tags (slug, name) values ('ferries', 'Ferries') returning id`, []);
  const author = await idOf(`insert into users (email, name, slug, role) values ('nell@example.org', 'Nell', 'nell-harrow', 'author') returning id`, []);
  const rows: [string, string, number, number][] = [
    ['/2019/05/ferry-strike.html', 'article_id', article, 0],
    ['/?p=12', 'article_id', article, 0],
    ['/2019/05/ferry-strike.html/feed', 'article_id', article, 1],
    ['/2019/06/not-yet', 'article_id', scheduled, 0],
    ['/2019/07/secret', 'article_id', draft, 0],
    ['/?page_id=4', 'page_id', page, 0],
    ['/about-the-gazette', 'page_id', page, 0],
    ['/unfinished-page', 'page_id', draftPage, 0],
    ['/category/news', 'section_id', section, 0],
    ['/category/news/feed', 'section_id', section, 1],
    ['/tag/ferries', 'tag_id', tag, 0],
    ['/tag/ferries/feed', 'tag_id', tag, 1],
    ['/author/nell', 'author_id', author, 0],
    ['/author/nell/feed', 'author_id', author, 1],
  ];
  for (const [oldPath, column, id, feed] of rows) await run(`insert into legacy_redirects (old_path, ${column}, feed) values (?, ?, ?)`, [oldPath, id, feed]);
});

afterAll(() => {
  testDb.close();
});

describe('listRedirects', () => {
  it('resolves every kind of old address to where its row lives today, feeds to feeds', async () => {
    const entries = await m.redirects.listRedirects();
    const legacy = Object.fromEntries(entries.flatMap((e) => (e.kind === 'legacy' ? [[e.oldPath, e.target]] : [])));
    expect(legacy).toEqual({
      '/2019/05/ferry-strike.html': '/articles/ferry-strike',
      '/?p=12': '/articles/ferry-strike',
      // An article has no feed of its own: its feed address answers with the article.
      '/2019/05/ferry-strike.html/feed': '/articles/ferry-strike',
      '/?page_id=4': '/about',
      '/about-the-gazette': '/about',
      '/category/news': '/sections/news',
      '/category/news/feed': '/sections/news/feed.xml',
      '/tag/ferries': '/tags/ferries',
      '/tag/ferries/feed': '/tags/ferries/feed.xml',
      '/author/nell': '/authors/nell-harrow',
      '/author/nell/feed': '/authors/nell-harrow/feed.xml',
    });
    // Published pages come along, so no old address hides one; drafts and unpublished articles do not.
    expect(entries.filter((e) => e.kind === 'page')).toEqual([{ kind: 'page', slug: 'about' }]);
  });

  it('follows a renamed row', async () => {
    await run(`update sections set slug = 'city-news' where slug = 'news'`);
    const entries = await m.redirects.listRedirects();
    expect(entries).toContainEqual({ kind: 'legacy', oldPath: '/category/news', target: '/sections/city-news' });
    expect(entries).toContainEqual({ kind: 'legacy', oldPath: '/category/news/feed', target: '/sections/city-news/feed.xml' });
  });
});
