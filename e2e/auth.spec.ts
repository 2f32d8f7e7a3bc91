import { hash } from '@node-rs/argon2';
import type { Browser } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { queryRows } from './support/db';
import { SignInPage } from './support/staff-admin-page';
import { uniq, uniqueAddress } from './support/unique';

/** A browser context with its own client address, so throttling in one test never touches another. */
async function contextFromOwnAddress(browser: Browser) {
  return browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueAddress() } });
}

function signIn(page: import('@playwright/test').Page, email: string, password: string) {
  return new SignInPage(page).signIn(email, password);
}

test('an anonymous visitor to /admin is sent to the sign-in page with a real redirect', async ({ request }) => {
  const response = await request.get('/admin', { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()['location']).toContain('/login?callbackUrl=%2Fadmin');
});

test('an editor signs in, sees the newsroom and the demo-password warning, and signs out', async ({ browser }) => {
  const context = await contextFromOwnAddress(browser);
  const page = await context.newPage();
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await new SignInPage(page).submit('editor@example.com', 'broadsheet-demo');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'Newsroom', level: 1 })).toBeVisible();
  await expect(page.getByText('Signed in as Daniel Whitcombe.')).toBeVisible();
  await expect(page.getByText('A demo account still uses the published demo password.')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  const again = await context.request.get('/admin', { maxRedirects: 0 });
  expect(again.status()).toBe(307);
  await context.close();
});

test('a wrong password is refused with a clear message and the email is kept', async ({ browser }) => {
  const context = await contextFromOwnAddress(browser);
  const page = await context.newPage();
  await signIn(page, 'editor@example.com', 'not-the-password');
  await expect(page.getByText('That email and password do not match an active staff account.')).toBeVisible();
  await expect(new SignInPage(page).email).toHaveValue('editor@example.com');
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test('sign-in is throttled after five failures from one address, even with the right password', async ({ browser }) => {
  const context = await contextFromOwnAddress(browser);
  const page = await context.newPage();
  const stranger = `nobody-${uniq()}@example.com`;
  for (let i = 0; i < 5; i++) {
    await signIn(page, stranger, `wrong-${i}`);
    await expect(page.getByText('That email and password do not match an active staff account.')).toBeVisible();
  }
  await signIn(page, 'moderator@example.com', 'broadsheet-demo');
  await expect(page.getByText(/Too many failed sign-in attempts/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test('a disabled account cannot sign in', async ({ browser }) => {
  const email = `disabled-${uniq()}@example.com`;
  await queryRows("insert into users (email, name, slug, role, password_hash, disabled) values (?, 'Disabled Person', ?, 'editor', ?, 1)", [
    email,
    `disabled-${uniq()}`,
    await hash('a-good-password-1'),
  ]);
  const context = await contextFromOwnAddress(browser);
  const page = await context.newPage();
  await signIn(page, email, 'a-good-password-1');
  await expect(page.getByText('That email and password do not match an active staff account.')).toBeVisible();
  const admin = await context.request.get('/admin', { maxRedirects: 0 });
  expect(admin.status()).toBe(307);
  await context.close();
});
