import { expect, test } from './support/fixtures';
import { ARTICLE_ACTIONS, articleFields, articleVersion, publishArticle } from './support/newsroom';
import { callAction, requestAs } from './support/actions';
import { queryRows } from './support/db';
import { EditorPage } from './support/editor-page';
import { staffPage } from './support/staff';

// Editing that never loses a word: two editors on one article, pending changes on a live article,
// autosave after a closed tab, and who has an article open.

const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

async function newDraft(editor: EditorPage, title: string, body: string): Promise<string> {
  await editor.gotoNew();
  await editor.fill({ title, body });
  await editor.saveDraftButton.click();
  await expect(editor.text('Saved.')).toBeVisible();
  return editor.page.url().split('?')[0];
}

test('two editors save one article: the later save is refused with who, when and the difference; "Save my version" keeps both', async ({ browser }) => {
  test.setTimeout(90_000);
  const ada = new EditorPage(await staffPage(browser, 'editor@example.com'));
  const bo = new EditorPage(await staffPage(browser, 'admin@example.com'));
  const title = `Bridge closed by storm ${uniq()}`;
  const url = await newDraft(ada, title, 'The bridge is closed.');
  const id = Number(url.split('/').pop());

  await bo.page.goto(url);
  // Each sees the other has it open: Bo sees Ada holding it at once; Ada sees Bo when her page asks again.
  await expect(bo.page.getByText('is editing this article')).toBeVisible();
  await expect(async () => {
    await ada.page.reload();
    await expect(ada.page.getByText(/Also open now: .+\./)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // The article list says so too.
  const list = await ada.page.context().newPage();
  await expect(async () => {
    await list.goto(`/admin/articles?q=${encodeURIComponent(title)}`);
    await expect(list.getByText(/editing now/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await list.close();

  await ada.body.fill('The bridge is closed until Friday, the council says.');
  await ada.saveDraftButton.click();
  await expect(ada.text('Saved.')).toBeVisible();

  const bosText = 'The bridge is closed. Ferries run every hour instead.';
  await bo.body.fill(bosText);
  await bo.saveDraftButton.click();
  const alert = bo.page.getByRole('alert').filter({ hasText: 'since you opened it' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/changed this article at \d\d:\d\d since you opened it/);
  // The difference: Ada's words struck through, Bo's highlighted; Bo's text is still in the form.
  await expect(alert.locator('[data-diff-field="conflict-body"] del', { hasText: 'Friday' })).toHaveCount(1);
  await expect(alert.locator('[data-diff-field="conflict-body"] ins', { hasText: 'Ferries' })).toHaveCount(1);
  await expect(bo.body).toHaveValue(bosText);
  const [stored] = await queryRows<{ body: string }>('select body from articles where id = ?', [id]);
  expect(stored.body).toBe('The bridge is closed until Friday, the council says.');

  await bo.page.getByRole('button', { name: 'Save my version' }).click();
  await expect(bo.text('Saved.')).toBeVisible();
  const [after] = await queryRows<{ body: string }>('select body from articles where id = ?', [id]);
  expect(after.body).toBe(bosText);
  const revisions = await queryRows<{ body: string }>('select body from revisions where article_id = ? order by id', [id]);
  expect(revisions.map((r) => r.body)).toEqual(expect.arrayContaining(['The bridge is closed until Friday, the council says.', bosText]));
});

test('a stale save without JavaScript is refused too, and the editor page shows the difference from the kept text', async ({ browser }) => {
  test.setTimeout(90_000);
  const editor = await requestAs(browser, 'editor');
  const title = `Flood defences ${uniq()}`;
  const { id } = await publishArticle(editor, { title, body: 'Defences held overnight.' });
  const opened = await articleVersion(id);
  // Someone else keeps a change pending first.
  const first = await callAction(
    editor,
    `/admin/articles/${id}`,
    ARTICLE_ACTIONS,
    'saveArticleAction',
    articleFields(title, 'save', String(id), { body: 'Defences held overnight, just.', baseVersion: opened }),
    true,
  );
  expect(first.headers()['location']).toContain('notice=pending');
  const stale = opened;
  const response = await callAction(
    editor,
    `/admin/articles/${id}`,
    ARTICLE_ACTIONS,
    'saveArticleAction',
    articleFields(title, 'publish', String(id), { body: 'Defences failed overnight.', baseVersion: stale }),
    true,
  );
  expect(response.status()).toBe(303);
  const to = response.headers()['location'];
  expect(to).toContain(`/admin/articles/${id}?restore=autosave`);
  const [stored] = await queryRows<{ body: string }>('select body from articles where id = ?', [id]);
  expect(stored.body).toBe('Defences held overnight.');
  const page = await (await editor.get(to)).text();
  expect(page).toContain('since you opened it');
  expect(page).toContain('Save my version');
  expect(page).toContain('Defences failed overnight.');
});

test('changes to a published article wait as pending until Publish; readers see the live text meanwhile', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const editorRequest = await requestAs(browser, 'editor');
  const title = `Council tax vote ${uniq()}`;
  const { id, slug } = await publishArticle(editorRequest, { title, body: 'The council votes tonight.' });
  const editor = new EditorPage(await staffPage(browser, 'editor@example.com'));
  await editor.page.goto(`/admin/articles/${id}`);
  await editor.body.fill('The council voted 7 to 4 for the rise.');
  await editor.saveDraftButton.click();
  await expect(editor.text('Saved as pending changes.')).toBeVisible();
  await expect(editor.page.getByText('Pending changes.', { exact: true })).toBeVisible();
  await expect(editor.body).toHaveValue('The council voted 7 to 4 for the rise.');

  await page.goto(`/articles/${slug}`);
  await expect(page.getByText('The council votes tonight.')).toBeVisible();
  await expect(page.getByText('voted 7 to 4')).toHaveCount(0);

  await editor.publishButton.click();
  await expect(editor.text('Published. Readers see it now.')).toBeVisible();
  await expect(editor.page.getByText('Pending changes.', { exact: true })).toHaveCount(0);
  await expect(async () => {
    await page.goto(`/articles/${slug}`);
    await expect(page.getByText('The council voted 7 to 4 for the rise.')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
});

test('autosave: typing is kept privately; after the tab is closed, reopening offers "Restore unsaved changes" and restores it', async ({ browser }) => {
  test.setTimeout(90_000);
  const first = new EditorPage(await staffPage(browser, 'editor@example.com'));
  const title = `Harbour crane ${uniq()}`;
  const url = await newDraft(first, title, 'The crane arrives.');
  const id = Number(url.split('/').pop());
  const typed = 'The crane arrives on Tuesday by sea, two days late.';
  await first.body.fill(typed);
  await expect(first.page.getByText(/Unsaved changes kept privately at/)).toBeVisible({ timeout: 15_000 });
  // The article itself is untouched, and no revision was added.
  const [stored] = await queryRows<{ body: string }>('select body from articles where id = ?', [id]);
  expect(stored.body).toBe('The crane arrives.');
  expect(await queryRows('select id from revisions where article_id = ?', [id])).toHaveLength(1);
  await first.page.context().close();

  const again = new EditorPage(await staffPage(browser, 'editor@example.com'));
  await again.page.goto(url);
  await expect(again.body).toHaveValue('The crane arrives.');
  const restore = again.page.getByRole('button', { name: /Restore unsaved changes from \d\d:\d\d/ });
  await expect(restore).toBeVisible();
  await restore.click();
  await expect(again.body).toHaveValue(typed);
  await again.saveDraftButton.click();
  await expect(again.text('Saved.')).toBeVisible();
  await expect(again.page.getByRole('button', { name: /Restore unsaved changes/ })).toHaveCount(0);
  const [saved] = await queryRows<{ body: string }>('select body from articles where id = ?', [id]);
  expect(saved.body).toBe(typed);
});

test('taking an article over: the editor taken over from is told at their next heartbeat, and their text is kept', async ({ browser }) => {
  test.setTimeout(90_000);
  test.setTimeout(60_000);
  const ada = new EditorPage(await staffPage(browser, 'editor@example.com'));
  const bo = new EditorPage(await staffPage(browser, 'admin@example.com'));
  const url = await newDraft(ada, `Ferry strike ${uniq()}`, 'Ferries stop at noon.');
  await ada.body.fill('Ferries stop at noon; buses replace them.');

  await bo.page.goto(url);
  await bo.page.getByRole('button', { name: 'Take over' }).click();
  await expect(bo.text('You took this article over.')).toBeVisible();

  const told = ada.page.getByRole('alert').filter({ hasText: 'took this article over' });
  await expect(told).toBeVisible({ timeout: 25_000 });
  await expect(ada.saveDraftButton).toBeDisabled();
  // Ada's words were kept for her: reopening offers them back (leaving with unsaved text asks first).
  ada.page.on('dialog', (dialog) => void dialog.accept());
  await ada.page.goto(url);
  await ada.page.getByRole('button', { name: /Restore unsaved changes/ }).click();
  await expect(ada.body).toHaveValue('Ferries stop at noon; buses replace them.');
});
