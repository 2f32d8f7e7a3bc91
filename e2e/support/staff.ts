import { expect, type Browser, type Page } from '@playwright/test';
import { SignInPage } from './staff-admin-page';

export const DEMO_PASSWORD = 'broadsheet-demo';

/**
 * A signed-in staff page in its own browser context, with its own client address so that sign-in
 * throttling and flood control in one test never touch another. `baseURL` picks another server than
 * the configured one (the stack test signs in on one app instance).
 */
export async function staffPage(browser: Browser, email: string, password = DEMO_PASSWORD, baseURL?: string): Promise<Page> {
  const address = `10.${60 + Math.floor(Math.random() * 20)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address }, ...(baseURL ? { baseURL } : {}) });
  const page = await context.newPage();
  await new SignInPage(page).signIn(email, password);
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}
