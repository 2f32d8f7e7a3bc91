import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ArticlePage } from './support/article-page';
import { queryRows } from './support/db';
import { expect, test } from './support/fixtures';
import { runImport } from './support/importers';
import { ROOT } from './support/paths';
import { SitePages } from './support/site-pages';
import { uniq } from './support/unique';

const FIXTURE = 'e2e/fixtures/seed-article.txt';
const SLUG = 'no-phone-calls-between-trump-and-putin-the-kremlin-denies-it';

/** Runs the plain-text importer against the running test server, as an editor would. */
const runImporter = (file: string) => runImport('import.ts', [file], 60_000);

/** The fixture as a reader would see it: the first line is the headline, each further non-blank line a paragraph. */
function expectedArticle() {
  const lines = readFileSync(path.join(ROOT, FIXTURE), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim()) // String#trim and \s cover the no-break spaces in the file
    .filter(Boolean);
  const [headline, ...rest] = lines;
  const paragraphs = rest.filter((line) => line !== 'By Editor' && line !== 'Leave a Reply');
  return { headline, paragraphs };
}

/** Articles the importer has stored (it records an "Imported from plain text" revision), other than the fixture's. */
async function importedArticleCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    `select count(distinct a.id) as n from articles a join revisions r on r.article_id = a.id
      where r.meta like '%Imported from plain text%' and a.slug not like ?`,
    [`${SLUG}%`],
  );
  return Number(row.n);
}

test.describe('plain-text import', () => {
  test.describe.configure({ timeout: 90_000 });

  test('an imported article is published at once, with its byline and the reply form', async ({ page }) => {
    const expected = expectedArticle();
    expect(expected.headline).toBe('No phone calls between Trump and Putin. The Kremlin denies it');
    expect(expected.paragraphs).toHaveLength(5);

    const run = runImporter(FIXTURE);
    expect(run.error, 'the importer could be started').toBeUndefined();
    expect(run.status, `importer output:\n${run.stdout}\n${run.stderr}`).toBe(0);
    // The slug comes from the title (a re-run in the same database would get "-2").
    const slug = /published \/articles\/([a-z0-9-]+)/.exec(run.stdout)?.[1];
    expect(slug, run.stdout).toMatch(new RegExp(`^${SLUG}(-\\d+)?$`));

    const stored = await queryRows(
      `select a.id from articles a join revisions r on r.article_id = a.id where a.slug = ? and a.status = 'published' and r.meta like '%Imported from plain text%'`,
      [slug!],
    );
    expect(stored, 'stored as a published, imported article').toHaveLength(1);

    const article = new ArticlePage(page);
    const response = await article.goto(slug!);
    expect(response?.status()).toBe(200);
    await expect(article.headline).toHaveText(expected.headline);

    const shown = await article.bodyParagraphs();
    const positions = expected.paragraphs.map((p) => shown.findIndex((s) => s.startsWith(p.slice(0, 60))));
    expect(
      positions.every((i) => i >= 0),
      `paragraphs found at ${positions.join(', ')} in:\n${shown.join('\n')}`,
    ).toBe(true);
    expect(positions, 'paragraphs in order').toEqual([...positions].sort((a, b) => a - b));
    // Page chrome in the file is not part of the body.
    expect(shown).not.toContain('Leave a Reply');
    expect(shown).not.toContain('By Editor');

    await expect(article.byline).toHaveText('By Editor');
    await expect(article.byline.getByRole('link', { name: 'Editor', exact: true })).toHaveAttribute('href', '/authors/editor');

    await expect(article.leaveAReply).toBeVisible();
    await expect(article.commentField).toBeVisible();
    await expect(article.nameField).toBeVisible();
    await expect(article.emailField).toBeVisible();
    await expect(article.websiteField).toBeVisible();
    await expect(article.postButton).toBeVisible();

    const site = new SitePages(page);
    // A front-page render already in flight during the import may be cached first; the server
    // revalidates a second time shortly after.
    await expect(async () => {
      await page.goto('/');
      await expect(page.getByRole('main').locator(`a[href="/articles/${slug}"]`).first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    await expect(site.articleLink(expected.headline).first()).toBeVisible();

    await page.goto('/authors/editor');
    await expect(site.h1).toHaveText('Editor');
    await expect(page.getByRole('main').locator(`a[href="/articles/${slug}"]`).first()).toBeVisible();
  });

  test('a bad file is refused with its name and line, and nothing is published', async ({ page }, testInfo) => {
    const before = await importedArticleCount();

    const headline = `A headline for a broken file ${uniq()}`;
    const withNul = testInfo.outputPath('control-character.txt');
    writeFileSync(withNul, `${headline}\n\nA paragraph with a \u0000 in it.\n\nBy Editor\n`);
    const blank = testInfo.outputPath('blank.txt');
    writeFileSync(blank, ' \n\u00a0\n\t\n');

    for (const [file, line] of [
      [withNul, 3],
      [blank, 1],
    ] as const) {
      const run = runImporter(file);
      expect(run.error, 'the importer could be started').toBeUndefined();
      expect(run.status, `exit status for ${path.basename(file)}:\n${run.stdout}\n${run.stderr}`).not.toBe(0);
      const message = run.stderr;
      expect(message, 'names the file').toContain(file);
      expect(message, 'names the line').toMatch(new RegExp(`(:${line}\\b|line ${line}\\b)`));
      expect(run.stdout).not.toMatch(/published \/articles\//);
    }

    expect(await importedArticleCount(), 'no article was stored').toBe(before);
    expect(await queryRows(`select id from articles where title = ?`, [headline])).toEqual([]);
    const response = await page.goto(`/articles/${headline.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
    expect(response?.status()).toBe(404);
    await page.goto('/');
    await expect(page.getByText(headline)).toHaveCount(0);
  });
});
