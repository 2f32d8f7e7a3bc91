import { expect, test } from './support/fixtures';
import { queryRows } from './support/db';
import { ArticleListPage, EditorPage } from './support/editor-page';
import { staffPage } from './support/staff';
import { ProfilePage, SignInPage, StaffAccountsPage } from './support/staff-admin-page';

const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

test('an author drafts and submits; an editor edits and publishes; readers see it at once', async ({ browser }) => {
  const author = new EditorPage(await staffPage(browser, 'author@example.com'));
  await author.gotoNew();
  const title = `Tide tables move online ${uniq()}`;
  await author.fill({
    title,
    standfirst: 'The harbour office retires its printed booklet.',
    body: 'The printed booklet is **gone**.\n\nReaders can still ask at the office.',
    section: 'News',
    tags: 'Waterfront',
  });
  await expect(author.publishButton).toHaveCount(0);
  await author.saveDraftButton.click();
  await expect(author.text('Saved.')).toBeVisible();
  await expect(author.status('draft')).toBeVisible();
  await author.submitButton.click();
  await expect(author.text('Submitted for review.')).toBeVisible();
  const editUrl = author.page.url().split('?')[0];

  const reader = await browser.newPage();
  const slug = slugOf(title);
  expect((await reader.goto(`/articles/${slug}`))?.status()).toBe(404);

  const editor = new EditorPage(await staffPage(browser, 'editor@example.com'));
  const list = new ArticleListPage(editor.page);
  await list.goto('review');
  await list.article(title).click();
  await expect(editor.page).toHaveURL(editUrl);
  await editor.standfirst.fill('The harbour office retires its printed booklet after 60 years.');
  await editor.publishButton.click();
  await expect(editor.text('Published. Readers see it now.')).toBeVisible();

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
  const editor = new EditorPage(await staffPage(browser, 'editor@example.com'));
  await editor.gotoNew();
  await editor.body.fill('Words that must not be lost.');
  await editor.saveDraftButton.click();
  await expect(editor.title).toHaveAttribute('aria-invalid', 'true');
  await expect(await editor.messageOf(editor.title)).toHaveText('Please give the article a title.');
  await expect(editor.body).toHaveValue('Words that must not be lost.');
  await expect(editor.page).toHaveURL(/\/admin\/articles\/new$/);
});

test('a scheduled article appears at its time with nobody acting', async ({ browser }) => {
  // Far enough ahead that the reader's first look comes before it, on a busy machine too.
  test.setTimeout(60_000);
  const editor = new EditorPage(await staffPage(browser, 'editor@example.com'));
  await editor.gotoNew();
  const title = `Night ferry trial ${uniq()}`;
  await editor.fill({ title, body: 'A late crossing will run for a month.', section: 'News' });
  const at = new Date(Date.now() + 15_000).toISOString().slice(0, 19);
  await editor.publishAt.fill(at);
  await editor.scheduleButton.click();
  await expect(editor.text('Scheduled.')).toBeVisible();

  const reader = await browser.newPage();
  const slug = slugOf(title);
  expect((await reader.goto(`/articles/${slug}`))?.status()).toBe(404);
  await expect.poll(async () => (await reader.request.get(`/articles/${slug}`)).status(), { timeout: 30_000, intervals: [1000] }).toBe(200);
  // Its lists follow within the same scheduler pass (a render already in flight may finish first).
  for (const list of ['/sections/news', '/']) {
    await expect(async () => {
      await reader.goto(list);
      await expect(reader.getByRole('link', { name: title }).first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 10_000 });
  }
});

test('changing a published slug keeps a permanent redirect from the old address', async ({ browser }) => {
  const editor = new EditorPage(await staffPage(browser, 'editor@example.com'));
  await editor.gotoNew();
  const title = `Pier lamps restored ${uniq()}`;
  await editor.fill({ title, body: 'Twelve lamps shine again.', section: 'News' });
  await editor.publishButton.click();
  await expect(editor.text('Published. Readers see it now.')).toBeVisible();
  const oldSlug = slugOf(title);
  const newSlug = `${oldSlug}-renamed`;
  await editor.slug.fill(newSlug);
  await editor.publishButton.click();
  await expect(editor.viewOnSite).toHaveAttribute('href', `/articles/${newSlug}`);

  const response = await editor.page.request.get(`/articles/${oldSlug}`, { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  expect(response.headers()['location']).toContain(`/articles/${newSlug}`);
  const reader = await browser.newPage();
  await reader.goto(`/articles/${oldSlug}`);
  await expect(reader).toHaveURL(new RegExp(`/articles/${newSlug}$`));
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('every save keeps a revision that can be compared and restored', async ({ browser }) => {
  const editor = new EditorPage(await staffPage(browser, 'editor@example.com'));
  await editor.gotoNew();
  const title = `Lifeboat appeal ${uniq()}`;
  await editor.fill({ title, body: 'The appeal raised four thousand pounds.' });
  await editor.saveDraftButton.click();
  await expect(editor.text('Saved.')).toBeVisible();
  await editor.body.fill('The appeal raised six thousand pounds.');
  await editor.saveDraftButton.click();
  await expect(editor.body).toHaveValue('The appeal raised six thousand pounds.');

  await expect(editor.compareLinks).toHaveCount(2);
  await editor.compareLinks.last().click();
  const body = editor.diff('body');
  await expect(body.locator('del')).toHaveText('four');
  await expect(body.locator('ins')).toHaveText('six');
  await editor.restoreButton.click();
  await expect(editor.text('Revision restored')).toBeVisible();
  await expect(editor.bodyTextarea).toHaveValue('The appeal raised four thousand pounds.');
  await expect(editor.compareLinks).toHaveCount(3);
});

test('an admin creates a moderator, who can then sign in', async ({ browser }) => {
  const admin = new StaffAccountsPage(await staffPage(browser, 'admin@example.com'));
  await admin.goto();
  const email = `mod-${uniq()}@example.com`;
  await admin.create({ name: 'Morgan Moderator', email, role: 'moderator', password: 'a-long-moderator-password' });
  await expect(admin.text('Created Morgan Moderator (moderator).')).toBeVisible();
  await expect(admin.cell(email)).toBeVisible();

  const address = `10.78.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } });
  const moderator = await context.newPage();
  await new SignInPage(moderator).signIn(email, 'a-long-moderator-password');
  await expect(moderator).toHaveURL(/\/admin$/);
  await expect(moderator.getByText('Morgan Moderator (moderator)')).toBeVisible();
  await expect(moderator.getByRole('link', { name: 'Staff' })).toHaveCount(0);
});

test('a cover image is checked by content, re-encoded and shown with its alt text', async ({ browser }) => {
  const sharp = (await import('sharp')).default;
  const editor = new EditorPage(await staffPage(browser, 'editor@example.com'));
  await editor.gotoNew();
  const title = `Harbour at dawn ${uniq()}`;
  await editor.fill({ title, body: 'The first boats go out.', section: 'News' });
  await editor.moreFields.click();

  // A text file dressed up as a PNG is refused, and nothing is saved.
  await editor.coverImage.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
  await editor.coverAlt.fill('Boats leaving the harbour at dawn');
  await editor.publishButton.click();
  await expect(editor.text('That file is not an image we can read')).toBeVisible();
  await expect(editor.page).toHaveURL(/\/admin\/articles\/new$/);

  const png = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#55708a' } })
    .png()
    .toBuffer();
  // The refusal left the cover fields open, with the message beside the file field.
  await expect(editor.coverImage).toHaveAttribute('aria-invalid', 'true');
  await editor.coverImage.setInputFiles({ name: 'dawn.png', mimeType: 'image/png', buffer: png });
  await editor.coverAlt.fill('Boats leaving the harbour at dawn');
  await editor.publishButton.click();
  await expect(editor.text('Published. Readers see it now.')).toBeVisible();

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
  const profile = new ProfilePage(await staffPage(browser, email));
  await profile.goto();
  const bio = `Community editor; answers readers' questions every weekday ${uniq()}.`;
  await profile.bio.fill(bio);
  await profile.newPassword.fill('short');
  await profile.saveButton.click();
  await expect(profile.text('The new password must be at least 12 characters.')).toBeVisible();
  await profile.newPassword.fill('');
  await profile.bio.fill(bio);
  await profile.saveButton.click();
  await expect(profile.text('Profile saved.')).toBeVisible();
  const slug = (await profile.authorPageLink.textContent())!.replace('/authors/', '');
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
  await profile.name.fill('Patricia Profile');
  await profile.saveButton.click();
  await expect(profile.text('Profile saved.')).toBeVisible();
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
