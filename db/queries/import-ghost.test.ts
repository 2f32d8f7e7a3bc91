import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// The Ghost importer, through the same storage as the WordPress import, against a throw-away database
// and a local HTTP server standing in for the old Ghost site's images.
const testDb = throwawayDatabase('ghost-import');
const FIXTURE = 'e2e/fixtures/ghost/harbour-gazette.json';

type Modules = { db: typeof import('../index'); ghost: typeof import('./import-ghost') };
let m: Modules;
let server: Server;
let site = '';
const requests = new Map<string, number>();

const rows = async <T>(sql: string, args: (string | number)[] = []) => (await m.db.client.execute({ sql, args })).rows as unknown as T[];
const FAST = { timeoutMs: 2000, maxBytes: 1024 * 1024 };

beforeAll(async () => {
  m = { db: await testDb.open(), ghost: await import('./import-ghost') };
  const jpeg = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#2a5d8f' } })
    .jpeg()
    .toBuffer();
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.set(path, (requests.get(path) ?? 0) + 1);
    // Every image of the fixture but one exists; lamp.jpg is gone from the old site.
    if (path.startsWith('/content/images/') && !path.endsWith('/lamp.jpg')) res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((go) => server.listen(0, '127.0.0.1', go));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((go) => server.close(go));
  testDb.close();
});

describe('importing a Ghost export', () => {
  let first: Awaited<ReturnType<Modules['ghost']['importGhostFile']>>;

  it('imports posts, pages, tags, every byline in order, covers and images brought home', async () => {
    first = await m.ghost.importGhostFile(FIXTURE, { siteUrl: site, media: FAST });
    expect(first.posts).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(first.pages).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(first.skippedPosts).toEqual(new Map([['status "none" is not imported', 1]]));
    expect(first.removedShortcodes).toEqual(new Map([['unknown-widget card', 1]]));
    // cover, quay, crane and divers came home; lamp.jpg is listed and keeps its address.
    expect(first.media).toMatchObject({ broughtHome: 4, failed: 1 });
    expect(first.media.failures[0].url).toBe(`${site}/content/images/2019/03/lamp.jpg`);
    expect(first.coversSet).toBe(1);

    const [article] = await rows<{
      id: number;
      body: string;
      body_format: string;
      status: string;
      cover_image_path: string;
      cover_alt: string;
      cover_caption: string;
    }>("select id, body, body_format, status, cover_image_path, cover_alt, cover_caption from articles where slug = 'north-quay-reopens'");
    expect(article).toMatchObject({ body_format: 'html', status: 'published', cover_alt: 'Ferries at the north quay', cover_caption: 'The first ferry in.' });
    expect(article.cover_image_path).toBeTruthy();
    expect(article.body).not.toContain(`src="${site}`);
    // A link to the old site's own page is a path here, where its old address answers.
    expect(article.body).toContain('<a href="/tag/harbour/">our archive</a>');
    expect(article.body).toMatch(/<img src="\/media\/[^"]+" alt="The rebuilt north quay at dawn"/);
    expect(article.body).toContain('class="wp-block-gallery columns-2"');

    const bylines = await rows<{ slug: string }>(
      'select u.slug from article_authors aa join users u on u.id = aa.user_id where aa.article_id = ? order by aa.position',
      [article.id],
    );
    expect(bylines.map((b) => b.slug)).toEqual(['mira', 'tom']);
    const tagSlugs = await rows<{ slug: string }>(
      'select t.slug from article_tags at join tags t on t.id = at.tag_id where at.article_id = ? order by t.slug',
      [article.id],
    );
    expect(tagSlugs.map((t) => t.slug)).toEqual(['ferries', 'harbour']);

    const [lamp] = await rows<{ body: string }>("select body from articles where slug = 'lamplighters-return'");
    expect(lamp.body).toContain(`${site}/content/images/2019/03/lamp.jpg`);
    const [page] = await rows<{ status: string; body: string; body_format: string }>(
      "select status, body, body_format from pages where slug = 'about-the-gazette'",
    );
    expect(page).toEqual({ status: 'published', body: '<p>We have covered the harbour since 1887.</p>', body_format: 'html' });
    const [draft] = await rows<{ status: string; published_at: number | null }>("select status, published_at from articles where slug = 'unfinished-draft'");
    expect(draft).toEqual({ status: 'draft', published_at: null });
  });

  it('keeps Ghost’s old addresses: posts, AMP copies, tag and author archives and their feeds', async () => {
    const legacy = await rows<{
      old_path: string;
      article_id: number | null;
      page_id: number | null;
      tag_id: number | null;
      author_id: number | null;
      feed: number;
    }>('select old_path, article_id, page_id, tag_id, author_id, feed from legacy_redirects order by old_path');
    const paths = new Map(legacy.map((r) => [r.old_path, r]));
    expect(paths.get('/north-quay-reopens')?.article_id).toBeTruthy();
    expect(paths.get('/north-quay-reopens/amp')?.article_id).toBeTruthy();
    expect(paths.get('/about-the-gazette/amp')?.page_id).toBeTruthy();
    // The page keeps its address: no redirect from /about-the-gazette to itself.
    expect(paths.has('/about-the-gazette')).toBe(false);
    expect(paths.get('/tag/harbour')).toMatchObject({ feed: 0 });
    expect(paths.get('/tag/harbour/rss')?.tag_id).toBeTruthy();
    expect(paths.get('/tag/harbour/rss')?.feed).toBe(1);
    expect(paths.get('/author/mira')?.author_id).toBeTruthy();
    // The internal #tag is not a reader's address.
    expect([...paths.keys()].some((p) => p.includes('hash-hidden'))).toBe(false);
    // Images brought home answer at their old address too (a site moving in on its own domain).
    const { listRedirects } = await import('./redirects');
    const [quay] = await rows<{ path: string }>(
      "select m.path from imported_media i join media m on m.id = i.media_id where i.source like '%/content/images/2024/05/quay.jpg'",
    );
    expect(await listRedirects()).toContainEqual({ kind: 'legacy', oldPath: '/content/images/2024/05/quay.jpg', target: `/media/${quay.path}` });
  });

  it('runs again without duplicating anything or fetching an image twice', async () => {
    const before = { articles: await rows('select id from articles'), media: await rows('select id from media'), fetched: new Map(requests) };
    const again = await m.ghost.importGhostFile(FIXTURE, { siteUrl: site, media: FAST });
    expect(again.posts).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(again.pages).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await rows('select id from articles')).toHaveLength(before.articles.length);
    expect(await rows('select id from media')).toHaveLength(before.media.length);
    for (const [path, n] of requests) if (!path.endsWith('/lamp.jpg')) expect(n, path).toBe(before.fetched.get(path));
  });

  it('refuses a file that is not a Ghost export, writing nothing', async () => {
    const dir = join(testDb.dir, 'bad');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'wordpress.json');
    writeFileSync(file, '{"posts": []}');
    const count = (await rows('select id from articles')).length;
    await expect(m.ghost.importGhostFile(file, { media: false })).rejects.toThrow(/not a Ghost export/);
    expect(await rows('select id from articles')).toHaveLength(count);
  });

  it('leaves out a post Ghost cannot render, and keeps slugs within 80 characters however many share one', async () => {
    const long = 'a-very-long-headline-about-the-harbour-board-and-its-many-meetings-this-year-xx';
    expect(long.length).toBeGreaterThanOrEqual(78);
    const post = (id: string, extra: Record<string, unknown>) => ({ id, title: `Post ${id}`, slug: long, status: 'published', type: 'post', ...extra });
    const file = join(testDb.dir, 'edge.json');
    writeFileSync(
      file,
      JSON.stringify({
        db: [
          {
            meta: {},
            data: {
              settings: [{ key: 'url', value: 'http://edge-ghost.invalid' }],
              posts: [
                post('e1', { html: '<p>One</p>' }),
                post('e2', { html: '<p>Two</p>' }),
                post('e3', { html: '<p>Three</p>', type: 'page' }),
                post('e4', { html: '<p>Four</p>', type: 'page' }),
                post('e5', { lexical: '{"root": not json' }),
              ],
            },
          },
        ],
      }),
    );
    const report = await m.ghost.importGhostFile(file, { media: false });
    expect(report.posts.created).toBe(2);
    expect(report.pages.created).toBe(2);
    expect([...report.skippedPosts.keys()]).toEqual([expect.stringMatching(/^content Ghost's renderer could not read/)]);
    for (const table of ['articles', 'pages']) {
      const slugs = (await rows<{ slug: string }>(`select slug from ${table} where slug like ?`, [`${long.slice(0, 40)}%`])).map((r) => r.slug);
      expect(slugs, table).toHaveLength(2);
      expect(new Set(slugs).size, table).toBe(2);
      for (const slug of slugs) expect(slug.length, slug).toBeLessThanOrEqual(80);
    }
  });

  it('stops between posts when asked, and the same command finishes the rest', async () => {
    const stop = new AbortController();
    let seen = 0;
    const partial = await m.ghost.importGhostFile(FIXTURE, {
      siteUrl: 'http://other-ghost.invalid',
      media: false,
      signal: stop.signal,
      onProgress: () => {
        if (++seen === 2) stop.abort();
      },
    });
    expect(partial.stopped).toEqual({ done: 2, total: 6 });
    const rest = await m.ghost.importGhostFile(FIXTURE, { siteUrl: 'http://other-ghost.invalid', media: false });
    expect(rest.stopped).toBeNull();
    expect(rest.posts.created + rest.pages.created).toBe(5 - 2);
    expect(rest.posts.unchanged).toBe(2);
  });
});
