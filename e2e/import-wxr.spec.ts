import { spawnSync } from 'node:child_process';
import { ArticlePage } from './support/article-page';
import { queryRows } from './support/db';
import { expect, test } from './support/fixtures';
import { E2E_DATABASE_URL, ROOT, SERVER_URL } from './support/paths';

const FIXTURE = 'e2e/fixtures/wxr/harbour-gazette.xml';
const BROKEN = 'e2e/fixtures/wxr/broken.xml';
const SLUG = 'lamplighters-strike-ends';

/** Runs the WordPress importer against the running test server's database, as an editor would. */
function runImporter(file: string) {
  const result = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/import-wxr.ts', file], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL, SERVER_URL },
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

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
    expect(run.stdout).toMatch(/posts: +0 new, 10 updated/);
    expect(run.stdout).toMatch(/comments: +0 new, \d+ updated/);
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
});
