import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { XMLParser } from 'fast-xml-parser';
import { requestAs } from './support/actions';
import { ArticlePage } from './support/article-page';
import { DISCUSSION, SLUGS } from './support/demo';
import { publishArticle, saveDraft } from './support/newsroom';
import { SERVER_URL } from './support/paths';
import { uniq } from './support/unique';

// What search engines and social sites read: sitemaps, robots.txt, canonical and Open Graph meta,
// the NewsArticle JSON-LD and the generated social card.

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'sitemap' });

type UrlEntry = { loc: string; lastmod?: string; 'news:news'?: Record<string, unknown> };

async function fetchUrlset(request: APIRequestContext, path: string): Promise<UrlEntry[]> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type']).toBe('application/xml; charset=utf-8');
  const doc = xml.parse(await response.text());
  expect(doc.urlset, `${path} is a urlset`).toBeTruthy();
  return doc.urlset.url ?? [];
}

function pngSize(bytes: Buffer) {
  expect(bytes.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('sitemap.xml lists the home page, sections, tags, authors and every published article with lastmod, a new one at once and never a draft', async ({
  browser,
  request,
}) => {
  const editor = await requestAs(browser, 'editor');
  const id = uniq();
  const draft = await saveDraft(editor, { title: `Sitemap draft ${id}` });
  const story = await publishArticle(editor, { title: `Sitemap story ${id}` });

  const urls = await fetchUrlset(request, '/sitemap.xml');
  const byLoc = new Map(urls.map((u) => [u.loc, u]));
  for (const path of [
    '/',
    '/sections/politics',
    '/tags/housing',
    `/authors/${DISCUSSION.author.slug}`,
    `/articles/${SLUGS.discussion}`,
    `/articles/${story.slug}`,
  ]) {
    expect(byLoc.has(`${SERVER_URL}${path}`), `sitemap lists ${path}`).toBe(true);
  }
  expect(byLoc.has(`${SERVER_URL}/articles/${draft.slug}`), 'the draft is not listed').toBe(false);
  for (const u of urls) expect(u.loc.startsWith(`${SERVER_URL}/`), `absolute: ${u.loc}`).toBe(true);

  const discussion = byLoc.get(`${SERVER_URL}/articles/${SLUGS.discussion}`)!;
  const published = await (await request.get(`/articles/${SLUGS.discussion}`)).text();
  const publishedTime = /<meta property="article:published_time" content="([^"]+)"/.exec(published)?.[1];
  expect(discussion.lastmod, 'the discussion was never edited: lastmod is its publication time').toBe(publishedTime);
  const lastmod = new Date(byLoc.get(`${SERVER_URL}/articles/${story.slug}`)!.lastmod!).getTime();
  expect(Math.abs(Date.now() - lastmod), 'the new article’s lastmod is now').toBeLessThan(5 * 60_000);
});

test('news-sitemap.xml lists the last two days’ articles with publication, language and title', async ({ request }) => {
  const urls = await fetchUrlset(request, '/news-sitemap.xml');
  const discussion = urls.find((u) => u.loc === `${SERVER_URL}/articles/${SLUGS.discussion}`);
  expect(discussion, 'the discussion (9 hours old) is listed').toBeTruthy();
  expect(discussion!['news:news']).toMatchObject({
    'news:publication': { 'news:name': 'Broadsheet', 'news:language': 'en' },
    'news:title': DISCUSSION.title,
  });
  const date = new Date(String(discussion!['news:news']!['news:publication_date'])).getTime();
  expect(Date.now() - date).toBeGreaterThan(8 * 3_600_000);
  expect(Date.now() - date).toBeLessThan(48 * 3_600_000);
  expect(
    urls.some((u) => u.loc.endsWith(`/articles/${SLUGS.closed}`)),
    'a 290-hour-old article is not',
  ).toBe(false);
  expect(
    urls.some((u) => u.loc.endsWith(`/articles/${SLUGS.validation}`)),
    'a 60-hour-old article is not',
  ).toBe(false);
});

test('robots.txt allows the site, keeps crawlers out of the admin and the API, and names both sitemaps', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
  const lines = (await response.text()).split('\n');
  for (const line of [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /api',
    `Sitemap: ${SERVER_URL}/sitemap.xml`,
    `Sitemap: ${SERVER_URL}/news-sitemap.xml`,
  ]) {
    expect(lines, line).toContain(line);
  }
});

async function jsonLd(page: import('@playwright/test').Page) {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]) as Record<string, unknown> & {
    author: { name: string; url: string }[];
    image: string[];
    publisher: { name: string; logo: { url: string } };
    correction?: { '@type': string; text: string; datePublished: string }[];
  };
}

test('the site has a favicon: /favicon.ico is an icon, and pages link it', async ({ request }) => {
  const icon = await request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/x-icon');
  // An ICO header: reserved 0, type 1 (icon), then at least one image.
  const bytes = await icon.body();
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
  expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);
  const html = await (await request.get('/')).text();
  expect(html).toMatch(/<link rel="icon" href="\/favicon\.ico[^"]*"/);
});

test('an article carries NewsArticle JSON-LD whose comment count is the visible count', async ({ page, request }) => {
  const article = new ArticlePage(page);
  await article.goto(SLUGS.discussion);
  const data = await jsonLd(page);
  expect(data['@type']).toBe('NewsArticle');
  expect(data.headline).toBe(DISCUSSION.title);
  expect(data.author).toEqual([{ '@type': 'Person', name: DISCUSSION.author.name, url: `${SERVER_URL}/authors/${DISCUSSION.author.slug}` }]);
  expect(data.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `${SERVER_URL}/articles/${SLUGS.discussion}` });
  const visible = Number(/^(\d+) comments$/.exec((await article.commentsHeading.innerText()).trim())?.[1]);
  expect(visible).toBe(DISCUSSION.approvedCount);
  expect(data.commentCount).toBe(visible);
  expect(data.correction, 'no corrections on this article').toBeUndefined();
  expect(new Date(String(data.datePublished)).toISOString()).toBe(data.datePublished);

  // Every image and the publisher's logo are absolute and really are images.
  expect(data.image.length).toBe(2);
  for (const url of [...data.image, data.publisher.logo.url]) {
    expect(url.startsWith(`${SERVER_URL}/`), url).toBe(true);
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()['content-type'], url).toMatch(/^image\/(png|webp)$/);
  }
});

test('an article with corrections lists each as a CorrectionComment', async ({ page }) => {
  await page.goto(`/articles/${SLUGS.validation}`);
  const data = await jsonLd(page);
  const visible = await page.getByRole('complementary', { name: 'Corrections' }).getByRole('listitem').allInnerTexts();
  expect(visible).toHaveLength(1);
  expect(data.correction).toHaveLength(1);
  expect(data.correction![0]['@type']).toBe('CorrectionComment');
  expect(visible[0]).toContain(data.correction![0].text);
  expect(data.correction![0].text).toContain('The correct figure is about 180');
  expect(Number.isNaN(new Date(data.correction![0].datePublished).getTime())).toBe(false);
});

test('an article has an absolute canonical link, Open Graph article fields and a large Twitter card with a generated PNG', async ({ request }) => {
  const html = await (await request.get(`/articles/${SLUGS.discussion}`)).text();
  const meta = (attr: string, name: string) => [...html.matchAll(new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`, 'g'))].map((m) => m[1]);
  const canonical = `${SERVER_URL}/articles/${SLUGS.discussion}`;
  expect(/<link rel="canonical" href="([^"]+)"/.exec(html)?.[1]).toBe(canonical);
  expect(meta('property', 'og:url')).toEqual([canonical]);
  expect(meta('property', 'og:type')).toEqual(['article']);
  expect(meta('property', 'og:title')).toEqual([DISCUSSION.title]);
  expect(meta('property', 'og:description')).toEqual([DISCUSSION.standfirst]);
  expect(meta('property', 'article:section')).toEqual([DISCUSSION.section.name]);
  expect(meta('property', 'article:tag').sort()).toEqual([...DISCUSSION.tags].sort());
  expect(meta('property', 'article:published_time')).toHaveLength(1);
  expect(meta('property', 'article:modified_time')).toHaveLength(1);
  expect(meta('name', 'twitter:card')).toEqual(['summary_large_image']);

  const [image] = meta('property', 'og:image');
  expect(image.startsWith(`${SERVER_URL}/articles/${SLUGS.discussion}/opengraph-image`), image).toBe(true);
  expect(meta('name', 'twitter:image')).toEqual([image]);
  const response = await request.get(image);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });

  expect((await request.get('/articles/no-such-article-here/card.png')).status()).toBe(404);
});

test('list pages and the home page have absolute canonical links and Open Graph basics', async ({ request }) => {
  for (const path of ['/', '/sections/politics', '/tags/housing', `/authors/${DISCUSSION.author.slug}`]) {
    const html = await (await request.get(path)).text();
    const expected = path === '/' ? SERVER_URL : `${SERVER_URL}${path}`;
    expect(/<link rel="canonical" href="([^"]+)"/.exec(html)?.[1], path).toBe(expected);
    expect(/<meta property="og:url" content="([^"]+)"/.exec(html)?.[1], path).toBe(expected);
    expect(/<meta property="og:type" content="([^"]+)"/.exec(html)?.[1], path).toBe('website');
    expect(/<meta property="og:site_name" content="([^"]+)"/.exec(html)?.[1], path).toBe('Broadsheet');
    expect(/<meta property="og:title" content="([^"]+)"/.exec(html)?.[1], path).toBeTruthy();
  }
});
