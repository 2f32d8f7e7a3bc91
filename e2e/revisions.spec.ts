import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { ARTICLE_ACTIONS, publishArticle, saveDraft } from './support/newsroom';
import { actionId, requestAs } from './support/actions';
import { queryRows } from './support/db';
import { EditorPage } from './support/editor-page';
import { expect, test } from './support/fixtures';
import { RevisionsPage } from './support/revisions-page';
import { staffPage } from './support/staff';
import { uniq } from './support/unique';

// Revisions compared two at a time (any two, not only with the current text), and inline images with
// a caption and a credit as readers see them.

const SECONDS = /\d{1,2}:\d{2}:\d{2}/;

/** The page is the compare page for this pair. */
async function expectPair(page: Page, from: number, to: number) {
  await expect
    .poll(() => {
      const url = new URL(page.url());
      return [url.pathname.endsWith('/revisions/compare'), url.searchParams.get('from'), url.searchParams.get('to')];
    })
    .toEqual([true, String(from), String(to)]);
}

test('any two revisions can be compared, each side shows when, who and the note, and either side can be restored', async ({ browser }) => {
  const editor = new EditorPage(await staffPage(browser, 'editor@example.com'));
  const revisions = new RevisionsPage(editor.page);
  await editor.gotoNew();
  await editor.fill({ title: `Ferry timetable ${uniq()}`, body: 'The ferry leaves at nine' });
  await editor.saveDraftButton.click();
  await expect(editor.text('Saved.')).toBeVisible();
  await expect(editor.compareLinks).toHaveCount(1);
  // Each save's answer (a new revision listed) is awaited: typing before it arrives would be reset.
  for (const [i, body] of ['The ferry leaves at ten', 'The last ferry leaves at ten'].entries()) {
    await editor.body.fill(body);
    await editor.saveDraftButton.click();
    await expect(editor.compareLinks).toHaveCount(i + 2);
    await expect(editor.bodyTextarea).toHaveValue(body);
  }
  const [newest, middle, oldest] = await revisions.revisionIds();
  const articleId = Number(/\/admin\/articles\/(\d+)/.exec(editor.page.url())?.[1]);

  // The oldest against the newest.
  expect((await revisions.gotoCompare(articleId, oldest, newest))?.status()).toBe(200);
  await expect(editor.page.getByRole('heading', { level: 1, name: 'Compare revisions' })).toBeVisible();
  await expect(revisions.diff('body').locator('del')).toHaveText(['nine']);
  await expect(revisions.diff('body').locator('ins')).toHaveText(['last ', 'ten']);
  await expect(editor.page.getByRole('heading', { name: 'Title (unchanged)' })).toBeVisible();
  for (const side of ['From', 'To'] as const) {
    await expect(revisions.side(side).locator('time')).toHaveText(SECONDS);
    await expect(revisions.side(side)).toContainText('Daniel Whitcombe');
    await expect(revisions.side(side)).toContainText('draft');
  }

  // Choose another pair in the list on the page: the middle one against the newest.
  await expect(revisions.fromRadios.nth(2)).toBeChecked();
  await expect(revisions.toRadios.nth(0)).toBeChecked();
  await revisions.fromRadios.nth(1).check();
  await revisions.compareButton.click();
  await expectPair(editor.page, middle, newest);
  await expect(revisions.diff('body').locator('del')).toHaveCount(0);
  await expect(revisions.diff('body').locator('ins')).toHaveText(['last ']);

  // Backwards works too.
  await editor.page.getByRole('link', { name: 'Swap from and to' }).click();
  await expectPair(editor.page, newest, middle);
  await expect(revisions.diff('body').locator('del')).toHaveText(['last ']);

  // Restore the "To" side (the middle one): a new revision with a note, shown in the list.
  await revisions.side('To').getByRole('button', { name: 'Restore this revision' }).click();
  await expect(editor.text('Revision restored')).toBeVisible();
  await expect(editor.bodyTextarea).toHaveValue('The ferry leaves at ten');
  await expect(editor.compareLinks).toHaveCount(4);
  await expect(editor.page.getByText(/Restored from the revision of /)).toBeVisible();
  await editor.page.context().close();
});

test('the revision list on the editor page compares the one before the newest with the newest by default', async ({ browser }) => {
  const editor = new EditorPage(await staffPage(browser, 'editor@example.com'));
  const revisions = new RevisionsPage(editor.page);
  await editor.gotoNew();
  await editor.fill({ title: `Harbour lights ${uniq()}`, body: 'Lights go on at dusk' });
  await editor.saveDraftButton.click();
  await expect(editor.text('Saved.')).toBeVisible();
  await expect(editor.compareLinks).toHaveCount(1);
  await editor.body.fill('Lights go on at six');
  await editor.saveDraftButton.click();
  await expect(editor.compareLinks).toHaveCount(2);
  // components/admin/revision-list.tsx replaces the editor page's list when merged.
  const [newest, previous] = await revisions.revisionIds();
  await expect(editor.page.getByRole('region', { name: 'Revisions' }).locator('time').first()).toHaveText(SECONDS);
  await expect(revisions.fromRadios.nth(1)).toBeChecked();
  await expect(revisions.toRadios.nth(0)).toBeChecked();
  await revisions.compareButton.click();
  await expectPair(editor.page, previous, newest);
  await expect(revisions.diff('body').locator('ins')).toHaveText(['six']);
  await editor.page.context().close();
});

test('the compare page answers a real 404 for another article’s revision or a bad pair, never a 500', async ({ browser }) => {
  const editor = await requestAs(browser, 'editor');
  const one = await saveDraft(editor, { title: `Compare one ${uniq()}`, body: 'First.' });
  const two = await saveDraft(editor, { title: `Compare two ${uniq()}`, body: 'Second.' });
  const revisionOf = async (articleId: number) =>
    Number((await queryRows<{ id: number }>('select id from revisions where article_id = ? order by id desc limit 1', [articleId]))[0].id);
  const [mine, theirs] = [await revisionOf(one.id), await revisionOf(two.id)];
  const base = `/admin/articles/${one.id}/revisions/compare`;
  expect((await editor.get(`${base}?from=${mine}&to=${mine}`)).status()).toBe(200);
  for (const query of [
    `?from=${mine}&to=${theirs}`,
    `?from=${theirs}&to=${mine}`,
    `?from=${mine}`,
    '',
    `?from=${mine}&to=abc`,
    `?from=${mine}&to=99999999999999999999`,
    `?from=${mine}&to=${mine}&to=${mine}`,
  ]) {
    const response = await editor.get(`${base}${query}`, { maxRedirects: 0 });
    expect(response.status(), query).toBe(404);
    expect(await response.text(), query).toContain('Page not found');
  }
  expect((await editor.get(`/admin/articles/999999999/revisions/compare?from=${mine}&to=${mine}`)).status()).toBe(404);
});

/**
 * Calls uploadInlineImageAction as the editor's client island does (one FormData argument, sent as
 * React encodes it: the form's fields prefixed "_1_", the arguments ["$K1"]); returns its Markdown.
 */
async function uploadInlineImage(request: Awaited<ReturnType<typeof requestAs>>, fields: { alt: string; caption: string; credit: string }) {
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();
  // In this order: the arguments come last, once the fields they refer to have arrived.
  const form = new FormData();
  form.append('_1_image', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'pier.png');
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  form.append('0', '["$K1"]');
  const response = await request.post('/admin/articles/new', {
    headers: { 'Next-Action': actionId(ARTICLE_ACTIONS, 'uploadInlineImageAction'), Accept: 'text/x-component' },
    multipart: form,
    maxRedirects: 0,
  });
  const text = await response.text();
  const markdown = /"markdown":("(?:[^"\\]|\\.)*")/.exec(text)?.[1];
  expect(markdown, text).toBeTruthy();
  return JSON.parse(markdown!) as string;
}

test('an inline image with a caption and a credit reaches readers as a figure', async ({ browser, newReader }) => {
  const editor = await requestAs(browser, 'editor');
  const markdown = await uploadInlineImage(editor, { alt: 'Boats at the pier', caption: 'Boats leave the pier at dawn', credit: 'Jane Doe/Reuters' });
  expect(markdown).toMatch(/^!\[Boats at the pier\]\(\/media\/\S+ "Boats leave the pier at dawn — Jane Doe\/Reuters"\)$/);

  const title = `Pier at dawn ${uniq()}`;
  const { slug } = await publishArticle(editor, { title, body: `The boats went out early.\n\n${markdown}\n\nThey came back by noon.` });
  const { page } = await newReader();
  await page.goto(`/articles/${slug}`);
  const figure = page.locator('article figure', { has: page.getByRole('img', { name: 'Boats at the pier' }) });
  await expect(figure.locator('figcaption')).toHaveText('Boats leave the pier at dawn Jane Doe/Reuters');
  await expect(figure.locator('figcaption .credit')).toHaveText('Jane Doe/Reuters');
  // The uploaded file itself is served and shown.
  await expect.poll(() => figure.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test('the inline image form puts the image with its caption and credit at the cursor', async ({ browser }) => {
  const editor = new EditorPage(await staffPage(browser, 'editor@example.com'));
  await editor.gotoNew();
  // components/admin/inline-image-form.tsx replaces the editor's own form when merged.
  await editor.body.fill('First paragraph.\n\nSecond paragraph.');
  await editor.body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(16, 16));
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#996633' } })
    .png()
    .toBuffer();
  await editor.page.getByLabel('Image file').setInputFiles({ name: 'gull.png', mimeType: 'image/png', buffer: png });
  await editor.page.getByLabel('Image alt text').fill('A gull on a post');
  await editor.page.getByLabel('Caption', { exact: true }).fill('A gull keeps watch');
  await editor.page.getByLabel('Credit', { exact: true }).fill('J. Doe');
  await editor.page.getByRole('button', { name: 'Insert image' }).click();
  await expect(editor.bodyTextarea).toHaveValue(
    /^First paragraph\.\n\n!\[A gull on a post\]\(\/media\/\S+ "A gull keeps watch — J\. Doe"\)\n\nSecond paragraph\.$/,
  );
  await expect(editor.page.locator('[aria-labelledby="preview-heading"] figcaption')).toHaveText('A gull keeps watch J. Doe');
  await editor.page.context().close();
});
