import 'server-only';
import { randomBytes } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { env } from './env';
import { decodeFormResult, encodeFormResult, FORM_RESULT_COOKIE, FORM_RESULT_MAX_AGE_S, FORM_RESULT_PARAM, withResultMark } from './form-result';
import type { ActionState } from './forms';

/** Whether this server action came from a plain form post (no JavaScript): the client runtime names the action in a header. */
export async function isPlainFormPost(): Promise<boolean> {
  return !(await headers()).get('next-action');
}

/**
 * For a plain form post: keeps the answer for `form` and redirects to `page` (a path of ours, never from
 * the request), which shows it. With JavaScript it returns and the state goes back as usual.
 */
export async function answerPlainPost(state: ActionState, form: string, page: string): Promise<void> {
  if (!(await isPlainFormPost())) return;
  const mark = randomBytes(9).toString('base64url');
  (await cookies()).set(FORM_RESULT_COOKIE, encodeFormResult(form, mark, state), {
    path: new URL(page, 'http://site').pathname,
    maxAge: FORM_RESULT_MAX_AGE_S,
    httpOnly: true,
    sameSite: 'lax',
    secure: env.SITE_URL.startsWith('https:'),
  });
  redirect(withResultMark(page, mark));
}

type SearchParams = Record<string, string | string[] | undefined>;

/** The answer to a plain post that this page was sent back with: which form, and its state. */
export async function readFormResult(searchParams: SearchParams): Promise<{ form: string; state: ActionState } | undefined> {
  const mark = searchParams[FORM_RESULT_PARAM];
  if (typeof mark !== 'string') return undefined;
  return decodeFormResult((await cookies()).get(FORM_RESULT_COOKIE)?.value, mark) ?? undefined;
}

/** The answer for `form`, if this page was sent back with one. */
export async function formResultFor(form: string, searchParams: SearchParams): Promise<ActionState | undefined> {
  const result = await readFormResult(searchParams);
  return result?.form === form ? result.state : undefined;
}
