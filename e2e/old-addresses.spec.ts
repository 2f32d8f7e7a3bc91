import type { APIRequestContext } from '@playwright/test';
import { queryRows } from './support/db';
import { DISCUSSION } from './support/demo';
import { newArticle } from './support/discussion';
import { expect, test } from './support/fixtures';
import { reloadRedirectsOnServer } from './support/internal-api';
import { SERVER_URL } from './support/paths';
import { uniq } from './support/unique';

// Issue 17: every old address of a WordPress site answers. The importer writes legacy_redirects rows
// and tells the server to reload its table; here the rows are written straight into the test database
// and the table is reloaded through the same internal route.

/** Where `path` answers a 301 to (path and query), failing on anything else. */
async function movedTo(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), `${path} status`).toBe(301);
  const location = new URL(response.headers().location, SERVER_URL);
  expect(location.origin, `${path} stays on the site`).toBe(new URL(SERVER_URL).origin);
  return location.pathname + location.search;
}

type Target = 'article_id' | 'page_id' | 'section_id' | 'tag_id' | 'author_id';

async function oldAddress(oldPath: string, target: Target, id: number, feed = false) {
  await queryRows(`insert into legacy_redirects (old_path, ${target}, feed) values (?, ?, ?)`, [oldPath, id, feed ? 1 : 0]);
}

test.describe('old addresses', () => {
  test.describe.configure({ mode: 'serial' });

  const n = uniq();
  // WordPress ids are numbers.
  const id = String(1_000_000 + Math.floor(Math.random() * 1_000_000_000));
  let article: { id: number; slug: string };
  let section: { id: number; slug: string };
  let tag: { id: number; slug: string };
  let author: { id: number; slug: string };
  const pageSlug = `about-the-gazette-${n}`;

  test.beforeAll(async () => {
    article = await newArticle('Old address');
    [section] = await queryRows<{ id: number; slug: string }>(`insert into sections (slug, name) values (?, ?) returning id, slug`, [
      `harbour-${n}`,
      `Harbour ${n}`,
    ]);
    [tag] = await queryRows<{ id: number; slug: string }>(`insert into tags (slug, name) values (?, ?) returning id, slug`, [`ferries-${n}`, `Ferries ${n}`]);
    [author] = await queryRows<{ id: number; slug: string }>('select id, slug from users where slug = ?', [DISCUSSION.author.slug]);
    const [page] = await queryRows<{ id: number }>(
      `insert into pages (slug, title, body, status, published_at) values (?, 'About', 'Who we are.', 'published', ?) returning id`,
      [pageSlug, Date.now() - 60_000],
    );

    await oldAddress(`/2019/05/old-story-${n}.html`, 'article_id', article.id);
    await oldAddress(`/?p=${id}`, 'article_id', article.id);
    await oldAddress(`/?page_id=${id}`, 'page_id', page.id);
    await oldAddress(`/?cat=${id}`, 'section_id', section.id);
    await oldAddress(`/?author=${id}`, 'author_id', author.id);
    await oldAddress(`/?tag=färjor-${n}`, 'tag_id', tag.id);
    await oldAddress(`/category/harbour-${n}`, 'section_id', section.id);
    await oldAddress(`/category/harbour-${n}/feed`, 'section_id', section.id, true);
    await oldAddress(`/tag/ferries-${n}`, 'tag_id', tag.id);
    await oldAddress(`/author/priya-${n}`, 'author_id', author.id);
    await oldAddress(`/author/priya-${n}/feed`, 'author_id', author.id, true);
    // An old address that is also a published page's address: the page wins.
    await oldAddress(`/${pageSlug}`, 'article_id', article.id);
    await reloadRedirectsOnServer();
  });

  test('a dotted permalink answers 301 to its article, with or without the slash, and the article answers', async ({ request }) => {
    const permalink = `/2019/05/old-story-${n}.html`;
    expect(await movedTo(request, permalink)).toBe(`/articles/${article.slug}`);
    expect(await movedTo(request, `${permalink}/`)).toBe(`/articles/${article.slug}`);
    expect(await movedTo(request, `/index.php${permalink}`)).toBe(`/articles/${article.slug}`);
    // Its feed and AMP copies are the article too.
    expect(await movedTo(request, `${permalink}/feed/`)).toBe(`/articles/${article.slug}`);
    expect(await movedTo(request, `${permalink}/amp`)).toBe(`/articles/${article.slug}`);
    const followed = await request.get(permalink);
    expect(followed.status()).toBe(200);
    expect(new URL(followed.url()).pathname).toBe(`/articles/${article.slug}`);
  });

  test('query addresses answer 301 to the row they name', async ({ request }) => {
    expect(await movedTo(request, `/?p=${id}`)).toBe(`/articles/${article.slug}`);
    expect(await movedTo(request, `/?p=${id}&preview=true`)).toBe(`/articles/${article.slug}`);
    expect(await movedTo(request, `/index.php?p=${id}`)).toBe(`/articles/${article.slug}`);
    expect(await movedTo(request, `/?page_id=${id}`)).toBe(`/${pageSlug}`);
    expect(await movedTo(request, `/?cat=${id}`)).toBe(`/sections/${section.slug}`);
    expect(await movedTo(request, `/?author=${id}`)).toBe(`/authors/${author.slug}`);
    expect(await movedTo(request, `/?tag=f%C3%A4rjor-${n}`)).toBe(`/tags/${tag.slug}`);
    expect(await movedTo(request, `/?s=harbour`)).toBe('/search?q=harbour');
    // Not a number, or nobody's: the front page, as before.
    for (const path of ['/?p=abc', '/?p=999999999999', `/?p=${id}x`]) expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
  });

  test('category, tag and author archives and their feeds answer 301', async ({ request }) => {
    expect(await movedTo(request, `/category/harbour-${n}/`)).toBe(`/sections/${section.slug}`);
    expect(await movedTo(request, `/category/harbour-${n}/feed/`)).toBe(`/sections/${section.slug}/feed.xml`);
    expect(await movedTo(request, `/category/harbour-${n}/page/2/`)).toBe(`/sections/${section.slug}?page=2`);
    expect(await movedTo(request, `/tag/ferries-${n}`)).toBe(`/tags/${tag.slug}`);
    expect(await movedTo(request, `/tag/ferries-${n}/feed/atom/`)).toBe(`/tags/${tag.slug}/feed.xml`);
    expect(await movedTo(request, `/author/priya-${n}`)).toBe(`/authors/${author.slug}`);
    expect(await movedTo(request, `/author/priya-${n}/feed/`)).toBe(`/authors/${author.slug}/feed.xml`);
    const feed = await request.get(`/category/harbour-${n}/feed/`);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
  });

  test('date archives go to the search page over that range; the site feeds to the site feed', async ({ request, page }) => {
    expect(await movedTo(request, '/2019/')).toBe('/search?from=2019-01-01&to=2019-12-31');
    expect(await movedTo(request, '/2019/05/')).toBe('/search?from=2019-05-01&to=2019-05-31');
    expect(await movedTo(request, '/2019/05/01')).toBe('/search?from=2019-05-01&to=2019-05-01');
    for (const path of ['/feed/', '/feed', '/rss/', '/feed/rss2/', '/feed/atom/', '/comments/feed/', '/?feed=rss2']) {
      expect(await movedTo(request, path), path).toBe('/feed.xml');
    }
    // The reader lands on the search page with the range filled in, and that range's articles listed.
    expect((await page.goto('/2019/05/'))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
    expect(new URL(page.url()).search).toBe('?from=2019-05-01&to=2019-05-31');
    await expect(page.getByRole('status')).toHaveText(/^(Articles|No articles) published from 2019-05-01 to 2019-05-31/);
    await page.goto('/search?from=2000-01-01');
    await expect(page.getByRole('status')).toHaveText('Articles published since 2000-01-01');
    await expect(page.getByRole('region', { name: 'Search results' }).getByRole('link').first()).toBeVisible();
  });

  test('a published page keeps its address whatever an old one says', async ({ request }) => {
    const response = await request.get(`/${pageSlug}`, { maxRedirects: 0 });
    expect(response.status()).not.toBe(301);
    expect(response.status()).toBeLessThan(500);
  });

  test('the site’s own files still answer as before, and unknown dotted paths are a 404', async ({ request }) => {
    const files: [string, string][] = [
      ['/feed.xml', 'application/rss+xml; charset=utf-8'],
      ['/robots.txt', 'text/plain; charset=utf-8'],
      ['/sitemap.xml', 'application/xml; charset=utf-8'],
      [`/sections/${DISCUSSION.section.slug}/feed.xml`, 'application/rss+xml; charset=utf-8'],
      ['/brand/logo.png', 'image/png'],
    ];
    for (const [path, type] of files) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toBe(type);
    }
    expect((await request.get('/robots.txt')).headers()['cache-control']).toBe('public, max-age=3600');
    expect((await request.get('/feed.xml')).headers()['cache-control']).toBe('public, max-age=300');
    for (const path of ['/2019/05/never-was.html', '/never-was.php', '/wp-login.php', '/2019/05/x%E0%A4%A.html', '/%E0%A4%A.html']) {
      const status = (await request.get(path, { maxRedirects: 0 })).status();
      expect([400, 404], `${path} → ${status}`).toContain(status);
    }
  });
});
