import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { queryRows } from './support/db';
import { insertReply, newArticle, replyStatus } from './support/discussion';
import { DeskPage } from './support/desk-page';
import { SignInPage } from './support/staff-admin-page';
import { staffPage } from './support/staff';
import { TaxonomyPage } from './support/taxonomy-page';
import { uniq, uniqueAddress } from './support/unique';

// The rough edges a new editor met in the newsroom (issue 15, point 4): the dashboard's figures lead
// somewhere, deleting asks first (with and without JavaScript) and says what it did, removing a whole
// thread is kept apart from Approve behind a confirmation, nothing overflows a phone, and quoted
// passages carry their quotation marks once.

async function signedInWithoutJavaScript(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': uniqueAddress() } });
  const page = await context.newPage();
  await new SignInPage(page).signIn(email, 'broadsheet-demo');
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

/** An article by the demo editor in any status, changed just now. */
async function insertArticle(title: string, status: string, body = 'The story.'): Promise<number> {
  const [editor] = await queryRows<{ id: number }>("select id from users where email = 'editor@example.com'");
  const now = Date.now();
  const [row] = await queryRows<{ id: number }>(
    'insert into articles (slug, title, body, status, published_at, created_by_id, updated_at) values (?, ?, ?, ?, ?, ?, ?) returning id',
    [`${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, title, body, status, status === 'published' ? now - 60_000 : null, editor.id, now],
  );
  await queryRows('insert into article_authors (article_id, user_id, position) values (?, ?, 0)', [row.id, editor.id]);
  return Number(row.id);
}

const sectionCount = async (name: string) => Number((await queryRows<{ n: number }>('select count(*) as n from sections where name = ?', [name]))[0].n);
const tagCount = async (name: string) => Number((await queryRows<{ n: number }>('select count(*) as n from tags where name = ?', [name]))[0].n);

test('the dashboard’s counts lead to their filtered lists and its recent articles to their editors', async ({ browser }) => {
  const title = `Dashboard draft ${uniq()}`;
  await insertArticle(title, 'draft');
  const page = await staffPage(browser, 'editor@example.com');
  await page.reload();

  // Drafts → the article list narrowed to drafts, which shows this one and nothing else.
  await page.getByRole('link', { name: 'Drafts', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/articles\?status=draft$/);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  const statuses = await page
    .locator('tbody [data-status]')
    .filter({ visible: true })
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  expect(new Set(statuses)).toEqual(new Set(['draft']));

  await page.goto('/admin');
  for (const [name, status] of [
    ['In review', 'review'],
    ['Scheduled', 'scheduled'],
    ['Published', 'published'],
  ]) {
    await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute('href', `/admin/articles?status=${status}`);
  }
  await expect(page.getByRole('link', { name: 'Pending replies' })).toHaveAttribute('href', '/admin/comments?status=pending');

  // Every recently changed article opens its editor.
  const recent = page.getByRole('region', { name: 'Recently changed' }).getByRole('link');
  await expect(recent.first()).toBeVisible();
  for (const href of await recent.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/admin\/articles\/\d+$/);
  const first = recent.first();
  const firstTitle = (await first.textContent())!;
  await first.click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(firstTitle);
  await page.context().close();

  // A moderator's figures lead to the reply queue; the article counts are not links for someone who cannot open the list.
  const moderator = await staffPage(browser, 'moderator@example.com');
  await moderator.getByRole('link', { name: 'Pending replies' }).click();
  await expect(moderator).toHaveURL(/\/admin\/comments\?status=pending$/);
  await moderator.goto('/admin');
  await expect(moderator.getByRole('link', { name: 'Drafts', exact: true })).toHaveCount(0);
  await expect(moderator.getByRole('region', { name: 'Recently changed' }).getByRole('link')).toHaveCount(0);
  await moderator.context().close();
});

test('deleting a section or a tag asks first, then says what it deleted', async ({ browser }) => {
  const desk = new TaxonomyPage(await staffPage(browser, 'editor@example.com'));
  const id = uniq();
  const name = `Short Lived ${id}`;
  await desk.goto();
  await desk.newSectionName.fill(name);
  await desk.createSectionButton.click();
  await expect(desk.text(`Created the section ${name}`)).toBeVisible();

  // "Delete…" deletes nothing: it says what deleting does and offers the real button.
  await expect(desk.deleteSectionButton(name)).toBeHidden();
  await desk.openDeleteSection(name).click();
  await expect(desk.text(`It leaves the site’s menu and its page /sections/short-lived-${id} goes away. This cannot be undone.`)).toBeVisible();
  expect(await sectionCount(name)).toBe(1);
  await desk.deleteSectionButton(name).click();
  await expect(desk.text(`Deleted the section ${name}.`)).toBeVisible();
  // The notice is about the delete: the add form's earlier answer is gone.
  await expect(desk.text(`Created the section ${name}`)).toHaveCount(0);
  await expect(desk.openDeleteSection(name)).toHaveCount(0);
  expect(await sectionCount(name)).toBe(0);

  // Tags: an unused tag goes after its confirmation; one still on an article says why not, in its row.
  const unused = `Unused ${id}`;
  const used = `Used ${id}`;
  // Slugs that sort first, so both are on the first page of the tag list.
  const [usedTag] = await queryRows<{ id: number }>('insert into tags (slug, name) values (?, ?), (?, ?) returning id', [
    `aaa-used-${id}`,
    used,
    `aaa-unused-${id}`,
    unused,
  ]);
  const articleId = await insertArticle(`Tagged story ${id}`, 'published');
  await queryRows('insert into article_tags (article_id, tag_id) values (?, ?)', [articleId, usedTag.id]);
  await desk.page.reload();
  await desk.openDeleteTag(used).click();
  await expect(desk.text(`${used} is still on 1 article, so it cannot be deleted`)).toBeVisible();
  await desk.deleteTagButton(used).click();
  await expect(desk.text('This tag is still on 1 article; merge it into another tag instead.')).toBeVisible();
  expect(await tagCount(used)).toBe(1);

  await desk.deleteTag(unused);
  await expect(desk.text(`Deleted the tag ${unused}.`)).toBeVisible();
  expect(await tagCount(unused)).toBe(0);
  await desk.page.context().close();
});

test('without JavaScript, deleting a section and removing a thread each take a confirmation', async ({ browser }) => {
  const page = await signedInWithoutJavaScript(browser, 'editor@example.com');
  const desk = new TaxonomyPage(page);
  const name = `No Script Gone ${uniq()}`;
  await desk.goto();
  await desk.newSectionName.fill(name);
  await desk.createSectionButton.click();
  await expect(desk.text(`Created the section ${name}`)).toBeVisible();
  await expect(desk.deleteSectionButton(name)).toBeHidden();
  await desk.openDeleteSection(name).click();
  await expect(desk.deleteSectionButton(name)).toBeVisible();
  expect(await sectionCount(name)).toBe(1);
  await desk.deleteSectionButton(name).click();
  await expect(desk.text(`Deleted the section ${name}.`)).toBeVisible();
  expect(await sectionCount(name)).toBe(0);

  const article = await newArticle('Thread confirm');
  const root = await insertReply(article.id, { name: 'Thread Root', email: `root-${uniq()}@example.org`, body: 'Root' });
  const child = await insertReply(article.id, { name: 'Thread Child', email: `child-${uniq()}@example.org`, body: 'Child', parentId: root, depth: 2 });
  const comments = new DeskPage(page);
  await comments.goto(`status=approved&article=${article.id}`);
  const row = comments.row('Thread Root');
  // Approve's row of buttons does not hold it; the disclosure says what it does before anything happens.
  await expect(comments.button(row, 'Remove this whole thread')).toBeHidden();
  await comments.removeThreadDisclosure(row).click();
  await expect(row.getByText('every reply under it to the trash')).toBeVisible();
  expect(await replyStatus(root)).toBe('approved');
  await comments.button(row, 'Remove this whole thread').click();
  await expect(comments.notice('Moved to the trash: 2 replies.')).toBeVisible();
  expect([await replyStatus(root), await replyStatus(child)]).toEqual(['trash', 'trash']);
  await page.context().close();
});

test('at 360 px wide no admin page scrolls sideways, even with long words and addresses', async ({ browser }) => {
  const id = uniq();
  const article = await newArticle('Narrow screen');
  const email = `averyveryverylongemailaddresswithoutanybreaks${id}@example.org`;
  await insertReply(article.id, {
    name: `Longwinded${id}Commenterwithaverylongname`,
    email,
    body: `Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaah ${'x'.repeat(80)} https://example.org/${'y'.repeat(80)}`,
    status: 'pending',
  });
  await insertArticle(`Narrow ${id} Supercalifragilisticexpialidociousandthensomeevenlongerwords`, 'draft');
  const page = await staffPage(browser, 'admin@example.com');
  await page.setViewportSize({ width: 360, height: 800 });
  for (const path of [
    '/admin',
    '/admin/articles',
    '/admin/sections',
    '/admin/users',
    '/admin/comments',
    `/admin/comments?status=pending&email=${encodeURIComponent(email)}`,
  ]) {
    await page.goto(path);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, `${path} is ${scrollWidth} px wide`).toBeLessThanOrEqual(innerWidth);
  }
  // The long reply is on the page it was checked on.
  await expect(page.getByText(email)).toBeVisible();
  await page.context().close();
});

test('a quoted passage shows its own quotation marks once (the stylesheet adds none)', async ({ newReader }) => {
  const title = `Quoted ${uniq()}`;
  await insertArticle(title, 'published', 'Before.\n\n> “We would rather do it once, properly,” she said.\n\nAfter.');
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const reader = await newReader();
  await reader.page.goto(`/articles/${slug}`);
  const quote = reader.page.locator('blockquote p').first();
  await expect(quote).toHaveText('“We would rather do it once, properly,” she said.');
  const added = await quote.evaluate((p) => [getComputedStyle(p, '::before').content, getComputedStyle(p, '::after').content]);
  expect(added).toEqual(['none', 'none']);
});
