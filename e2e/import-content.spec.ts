import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ArticlePage } from './support/article-page';
import { expect, test } from './support/fixtures';
import { runImport } from './support/importers';
import { ROOT } from './support/paths';

// WordPress content as WordPress renders it: a classic post (wpautop, [caption], an unknown shortcode) and
// a block-editor post (gallery, cover, columns, buttons, pullquote, table, embed), imported from
// e2e/fixtures/wxr/theme-test.xml with its images served by a local HTTP server.

const FIXTURE = 'e2e/fixtures/wxr/theme-test.xml';
const CLASSIC = 'harbour-board-report';
const BLOCKS = 'summer-on-the-quay';
// Set SHOTS_DIR to keep screenshots of both posts at 1280 and 360 px.
const SHOTS_DIR = process.env.SHOTS_DIR;

const PICTURES: Record<string, [string, string]> = {
  'pier.jpg': ['#1e3a5f', '#e0a458'],
  'boats.jpg': ['#0f4c5c', '#5f9ea0'],
  'market.jpg': ['#7a3b2e', '#e9c46a'],
  'lighthouse.jpg': ['#264653', '#f4a261'],
  'sunset.jpg': ['#3d1e6d', '#f08a5d'],
};

/** A small real JPEG: a sky-to-sea gradient with a horizon, so the pages look like they hold photographs. */
function picture([top, bottom]: [string, string]): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="640"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="960" height="640" fill="url(#g)"/><rect y="420" width="960" height="220" fill="#000" opacity="0.25"/><circle cx="700" cy="300" r="70" fill="#fff" opacity="0.35"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

const runImporter = (file: string) => runImport('import-wxr.ts', [file]);

test.describe('WordPress content rendered faithfully', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });

  let images: Server;
  let dir: string;

  test.beforeAll(async () => {
    const files = new Map(await Promise.all(Object.entries(PICTURES).map(async ([name, colours]) => [name, await picture(colours)] as const)));
    images = createServer((req, res) => {
      const body = files.get(path.basename(req.url ?? ''));
      if (!body) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': body.length }).end(body);
    });
    await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
    const { port } = images.address() as AddressInfo;
    dir = mkdtempSync(path.join(tmpdir(), 'theme-test-'));
    writeFileSync(
      path.join(dir, 'theme-test.xml'),
      readFileSync(path.join(ROOT, FIXTURE), 'utf8').replaceAll('IMAGES/', `http://127.0.0.1:${port}/wp-content/uploads/2020/`),
    );
    const run = runImporter(path.join(dir, 'theme-test.xml'));
    expect(run.error, 'the importer could be started').toBeUndefined();
    expect(run.status, `importer output:\n${run.stdout}\n${run.stderr}`).toBe(0);
  });

  test.afterAll(async () => {
    await new Promise((resolve) => images?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function shoot(page: ArticlePage['page'], name: string) {
    if (!SHOTS_DIR) return;
    mkdirSync(SHOTS_DIR, { recursive: true });
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => Promise.all([...document.images].map((img) => ((img.loading = 'eager'), img.decode().catch(() => undefined)))));
      await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}.png`), fullPage: true });
    }
  }

  test('a classic post: paragraphs, a table, lists and a definition list without stray breaks, a captioned figure, no shortcode', async ({ page }) => {
    const article = new ArticlePage(page);
    expect((await article.goto(CLASSIC))?.status()).toBe(200);
    await expect(article.headline).toHaveText('Markup: the harbour board’s annual report');
    const body = article.story.locator('.prose');

    // The table keeps its header, and no <br> sits between its rows and cells (nor in lists).
    const table = body.locator('table');
    await expect(table.locator('thead th')).toHaveText(['Quarter', '2019', '2020']);
    await expect(table.locator('tbody tr')).toHaveCount(2);
    expect(await table.innerHTML()).not.toMatch(/<br/i);
    for (const list of await body.locator('ul, ol, dl').all()) expect(await list.innerHTML()).not.toMatch(/<br/i);
    // No break right after a heading, and nothing but the table between the heading and the text after it.
    expect(await body.innerHTML()).not.toMatch(/<\/h\d>\s*<br|<br[^>]*>\s*<(?:table|ul|ol|dl|h\d)/i);

    // The definition list keeps its terms and definitions.
    await expect(body.locator('dl > dt')).toHaveText(['Tonnage', 'Berth']);
    await expect(body.locator('dl > dd')).toHaveText(['The weight of cargo handled, loaded and unloaded.', 'A place where a ship is moored.']);
    await expect(body.locator('ul > li')).toHaveCount(4);
    await expect(body.getByRole('heading', { name: 'Notes', level: 5 })).toBeVisible();

    // [caption] is a figure with its caption.
    const figure = body.locator('figure', { has: page.getByRole('img', { name: 'The new pier at dawn' }) });
    await expect(figure.locator('figcaption')).toHaveText('The new pier opened in June.');
    await expect(figure.getByRole('img')).toHaveJSProperty('complete', true);

    // <pre> keeps its text exactly; inline markup the allow-list now keeps.
    expect(await body.locator('pre').textContent()).toBe('tide  height\n  06:12   4.1 m\n\n  18:40   3.9 m');
    await expect(body.locator('abbr[title="Harbour Board"]')).toHaveText('HB');
    await expect(body.locator('mark')).toHaveText('surplus');
    await expect(body.locator('kbd')).toHaveText(['Ctrl', 'P']);
    await expect(body.locator('address')).toHaveText('Harbour Board, 1 Quay Street');

    // No shortcode is left in the text.
    await expect(body).not.toContainText('[');
    await shoot(page, 'classic-post');
  });

  test('a block post: gallery, cover, columns, pullquote, table, embed link and buttons', async ({ page }) => {
    const article = new ArticlePage(page);
    expect((await article.goto(BLOCKS))?.status()).toBe(200);
    const body = article.story.locator('.prose');

    const gallery = body.locator('figure.wp-block-gallery');
    await expect(gallery.getByRole('img')).toHaveCount(3);
    await expect(gallery.getByRole('img', { name: 'Boats moored three deep' })).toBeVisible();
    await expect(gallery.locator(':scope > figcaption')).toHaveText('The quay from June to August');
    // Three across on a wide screen.
    const [first, second] = await gallery.getByRole('img').evaluateAll((imgs) => imgs.slice(0, 2).map((i) => i.getBoundingClientRect().top));
    expect(Math.abs(first - second)).toBeLessThan(2);

    const cover = body.locator('.wp-block-cover');
    await expect(cover).toContainText('Sunset over the harbour wall');
    await expect(cover.locator('img')).toHaveJSProperty('complete', true);
    await expect(cover.locator('p')).toHaveCSS('color', 'rgb(255, 255, 255)');

    await expect(body.locator('.wp-block-columns > .wp-block-column')).toHaveCount(2);
    await expect(body.getByRole('heading', { name: 'Ferries', level: 3 })).toBeVisible();
    await expect(body.locator('.wp-block-pullquote blockquote')).toContainText('You could walk across the harbour on the decks.');
    await expect(body.locator('.wp-block-pullquote cite')).toHaveText('A harbour master');
    await expect(body.locator('.wp-block-table figcaption')).toHaveText('Ferry sailings, summer 2020');
    await expect(body.locator('.wp-block-table tbody tr')).toHaveCount(3);

    // The embed is a plain link: nothing is fetched from the video site.
    const embed = body.locator('figure.wp-block-embed');
    await expect(embed.getByRole('link', { name: 'https://www.youtube.com/watch?v=harbour2020' })).toHaveAttribute(
      'href',
      'https://www.youtube.com/watch?v=harbour2020',
    );
    await expect(embed.locator('figcaption')).toHaveText('The summer in two minutes');
    await expect(body.locator('iframe')).toHaveCount(0);

    await expect(body.getByRole('link', { name: 'See the winter timetable' })).toHaveClass('wp-block-button__link');
    expect(await body.innerHTML()).not.toMatch(/wp:|<!--|style=/);
    await shoot(page, 'block-post');
  });
});
