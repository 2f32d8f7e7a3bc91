import { expect, type APIRequestContext, type Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SignInPage } from './staff-admin-page';

// Calling server actions directly, never through the UI, as any role: for permission tests.
// Ids come from the build's manifest, so a renamed or moved action fails loudly.

export type Role = 'anonymous' | 'author' | 'moderator' | 'editor' | 'admin';
export const ROLES: Role[] = ['anonymous', 'author', 'moderator', 'editor', 'admin'];

export function actionId(file: string, name: string): string {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!entry) throw new Error(`No server action ${name} in ${file}`);
  return entry[0];
}

export type Field = string | { name: string; mimeType: string; buffer: Buffer };

/**
 * Posts a form to a server action as a browser without JavaScript would. `withState`: the action is
 * used through useActionState (its first argument is the previous state).
 */
export async function callAction(request: APIRequestContext, path: string, file: string, name: string, fields: Record<string, Field>, withState: boolean) {
  const id = actionId(file, name);
  const multipart: Record<string, Field> = withState
    ? { $ACTION_REF_1: '', '$ACTION_1:0': JSON.stringify({ id, bound: '$@1' }), '$ACTION_1:1': JSON.stringify([{ status: 'idle' }]), ...fields }
    : { [`$ACTION_ID_${id}`]: '', ...fields };
  return request.post(path, { multipart, maxRedirects: 0 });
}

/** Calls a server action as the client runtime does (arguments as JSON); returns the response text. */
export async function callActionWithArgs(request: APIRequestContext, path: string, file: string, name: string, args: unknown[]) {
  const response = await request.post(path, {
    headers: { 'Next-Action': actionId(file, name), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return response.text();
}

/** A request context signed in as `role` (demo accounts), from its own address so sign-in throttling never meets another test. */
export async function requestAs(browser: Browser, role: Role): Promise<APIRequestContext> {
  const address = `10.88.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } });
  if (role !== 'anonymous') {
    const page = await context.newPage();
    await new SignInPage(page).signIn(`${role}@example.com`, 'broadsheet-demo');
    await expect(page).toHaveURL(/\/admin$/);
    await page.close();
  }
  return context.request;
}
