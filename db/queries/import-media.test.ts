import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// The WordPress importer bringing images home, importing pages and keeping every old address, against
// a throw-away database and a local HTTP server with real image bytes.
const testDb = throwawayDatabase('wxr-media');

const FIXTURE = 'e2e/fixtures/wxr/media-site.xml';

type Modules = { db: typeof import('../index'); wxr: typeof import('./import-wxr') };
let m: Modules;
let server: Server;
let base = '';
const requests = new Map<string, number>();
let jpeg: Buffer;
let png: Buffer;

const rows = async <T>(sql: string, args: (string | number)[] = []) => (await m.db.client.execute({ sql, args })).rows as unknown as T[];
const countOf = async (table: string) => Number((await rows<{ n: number }>(`select count(*) as n from ${table}`))[0].n);

/** The fixture with its image addresses on the local server (or another host), under another site name if asked. */
function fixture(name: string, media: string, site = 'courier.example.org'): string {
  const file = join(testDb.dir, `${name}.xml`);
  writeFileSync(file, readFileSync(FIXTURE, 'utf8').replaceAll('{{MEDIA}}', media).replaceAll('courier.example.org', site));
  return file;
}

// Long enough for a loaded machine to answer the images that exist; /slow.jpg answers after 3 s.
const FAST = { timeoutMs: 1500, maxBytes: 256 * 1024 };

beforeAll(async () => {
  m = { db: await testDb.open(), wxr: await import('./import-wxr') };
  jpeg = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#2a5d8f' } })
    .jpeg()
    .toBuffer();
  png = await sharp({ create: { width: 300, height: 200, channels: 4, background: '#e0c080ff' } })
    .png()
    .toBuffer();
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.set(path, (requests.get(path) ?? 0) + 1);
    if (path === '/wp-content/uploads/2020/03/ferry.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    else if (path === '/wp-content/uploads/2019/11/harbour-map.png') res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    else if (path === '/slow.jpg') setTimeout(() => res.writeHead(200).end(jpeg), 3000).unref();
    else if (path === '/huge.jpg') {
      // No length announced: the cap must be counted while the bytes arrive.
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const chunk = Buffer.alloc(64 * 1024, 7);
      let sent = 0;
      const send = () => {
        if (res.destroyed || sent++ > 160) return res.end();
        res.write(chunk, () => setImmediate(send));
      };
      send();
    } else res.writeHead(404).end('not here');
  });
  await new Promise<void>((go) => server.listen(0, '127.0.0.1', go));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((go) => server.close(go));
  testDb.close();
});

describe('bringing media home', () => {
  let file = '';
  let first: Awaited<ReturnType<Modules['wxr']['importWxrFile']>>;

  it('fetches every image once, re-encodes it, rewrites bodies and sets the cover', async () => {
    file = fixture('media', base);
    first = await m.wxr.importWxrFile(file, { media: FAST });
    expect(first.posts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    // ferry.jpg (the body's resized copy, the cover, the About page and the attachment) and the unused harbour map.
    expect(first.media).toMatchObject({ broughtHome: 2, alreadyHome: 0, failed: 4 });
    expect(requests.get('/wp-content/uploads/2020/03/ferry.jpg')).toBe(1);
    expect(requests.get('/wp-content/uploads/2020/03/ferry-300x200.jpg')).toBeUndefined();
    const reasons = Object.fromEntries(first.media.failures.map((f) => [f.url.replace(base, ''), f.reason]));
    expect(reasons['/wp-content/uploads/2020/03/gone.jpg']).toBe('the server answered 404');
    expect(reasons['/slow.jpg']).toBe('no answer within 2 s');
    expect(reasons['/huge.jpg']).toBe('larger than 256 KB');
    expect(reasons['https://courier.example.org/wp-content/uploads/2020/03/relative.jpg']).toMatch(/could not connect|no answer/);

    const [ferry] = await rows<{ body: string; body_format: string; cover_image_path: string; cover_alt: string; cover_caption: string }>(
      `select body, body_format, cover_image_path, cover_alt, cover_caption from articles where slug = 'night-ferry-returns'`,
    );
    expect(ferry.body_format).toBe('html');
    expect(ferry.body).toContain(`<img src="/media/${ferry.cover_image_path}" alt="The ferry at dusk"`);
    expect(ferry.body).not.toContain('srcset');
    expect(ferry.body).not.toContain('ferry-300x200');
    // What could not be fetched keeps its old address.
    expect(ferry.body).toContain(`${base}/wp-content/uploads/2020/03/gone.jpg`);
    expect(ferry.cover_alt).toBe('The ferry Quay Queen leaving the harbour');
    expect(ferry.cover_caption).toBe('The Quay Queen at dusk. Photo: M. Quist');
    expect(first.coversSet).toBe(1);

    const stored = await rows<{ path: string; mime: string; width: number; uploaded_by_id: number | null; source: string }>(
      `select m.path, m.mime, m.width, m.uploaded_by_id, i.source from imported_media i join media m on m.id = i.media_id order by m.id`,
    );
    expect(stored.map((s) => [s.source.replace(base, ''), s.mime, s.width])).toEqual([
      ['/wp-content/uploads/2020/03/ferry.jpg', 'image/webp', 640],
      ['/wp-content/uploads/2019/11/harbour-map.png', 'image/webp', 300],
    ]);
    // The files are in the media store, re-encoded.
    const bytes = readFileSync(join(testDb.dir, 'uploads', stored[0].path));
    expect((await sharp(bytes).metadata()).format).toBe('webp');
    // Attachments are remembered (the unused map too: it is the site's media library).
    expect(await rows(`select source_id from wxr_imports where kind = 'attachment' order by source_id`)).toEqual([{ source_id: '201' }, { source_id: '202' }]);
  });

  it('imports pages as pages, with a revision, a free slug and their old addresses', async () => {
    expect(first.pages).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const pages = await rows<{ slug: string; title: string; status: string; body_format: string; body: string; published_at: number | null }>(
      `select slug, title, status, body_format, body, published_at from pages order by id`,
    );
    expect(pages.map((p) => `${p.slug}:${p.status}:${p.body_format}`)).toEqual(['about:published:html', 'team:published:html', 'search-2:draft:html']);
    expect(pages[0].body).toMatch(/<img src="\/media\/\d{4}\/\d{2}\/[\w-]+\.webp" alt="Our ferry"/);
    expect(new Date(Number(pages[0].published_at)).toISOString()).toBe('2019-01-01T00:00:00.000Z');
    expect(pages[2].published_at).toBeNull();
    expect(await countOf('page_revisions')).toBe(3);
  });

  it('keeps every old address as a row pointing at what it became', async () => {
    const legacy = await rows<{ old_path: string; feed: number; target: string }>(
      `select l.old_path, l.feed,
         coalesce('article:' || a.slug, 'page:' || p.slug, 'section:' || s.slug, 'tag:' || t.slug, 'author:' || u.slug) as target
       from legacy_redirects l
       left join articles a on a.id = l.article_id left join pages p on p.id = l.page_id left join sections s on s.id = l.section_id
       left join tags t on t.id = l.tag_id left join users u on u.id = l.author_id
       order by l.old_path`,
    );
    const map = Object.fromEntries(legacy.map((l) => [l.old_path, `${l.target}${l.feed ? ' (feed)' : ''}`]));
    expect(map).toEqual({
      '/?p=301': 'article:night-ferry-returns',
      '/2020/03/night-ferry-returns': 'article:night-ferry-returns',
      '/?p=302': 'article:storm-warning',
      '/2020/03/storm-warning': 'article:storm-warning',
      '/?page_id=401': 'page:about',
      '/?p=401': 'page:about',
      // /about is the page's own new address: no row.
      '/?page_id=402': 'page:team',
      '/?p=402': 'page:team',
      '/about/team': 'page:team',
      // /search is one of this site's own addresses: not kept.
      '/?page_id=403': 'page:search-2',
      '/?p=403': 'page:search-2',
      '/?cat=21': 'section:ferries',
      '/category/ferries': 'section:ferries',
      '/category/ferries/feed': 'section:ferries (feed)',
      // Weather was only ever a second category: it became a tag.
      '/?cat=22': 'tag:weather',
      '/category/weather': 'tag:weather',
      '/category/weather/feed': 'tag:weather (feed)',
      '/?tag=night-crossing': 'tag:night-crossing',
      '/tag/night-crossing': 'tag:night-crossing',
      '/tag/night-crossing/feed': 'tag:night-crossing (feed)',
      '/?author=7': 'author:maren-quist',
      '/author/maren': 'author:maren-quist',
      '/author/maren/feed': 'author:maren-quist (feed)',
    });
  });

  it('never fetches a file twice: a re-run finds everything at home and changes nothing', async () => {
    const before = await Promise.all(['articles', 'media', 'imported_media', 'pages', 'page_revisions', 'legacy_redirects', 'revisions'].map(countOf));
    const again = await m.wxr.importWxrFile(file, { media: FAST });
    expect(requests.get('/wp-content/uploads/2020/03/ferry.jpg')).toBe(1);
    expect(requests.get('/wp-content/uploads/2019/11/harbour-map.png')).toBe(1);
    expect(again.media).toMatchObject({ broughtHome: 0, alreadyHome: 2, failed: 4 });
    expect(again.posts).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.pages).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await Promise.all(['articles', 'media', 'imported_media', 'pages', 'page_revisions', 'legacy_redirects', 'revisions'].map(countOf))).toEqual(before);
  });

  it('reads files from --media-dir instead of the network, and refuses paths that leave it', async () => {
    const dir = join(testDb.dir, 'uploads-copy');
    mkdirSync(join(dir, '2020', '03'), { recursive: true });
    mkdirSync(join(dir, '2019', '11'), { recursive: true });
    writeFileSync(join(dir, '2020', '03', 'ferry.jpg'), jpeg);
    writeFileSync(join(dir, '2019', '11', 'harbour-map.png'), png);
    const offline = fixture('offline', 'https://offline.example.org', 'offline.example.org');
    const served = [...requests.values()].reduce((a, b) => a + b, 0);
    const report = await m.wxr.importWxrFile(offline, { media: { ...FAST, dir } });
    expect(report.media).toMatchObject({ broughtHome: 2, alreadyHome: 0 });
    const reasons = Object.fromEntries(report.media.failures.map((f) => [new URL(f.url).pathname, f.reason]));
    expect(reasons['/wp-content/uploads/2020/03/gone.jpg']).toBe('not in the media folder');
    // Nothing came from the local server.
    expect([...requests.values()].reduce((a, b) => a + b, 0)).toBe(served);
    const [ferry] = await rows<{ body: string; cover_image_path: string }>(`select body, cover_image_path from articles where slug = 'night-ferry-returns-2'`);
    expect(ferry.body).toContain(`<img src="/media/${ferry.cover_image_path}"`);

    const { mediaDirPath, MediaFetchError } = await import('@/lib/import/media');
    expect(mediaDirPath(dir, 'https://x.example/wp-content/uploads/2020/03/ferry.jpg')).toBe(join(dir, '2020', '03', 'ferry.jpg'));
    expect(mediaDirPath(dir, 'https://x.example/images/ferry.jpg')).toBeNull();
    expect(() => mediaDirPath(dir, 'https://x.example/wp-content/uploads/..%2F..%2F..%2Fetc%2Fpasswd')).toThrow(MediaFetchError);
    expect(() => mediaDirPath(dir, 'https://x.example/wp-content/uploads/..%2Fuploads-copy-evil%2Fa.jpg')).toThrow('the path leaves the media folder');
  });
});

describe('stopping and going on', () => {
  it('stops between posts when asked, and a re-run finishes with nothing duplicated', async () => {
    const { wxrFixture } = await import('@/lib/import/wxr-fixture');
    const file = join(testDb.dir, 'generated.xml');
    writeFileSync(file, [...wxrFixture({ posts: 30, comments: 200, site: 'https://resume.example.org' })].join(''));
    const mapped = async () =>
      Number((await rows<{ n: number }>(`select count(*) as n from wxr_imports where site = 'resume.example.org' and kind = 'post'`))[0].n);
    const replyCount = async () =>
      Number(
        (
          await rows<{ n: number }>(
            `select count(*) as n from replies r join wxr_imports w on w.local_id = r.article_id and w.kind = 'post' and w.site = 'resume.example.org'`,
          )
        )[0].n,
      );

    const stop = new AbortController();
    const partial = await m.wxr.importWxrFile(file, { media: false, signal: stop.signal, onProgress: (done) => done === 12 && stop.abort() });
    expect(partial.stopped).toEqual({ done: 12, total: 30 });
    expect(await mapped()).toBe(12);
    // Archive addresses wait for the whole run.
    expect(partial.redirects).toBe(24);

    const rest = await m.wxr.importWxrFile(file, { media: false });
    expect(rest.stopped).toBeNull();
    expect(rest.posts).toEqual({ created: 18, updated: 0, unchanged: 12 });
    expect(await mapped()).toBe(30);
    const replies = await replyCount();
    expect(replies).toBe(partial.comments.created + rest.comments.created);

    // The same again: nothing new, nothing duplicated.
    const third = await m.wxr.importWxrFile(file, { media: false });
    expect(third.posts).toEqual({ created: 0, updated: 0, unchanged: 30 });
    expect(third.comments).toEqual({ created: 0, updated: 0 });
    expect(await replyCount()).toBe(replies);
  });
});
