import type { Page } from '@playwright/test';
import { callAction, requestAs } from './support/actions';
import { queryRows } from './support/db';
import { expect, test } from './support/fixtures';
import { publishArticle, sectionId } from './support/newsroom';
import { SitePages } from './support/site-pages';
import { staffPage } from './support/staff';
import { uniq } from './support/unique';

// The chosen front page (issue 18, part 5): editors pin the lead, order the top stories and pin each
// section's lead at /admin/front (plain forms); the front page shows them at once; a pin may expire;
// only editors and admins get in. Pins are site-wide, so these tests run one after the other and
// leave no pin behind.

const FRONT_ACTIONS = 'app/admin/front/actions.ts';

test.describe.configure({ mode: 'serial' });

test.afterAll(async () => {
  // Whatever a failed test left pinned expires now: the scheduler (every second here) removes it and refreshes the pages.
  await queryRows('update front_pins set expires_at = 1');
});

/** A reader page after a change: fresh at once, unless a render in flight across it was stored (cleared 1.5 s later). */
async function freshly(reader: Page, path: string, check: () => Promise<void>) {
  await expect(async () => {
    await reader.goto(path);
    await check();
  }).toPass({ timeout: 10_000, intervals: [500, 1000] });
}

async function openDesk(page: Page) {
  await page.goto('/admin/front');
  await expect(page.getByRole('heading', { level: 1, name: 'Front page' })).toBeVisible();
}

// A plain form's answer comes with the next page; on a loaded machine that can take a while.
const said = (page: Page, notice: string) => expect(page.getByRole('status').filter({ hasText: notice })).toBeVisible({ timeout: 15_000 });
const refused = (page: Page, error: string) => expect(page.getByRole('alert').filter({ hasText: error })).toBeVisible({ timeout: 15_000 });

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function pin(page: Page, where: string, choose: { title?: string; slug?: string; expires?: string }, button: string) {
  const form = region(page, where);
  if (choose.title) await form.getByLabel('Article').selectOption({ label: choose.title });
  if (choose.slug) await form.getByLabel('Or its slug').fill(choose.slug);
  if (choose.expires) await form.getByLabel(/^Expires/).fill(choose.expires);
  await form.getByRole('button', { name: button }).click();
}

/** Two stories published one after the other: the first is the older. */
async function twoStories(browser: Parameters<typeof requestAs>[0], label: string, section?: number) {
  const editor = await requestAs(browser, 'editor');
  const older = await publishArticle(editor, { title: `${label} older ${uniq()}`, sectionId: section });
  const newer = await publishArticle(editor, { title: `${label} newer ${uniq()}`, sectionId: section });
  const titles = await queryRows<{ id: number; title: string }>('select id, title from articles where id in (?, ?)', [older.id, newer.id]);
  const title = (id: number) => titles.find((t) => Number(t.id) === id)!.title;
  return { older: { ...older, title: title(older.id) }, newer: { ...newer, title: title(newer.id) } };
}

test('an editor pins an older article as the lead: the front page leads with it at once, and unpinning gives the lead back', async ({ browser, newReader }) => {
  test.setTimeout(90_000);
  const { older, newer } = await twoStories(browser, 'Pinned lead');
  const editor = await staffPage(browser, 'editor@example.com');
  const { page: reader } = await newReader({ javaScript: false });
  const site = new SitePages(reader);
  const leadLink = () => site.leadStory.getByRole('heading').getByRole('link');

  await freshly(reader, '/', async () => expect(leadLink()).not.toHaveText(older.title, { timeout: 1000 }));

  await openDesk(editor);
  await expect(editor.getByRole('link', { name: 'Front page' })).toBeVisible();
  await pin(editor, 'Lead story', { title: older.title }, 'Pin as lead');
  await said(editor, 'Pinned.');
  await expect(region(editor, 'Lead story').getByRole('link', { name: older.title })).toBeVisible();

  await freshly(reader, '/', async () => expect(leadLink()).toHaveText(older.title, { timeout: 1000 }));
  // The newest story is still on the front page, once.
  await expect(site.articleLink(newer.title)).toHaveCount(1);
  await expect(site.articleLink(older.title)).toHaveCount(1);

  await region(editor, 'Lead story').getByRole('button', { name: 'Unpin' }).click();
  await said(editor, 'Unpinned.');
  await freshly(reader, '/', async () => expect(leadLink()).not.toHaveText(older.title, { timeout: 1000 }));
});

test('top stories follow the lead in the chosen order, move up and down, and unpin; a bad slug is refused', async ({ browser, newReader }) => {
  test.setTimeout(90_000);
  const { older, newer } = await twoStories(browser, 'Top story');
  const editor = await staffPage(browser, 'editor@example.com');
  const { page: reader } = await newReader();
  const site = new SitePages(reader);
  const latest = () => region(reader, 'Latest').getByRole('article').getByRole('heading').getByRole('link');

  await openDesk(editor);
  await pin(editor, 'Top stories', { slug: 'no-such-story-here' }, 'Add to top stories');
  await refused(editor, 'No published article has that slug.');

  await pin(editor, 'Top stories', { title: older.title }, 'Add to top stories');
  await said(editor, 'Pinned.');
  await pin(editor, 'Top stories', { slug: newer.slug }, 'Add to top stories');
  await said(editor, 'Pinned.');
  const rows = region(editor, 'Top stories').getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(older.title);

  await freshly(reader, '/', async () => {
    await expect(latest().nth(0)).toHaveText(older.title, { timeout: 1000 });
    await expect(latest().nth(1)).toHaveText(newer.title, { timeout: 1000 });
  });

  await rows.nth(1).getByRole('button', { name: 'Move up' }).click();
  await said(editor, 'Moved.');
  await expect(rows.nth(0)).toContainText(newer.title, { timeout: 15_000 });
  await freshly(reader, '/', async () => {
    await expect(latest().nth(0)).toHaveText(newer.title, { timeout: 1000 });
    await expect(latest().nth(1)).toHaveText(older.title, { timeout: 1000 });
  });

  for (const left of [1, 0]) {
    await rows.first().getByRole('button', { name: 'Unpin' }).click();
    await expect(rows).toHaveCount(left, { timeout: 15_000 });
  }
  await said(editor, 'Unpinned.');
  // Unpinned, the two are back in newest-first order (other tests may publish newer stories meanwhile).
  await freshly(reader, '/', async () => {
    const order = await site.articleHeadlineLinks.allInnerTexts();
    expect(order.indexOf(newer.title)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(newer.title)).toBeLessThan(order.indexOf(older.title));
  });
});

test('a section page leads with its pinned lead', async ({ browser, newReader }) => {
  test.setTimeout(90_000);
  const culture = await sectionId('culture');
  const { older } = await twoStories(browser, 'Section lead', culture);
  const editor = await staffPage(browser, 'editor@example.com');
  const { page: reader } = await newReader();
  const first = () => reader.getByRole('main').getByRole('article').first().getByRole('heading').getByRole('link');

  await openDesk(editor);
  await pin(editor, 'Culture', { title: older.title }, 'Pin as section lead');
  await said(editor, 'Pinned.');
  await freshly(reader, '/sections/culture', async () => expect(first()).toHaveText(older.title, { timeout: 1000 }));

  await region(editor, 'Culture').getByRole('button', { name: 'Unpin' }).click();
  await said(editor, 'Unpinned.');
  await freshly(reader, '/sections/culture', async () => expect(first()).not.toHaveText(older.title, { timeout: 1000 }));
});

test('a pin stops showing when it expires; an expiry in the past is refused', async ({ browser, newReader }) => {
  test.setTimeout(90_000);
  const { older } = await twoStories(browser, 'Expiring lead');
  const editor = await staffPage(browser, 'editor@example.com');
  const { page: reader } = await newReader();
  const leadLink = () => new SitePages(reader).leadStory.getByRole('heading').getByRole('link');

  await openDesk(editor);
  await pin(editor, 'Lead story', { title: older.title, expires: '2001-01-01T09:00' }, 'Pin as lead');
  await refused(editor, 'The expiry must be in the future.');

  await pin(editor, 'Lead story', { title: older.title, expires: '2099-01-01T09:00' }, 'Pin as lead');
  await said(editor, 'Pinned.');
  await expect(region(editor, 'Lead story')).toContainText('Until');
  await freshly(reader, '/', async () => expect(leadLink()).toHaveText(older.title, { timeout: 1000 }));

  // Its time comes: the scheduler removes it and refreshes the front page without anyone acting.
  await queryRows('update front_pins set expires_at = ? where article_id = ?', [Date.now() - 1000, older.id]);
  await expect(async () => {
    await reader.goto('/');
    await expect(leadLink()).not.toHaveText(older.title, { timeout: 1000 });
  }).toPass({ timeout: 20_000, intervals: [1000] });
  expect(await queryRows('select id from front_pins where article_id = ?', [older.id])).toEqual([]);
});

test('an author gets 403 at /admin/front, and the front-page actions refuse authors', async ({ browser }) => {
  const author = await requestAs(browser, 'author');
  const response = await author.get('/admin/front', { maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain('You are not allowed to see this page');

  const [story] = await queryRows<{ id: number }>("select id from articles where status = 'published' order by id desc limit 1");
  const refused = await callAction(
    author,
    '/admin/front',
    FRONT_ACTIONS,
    'pinFrontAction',
    { slot: 'lead', articleId: String(story.id), slug: '', expires: '' },
    false,
  );
  expect(refused.status()).toBe(303);
  expect(refused.headers().location).toContain('error=');
  expect(await queryRows('select id from front_pins where article_id = ?', [story.id])).toEqual([]);
});
