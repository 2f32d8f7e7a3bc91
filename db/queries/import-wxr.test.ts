import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// The WordPress importer against a throw-away database migrated by the real migrations.
const testDb = throwawayDatabase('wxr');

const FIXTURE = 'e2e/fixtures/wxr/harbour-gazette.xml';

type Modules = {
  db: typeof import('../index');
  wxr: typeof import('./import-wxr');
  redirects: typeof import('./redirects');
  search: typeof import('./search');
};
let m: Modules;

const rows = async <T>(sql: string, args: (string | number)[] = []) => (await m.db.client.execute({ sql, args })).rows as unknown as T[];
const countOf = async (table: string) => Number((await rows<{ n: number }>(`select count(*) as n from ${table}`))[0].n);

beforeAll(async () => {
  m = {
    db: await testDb.open(),
    wxr: await import('./import-wxr'),
    redirects: await import('./redirects'),
    search: await import('./search'),
  };
  // An existing staff member with the same email as one WordPress author: reused, not duplicated.
  await m.db.client.execute(
    `insert into users (email, name, slug, role, password_hash) values ('nell.harrow@gazette.example.org', 'Nell H.', 'nell-h', 'editor', 'x')`,
  );
});

afterAll(() => {
  testDb.close();
});

describe('importWxrFile', () => {
  let first: Awaited<ReturnType<Modules['wxr']['importWxrFile']>>;

  it('imports posts with statuses, sections, tags, authors, threaded comments and redirects', async () => {
    const progress: number[] = [];
    first = await m.wxr.importWxrFile(FIXTURE, { onProgress: (done, total) => progress.push(done / total) });
    expect(progress.at(-1)).toBe(1);
    expect(first.posts).toEqual({ created: 10, updated: 0, unchanged: 0 });
    expect(first.pages).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(first.comments).toEqual({ created: 6, updated: 0 });
    expect(Object.fromEntries(first.skippedPosts)).toEqual({
      'status "trash" is not imported': 1,
    });
    expect(Object.fromEntries(first.skippedComments)).toEqual({ 'pingbacks are not replies': 1 });

    const articles = await rows<{ slug: string; status: string; title: string; section: string | null }>(
      `select a.slug, a.status, a.title, s.slug as section from articles a left join sections s on s.id = a.section_id order by a.id`,
    );
    expect(articles.map((a) => `${a.slug}:${a.status}`)).toEqual([
      'lamplighters-strike-ends:published',
      'zurich-cafe:published',
      'nobody-signed:published',
      'guest-column:published',
      'tide-tables:published',
      'tide-tables-2:published',
      'unfinished-draft:draft',
      'waiting-for-an-editor:review',
      'next-years-regatta:scheduled',
      'members-only:unpublished',
    ]);
    expect(articles[0].section).toBe('harbour-life');
    expect(articles[1].title).toBe('Zürich café opens on Quay Street — 東京 style ✨');

    // Authors: the existing staff member by email; the others created as authors who cannot sign in.
    const bylines = await rows<{ slug: string; name: string; role: string; password_hash: string | null }>(
      `select distinct u.slug, u.name, u.role, u.password_hash from article_authors aa join users u on u.id = aa.user_id order by u.id`,
    );
    expect(bylines.map((u) => `${u.slug}:${u.role}:${u.password_hash === null ? 'no-password' : 'password'}`)).toEqual([
      'nell-h:editor:password',
      // lib/slug.ts transliterates letters with no ASCII decomposition (Ø).
      'tobias-fenwick-oster:author:no-password',
      'guest-writer:author:no-password',
    ]);
    expect(await rows(`select 1 from article_authors aa join articles a on a.id = aa.article_id where a.slug = 'nobody-signed'`)).toEqual([]);
    expect(first.notes.get('posts with no author (no byline)')).toBe(1);

    // Threads: 12 → 11 → 10, whatever the order in the file.
    const comments = await rows<{ body: string; status: string; depth: number; parent: string | null; created_at: number }>(
      `select r.body, r.status, r.depth, p.author_name as parent, r.created_at from replies r left join replies p on p.id = r.parent_id order by r.created_at`,
    );
    expect(comments.map((c) => `${c.status}:${c.depth}:${c.parent ?? '-'}`)).toEqual([
      'approved:1:-',
      'approved:2:Ada Quayside',
      'approved:3:Bram Ropewalk',
      'pending:1:-',
      'spam:1:-',
      'trash:1:-',
    ]);
    expect(new Date(Number(comments[0].created_at)).toISOString()).toBe('2019-05-15T10:00:00.000Z');

    const redirects = await m.redirects.listRedirects();
    expect(redirects).toContainEqual({ kind: 'legacy', oldPath: '/2019/05/lamplighters-strike-ends', target: '/articles/lamplighters-strike-ends' });
    expect(redirects).toContainEqual({ kind: 'legacy', oldPath: '/2019/08/tide-tables', target: '/articles/tide-tables-2' });
    // Only public articles answer at their old address.
    expect(redirects.some((r) => r.kind === 'legacy' && r.target === '/articles/members-only')).toBe(false);

    // Imported bodies are searchable as text.
    const hits = await m.search.searchPublishedArticles({ match: '"lamplighters"*', page: 1, perPage: 20 });
    expect(hits.items.map((h) => h.slug)).toEqual(['lamplighters-strike-ends']);
    expect(hits.items[0].snippet).not.toContain('<strong>');

    expect(first.touched).toContain('article-slug:lamplighters-strike-ends');
    expect(first.touched).toContain('section:harbour-life');
    expect(first.touched).toContain('sections');
  });

  it('updates on a second run and duplicates nothing', async () => {
    const before = await Promise.all(
      ['articles', 'replies', 'users', 'sections', 'tags', 'legacy_redirects', 'revisions', 'pages', 'page_revisions'].map(countOf),
    );
    const again = await m.wxr.importWxrFile(FIXTURE);
    // Nothing changed: every post is found again and left alone.
    expect(again.posts).toEqual({ created: 0, updated: 0, unchanged: 10 });
    expect(again.pages).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(again.comments).toEqual({ created: 0, updated: 0 });
    expect(again.authorsCreated).toBe(0);
    expect(again.sectionsCreated).toBe(0);
    const after = await Promise.all(
      ['articles', 'replies', 'users', 'sections', 'tags', 'legacy_redirects', 'revisions', 'pages', 'page_revisions'].map(countOf),
    );
    expect(after).toEqual(before);
  });

  it('keeps a moderator’s deletion and a changed post on re-import', async () => {
    await m.db.client.execute(`delete from replies where author_name = 'Binned'`);
    const edited = (await import('node:fs')).readFileSync(FIXTURE, 'utf8').replace('The July tides.', 'The July tides, corrected.');
    const file = join(testDb.dir, 'edited.xml');
    writeFileSync(file, edited);
    const again = await m.wxr.importWxrFile(file);
    expect(again.skippedComments.get('deleted here since an earlier import')).toBe(1);
    const [tide] = await rows<{ body: string }>(`select body from articles where slug = 'tide-tables'`);
    expect(tide.body).toBe('<p>The July tides, corrected.</p>');
    expect(
      await rows(`select 1 from revisions r join articles a on a.id = r.article_id where a.slug = 'tide-tables' and r.meta like '%Re-imported%'`),
    ).toHaveLength(1);
  });

  it('stores nothing from a broken file', async () => {
    const before = await Promise.all(['articles', 'replies', 'wxr_imports'].map(countOf));
    await expect(m.wxr.importWxrFile('e2e/fixtures/wxr/broken.xml')).rejects.toThrow(/broken\.xml:16:\d+: /);
    expect(await Promise.all(['articles', 'replies', 'wxr_imports'].map(countOf))).toEqual(before);
  });

  it('caps thread depth at five levels', async () => {
    const comment = (id: number, parent: number) =>
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>C${id}</wp:comment_author><wp:comment_date_gmt>2020-01-01 00:00:0${id % 10}</wp:comment_date_gmt><wp:comment_content>Reply ${id}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;
    const xml = `<rss><channel><wp:base_site_url>https://deep.example</wp:base_site_url><item><title>Deep</title><wp:post_id>1</wp:post_id><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:post_name>deep-thread</wp:post_name>${[
      1, 2, 3, 4, 5, 6, 7,
    ]
      .map((i) => comment(i, i - 1))
      .join('')}</item></channel></rss>`;
    const file = join(testDb.dir, 'deep.xml');
    writeFileSync(file, xml);
    const report = await m.wxr.importWxrFile(file);
    expect(report.comments.created).toBe(7);
    const depths = await rows<{ author_name: string; depth: number; parent: string | null }>(
      `select r.author_name, r.depth, p.author_name as parent from replies r join articles a on a.id = r.article_id left join replies p on p.id = r.parent_id where a.slug = 'deep-thread' order by r.id`,
    );
    expect(depths.map((d) => `${d.author_name}:${d.depth}:${d.parent ?? '-'}`)).toEqual([
      'C1:1:-',
      'C2:2:C1',
      'C3:3:C2',
      'C4:4:C3',
      'C5:5:C4',
      'C6:5:C4',
      'C7:5:C4',
    ]);
  });
});
