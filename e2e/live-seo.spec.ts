import { XMLParser } from 'fast-xml-parser';
import { expect, test } from './support/fixtures';
import { queryRows } from './support/db';
import { newArticle } from './support/discussion';
import { expireArticle } from './support/live-seo';
import { SERVER_URL } from './support/paths';
import { uniq } from './support/unique';

// What search engines and feed readers get of a live article: LiveBlogPosting JSON-LD naming its
// latest updates, a place in the news sitemap while it is live (however old), and its own feed,
// /articles/[slug]/live.xml. Coverage is started, updated and ended here in the database (the
// editor's buttons are another part's), then the article's pages are expired as a tool would.

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'item' });

type LiveJsonLd = {
  '@type': string;
  coverageStartTime?: string;
  coverageEndTime?: string;
  liveBlogUpdate?: { '@type': string; headline: string; articleBody: string; url: string; datePublished: string }[];
};

async function jsonLdOf(request: import('@playwright/test').APIRequestContext, slug: string): Promise<LiveJsonLd> {
  const html = await (await request.get(`/articles/${slug}`)).text();
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => m[1]);
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]) as LiveJsonLd;
}

async function newsSitemapLocs(request: import('@playwright/test').APIRequestContext) {
  const doc = xml.parse(await (await request.get('/news-sitemap.xml')).text());
  return (doc.urlset.url ?? []) as { loc: string; lastmod?: string }[];
}

test('a live article is a LiveBlogPosting, has a feed of its updates and is in the news sitemap while live', async ({ request }) => {
  const id = uniq();
  const article = await newArticle('Live results');
  const now = Date.now();
  const [editor] = await queryRows<{ id: number }>("select id from users where email = 'editor@example.com'");
  // Published three days ago: too old for the news sitemap, unless it is live.
  await queryRows('update articles set published_at = ?, live_started_at = ? where id = ?', [now - 72 * 3_600_000, now - 600_000, article.id]);
  const first = `Polls have closed across the Wend valley (${id}).`;
  const second = `**Turnout** in Eastgate ward was the highest since records began, the returning officer says (${id}).`;
  await queryRows('insert into live_updates (article_id, number, body, author_id, created_at) values (?, 1, ?, ?, ?), (?, 2, ?, ?, ?)', [
    article.id,
    first,
    editor.id,
    now - 300_000,
    article.id,
    second,
    editor.id,
    now - 60_000,
  ]);
  try {
    await expireArticle(article);

    const data = await jsonLdOf(request, article.slug);
    expect(data['@type']).toBe('LiveBlogPosting');
    expect(new Date(data.coverageStartTime!).getTime()).toBe(now - 600_000);
    expect(data.coverageEndTime).toBeUndefined();
    expect(data.liveBlogUpdate!.map((u) => u.url)).toEqual([
      `${SERVER_URL}/articles/${article.slug}/updates/2`,
      `${SERVER_URL}/articles/${article.slug}/updates/1`,
    ]);
    expect(data.liveBlogUpdate![0]).toMatchObject({ '@type': 'BlogPosting', articleBody: second.replace(/\*\*/g, '') });
    expect(data.liveBlogUpdate![0].headline).toMatch(/^Turnout in Eastgate ward was the highest/);
    expect(data.liveBlogUpdate![1].headline).toBe(first);

    // The page advertises the feed, and the feed lists both updates, newest first, each at its own address.
    const html = await (await request.get(`/articles/${article.slug}`)).text();
    expect(html).toContain(`href="${SERVER_URL}/articles/${article.slug}/live.xml"`);
    expect(html).toContain(`title="${article.title}: live updates"`);
    const feed = await request.get(`/articles/${article.slug}/live.xml`);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
    const items = xml.parse(await feed.text()).rss.channel.item as { link: string; title: string; guid: { '#text': string } }[];
    expect(items.map((i) => i.link)).toEqual([`${SERVER_URL}/articles/${article.slug}/updates/2`, `${SERVER_URL}/articles/${article.slug}/updates/1`]);
    expect(items[1].title).toBe(first);
    expect(new Set(items.map((i) => i.guid['#text'])).size).toBe(2);

    const listed = (await newsSitemapLocs(request)).find((u) => u.loc === `${SERVER_URL}/articles/${article.slug}`);
    expect(listed, 'the live article is in the news sitemap although published three days ago').toBeTruthy();
    expect(new Date(listed!.lastmod!).getTime(), 'with its newest update as lastmod').toBe(now - 60_000);
  } finally {
    // End the coverage, whatever happened above, so no other test meets a live article.
    await queryRows('update articles set live_ended_at = ? where id = ?', [Date.now(), article.id]);
    await expireArticle(article);
  }

  const ended = await jsonLdOf(request, article.slug);
  expect(ended['@type']).toBe('LiveBlogPosting');
  expect(ended.coverageEndTime, 'coverageEndTime once coverage has ended').toBeTruthy();
  expect(ended.liveBlogUpdate).toHaveLength(2);
  expect((await newsSitemapLocs(request)).some((u) => u.loc === `${SERVER_URL}/articles/${article.slug}`)).toBe(false);
});

test('an article never live, or an unknown one, has no live feed', async ({ request }) => {
  const plain = await newArticle('Never live');
  expect((await request.get(`/articles/${plain.slug}/live.xml`)).status()).toBe(404);
  expect((await request.get(`/articles/no-such-article-${uniq()}/live.xml`)).status()).toBe(404);
  const html = await (await request.get(`/articles/${plain.slug}`)).text();
  expect(html).not.toContain('/live.xml');
  expect((await jsonLdOf(request, plain.slug))['@type']).toBe('NewsArticle');
});
