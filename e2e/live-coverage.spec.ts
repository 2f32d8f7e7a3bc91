import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { publishArticle } from './support/newsroom';
import { staffPage } from './support/staff';
import { uniq } from './support/unique';

// Live coverage (issue 18, part 1): an editor starts it on a fresh article of its own, posts a key
// event and a plain update from the composer, edits and deletes one; a reader without JavaScript
// reloads and reads them, with the key events linking to their updates and each update at its own
// address; an author who may not publish is refused the composer; ending the coverage takes the Live
// badge off the page and the home page. The article's coverage is ended before the test finishes.

/** The story's own header (the page's first article), where the badge sits: not the breaking banner's "Live". */
const storyHeader = (page: Page) => page.locator('main article:has(h1) > header').first();
/** The home page's card for this title. */
const card = (page: Page, title: string): Locator => page.locator('main article').filter({ has: page.getByRole('link', { name: title, exact: true }) });

/**
 * Reloads until the page shows `text` in `selector`. A page render that read the database just before
 * a write can store the old page; the write's second revalidation (lib/revalidate/echo.ts, 1.5 s
 * later) clears it, so a reader who reloads sees the change within seconds.
 */
async function reloadUntil(page: Page, path: string, selector: string, text: string) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.locator(selector)).toContainText(text, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** An action's answer: a server action, its redirect and the page's render, on a busy shared machine. */
const afterAction = { timeout: 20_000 };

test('an editor runs live coverage; readers without JavaScript read it; ending it removes the badge', async ({ browser, newReader }) => {
  // Long: one journey through every step, on a shared, busy machine.
  test.setTimeout(240_000);
  const editor = await staffPage(browser, 'editor@example.com');
  const title = `Storm closes the harbour ${uniq()}`;
  const { id, slug } = await publishArticle(editor.context().request, {
    title,
    standfirst: 'Follow the storm as it happens.',
    body: 'The storm reached the coast this morning.',
  });

  // Start live coverage on the article editor.
  await editor.goto(`/admin/articles/${id}`);
  await editor.getByRole('button', { name: 'Start live coverage' }).click();
  await expect(editor.getByText('Live coverage started.')).toBeVisible(afterAction);
  await expect(editor.getByRole('button', { name: 'End live coverage' })).toBeVisible();
  await editor.getByRole('link', { name: 'Open the live composer' }).click();
  await expect(editor).toHaveURL(new RegExp(`/admin/articles/${id}/live$`), { timeout: 15_000 });

  // An empty update is refused beside the field.
  // Not exact on purpose: the composer's page has one field labelled anything like "Update".
  const update = editor.getByLabel('Update');
  await editor.getByRole('button', { name: 'Post update' }).click();
  await expect(editor.getByText('Write the update first.')).toBeVisible(afterAction);
  await expect(update).toHaveAttribute('aria-invalid', 'true');

  // A key event, then a plain update: each time the field is empty and focused again.
  await update.fill('**Flood barrier closed** at the harbour mouth.');
  await editor.getByLabel('Key event').check();
  await editor.getByRole('button', { name: 'Post update' }).click();
  await expect(editor.getByText('Update 1 posted.')).toBeVisible(afterAction);
  await expect(update).toHaveValue('');
  await expect(update).toBeFocused();
  await expect(editor.getByLabel('Key event')).not.toBeChecked();
  await update.fill('Ferries suspended until tomorrow morning.');
  await editor.getByRole('button', { name: 'Post update' }).click();
  await expect(editor.getByText('Update 2 posted.')).toBeVisible(afterAction);
  await expect(editor.locator('#desk-update-2')).toContainText('Ferries suspended');

  // A reader without JavaScript reloads and reads both, newest first.
  const reader = await newReader({ javaScript: false });
  await reader.page.goto(`/articles/${slug}`);
  await expect(storyHeader(reader.page).getByText('Live', { exact: true })).toBeVisible();
  await expect(reader.page.getByRole('heading', { level: 2, name: 'Live updates' })).toBeVisible();
  await expect(reader.page.locator('article#update-1')).toContainText('Flood barrier closed');
  await expect(reader.page.locator('article#update-1')).toContainText('Key event');
  await expect(reader.page.locator('article#update-2')).toContainText('Ferries suspended until tomorrow morning.');
  await expect(reader.page.locator('#live-updates-list > article').first()).toHaveId('update-2');
  const keyEvents = reader.page.getByRole('navigation', { name: 'Key events' });
  await expect(keyEvents.getByRole('link', { name: 'Flood barrier closed at the harbour mouth.' })).toHaveAttribute('href', '#update-1');
  await expect(reader.page.locator('#update-1 a[href="#update-1"] time')).toBeVisible();

  // Each update has its own address; an unknown number is a 404.
  const own = await reader.page.goto(`/articles/${slug}/updates/1`);
  expect(own?.status()).toBe(200);
  await expect(reader.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(reader.page.locator('article#update-1')).toContainText('Flood barrier closed');
  expect((await reader.page.goto(`/articles/${slug}/updates/99`))?.status()).toBe(404);

  // The home page lists it with the badge.
  await reader.page.goto('/');
  await expect(card(reader.page, title).getByText('Live', { exact: true })).toBeVisible();

  // Edit update 2: readers see "Updated". Then delete it: a dated note at its place.
  await editor.locator('#desk-update-2').getByRole('link', { name: 'Edit' }).click();
  await expect(update).toHaveValue('Ferries suspended until tomorrow morning.');
  await update.fill('Ferries suspended until Thursday.');
  await editor.getByRole('button', { name: 'Save update' }).click();
  await expect(editor.getByText('Update 2 saved.')).toBeVisible(afterAction);
  await expect(editor.locator('#desk-update-2')).toContainText('Updated');
  // A correction to update 1, shown under it.
  // Loaded afresh: Next keeps pages visited by client navigation (the article editor, with its own
  // "Correction" field) hidden in the document.
  await editor.goto(`/admin/articles/${id}/live?edit=1`);
  await editor.getByLabel('Correction').fill('The barrier is at the river mouth, not the harbour mouth.');
  await editor.getByRole('button', { name: 'Add correction' }).click();
  await expect(editor.getByText('Correction added to update 1.')).toBeVisible(afterAction);
  await reloadUntil(reader.page, `/articles/${slug}`, 'article#update-1', 'Correction: The barrier is at the river mouth');
  await expect(reader.page.locator('article#update-2')).toContainText('Ferries suspended until Thursday.');
  await expect(reader.page.locator('article#update-2')).toContainText('Updated');
  await expect(reader.page.locator('article#update-1')).toContainText('Correction: The barrier is at the river mouth');

  await editor.locator('#desk-update-2').getByRole('button', { name: 'Delete' }).click();
  await expect(editor.getByText('Update 2 deleted.')).toBeVisible(afterAction);
  await reloadUntil(reader.page, `/articles/${slug}`, 'article#update-2', 'This update was deleted on');
  await expect(reader.page.locator('article#update-2')).toContainText('This update was deleted on');
  await expect(reader.page.locator('article#update-2')).not.toContainText('Ferries');

  // The reply mode is stored from the composer.
  await editor.getByLabel('Replies', { exact: true }).selectOption({ label: 'Slow mode' });
  await editor.getByLabel('Seconds between replies').fill('30');
  await editor.getByRole('button', { name: 'Save reply mode' }).click();
  await expect(editor.getByText('Slow mode: one reply per reader every 30 seconds.')).toBeVisible(afterAction);

  // An author, who may not publish, is refused the composer.
  const author = await staffPage(browser, 'author@example.com');
  expect((await author.goto(`/admin/articles/${id}/live`))?.status()).toBe(403);
  await author.context().close();

  // Ending the coverage: the summary leads the page, and the badge goes from the page and the home page.
  await editor.goto(`/admin/articles/${id}`);
  await editor.getByLabel('Summary', { exact: true }).fill('The harbour reopened at dusk.');
  await editor.getByRole('button', { name: 'End live coverage' }).click();
  await expect(editor.getByText('Live coverage ended.')).toBeVisible(afterAction);
  await reloadUntil(reader.page, `/articles/${slug}`, 'main', 'The harbour reopened at dusk.');
  await expect(reader.page.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
  await expect(reader.page.getByText('The harbour reopened at dusk.')).toBeVisible();
  await expect(storyHeader(reader.page).getByText('Live', { exact: true })).toHaveCount(0);
  await expect(reader.page.locator('article#update-1')).toContainText('Flood barrier closed');
  await expect(async () => {
    await reader.page.goto('/');
    await expect(card(reader.page, title)).toBeVisible({ timeout: 1_000 });
    await expect(card(reader.page, title).getByText('Live', { exact: true })).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await editor.context().close();
});
