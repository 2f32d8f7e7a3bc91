import { z } from 'zod';
import type { ActionState } from './forms';

// A form posted without JavaScript. The per-request pages (sign-in, admin) are served as a static shell
// plus a resumed render, and a resumed render cannot take React's form state: the answer to a plain post
// would be the blank form again. So the action keeps its answer in a short-lived cookie and redirects
// back (303) to the page, with a one-time mark in the address; the page hands the answer to the form.

export const FORM_RESULT_COOKIE = 'bs-form-result';
/** How long an answer waits to be shown, in seconds. */
export const FORM_RESULT_MAX_AGE_S = 120;
/** The query parameter that names the answer this page should show. */
export const FORM_RESULT_PARAM = 'result';

// Browsers drop a cookie over 4 KB; leave room for its name and attributes.
const MAX_ENCODED = 3600;

const StateSchema = z.object({
  status: z.enum(['idle', 'error', 'success']),
  message: z.string().max(1000).optional(),
  fieldErrors: z.record(z.string(), z.string().max(1000)).optional(),
  values: z.record(z.string(), z.string()).optional(),
  at: z.number().optional(),
});

const StoredSchema = z.object({ form: z.string().max(100), mark: z.string().max(64), state: StateSchema });

export type StoredFormResult = z.infer<typeof StoredSchema>;

const encode = (stored: StoredFormResult) => Buffer.from(JSON.stringify(stored)).toString('base64url');

/**
 * The cookie value for a form's answer. Typed values come back when they fit (never passwords: the
 * state only holds what the action echoes); when they do not, the message and field errors still do.
 */
export function encodeFormResult(form: string, mark: string, state: ActionState): string {
  const plain: StoredFormResult['state'] = {
    status: state.status,
    message: state.message,
    fieldErrors:
      state.fieldErrors && (Object.fromEntries(Object.entries(state.fieldErrors).filter(([, v]) => typeof v === 'string')) as Record<string, string>),
    values: state.values && (Object.fromEntries(Object.entries(state.values).filter(([, v]) => typeof v === 'string')) as Record<string, string>),
  };
  const full = encode({ form, mark, state: plain });
  if (full.length <= MAX_ENCODED) return full;
  const withoutValues = encode({ form, mark, state: { ...plain, values: undefined } });
  if (withoutValues.length <= MAX_ENCODED) return withoutValues;
  return encode({ form, mark, state: { status: plain.status, message: plain.message?.slice(0, 500) } });
}

/** The answer the cookie holds, when the address names it (its mark); else null. */
export function decodeFormResult(raw: string | undefined, mark: string | undefined): { form: string; state: ActionState } | null {
  if (!raw || !mark) return null;
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.mark !== mark) return null;
    return { form: parsed.data.form, state: parsed.data.state };
  } catch {
    return null;
  }
}

/** `path` with the mark of an answer added (any earlier mark replaced). */
export function withResultMark(path: string, mark: string): string {
  const url = new URL(path, 'http://site');
  url.searchParams.set(FORM_RESULT_PARAM, mark);
  return url.pathname + url.search;
}
