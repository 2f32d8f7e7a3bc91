import { hash } from '@node-rs/argon2';
import type { Browser, BrowserContext } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { queryRows } from './support/db';
import { staffPage } from './support/staff';
import { ProfilePage, SignInPage, StaffAccountsPage } from './support/staff-admin-page';
import { uniq, uniqueAddress } from './support/unique';

// Sessions end when they should (the server refuses the cookie, not only the browser forgetting it),
// and nobody can lock another person out of signing in. Each test makes its own accounts, so changing
// a password or signing out everywhere never touches another test's sessions.
// The server runs with TRUST_PROXY=true (playwright.config.ts): X-Forwarded-For is each context's address.

const INVALID = 'That email and password do not match an active staff account.';

async function newAccount(role = 'editor') {
  const id = uniq();
  const account = { email: `session-${id}@example.com`, name: `Session Person ${id}`, password: `first-password-${id}` };
  await queryRows('insert into users (email, name, slug, role, password_hash) values (?, ?, ?, ?, ?)', [
    account.email,
    account.name,
    `session-${id}`,
    role,
    await hash(account.password),
  ]);
  return account;
}

/** A browser context of its own (own cookies, own address), signed in as this account. */
async function signedIn(browser: Browser, email: string, password: string): Promise<BrowserContext> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueAddress() } });
  const page = await context.newPage();
  await new SignInPage(page).signIn(email, password);
  await expect(page).toHaveURL(/\/admin$/);
  return context;
}

/** Another browser that was handed a copy of this context's cookies (a stolen or leftover cookie). */
async function copyOf(browser: Browser, context: BrowserContext): Promise<BrowserContext> {
  const copy = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueAddress() } });
  await copy.addCookies(await context.cookies());
  return copy;
}

/** Whether this context's cookie still opens the newsroom: 200 with the page, or a real redirect to sign in. */
async function opensAdmin(context: BrowserContext): Promise<boolean> {
  const response = await context.request.get('/admin', { maxRedirects: 0 });
  if (response.status() === 200) {
    expect(await response.text()).toContain('Newsroom');
    return true;
  }
  expect(response.status()).toBe(307);
  expect(response.headers()['location']).toContain('/login?callbackUrl=%2Fadmin');
  return false;
}

test('a cookie copied before a password change no longer opens /admin; the session that changed it stays signed in', async ({ browser }) => {
  const me = await newAccount();
  const mine = await signedIn(browser, me.email, me.password);
  const copied = await copyOf(browser, mine);
  const elsewhere = await signedIn(browser, me.email, me.password);
  expect(await opensAdmin(copied), 'the copy works before the change').toBe(true);

  const profile = new ProfilePage(mine.pages()[0]);
  await profile.goto();
  await profile.changePassword(me.password, `second-password-${uniq()}`);
  await expect(profile.text('Profile and password saved.')).toBeVisible();

  expect(await opensAdmin(copied), 'the copied cookie').toBe(false);
  expect(await opensAdmin(elsewhere), 'another session').toBe(false);
  expect(await opensAdmin(mine), 'the session that changed it').toBe(true);
  await profile.page.reload();
  await expect(profile.name).toHaveValue(me.name);
  for (const c of [mine, copied, elsewhere]) await c.close();
});

test('"Sign out everywhere" ends every other session and keeps this one', async ({ browser }) => {
  const me = await newAccount('moderator');
  const here = await signedIn(browser, me.email, me.password);
  const there = await signedIn(browser, me.email, me.password);
  expect(await opensAdmin(there)).toBe(true);

  const profile = new ProfilePage(here.pages()[0]);
  await profile.goto();
  await profile.signOutEverywhereButton.click();
  await expect(profile.text('Every other session has been signed out.')).toBeVisible();

  expect(await opensAdmin(there), 'the other session').toBe(false);
  expect(await opensAdmin(here), 'this session').toBe(true);
  // The other browser is sent to sign in, and can.
  const page = there.pages()[0];
  await page.goto('/admin/profile');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await new SignInPage(page).submit(me.email, me.password);
  await expect(page).toHaveURL(/\/admin\/profile$/);
  for (const c of [here, there]) await c.close();
});

test('a cookie replayed after signing out is refused by the server', async ({ browser }) => {
  const me = await newAccount('author');
  const mine = await signedIn(browser, me.email, me.password);
  const kept = await copyOf(browser, mine);
  const page = mine.pages()[0];
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await opensAdmin(kept), 'the cookie kept from before signing out').toBe(false);
  // Signing in again gives a new session that works.
  await new SignInPage(page).signIn(me.email, me.password);
  await expect(page).toHaveURL(/\/admin$/);
  expect(await opensAdmin(mine)).toBe(true);
  for (const c of [mine, kept]) await c.close();
});

test('an admin’s password reset, role change or disabling ends that person’s sessions', async ({ browser }) => {
  const admin = new StaffAccountsPage(await staffPage(browser, 'admin@example.com'));
  const people = await Promise.all([newAccount(), newAccount(), newAccount()]);
  const sessions = await Promise.all(people.map((p) => signedIn(browser, p.email, p.password)));
  for (const s of sessions) expect(await opensAdmin(s)).toBe(true);

  await admin.goto();
  await admin.resetPassword(people[0].name, `reset-password-${uniq()}`);
  await expect(admin.text('Password reset.')).toBeVisible();
  expect(await opensAdmin(sessions[0]), 'after a reset').toBe(false);

  await admin.changeRole(people[1].name, 'author');
  await expect(admin.text('Saved.').first()).toBeVisible();
  expect(await opensAdmin(sessions[1]), 'after a role change').toBe(false);

  await admin.page.getByRole('button', { name: `Disable ${people[2].name}` }).click();
  await expect(admin.page.getByRole('button', { name: `Enable ${people[2].name}` })).toBeVisible();
  expect(await opensAdmin(sessions[2]), 'after disabling').toBe(false);
  // Enabling the account again does not bring the old session back.
  await admin.page.getByRole('button', { name: `Enable ${people[2].name}` }).click();
  await expect(admin.page.getByRole('button', { name: `Disable ${people[2].name}` })).toBeVisible();
  expect(await opensAdmin(sessions[2]), 'after enabling again').toBe(false);
  for (const s of sessions) await s.close();
  await admin.page.context().close();
});

test('a stranger failing ten times for editor@… does not stop the editor signing in from their own address', async ({ browser }) => {
  // Ten argon2 checks and ten page loads, then the editor's own sign-in: over 30 s on a busy machine.
  test.setTimeout(60_000);
  const stranger = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueAddress() } });
  const page = await stranger.newPage();
  const signIn = new SignInPage(page);
  for (let i = 0; i < 10; i++) {
    await signIn.signIn('editor@example.com', `a-wrong-guess-${i}`);
    await expect(page.getByText(i < 5 ? INVALID : /Too many failed sign-in attempts/)).toBeVisible();
  }
  // From the stranger's address even the right password waits.
  await signIn.signIn('editor@example.com', 'broadsheet-demo');
  await expect(page.getByText(/Too many failed sign-in attempts/)).toBeVisible();

  const editor = await signedIn(browser, 'editor@example.com', 'broadsheet-demo');
  expect(await opensAdmin(editor)).toBe(true);
  for (const c of [stranger, editor]) await c.close();
});
