import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { SLUGS } from './support/demo';
import { requestQueriesSince, queryLog } from './support/query-log';
import { staffPage } from './support/staff';
import { uniq } from './support/unique';

// The breaking-news banner (issue 18, part 4): an editor shows it at /admin/breaking, every reader page
// shows it within 15 s (cached pages included, by polling /api/breaking, without re-rendering them), a
// reader may dismiss it, and it goes as quickly when removed. One banner for the whole site: these
// tests run one after another, and the last leaves none up.

test.describe.configure({ mode: 'serial' });

const region = (page: Page) => page.getByRole('region', { name: 'Breaking news' });

async function showBanner(editor: Page, headline: string, link: string, live = false) {
  await editor.goto('/admin/breaking');
  await editor.getByLabel('Headline').fill(headline);
  await editor.getByLabel('Link').fill(link);
  await editor.getByLabel('Live').setChecked(live);
  await editor.getByRole('button', { name: 'Show banner' }).click();
  await expect(editor.getByText('The banner is showing.')).toBeVisible();
}

test('an editor shows a banner: readers see it on cached pages within 20 s, may dismiss it, and it goes when removed', async ({
  browser,
  newReader,
  request,
}) => {
  test.setTimeout(150_000);
  const editor = await staffPage(browser, 'editor@example.com');
  // A reader already reading a cached article, before the banner exists.
  const before = await newReader();
  await before.page.goto(`/articles/${SLUGS.cacheCheck}`);
  await expect(before.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(region(before.page)).toHaveCount(0);

  const headline = `Harbour bridge closed after ship strike ${uniq()}`;
  await showBanner(editor, headline, `/articles/${SLUGS.discussion}`, true);
  await expect(editor.getByText(headline)).toBeVisible();

  // The open page gets it without a reload, at the very top, with its Live marker and its link.
  await expect(region(before.page)).toBeVisible({ timeout: 20_000 });
  await expect(region(before.page).getByRole('link', { name: headline })).toHaveAttribute('href', `/articles/${SLUGS.discussion}`);
  await expect(region(before.page).getByText('Live', { exact: true })).toBeVisible();
  const top = await region(before.page).boundingBox();
  expect(top?.y).toBe(0);

  // The change re-rendered no page: the cached article still answers without a query.
  const attempts: number[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const start = queryLog().length;
    expect((await request.get(`/articles/${SLUGS.cacheCheck}`)).status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    attempts.push(requestQueriesSince(start).filter((q) => !q.includes('"settings"')).length);
    if (attempts.at(-1) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  expect(attempts.at(-1), `queries on repeat requests: ${attempts.join(', ')}`).toBe(0);

  // A freshly loaded cached page shows it too.
  const fresh = await newReader();
  await fresh.page.goto(`/articles/${SLUGS.discussion}`);
  await expect(region(fresh.page).getByRole('link', { name: headline })).toBeVisible({ timeout: 20_000 });

  // Dismissed, it stays dismissed on reload; the other reader still has it.
  await region(before.page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(region(before.page)).toHaveCount(0);
  const polled = before.page.waitForResponse((r) => r.url().endsWith('/api/breaking'));
  await before.page.reload();
  await expect(before.page.getByRole('heading', { level: 1 })).toBeVisible();
  await polled;
  await expect(region(before.page)).toHaveCount(0);

  // A reader without JavaScript gets it on a page rendered after the change (a search nobody made before).
  const noJs = await newReader({ javaScript: false });
  await noJs.page.goto(`/search?q=harbour+${uniq()}`);
  await expect(region(noJs.page).getByRole('link', { name: headline })).toBeVisible();

  // A new banner shows again to the reader who dismissed the old one.
  const next = `Bridge reopens to one lane ${uniq()}`;
  await showBanner(editor, next, 'https://example.org/traffic');
  await expect(region(before.page).getByRole('link', { name: next })).toBeVisible({ timeout: 20_000 });
  await expect(region(before.page).getByText('Live', { exact: true })).toHaveCount(0);

  // Removed: it goes from the open pages as quickly.
  await editor.getByRole('button', { name: 'Remove banner' }).click();
  await expect(editor.getByText('The banner is removed.')).toBeVisible();
  await expect(editor.getByText('No banner is showing.')).toBeVisible();
  await expect(region(fresh.page)).toHaveCount(0, { timeout: 20_000 });
  await expect(region(before.page)).toHaveCount(0, { timeout: 20_000 });
  const answer = await request.get('/api/breaking');
  expect(await answer.json()).toEqual({ banner: null });
});

test('/api/breaking answers a repeat with 304 and a short Cache-Control', async ({ request }) => {
  const first = await request.get('/api/breaking');
  expect(first.status()).toBe(200);
  expect(first.headers()['cache-control']).toMatch(/max-age=\d\b/);
  const etag = first.headers()['etag'];
  expect(etag).toMatch(/^"/);
  const repeat = await request.get('/api/breaking', { headers: { 'If-None-Match': etag } });
  expect(repeat.status()).toBe(304);
});

test('bad links and headlines are refused with a message, with and without JavaScript, and the form keeps what was typed', async ({ browser }) => {
  test.setTimeout(90_000);
  const editor = await staffPage(browser, 'editor@example.com');
  await editor.goto('/admin/breaking');
  const headline = `Refused banner ${uniq()}`;
  for (const link of ['javascript:alert(1)', '//evil.example/x', 'http://example.org/plain']) {
    await editor.getByLabel('Headline').fill(headline);
    await editor.getByLabel('Link').fill(link);
    await editor.getByRole('button', { name: 'Show banner' }).click();
    await expect(editor.getByText('The banner was not shown.')).toBeVisible();
    await expect(editor.getByLabel('Link')).toHaveAttribute('aria-invalid', 'true');
    await expect(editor.getByText('Use a path on this site (/articles/…) or an https:// address.')).toBeVisible();
    await expect(editor.getByLabel('Link')).toHaveValue(link);
    await expect(editor.getByLabel('Headline')).toHaveValue(headline);
    // The answer shows before the form's transition ends; React then resets the form to what it
    // echoed, so typing waits for the button to come back.
    await expect(editor.getByRole('button', { name: 'Show banner' })).toBeEnabled();
  }
  await editor.getByLabel('Headline').fill('');
  await editor.getByLabel('Link').fill('/articles/x');
  await editor.getByRole('button', { name: 'Show banner' }).click();
  await expect(editor.getByText('Write a headline.')).toBeVisible();
  await expect(editor.getByLabel('Headline')).toHaveAttribute('aria-invalid', 'true');

  // Without JavaScript the plain post comes back to the desk with the same answer.
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await editor.context().storageState() });
  const plain = await context.newPage();
  await plain.goto('/admin/breaking');
  await plain.getByLabel('Headline').fill(headline);
  await plain.getByLabel('Link').fill('javascript:alert(document.cookie)');
  await plain.getByRole('button', { name: 'Show banner' }).click();
  await expect(plain).toHaveURL(/\/admin\/breaking/);
  await expect(plain.getByText('The banner was not shown.')).toBeVisible();
  await expect(plain.getByLabel('Link')).toHaveAttribute('aria-invalid', 'true');
  await expect(plain.getByLabel('Link')).toHaveValue('javascript:alert(document.cookie)');
  // Nothing was shown.
  expect(await (await editor.request.get('/api/breaking')).json()).toEqual({ banner: null });

  // A good one without JavaScript shows, and removes.
  await plain.getByLabel('Headline').fill(headline);
  await plain.getByLabel('Link').fill('/search?q=bridge');
  await plain.getByRole('button', { name: 'Show banner' }).click();
  await expect(plain.getByText('The banner is showing.')).toBeVisible();
  await plain.getByRole('button', { name: 'Remove banner' }).click();
  await expect(plain.getByText('The banner is removed.')).toBeVisible();
  expect(await (await editor.request.get('/api/breaking')).json()).toEqual({ banner: null });
  await context.close();
});

test('authors and moderators get 403 on /admin/breaking and no link to it; editors have the link', async ({ browser }) => {
  test.setTimeout(90_000);
  for (const email of ['author@example.com', 'moderator@example.com']) {
    const page = await staffPage(browser, email);
    await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Breaking' })).toHaveCount(0);
    const response = await page.goto('/admin/breaking');
    expect(response?.status(), email).toBe(403);
    await expect(page.getByText('You are not allowed to see this page')).toBeVisible();
    await page.context().close();
  }
  const editor = await staffPage(browser, 'editor@example.com');
  await editor.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Breaking' }).click();
  await expect(editor.getByRole('heading', { level: 1, name: 'Breaking news' })).toBeVisible();
});
