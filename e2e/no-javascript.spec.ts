import { hash } from '@node-rs/argon2';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { queryRows } from './support/db';
import { insertReply, newArticle, replyStatus } from './support/discussion';
import { DEMO_PASSWORD } from './support/staff';
import { SettingsPage } from './support/settings-page';
import { ProfilePage, SignInPage, StaffAccountsPage } from './support/staff-admin-page';
import { TaxonomyPage } from './support/taxonomy-page';
import { newCommenter, uniq, uniqueAddress } from './support/unique';

// With JavaScript off, every staff form's answer (its message, each field's error, what was typed) is
// in the HTML of the page the plain form post ends on. The server runs with TRUST_PROXY=true
// (playwright.config.ts): X-Forwarded-For gives each context its own address.

async function withoutJavaScript(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': uniqueAddress() } });
  return context.newPage();
}

async function signedInWithoutJavaScript(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await withoutJavaScript(browser);
  await new SignInPage(page).signIn(email, password);
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

/** The answer is in the HTML itself, not put there by a script. */
async function html(page: Page): Promise<string> {
  const response = await page.request.get(page.url());
  return response.text();
}

test('sign-in: a refused sign-in shows why and keeps the email; a missing field is marked', async ({ browser }) => {
  const page = await withoutJavaScript(browser);
  const form = new SignInPage(page);
  await page.goto('/login?callbackUrl=%2Fadmin%2Fprofile');
  await form.submit('editor@example.com', 'not-the-password');
  await expect(page.getByText('That email and password do not match an active staff account.')).toBeVisible();
  await expect(form.email).toHaveValue('editor@example.com');
  expect(await html(page)).toContain('That email and password do not match an active staff account.');

  await form.submit('', 'some-password');
  await expect(page.getByText('Please enter your email address.')).toBeVisible();
  await expect(form.email).toHaveAttribute('aria-invalid', 'true');

  // The address to go back to survives the refusals.
  await form.submit('editor@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin\/profile$/);
  await page.context().close();
});

test('staff accounts: a refused account shows its field errors and keeps what was typed; a created one says so', async ({ browser }) => {
  const accounts = new StaffAccountsPage(await signedInWithoutJavaScript(browser, 'admin@example.com'));
  await accounts.goto();
  const id = uniq();
  const person = { name: `No Script ${id}`, email: `no-script-${id}@example.com`, role: 'moderator' };
  await accounts.create({ ...person, password: 'short' });
  await expect(accounts.text('The account was not created.')).toBeVisible();
  await expect(accounts.text('The password must be at least 12 characters.')).toBeVisible();
  await expect(accounts.password).toHaveAttribute('aria-invalid', 'true');
  await expect(accounts.name).toHaveValue(person.name);
  await expect(accounts.email).toHaveValue(person.email);
  await expect(accounts.role).toHaveValue(person.role);
  expect(await queryRows('select id from users where email = ?', [person.email])).toEqual([]);

  await accounts.create({ ...person, password: 'a-long-enough-password' });
  await expect(accounts.text(`Created ${person.name} (moderator).`)).toBeVisible();
  await expect(accounts.cell(person.email)).toBeVisible();
  // A row's own form answers in that row.
  await accounts.resetPassword(person.name, 'tiny');
  await expect(accounts.text('The new password must be at least 12 characters.')).toBeVisible();
  await accounts.page.context().close();
});

test('profile: a refused save shows its field errors and keeps the text; a saved one says so', async ({ browser }) => {
  const id = uniq();
  const me = { email: `no-script-profile-${id}@example.com`, name: `Profile Person ${id}`, password: `profile-password-${id}` };
  await queryRows("insert into users (email, name, slug, role, password_hash) values (?, ?, ?, 'author', ?)", [
    me.email,
    me.name,
    `profile-person-${id}`,
    await hash(me.password),
  ]);
  const profile = new ProfilePage(await signedInWithoutJavaScript(browser, me.email, me.password));
  await profile.goto();

  await profile.name.fill('');
  await profile.bio.fill('Writes about the harbour.');
  await profile.saveButton.click();
  await expect(profile.text('Your profile was not saved.')).toBeVisible();
  await expect(profile.text('Please enter your name.')).toBeVisible();
  await expect(profile.name).toHaveAttribute('aria-invalid', 'true');
  await expect(profile.bio).toHaveValue('Writes about the harbour.');
  expect(await html(profile.page)).toContain('Please enter your name.');

  await profile.name.fill(me.name);
  await profile.changePassword('not-my-password', 'a-brand-new-password');
  await expect(profile.text('That is not your current password.')).toBeVisible();

  await profile.name.fill(`${me.name} Jr`);
  await profile.saveButton.click();
  await expect(profile.text('Profile saved.')).toBeVisible();
  await expect(profile.name).toHaveValue(`${me.name} Jr`);
  await profile.page.context().close();
});

test('moderation desk: decisions and refusals come back as notices', async ({ browser }) => {
  const article = await newArticle('No script desk');
  const who = newCommenter('No Script');
  const id = await insertReply(article.id, { name: who.name, email: who.email, body: who.text('Held for the desk'), status: 'pending' });
  const page = await signedInWithoutJavaScript(browser, 'moderator@example.com');
  await page.goto(`/admin/comments?status=pending&email=${encodeURIComponent(who.email)}`);

  await page.getByRole('button', { name: 'Approve selected' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Select at least one reply.' })).toBeVisible();

  await page
    .getByRole('article', { name: `Reply by ${who.name}` })
    .getByRole('button', { name: 'Approve', exact: true })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Approved: 1 reply.' })).toBeVisible();
  expect(await replyStatus(id)).toBe('approved');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone: 1 reply.' })).toBeVisible();
  expect(await replyStatus(id)).toBe('pending');
  await page.context().close();
});

test('sections and tags: refused adds, row saves and merges show why and keep what was typed', async ({ browser }) => {
  const desk = new TaxonomyPage(await signedInWithoutJavaScript(browser, 'editor@example.com'));
  await desk.goto();
  const id = uniq();
  const name = `No Script Section ${id}`;
  await desk.newSectionName.fill(name);
  await desk.newSectionSlug.fill('Not A Slug!');
  await desk.newSectionDescription.fill('Made without a script.');
  await desk.createSectionButton.click();
  await expect(desk.text('The section was not created.')).toBeVisible();
  await expect(desk.text('Use lower-case letters, digits and single hyphens only (like "city-news").')).toBeVisible();
  await expect(desk.newSectionSlug).toHaveAttribute('aria-invalid', 'true');
  await expect(desk.newSectionName).toHaveValue(name);
  await expect(desk.newSectionDescription).toHaveValue('Made without a script.');
  expect(await html(desk.page)).toContain('The section was not created.');

  await desk.newSectionSlug.fill(`no-script-${id}`);
  await desk.createSectionButton.click();
  await expect(desk.text(`Created the section ${name} (/sections/no-script-${id}).`)).toBeVisible();

  // A row's own form answers in that row.
  await desk.sectionSlug(name).fill('Still Not A Slug');
  await desk.saveSectionButton(name).click();
  await expect(desk.text('The section was not saved.')).toBeVisible();
  await expect(desk.sectionSlug(name)).toHaveAttribute('aria-invalid', 'true');
  await expect(desk.sectionSlug(name)).toHaveValue('Still Not A Slug');

  await desk.page.getByLabel('Tag name').fill('   ');
  await desk.page.getByRole('button', { name: 'Create tag' }).click();
  await expect(desk.text('The tag was not created.')).toBeVisible();
  await expect(desk.text('Please enter a tag name.')).toBeVisible();

  await desk.tagToMerge.fill(`no-tag-${id}`);
  await desk.mergeInto.fill(`no-tag-${id}`);
  await desk.mergeButton.click();
  await expect(desk.text('The tags were not merged.')).toBeVisible();
  await expect(desk.mergeInto).toHaveAttribute('aria-invalid', 'true');
  await expect(desk.tagToMerge).toHaveValue(`no-tag-${id}`);

  await desk.deleteSection(name);
  await expect(desk.text(`Deleted the section ${name}.`)).toBeVisible();
  await desk.page.context().close();
});

test('reply settings: a refused save and a refused trial show why and keep what was typed', async ({ browser }) => {
  const settings = new SettingsPage(await signedInWithoutJavaScript(browser, 'admin@example.com'));
  await settings.page.goto('/admin/settings');
  const word = `noscript${uniq()}`;
  await settings.moderationWords.fill(word);
  await settings.maxDepth.fill('9');
  await settings.saveButton.click();
  await expect(settings.page.getByText('The settings were not saved. Please correct the marked fields.')).toBeVisible();
  await expect(settings.page.getByText('Use a whole number of levels from 1 to 5.')).toBeVisible();
  await expect(settings.maxDepth).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.maxDepth).toHaveValue('9');
  await expect(settings.moderationWords).toHaveValue(word);
  expect(await html(settings.page)).toContain('Use a whole number of levels from 1 to 5.');

  await settings.tryButton.click();
  await expect(settings.page.getByText('The rules were not tried. Please correct the marked fields.')).toBeVisible();
  await expect(settings.maxDepth).toHaveValue('9');
  await settings.page.context().close();
});

test('moderation desk: a refused staff reply or edit shows why, in its row, with what was typed', async ({ browser }) => {
  const article = await newArticle('No script replies');
  const who = newCommenter('No Script Reply');
  await insertReply(article.id, { name: who.name, email: who.email, body: who.text('Waiting for an answer'), status: 'pending' });
  const page = await signedInWithoutJavaScript(browser, 'moderator@example.com');
  await page.goto(`/admin/comments?status=pending&email=${encodeURIComponent(who.email)}`);
  const row = page.getByRole('article', { name: `Reply by ${who.name}` });

  // Without JavaScript the forms open as disclosures (Playwright's text matching skips <noscript>, hence by
  // tag; the row's other disclosures, e.g. "Remove thread…", are outside it).
  await row.locator('noscript summary').first().click();
  await row.getByLabel(`Your reply to ${who.name}`).fill('   ');
  await row.getByRole('button', { name: 'Post staff reply' }).click();
  await expect(page).toHaveURL(/\/admin\/comments\?status=pending&/);
  await expect(row.getByText('The reply was not posted.')).toBeVisible();
  await expect(row.getByText('Please type a reply.')).toBeVisible();
  await expect(row.getByLabel(`Your reply to ${who.name}`)).toHaveAttribute('aria-invalid', 'true');
  expect(await html(page)).toContain('Please type a reply.');

  await row.locator('noscript summary').last().click();
  await row.getByLabel('Reply text').fill('');
  await row.getByRole('button', { name: 'Save text' }).click();
  await expect(row.getByText('The reply was not saved.')).toBeVisible();
  await expect(row.getByText('A reply cannot be empty; trash it instead.')).toBeVisible();

  // A refusal from the work itself keeps the typed answer.
  const spammer = newCommenter('No Script Spam');
  await insertReply(article.id, { name: spammer.name, email: spammer.email, body: spammer.text('Buy now'), status: 'spam' });
  await page.goto(`/admin/comments?status=spam&email=${encodeURIComponent(spammer.email)}`);
  const spamRow = page.getByRole('article', { name: `Reply by ${spammer.name}` });
  await spamRow.locator('noscript summary').first().click();
  await spamRow.getByLabel(`Your reply to ${spammer.name}`).fill('Thanks, but no.');
  await spamRow.getByRole('button', { name: 'Post staff reply' }).click();
  await expect(spamRow.getByText('Restore the reply before answering it.')).toBeVisible();
  await expect(spamRow.getByLabel(`Your reply to ${spammer.name}`)).toHaveValue('Thanks, but no.');
  await page.context().close();
});
