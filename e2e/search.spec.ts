import { queryRows } from './support/db';
import { requestAs } from './support/actions';
import { expireTagsOnServer } from './support/internal-api';
import { publishArticle, unpublishArticle } from './support/newsroom';
import { queryLog, requestQueriesSince } from './support/query-log';
import { expect, test } from './support/fixtures';
import { SearchPage } from './support/search-page';
import { uniq } from './support/unique';

/** Published demo articles whose headline holds `word`, as the database has them now. */
async function publishedWithHeadline(word: string) {
  return queryRows<{ slug: string; title: string }>(`select slug, title from articles where status = 'published' and published_at <= ? and title like ?`, [
    Date.now(),
    `%${word}%`,
  ]);
}

/** The tag of every cached search (lib/cache-tags.ts). */
const SEARCH_TAG = 'search';

// Published test articles are dated long ago, so they sit at the far end of every list other specs read.
const LONG_AGO = Date.parse('2001-03-01T12:00:00Z');

/** An article written straight into the database (the index's triggers see every write, whoever makes it). */
async function insertArticle(status: string, title: string, body: string, publishedAt: number | null) {
  await queryRows(`insert into articles (slug, title, body, status, published_at) values (?, ?, ?, ?, ?)`, [
    `search-${uniq()}`,
    title,
    body,
    status,
    publishedAt,
  ]);
}

test.describe('search', () => {
  test('the header box finds a demo article by a word of it, with the word highlighted', async ({ newReader }) => {
    const expected = await publishedWithHeadline('Ropewalk');
    expect(expected.length, 'the demo has an article about the Ropewalk').toBeGreaterThan(0);

    for (const javaScript of [true, false]) {
      const { page } = await newReader({ javaScript });
      const search = new SearchPage(page);
      await page.goto('/');
      await search.searchFromHeader('ropewalk');
      expect(new URL(page.url()).searchParams.get('q')).toBe('ropewalk');
      await expect(search.someResults).toBeVisible();
      for (const { slug } of expected) await expect(search.results.locator(`a[href="/articles/${slug}"]`)).toHaveCount(1);
      await expect(search.marks.first()).toHaveText(/^ropewalk$/i);
      // Every result shows the word it matched.
      const results = await search.resultHeadlineLinks.count();
      expect(results).toBeGreaterThan(0);
      await expect(search.results.getByRole('listitem').filter({ has: page.locator('mark') })).toHaveCount(results);
    }
  });

  test('drafts, scheduled and unpublished articles are never found; published ones are', async ({ page }) => {
    const word = `zq${uniq()}`;
    await insertArticle('draft', `Draft about ${word}`, `Secret ${word} plans`, null);
    await insertArticle('scheduled', `Scheduled about ${word}`, 'Later.', Date.now() + 86_400_000);
    await insertArticle('published', `Future-dated about ${word}`, 'Not yet.', Date.now() + 86_400_000);
    await insertArticle('unpublished', `Withdrawn about ${word}`, 'Gone.', LONG_AGO);
    const search = new SearchPage(page);
    const response = await search.goto(word);
    expect(response?.status()).toBe(200);
    await expect(search.noResults).toHaveText(`No results for “${word}”.`);
    await expect(page.getByText(/Draft about|Scheduled about|Future-dated|Withdrawn about/)).toHaveCount(0);

    // The same kind of write, published, is found: the draft was left out, not missed. Written straight into
    // the database, so the server is told, as the app's own writes do (cached searches carry the tag).
    await insertArticle('published', `Published about ${word}`, `Open ${word} plans`, LONG_AGO);
    await expireTagsOnServer([SEARCH_TAG]);
    await search.goto(word);
    await expect(search.resultHeadlineLinks).toHaveCount(1);
    await expect(search.resultHeadlineLinks).toHaveText(`Published about ${word}`);
  });

  test('any input gives a page, never an error', async ({ page, request }) => {
    const nasty = [
      '"',
      '"unbalanced',
      'AND',
      'OR NOT',
      'harbour AND NOT',
      '*',
      'ferry*',
      '-',
      '((((',
      ')) OR 1=1 --',
      'NEAR(a b, 2)',
      'title:ferry',
      '🚢🎉',
      '<script>alert(1)</script>',
      'x'.repeat(10_000),
      '\u0000\u0002',
    ];
    const search = new SearchPage(page);
    for (const q of nasty) {
      const response = await request.get(`/search?${new URLSearchParams({ q })}`);
      expect(response.status(), JSON.stringify(q.slice(0, 40))).toBe(200);
    }
    for (const q of ['"', '🚢🎉', ')) OR 1=1 --', '<script>alert(1)</script>']) {
      await search.goto(q);
      await expect(search.noResults.or(search.someResults)).toBeVisible();
    }
    await search.goto('🚢🎉');
    await expect(search.noResults).toHaveText('No results for “🚢🎉”.');
    // Filters that make no sense are dropped, not refused.
    const odd = await search.goto('ferry', { section: '../../etc', from: 'yesterday', to: '2024-02-31', page: 'x' });
    expect(odd?.status()).toBe(200);
    await expect(search.someResults).toBeVisible();
  });

  test('filters by section and pages through results', async ({ page }) => {
    const word = `zr${uniq()}`;
    const [section] = await queryRows<{ id: number; slug: string }>(`select id, slug from sections order by position limit 1`);
    for (let i = 0; i < 23; i++) {
      await queryRows(`insert into articles (slug, title, body, status, published_at, section_id) values (?, ?, ?, 'published', ?, ?)`, [
        `search-${uniq()}`,
        `Item ${i} ${word}`,
        'Body.',
        LONG_AGO - i * 60_000,
        i === 0 ? section.id : null,
      ]);
    }
    const search = new SearchPage(page);
    await search.goto(word);
    await expect(search.resultHeadlineLinks).toHaveCount(20);
    await page.getByRole('navigation', { name: 'Result pages' }).getByRole('link', { name: /Next/ }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(search.resultHeadlineLinks).toHaveCount(3);

    await search.goto(word, { section: section.slug });
    await expect(search.resultHeadlineLinks).toHaveCount(1);
    await expect(search.resultHeadlineLinks).toHaveText(`Item 0 ${word}`);
    await search.goto(word, { from: '2001-03-01', to: '2001-03-01' });
    await expect(search.resultHeadlineLinks).toHaveCount(20);
    await search.goto(word, { from: '2000-01-01', to: '2000-12-31' });
    await expect(search.noResults).toHaveText(`No results for “${word}” with these filters.`);
  });

  test('a repeated search is served from the cache: it runs no query', async ({ request }) => {
    const url = `/search?${new URLSearchParams({ q: 'ropewalk' })}`;
    const first = await request.get(url);
    expect(first.status()).toBe(200);
    expect(await first.text()).toContain('<mark');
    // Other tests publish meanwhile (each publish expires every cached search): a few tries at most.
    const attempts: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const before = queryLog().length;
      // The same search, written differently: one normalised key, one cache entry.
      const response = await request.get(attempt % 2 ? url : '/search?q=%20ropewalk%20&page=1');
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain('<mark');
      await new Promise((resolve) => setTimeout(resolve, 100));
      attempts.push(requestQueriesSince(before).length);
      if (attempts.at(-1) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(attempts.at(-1), `queries on repeat searches: ${attempts.join(', ')}`).toBe(0);
  });

  test('a cached search shows an article published after it, and drops it when unpublished', async ({ browser, page }) => {
    test.setTimeout(90_000);
    const word = `zp${uniq()}`;
    const search = new SearchPage(page);
    // Asked twice: the answer "nothing" is in the cache now.
    for (let i = 0; i < 2; i++) {
      await search.goto(word);
      await expect(search.noResults).toHaveText(`No results for “${word}”.`);
    }
    const editor = await requestAs(browser, 'editor');
    const story = { title: `Ferry crews strike ${word}`, body: `The ${word} crews walked out at dawn.` };
    const { id, slug } = await publishArticle(editor, story);
    await search.goto(word);
    await expect(search.resultHeadlineLinks).toHaveText(story.title);
    await expect(search.results.locator(`a[href="/articles/${slug}"]`)).toHaveCount(1);

    await unpublishArticle(editor, id, story);
    await search.goto(word);
    await expect(search.noResults).toHaveText(`No results for “${word}”.`);
  });
});
