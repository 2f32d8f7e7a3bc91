import type { z } from 'zod';

/** The one shape every form's server action returns: field errors, a message, and what was typed. */
export type ActionState<Values extends Record<string, string> = Record<string, string>> = {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: Partial<Record<string, string>>;
  values?: Partial<Values>;
  /** When the server answered: lets a form with two actions tell which answered last. */
  at?: number;
};

export const idleState: ActionState = { status: 'idle' };

/** First message per field from a zod error. */
export function fieldErrorsOf<T>(error: z.ZodError<T>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (key && !out[key]) out[key] = issue.message;
  }
  return out;
}

/** The string fields of a form submission (files and unknown keys left out). */
export function formValues<K extends string>(formData: FormData, keys: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) {
    const v = formData.get(k);
    out[k] = typeof v === 'string' ? v : '';
  }
  return out;
}

/** How much of a field an error state sends back when the field has no limit of its own. */
export const ECHO_DEFAULT_MAX = 1000;

/**
 * What an error state may echo back into the page: each value cut to its field's own maximum length
 * (`max`; others to ECHO_DEFAULT_MAX), so a refused oversized post is never sent back whole. For the
 * echo only: validate the values as they came.
 */
export function capValues<V extends Record<string, string>>(values: V, max: Partial<Record<keyof V, number>> = {}): V {
  const out = { ...values };
  for (const key of Object.keys(out) as (keyof V)[]) {
    const limit = max[key] ?? ECHO_DEFAULT_MAX;
    if (out[key].length > limit) out[key] = out[key].slice(0, limit) as V[keyof V];
  }
  return out;
}
