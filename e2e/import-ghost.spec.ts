import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ArticlePage } from './support/article-page';
import { expect, test } from './support/fixtures';
import { runImportAsync } from './support/importers';

const FIXTURE = 'e2e/fixtures/ghost/harbour-gazette.json';

/** Runs the Ghost importer against the running test server's database; this process serves the old site's images meanwhile. */
const runGhostImporter = (...args: string[]) => runImportAsync('import-ghost.ts', args);

test.describe('Ghost import', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let server: Server;
  let oldSite = '';

  test.beforeAll(async () => {
    const jpeg = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#35627a' } })
      .jpeg()
      .toBuffer();
    // The old Ghost site's images; lamp.jpg is gone.
    server = createServer((req, res) => {
      if (req.url?.startsWith('/content/images/') && !req.url.endsWith('/lamp.jpg')) res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
      else res.writeHead(404).end();
    });
    await new Promise<void>((go) => server.listen(0, '127.0.0.1', go));
    oldSite = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  test('posts, pages, bylines, covers and images arrive, rendered with Ghost’s own renderers', async ({ page }) => {
    const run = await runGhostImporter(FIXTURE, '--site-url', oldSite);
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/posts: +4 new/);
    expect(run.stdout).toMatch(/pages: +1 new/);
    expect(run.stdout).toMatch(/media: +4 brought home, 0 already home, 1 failed/);
    expect(run.stdout).toContain(`${oldSite}/content/images/2019/03/lamp.jpg: the server answered 404`);
    expect(run.stdout).toMatch(/Cards left out:\n +1 × unknown-widget card/);
    expect(run.stderr).toMatch(/\[ghost\] 6\/6 items/);

    const article = new ArticlePage(page);
    expect((await article.goto('north-quay-reopens'))?.status()).toBe(200);
    await expect(article.headline).toHaveText('North quay reopens after three years');
    await expect(article.byline).toContainText('Mira Ødegård');
    await expect(article.byline).toContainText('Tom Quill');
    await expect(article.coverCaption.first()).toHaveText('The first ferry in.');
    const body = article.story.locator('.prose');
    await expect(body.getByRole('heading', { name: 'What changes for the ferries' })).toBeVisible();
    const photo = body.getByRole('img', { name: 'The rebuilt north quay at dawn' });
    await expect(photo).toHaveAttribute('src', /^\/media\//);
    await expect.poll(() => photo.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(800);
    await expect(body.locator('figure.wp-block-gallery img')).toHaveCount(2);
    await expect(body.getByRole('link', { name: 'Minutes of the harbour board' })).toHaveAttribute('href', 'https://harbour.example/minutes');
    const html = await body.innerHTML();
    expect(html).not.toMatch(/<script|javascript:|__GHOST_URL__|<iframe/);

    // The mobiledoc post, and its image that could not be fetched, which keeps its old address.
    expect((await article.goto('lamplighters-return'))?.status()).toBe(200);
    await expect(article.story.locator('.prose em', { hasText: 'returned' })).toBeVisible();
    await expect(article.story.getByRole('img', { name: 'A lamplighter at work' })).toHaveAttribute('src', `${oldSite}/content/images/2019/03/lamp.jpg`);

    // The page is a page, at the site root.
    const about = await page.goto('/about-the-gazette');
    expect(about?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the Gazette');
    await expect(page.getByText('We have covered the harbour since 1887.')).toBeVisible();
    // A draft stays a draft.
    expect((await page.goto('/articles/unfinished-draft'))?.status()).toBe(404);
  });

  test('Ghost’s old addresses answer 301', async ({ request }) => {
    const moved = async (path: string) => {
      const res = await request.get(path, { maxRedirects: 0 });
      return `${res.status()} ${res.headers()['location'] ?? ''}`;
    };
    expect(await moved('/north-quay-reopens/')).toBe('301 /articles/north-quay-reopens');
    expect(await moved('/north-quay-reopens/amp/')).toBe('301 /articles/north-quay-reopens');
    expect(await moved('/tag/harbour/')).toBe('301 /tags/harbour');
    expect(await moved('/tag/harbour/rss/')).toBe('301 /tags/harbour/feed.xml');
    expect(await moved('/author/mira/')).toBe('301 /authors/mira');
    // An old image address leads to the copy brought home.
    expect(await moved('/content/images/2024/05/quay.jpg')).toMatch(/^301 \/media\/\d{4}\/\d{2}\/[\w-]+\.webp$/);
  });

  test('running it again changes nothing; a file that is not a Ghost export is refused', async () => {
    const again = await runGhostImporter(FIXTURE, '--site-url', oldSite);
    expect(again.status, `${again.stdout}\n${again.stderr}`).toBe(0);
    expect(again.stdout).toMatch(/posts: +0 new, 0 updated, 4 unchanged/);
    expect(again.stdout).toMatch(/media: +0 brought home, 4 already home, 1 failed/);

    const dir = mkdtempSync(join(tmpdir(), 'broadsheet-e2e-ghost-'));
    try {
      const bad = join(dir, 'not-ghost.json');
      writeFileSync(bad, '{"posts": [');
      const refused = await runGhostImporter(bad);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/not-ghost\.json: not (valid JSON|a Ghost export)/);
      expect(refused.stderr).toContain('Nothing was imported.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
