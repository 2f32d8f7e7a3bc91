import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ArticlePage } from './support/article-page';
import { queryRows } from './support/db';
import { expect, test } from './support/fixtures';
import { runImport, runImportAsync } from './support/importers';
import { E2E_DATABASE_URL, ROOT, SERVER_URL } from './support/paths';

const FIXTURE = 'e2e/fixtures/wxr/harbour-gazette.xml';
const BROKEN = 'e2e/fixtures/wxr/broken.xml';
const MEDIA_SITE = 'e2e/fixtures/wxr/media-site.xml';
const SLUG = 'lamplighters-strike-ends';

/** Runs the WordPress importer against the running test server's database, as an editor would. */
const runImporter = (file: string, ...args: string[]) => runImport('import-wxr.ts', [file, ...args]);
const runImporterAsync = (file: string, ...args: string[]) => runImportAsync('import-wxr.ts', [file, ...args]);

test.describe('WordPress import', () => {
  // One import, checked in order: the second run depends on the first.
  test.describe.configure({ mode: 'serial', timeout: 120_000 });

  test('a post arrives with its threaded comments, and its old permalink answers 301', async ({ page, request }) => {
    const run = runImporter(FIXTURE);
    expect(run.error, 'the importer could be started').toBeUndefined();
    expect(run.status, `importer output:\n${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/posts: +10 new, 0 updated|posts: +0 new, 10 updated/);
    expect(run.stderr, 'progress on stderr').toMatch(/\[wxr\] 13\/13 items/);
    expect(run.stdout).toContain('Told the server');

    const article = new ArticlePage(page);
    expect((await article.goto(SLUG))?.status()).toBe(200);
    await expect(article.headline).toHaveText('Lamplighters’ strike ends & the quay is lit again 🏮');
    await expect(article.story.locator('strong', { hasText: 'lamplighters' })).toBeVisible();
    // The sanitizer ran: no script, no handler, no javascript: link; the [caption] is a figure with its caption.
    const html = await article.story.locator('.prose').innerHTML();
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:/);
    await expect(article.story.locator('figure', { has: page.getByRole('img', { name: 'A lit lamp' }) }).locator('figcaption')).toHaveText(
      'The first lamp lit',
    );
    await expect(article.story.getByText(/\[caption/)).toHaveCount(0);
    await expect(article.byline).toHaveText('By Nell Harrow');

    // Approved comments only, threaded three deep.
    const ada = article.commentBy('Ada Quayside');
    await expect(ada).toContainText('About time! Well done & thanks.');
    const bram = article.repliesTo(ada);
    await expect(bram).toHaveCount(1);
    await expect(bram).toHaveAccessibleName('Comment by Bram Ropewalk');
    await expect(article.repliesTo(bram)).toHaveAccessibleName('Comment by Third Level');
    await expect(article.commentBy('Waiting Reader')).toHaveCount(0);
    await expect(article.commentBy('Cheap Pills')).toHaveCount(0);
    await expect(article.commentBy('Binned')).toHaveCount(0);

    for (const old of ['/2019/05/lamplighters-strike-ends/', '/2019/05/lamplighters-strike-ends']) {
      const response = await request.get(old, { maxRedirects: 0 });
      expect(response.status(), old).toBe(301);
      expect(new URL(response.headers().location, SERVER_URL).pathname).toBe(`/articles/${SLUG}`);
    }
    const cafe = await request.get('/2019/06/z%C3%BCrich-cafe/', { maxRedirects: 0 });
    expect(cafe.status()).toBe(301);
    expect(new URL(cafe.headers().location, SERVER_URL).pathname).toBe('/articles/zurich-cafe');
    // A private post is not public: its old address does not give it away.
    expect((await request.get('/2019/09/members-only', { maxRedirects: 0 })).status()).toBe(404);
    // Any other address with a trailing slash still loses it, as Next does by default.
    const slashed = await request.get('/sections/news/', { maxRedirects: 0 });
    expect(slashed.status()).toBe(308);
    expect(new URL(slashed.headers().location, SERVER_URL).pathname).toBe('/sections/news');
    // The duplicate slug got a suffix.
    expect((await page.goto('/articles/tide-tables-2'))?.status()).toBe(200);
    await expect(page.getByText('The August tides.')).toBeVisible();
  });

  test('running the same file again updates and duplicates nothing', async () => {
    const [{ n: before }] = await queryRows<{ n: number }>(`select count(*) as n from articles where slug like 'tide-tables%'`);
    const run = runImporter(FIXTURE);
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    // Nothing changed since the first run: every post is found again and left as it is.
    expect(run.stdout).toMatch(/posts: +0 new, 0 updated, 10 unchanged/);
    expect(run.stdout).toMatch(/comments: +0 new, 0 updated/);
    const [{ n: after }] = await queryRows<{ n: number }>(`select count(*) as n from articles where slug like 'tide-tables%'`);
    expect(Number(after)).toBe(Number(before));
    expect(Number(after)).toBe(2);
  });

  test('a broken file is refused with its line, and nothing of it is stored', async ({ page }) => {
    const run = runImporter(BROKEN);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.xml:16:\d+: /);
    expect(run.stderr).toContain('Nothing was imported.');
    expect(await queryRows(`select id from articles where slug = 'this-post-is-fine'`)).toEqual([]);
    expect((await page.goto('/articles/this-post-is-fine'))?.status()).toBe(404);
  });

  test('images come home from the old site, a featured image becomes the cover, and pages arrive', async ({ page, request }) => {
    const jpeg = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#2a5d8f' } })
      .jpeg()
      .toBuffer();
    const fetched: string[] = [];
    const server = createServer((req, res) => {
      fetched.push(req.url ?? '');
      if (req.url === '/wp-content/uploads/2020/03/ferry.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
      else res.writeHead(404).end();
    });
    await new Promise<void>((go) => server.listen(0, '127.0.0.1', go));
    const dir = mkdtempSync(join(tmpdir(), 'broadsheet-e2e-wxr-'));
    try {
      const old = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const file = join(dir, 'media-site.xml');
      // /slow.jpg answers 404 here: the spec checks what comes home, the unit tests the time limit.
      writeFileSync(file, readFileSync(MEDIA_SITE, 'utf8').replaceAll('{{MEDIA}}', old));
      const run = await runImporterAsync(file);
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      // ferry.jpg; the harbour map is not on this server.
      expect(run.stdout).toMatch(/media: +1 brought home, 0 already home, 5 failed/);
      expect(run.stdout).toMatch(/covers set: 1/);
      expect(run.stdout).toContain(`${old}/wp-content/uploads/2020/03/gone.jpg: the server answered 404`);
      expect(run.stdout).toMatch(/pages: +3 new/);
      expect(fetched.filter((u) => u === '/wp-content/uploads/2020/03/ferry.jpg')).toHaveLength(1);

      const article = new ArticlePage(page);
      expect((await article.goto('night-ferry-returns'))?.status()).toBe(200);
      const img = article.story.getByRole('img', { name: 'The ferry at dusk' });
      await expect(img).toHaveAttribute('src', /^\/media\/\d{4}\/\d{2}\/[\w-]+\.webp$/);
      const src = (await img.getAttribute('src'))!;
      const served = await request.get(src);
      expect(served.status()).toBe(200);
      expect(served.headers()['content-type']).toBe('image/webp');
      // It loads in the browser: the old host is not asked again.
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(640);
      // The image that could not be fetched keeps its old address.
      await expect(article.story.getByRole('img', { name: 'A photo the old site lost' })).toHaveAttribute('src', `${old}/wp-content/uploads/2020/03/gone.jpg`);
      const [cover] = await queryRows<{ cover_image_path: string; cover_alt: string; cover_caption: string }>(
        `select cover_image_path, cover_alt, cover_caption from articles where slug = 'night-ferry-returns'`,
      );
      expect(`/media/${cover.cover_image_path}`).toBe(src);
      expect(cover.cover_alt).toBe('The ferry Quay Queen leaving the harbour');
      await expect(article.coverCaption).toContainText('The Quay Queen at dusk. Photo: M. Quist');

      // Pages: the route that serves them is the pages work's; here, what the import stored.
      const pages = await queryRows<{ slug: string; status: string; body: string }>(
        `select slug, status, body from pages where slug in ('about-2', 'team', 'search-2') order by id`,
      );
      // The demo content has an About page already: the imported one takes the next free address.
      expect(pages.map((p) => `${p.slug}:${p.status}`)).toEqual(['about-2:published', 'team:published', 'search-2:draft']);
      expect(pages[0].body).toContain(`<img src="${src}" alt="Our ferry"`);
      const legacy = await queryRows<{ old_path: string }>(
        `select old_path from legacy_redirects where old_path in ('/?p=301', '/?page_id=401', '/about/team', '/category/ferries/feed') order by old_path`,
      );
      expect(legacy.map((l) => l.old_path)).toEqual(['/?p=301', '/?page_id=401', '/about/team', '/category/ferries/feed']);

      // Readers find the imported pages at the site root, and their old addresses lead there.
      expect((await page.goto('/team'))?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our team');
      const moved = await request.get('/about/team/', { maxRedirects: 0 });
      expect(moved.status()).toBe(301);
      expect(moved.headers()['location']).toBe('/team');
      expect((await request.get('/?page_id=402', { maxRedirects: 0 })).headers()['location']).toBe('/team');
    } finally {
      server.closeAllConnections();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Ctrl-C stops after the current post, and the same command finishes the job', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'broadsheet-e2e-wxr-'));
    try {
      const file = join(dir, 'generated.xml');
      const made = spawnSync('npx', ['tsx', 'scripts/fixture-wxr.ts', '--posts', '300', '--comments', '600', '--out', file, '--seed', '5'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(made.status, made.stderr).toBe(0);
      // Node itself (tsx as a loader), so the signal reaches the importer as a terminal's Ctrl-C would.
      const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/import-wxr.ts', file, '--no-media'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL, SERVER_URL },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => {
        stderr += d;
        // Once some posts are in, press Ctrl-C.
        if (/\[wxr\] [1-9]\d*\/300/.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      const code = await new Promise<number | null>((done) => child.on('close', done));
      expect(stdout, stderr).toMatch(/Stopped after (\d+) of 300 items; run the same command again to continue\./);
      expect(code).toBe(130);
      const stoppedAt = Number(/Stopped after (\d+) of/.exec(stdout)![1]);
      expect(stoppedAt).toBeLessThan(300);

      const rest = runImporter(file, '--no-media');
      expect(rest.status, `${rest.stdout}\n${rest.stderr}`).toBe(0);
      const [{ n }] = await queryRows<{ n: number }>(`select count(*) as n from wxr_imports where site = 'big.example.org' and kind = 'post'`);
      expect(Number(n)).toBe(300);
      const [{ dupes }] = await queryRows<{ dupes: number }>(
        `select count(*) as dupes from (select source_id from wxr_imports where site = 'big.example.org' group by kind, source_id having count(*) > 1)`,
      );
      expect(Number(dupes)).toBe(0);
      expect(rest.stdout).toMatch(new RegExp(`posts: +${300 - stoppedAt} new, 0 updated, ${stoppedAt} unchanged`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
