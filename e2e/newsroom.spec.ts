import { expect, test, type Page } from '@playwright/test';
import { queryRows } from './support/db';
import { staffPage } from './support/staff';

const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const slugOf = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

async function fillArticle(page: Page, fields: { title: string; body: string; standfirst?: string; section?: string; tags?: string }) {
  await page.getByLabel('Title', { exact: true }).fill(fields.title);
  if (fields.standfirst) await page.getByLabel('Standfirst').fill(fields.standfirst);
  await page.getByLabel('Body').fill(fields.body);
  if (fields.section) await page.getByLabel('Section').selectOption({ label: fields.section });
  if (fields.tags) await page.getByLabel('Tags').fill(fields.tags);
}

test('an author drafts and submits; an editor edits and publishes; readers see it at once', async ({ browser }) => {
  const author = await staffPage(browser, 'author@example.com');
  await author.goto('/admin/articles/new');
  const title = `Tide tables move online ${uniq()}`;
  await fillArticle(author, { title, standfirst: 'The harbour office retires its printed booklet.', body: 'The printed booklet is **gone**.\n\nReaders can still ask at the office.', section: 'News', tags: 'Waterfront' });
  await expect(author.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
  await author.getByRole('button', { name: 'Save draft' }).click();
  await expect(author.getByText('Saved.')).toBeVisible();
  await expect(author.getByText('Status: draft')).toBeVisible();
  await author.getByRole('button', { name: 'Submit for review' }).click();
  await expect(author.getByText('Submitted for review.')).toBeVisible();
  const editUrl = author.url().split('?')[0];

  const reader = await browser.newPage();
  const slug = slugOf(title);
  expect((await reader.goto(`/articles/${slug}`))?.status()).toBe(404);

  const editor = await staffPage(browser, 'editor@example.com');
  await editor.goto('/admin/articles?status=review');
  await editor.getByRole('link', { name: title }).click();
  await expect(editor).toHaveURL(editUrl);
  await editor.getByLabel('Standfirst').fill('The harbour office retires its printed booklet after 60 years.');
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(editor.getByText('Published. Readers see it now.')).toBeVisible();

  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(reader.getByText('after 60 years')).toBeVisible();
  await expect(reader.getByRole('link', { name: 'Priya Raman' }).first()).toHaveAttribute('href', '/authors/priya-raman');
  await reader.goto('/');
  await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
  await reader.goto('/sections/news');
  await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
  await reader.goto('/tags/waterfront');
  await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
});

test('validation refuses a missing title with a message beside the field, keeping the body', async ({ browser }) => {
  const editor = await staffPage(browser, 'editor@example.com');
  await editor.goto('/admin/articles/new');
  await editor.getByLabel('Body').fill('Words that must not be lost.');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  const title = editor.getByLabel('Title', { exact: true });
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.locator(`#${await title.getAttribute('aria-describedby')}`)).toHaveText('Please give the article a title.');
  await expect(editor.getByLabel('Body')).toHaveValue('Words that must not be lost.');
  await expect(editor).toHaveURL(/\/admin\/articles\/new$/);
});

test('a scheduled article appears at its time with nobody acting', async ({ browser }) => {
  const editor = await staffPage(browser, 'editor@example.com');
  await editor.goto('/admin/articles/new');
  const title = `Night ferry trial ${uniq()}`;
  await fillArticle(editor, { title, body: 'A late crossing will run for a month.', section: 'News' });
  const at = new Date(Date.now() + 4_000).toISOString().slice(0, 19);
  await editor.getByLabel('Publish at (UTC)').fill(at);
  await editor.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(editor.getByText('Scheduled.')).toBeVisible();

  const reader = await browser.newPage();
  const slug = slugOf(title);
  expect((await reader.goto(`/articles/${slug}`))?.status()).toBe(404);
  await expect
    .poll(async () => (await reader.request.get(`/articles/${slug}`)).status(), { timeout: 20_000, intervals: [1000] })
    .toBe(200);
  // Its lists follow within the same scheduler pass (a render already in flight may finish first).
  for (const list of ['/sections/news', '/']) {
    await expect(async () => {
      await reader.goto(list);
      await expect(reader.getByRole('link', { name: title }).first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 10_000 });
  }
});

test('changing a published slug keeps a permanent redirect from the old address', async ({ browser }) => {
  const editor = await staffPage(browser, 'editor@example.com');
  await editor.goto('/admin/articles/new');
  const title = `Pier lamps restored ${uniq()}`;
  await fillArticle(editor, { title, body: 'Twelve lamps shine again.', section: 'News' });
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(editor.getByText('Published. Readers see it now.')).toBeVisible();
  const oldSlug = slugOf(title);
  const newSlug = `${oldSlug}-renamed`;
  await editor.getByLabel('Slug').fill(newSlug);
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(editor.getByRole('link', { name: 'View on site' })).toHaveAttribute('href', `/articles/${newSlug}`);

  const response = await editor.request.get(`/articles/${oldSlug}`, { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  expect(response.headers()['location']).toContain(`/articles/${newSlug}`);
  const reader = await browser.newPage();
  await reader.goto(`/articles/${oldSlug}`);
  await expect(reader).toHaveURL(new RegExp(`/articles/${newSlug}$`));
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('every save keeps a revision that can be compared and restored', async ({ browser }) => {
  const editor = await staffPage(browser, 'editor@example.com');
  await editor.goto('/admin/articles/new');
  const title = `Lifeboat appeal ${uniq()}`;
  await fillArticle(editor, { title, body: 'The appeal raised four thousand pounds.' });
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor.getByText('Saved.')).toBeVisible();
  await editor.getByLabel('Body').fill('The appeal raised six thousand pounds.');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor.getByLabel('Body')).toHaveValue('The appeal raised six thousand pounds.');

  const compare = editor.getByRole('link', { name: 'Compare with current' });
  await expect(compare).toHaveCount(2);
  await compare.last().click();
  const body = editor.locator('[data-diff-field="body"]');
  await expect(body.locator('del')).toHaveText('four');
  await expect(body.locator('ins')).toHaveText('six');
  await editor.getByRole('button', { name: 'Restore this revision' }).click();
  await expect(editor.getByText('Revision restored')).toBeVisible();
  await expect(editor.locator('textarea[name="body"]:visible')).toHaveValue('The appeal raised four thousand pounds.');
  await expect(editor.getByRole('link', { name: 'Compare with current' })).toHaveCount(3);
});

test('an admin creates a moderator, who can then sign in', async ({ browser }) => {
  const admin = await staffPage(browser, 'admin@example.com');
  await admin.goto('/admin/users');
  const email = `mod-${uniq()}@example.com`;
  await admin.getByLabel('Name', { exact: true }).fill('Morgan Moderator');
  await admin.getByLabel('Email', { exact: true }).fill(email);
  await admin.getByLabel('Role', { exact: true }).selectOption('moderator');
  await admin.getByLabel('Password', { exact: true }).fill('a-long-moderator-password');
  await admin.getByRole('button', { name: 'Create account' }).click();
  await expect(admin.getByText('Created Morgan Moderator (moderator).')).toBeVisible();
  await expect(admin.getByRole('cell', { name: email })).toBeVisible();

  const address = `10.78.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } });
  const moderator = await context.newPage();
  await moderator.goto('/login');
  await moderator.getByLabel('Email').fill(email);
  await moderator.getByLabel('Password').fill('a-long-moderator-password');
  await moderator.getByRole('button', { name: 'Sign in' }).click();
  await expect(moderator).toHaveURL(/\/admin$/);
  await expect(moderator.getByText('Morgan Moderator (moderator)')).toBeVisible();
  await expect(moderator.getByRole('link', { name: 'Staff' })).toHaveCount(0);
});

test('a cover image is checked by content, re-encoded and shown with its alt text', async ({ browser }) => {
  const sharp = (await import('sharp')).default;
  const editor = await staffPage(browser, 'editor@example.com');
  await editor.goto('/admin/articles/new');
  const title = `Harbour at dawn ${uniq()}`;
  await fillArticle(editor, { title, body: 'The first boats go out.', section: 'News' });
  await editor.getByText('Cover, search engines, comments and corrections').click();

  // A text file dressed up as a PNG is refused, and nothing is saved.
  await editor.getByLabel('Cover image').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
  await editor.getByLabel('Cover alt text').fill('Boats leaving the harbour at dawn');
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(editor.getByText('That file is not an image we can read')).toBeVisible();
  await expect(editor).toHaveURL(/\/admin\/articles\/new$/);

  const png = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#55708a' } }).png().toBuffer();
  // The refusal left the cover fields open, with the message beside the file field.
  await expect(editor.getByLabel('Cover image')).toHaveAttribute('aria-invalid', 'true');
  await editor.getByLabel('Cover image').setInputFiles({ name: 'dawn.png', mimeType: 'image/png', buffer: png });
  await editor.getByLabel('Cover alt text').fill('Boats leaving the harbour at dawn');
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(editor.getByText('Published. Readers see it now.')).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto(`/articles/${slugOf(title)}`);
  const cover = reader.getByRole('img', { name: 'Boats leaving the harbour at dawn' });
  await expect(cover).toBeVisible();
  const src = new URL((await cover.getAttribute('src'))!, 'http://x').searchParams.get('url') ?? (await cover.getAttribute('src'))!;
  expect(src).toMatch(/^\/media\/\d{4}\/\d{2}\/[\w-]+\.webp$/);
  const file = await reader.request.get(src);
  expect(file.headers()['content-type']).toBe('image/webp');
  expect(file.headers()['cache-control']).toContain('immutable');
});

test('a staff member edits their own profile, shown on their author page', async ({ browser }) => {
  // Its own account, so no other test's view of a demo account changes under it.
  const email = `profile-${uniq()}@example.com`;
  const { hash } = await import('@node-rs/argon2');
  await queryRows("insert into users (email, name, slug, role, password_hash) values (?, 'Pat Profile', ?, 'author', ?)", [
    email,
    `pat-profile-${uniq()}`,
    await hash('broadsheet-demo'),
  ]);
  const page = await staffPage(browser, email);
  await page.goto('/admin/profile');
  const bio = `Community editor; answers readers' questions every weekday ${uniq()}.`;
  await page.getByLabel('Bio').fill(bio);
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('The new password must be at least 12 characters.')).toBeVisible();
  await page.getByLabel('New password').fill('');
  await page.getByLabel('Bio').fill(bio);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  const slug = (await page.getByRole('link', { name: /^\/authors\// }).textContent())!.replace('/authors/', '');
  const reader = await browser.newPage();
  await reader.goto(`/authors/${slug}`);
  await expect(reader.getByText(bio)).toBeVisible();

  // A new name reaches the byline of an article already cached with the old one.
  const articleSlug = `tide-tables-${uniq()}`;
  const [me] = await queryRows<{ id: number }>('select id from users where email = ?', [email]);
  const [inserted] = await queryRows<{ id: number }>(
    "insert into articles (slug, title, body, status, published_at, created_by_id, updated_at) values (?, 'Tide tables for the winter', 'Body.', 'published', ?, ?, ?) returning id",
    [articleSlug, Date.now() - 60_000, Number(me.id), Date.now()],
  );
  await queryRows('insert into article_authors (article_id, user_id, position) values (?, ?, 0)', [Number(inserted.id), Number(me.id)]);
  await reader.goto(`/articles/${articleSlug}`);
  await expect(reader.getByRole('link', { name: 'Pat Profile' }).first()).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Patricia Profile');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await expect(async () => {
    await reader.goto(`/articles/${articleSlug}`);
    await expect(reader.getByRole('link', { name: 'Patricia Profile' }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
});

test('a signed-in editor replying on the site is approved at once and marked Staff', async ({ browser }) => {
  const editor = await staffPage(browser, 'editor@example.com');
  const slug = 'the-tide-mill-turns-again-as-a-working-museum';
  await editor.goto(`/articles/${slug}`);
  await editor.waitForTimeout(3500); // a human-speed submission (the rules treat instant posts as bots)
  const text = `The mill wheel is worth the visit alone ${uniq()}`;
  await editor.getByLabel('Comment', { exact: true }).fill(text);
  await editor.getByLabel('Name', { exact: true }).fill('Daniel');
  await editor.getByLabel('Email', { exact: true }).fill('editor@example.com');
  await editor.getByRole('button', { name: 'Post Comment' }).click();

  const reader = await browser.newPage();
  await expect(async () => {
    await reader.goto(`/articles/${slug}`);
    const comment = reader.getByRole('article', { name: 'Comment by Daniel Whitcombe' }).filter({ hasText: text });
    await expect(comment).toBeVisible({ timeout: 1000 });
    await expect(comment.getByText('Staff', { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
});
