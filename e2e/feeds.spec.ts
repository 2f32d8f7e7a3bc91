import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/fixtures';
import Parser from 'rss-parser';
import { callAction, requestAs } from './support/actions';
import { DISCUSSION, SLUGS } from './support/demo';
import { queryRows } from './support/db';
import { publishArticle, saveDraft, sectionId, unpublishArticle } from './support/newsroom';
import { SERVER_URL } from './support/paths';
import { uniq } from './support/unique';

// RSS feeds, read back by a real feed parser: what a feed reader gets.

type Item = Parser.Item & { creators?: string[]; 'content:encoded'?: string };
const parser = new Parser<Record<string, never>, Item>({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } });

async function fetchFeed(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), `${path} status`).toBe(200);
  expect(response.headers()['content-type'], `${path} content type`).toBe('application/rss+xml; charset=utf-8');
  const xml = await response.text();
  return { xml, feed: await parser.parseString(xml) };
}

function expectWellFormedItems(path: string, items: Item[]) {
  expect(items.length, `${path} has items`).toBeGreaterThan(0);
  expect(items.length, `${path} holds at most 20`).toBeLessThanOrEqual(20);
  let previous = Infinity;
  for (const item of items) {
    expect(item.link, `${path} item link`).toMatch(new RegExp(`^${SERVER_URL}/articles/[a-z0-9-]+$`));
    const time = new Date(item.pubDate ?? '').getTime();
    expect(Number.isNaN(time), `${path} pubDate "${item.pubDate}"`).toBe(false);
    expect(time, `${path} newest first`).toBeLessThanOrEqual(previous);
    previous = time;
  }
}

test('the site, section, tag and author feeds show a new article at once, with absolute links and dates, and never a draft', async ({ browser, request }) => {
  const editor = await requestAs(browser, 'editor');
  const id = uniq();
  const politics = await sectionId('politics');
  const tag = `Feedtag ${id}`;
  const tagSlug = `feedtag-${id}`;
  // The draft is saved first: the later publication revalidates the same feeds, so they are rendered
  // again after the draft exists, and its absence means something.
  const draft = await saveDraft(editor, { title: `Feed draft ${id}`, sectionId: politics, tags: [tag] });
  const story = await publishArticle(editor, {
    title: `Feed story ${id}`,
    standfirst: `Standfirst ${id}.`,
    body: `First paragraph ${id} with [a link](/sections/politics).`,
    sectionId: politics,
    tags: [tag],
  });

  for (const path of ['/feed.xml', '/sections/politics/feed.xml', `/tags/${tagSlug}/feed.xml`, `/authors/${story.authorSlug}/feed.xml`]) {
    const { xml, feed } = await fetchFeed(request, path);
    expectWellFormedItems(path, feed.items);
    const item = feed.items.find((i) => i.title === `Feed story ${id}`);
    expect(item, `${path} lists the new article`).toBeTruthy();
    expect(item!.link).toBe(`${SERVER_URL}/articles/${story.slug}`);
    expect(item!.content, 'description is the standfirst').toBe(`Standfirst ${id}.`);
    expect(item!['content:encoded']).toContain(`First paragraph ${id}`);
    expect(item!['content:encoded'], 'links in the body are absolute').toContain(`href="${SERVER_URL}/sections/politics"`);
    expect(xml, `${path} never shows the draft`).not.toContain(`Feed draft ${id}`);
    expect(xml).not.toContain(`/articles/${draft.slug}<`);
  }
  const { feed: tagFeed } = await fetchFeed(request, `/tags/${tagSlug}/feed.xml`);
  expect(tagFeed.items.map((i) => i.title)).toEqual([`Feed story ${id}`]);
});

test('a feed item carries the standfirst, byline, section and tags, and the rendered body with absolute images', async ({ request }) => {
  const { feed } = await fetchFeed(request, '/sections/politics/feed.xml');
  expect(feed.title).toBe('Politics — Broadsheet');
  expect(feed.link).toBe(`${SERVER_URL}/sections/politics`);
  const item = feed.items.find((i) => i.title === DISCUSSION.title);
  expect(item, 'the discussion article is in the Politics feed').toBeTruthy();
  expect(item!.link).toBe(`${SERVER_URL}/articles/${SLUGS.discussion}`);
  expect(item!.creators).toEqual([DISCUSSION.author.name]);
  const categories = (item!.categories as unknown as { _: string; $: { domain: string } }[]).map((c) => c._);
  expect(categories).toEqual([DISCUSSION.section.name, ...[...DISCUSSION.tags].sort()]);
  expect(item!.content, 'description is the standfirst').toBe(DISCUSSION.standfirst);
  const html = item!['content:encoded'] ?? '';
  expect(html).toContain(DISCUSSION.firstParagraphStart);
  expect(html).toMatch(new RegExp(`<img src="${SERVER_URL}/media/[^"]+\\.webp"`));
  expect(html, 'no site-relative address is left').not.toMatch(/(href|src)="\/(?!\/)/);
});

test('the corrections feed lists corrections with links to their articles', async ({ request }) => {
  const { feed } = await fetchFeed(request, '/corrections/feed.xml');
  const item = feed.items.find((i) => i.title === 'Correction: Millbrook Primary Pupils Moved to Temporary Classrooms After Roof Survey');
  expect(item, 'the Millbrook correction').toBeTruthy();
  expect(item!.link).toBe(`${SERVER_URL}/articles/${SLUGS.validation}#corrections-heading`);
  expect(item!.content).toContain('The correct figure is about 180');
  expect(Number.isNaN(new Date(item!.pubDate ?? '').getTime())).toBe(false);
  expect(
    feed.items.some((i) => i.link?.startsWith(`${SERVER_URL}/articles/${SLUGS.cacheCheck}#`)),
    'the Sandy Cove correction',
  ).toBe(true);
});

test('unknown sections, tags and authors have no feed', async ({ request }) => {
  for (const path of ['/sections/no-such-section/feed.xml', '/tags/no-such-tag/feed.xml', '/authors/no-such-person/feed.xml']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('a renamed section’s old feed address answers 301 to the new one, which names the section anew', async ({ browser, request }) => {
  const editor = await requestAs(browser, 'editor');
  const id = uniq();
  const oldSlug = `feed-desk-${id}`;
  const newSlug = `feed-bureau-${id}`;
  const created = await callAction(
    editor,
    '/admin/sections',
    'app/admin/sections/actions.ts',
    'createSectionAction',
    { name: `Feed Desk ${id}`, slug: oldSlug, description: '' },
    true,
  );
  // A plain form post: the answer is kept for the page and the action redirects back to it (303).
  expect(created.status()).toBe(303);
  const section = await sectionId(oldSlug);
  const story = { title: `Desk story ${id}`, sectionId: section };
  const { id: storyId } = await publishArticle(editor, story);
  expect((await fetchFeed(request, `/sections/${oldSlug}/feed.xml`)).feed.title).toBe(`Feed Desk ${id} — Broadsheet`);

  const renamed = await callAction(
    editor,
    '/admin/sections',
    'app/admin/sections/actions.ts',
    'updateSectionAction',
    { id: String(section), name: `Feed Bureau ${id}`, slug: newSlug, description: '' },
    true,
  );
  expect(renamed.status()).toBe(303);
  const moved = await request.get(`/sections/${oldSlug}/feed.xml`, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(new URL(moved.headers()['location'], SERVER_URL).pathname).toBe(`/sections/${newSlug}/feed.xml`);
  const { feed } = await fetchFeed(request, `/sections/${newSlug}/feed.xml`);
  expect(feed.title).toBe(`Feed Bureau ${id} — Broadsheet`);
  const item = feed.items.find((i) => i.title === `Desk story ${id}`);
  expect((item?.categories as unknown as { _: string }[] | undefined)?.[0]?._).toBe(`Feed Bureau ${id}`);

  // Leave the front page and the masthead as they were (other tests measure them): off the site, then gone.
  await unpublishArticle(editor, storyId, story);
  await queryRows('delete from articles where id = ?', [storyId]);
  await callAction(editor, '/admin/sections', 'app/admin/sections/actions.ts', 'deleteSectionAction', { id: String(section) }, true);
  expect(await queryRows('select id from sections where id = ?', [section])).toHaveLength(0);
});

test('reader pages announce the site feed, and list pages their own feed', async ({ request }) => {
  const alternates = async (path: string) => {
    const html = await (await request.get(path)).text();
    return [...html.matchAll(/<link rel="alternate" type="application\/rss\+xml" href="([^"]+)"/g)].map((m) => m[1]);
  };
  expect(await alternates('/')).toEqual([`${SERVER_URL}/feed.xml`]);
  expect(await alternates(`/articles/${SLUGS.discussion}`)).toEqual([`${SERVER_URL}/feed.xml`]);
  expect(await alternates('/sections/politics')).toEqual([`${SERVER_URL}/feed.xml`, `${SERVER_URL}/sections/politics/feed.xml`]);
  expect(await alternates('/tags/housing')).toEqual([`${SERVER_URL}/feed.xml`, `${SERVER_URL}/tags/housing/feed.xml`]);
  expect(await alternates(`/authors/${DISCUSSION.author.slug}`)).toEqual([
    `${SERVER_URL}/feed.xml`,
    `${SERVER_URL}/authors/${DISCUSSION.author.slug}/feed.xml`,
  ]);
});
