import 'server-only';
import { headers } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { getCurrentStaff } from '@/auth';
import type { StaffMember } from '@/db/queries/staff';
import { can, type Action } from '@/lib/auth/permissions';
import { answerPlainPost } from '@/lib/form-result-server';
import { fieldErrorsOf, formValues, type ActionState } from '@/lib/forms';
import { log } from '@/lib/log';
import { safeReturnPath } from '@/lib/safe-redirect';

// The one guarded wrapper every staff server action is made with (a test keeps it so). Each runs, in
// order: the form's fields → session → can(staff, allow) → zod → the work. Checks that need the loaded
// record call assertCan inside the work. Whatever the work throws becomes a message the form can show:
// a refusal or an ActionError as written, anything else logged and shown as a generic message (a driver
// error never reaches the page). Next's own redirect and notFound pass through.

export class NotAllowedError extends Error {
  constructor(message = 'You do not have permission to do that.') {
    super(message);
  }
}

/** A refusal with a message that is safe to show, optionally tied to fields. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Throws NotAllowedError unless the staff member may do this (for checks that need the loaded record). */
export function assertCan(staff: StaffMember, action: Action): void {
  if (!can(staff, action)) throw new NotAllowedError();
}

/** Actions that need no record to decide: the gate every wrapper checks before parsing. */
export type Allow = Extract<Action, { do: string; article?: never }>['do'];

export const GENERIC_FAILURE = 'Something went wrong and nothing was changed. Please try again; if it keeps happening, tell an administrator.';
const SIGNED_OUT = 'Please sign in again.';

type Refusal = { message: string; fieldErrors?: Record<string, string> };
type Guarded<T> = { ok: true; staff: StaffMember; input: T; log: Logger } | ({ ok: false } & Refusal);

/**
 * One line per staff action, with the staff member's id and the request's id (scripts/server.mjs
 * sets X-Request-Id): who did what kind of thing, and how it ended. Never the form's values.
 */
async function actionLogger(allow: Allow, staffId: number | undefined): Promise<Logger> {
  let requestId: string | undefined;
  try {
    requestId = (await headers()).get('x-request-id') ?? undefined;
  } catch {
    // outside a request (a test)
  }
  return log.child({ component: 'action', requestId, staffId, allow });
}

async function guard<Schema extends z.ZodType>(allow: Allow, schema: Schema, raw: () => unknown, invalid?: string): Promise<Guarded<z.output<Schema>>> {
  const staff = await getCurrentStaff();
  const logger = await actionLogger(allow, staff?.id);
  if (!staff) return (logger.info({ outcome: 'signed out' }, 'staff action'), { ok: false, message: SIGNED_OUT });
  if (!can(staff, { do: allow } as Action))
    return (logger.info({ outcome: 'not allowed' }, 'staff action'), { ok: false, message: new NotAllowedError().message });
  const parsed = schema.safeParse(raw());
  if (!parsed.success) {
    logger.info({ outcome: 'invalid' }, 'staff action');
    const fieldErrors = fieldErrorsOf(parsed.error);
    // A form with its fields shows a headline and each message beside its field; a form without
    // (no `invalid` headline given) shows the first message itself.
    return { ok: false, message: invalid ?? parsed.error.issues[0]?.message ?? 'Please check the form.', fieldErrors };
  }
  return { ok: true, staff, input: parsed.data, log: logger };
}

/** What the work threw, as a message to show. Rethrows Next's redirect and notFound. */
export function refusalOf(error: unknown, context: string, logger: Logger = log): Refusal {
  unstable_rethrow(error);
  if (error instanceof NotAllowedError) return (logger.info({ outcome: 'not allowed' }, 'staff action'), { message: error.message });
  if (error instanceof ActionError) return (logger.info({ outcome: 'refused' }, 'staff action'), { message: error.message, fieldErrors: error.fieldErrors });
  logger.error({ outcome: 'failed', context, err: error }, 'staff action');
  return { message: GENERIC_FAILURE };
}

type Values<F extends readonly string[]> = Record<F[number], string>;

/**
 * A form answered with a state (useActionState): refusals and field errors come back with the typed
 * values, so the form refills itself. `echo` names the fields sent back (never a password).
 */
export function staffAction<Schema extends z.ZodType, const F extends readonly string[], S extends ActionState = ActionState<Values<F>>>(
  opts: {
    allow: Allow;
    schema: Schema;
    fields: F;
    /** The headline when fields are refused, e.g. "The article was not saved."; without it the first field message. */
    invalid?: string;
    echo?: readonly F[number][];
    /** What the schema parses; defaults to the fields' string values. */
    input?: (values: Values<F>, formData: FormData) => unknown;
    /**
     * Answers a plain form post (no JavaScript) by going back to this page with the state (see
     * lib/form-result.ts), since a per-request page cannot render it itself. `form` names the form on
     * the page (e.g. one per row); `page` is a path of ours: a fixed one, or one worked out from the
     * values by a validator of the action's own (e.g. deskReturn), kept on this site under /admin.
     */
    plainPost?: { form: (values: Values<F>) => string; page: string | ((values: Values<F>) => string) };
  },
  work: (input: z.output<Schema>, ctx: { staff: StaffMember; formData: FormData; values: Values<F> }) => Promise<S>,
): (prev: S, formData: FormData) => Promise<S> {
  return async (_prev, formData) => {
    const values = formValues(formData, opts.fields) as Values<F>;
    const echoed = opts.echo ? Object.fromEntries(opts.echo.map((k) => [k, values[k]])) : values;
    const refuse = (r: Refusal) => ({ status: 'error', message: r.message, fieldErrors: r.fieldErrors, values: echoed, at: Date.now() }) as S;
    const answer = async (state: S): Promise<S> => {
      const plain = opts.plainPost;
      if (plain)
        await answerPlainPost(state, plain.form(values), typeof plain.page === 'string' ? plain.page : safeReturnPath(plain.page(values), '/admin', '/admin'));
      return state;
    };
    const guarded = await guard(opts.allow, opts.schema, () => (opts.input ? opts.input(values, formData) : values), opts.invalid);
    if (!guarded.ok) return answer(refuse(guarded));
    let state: S;
    try {
      state = { at: Date.now(), ...(await work(guarded.input, { staff: guarded.staff, formData, values })) };
      guarded.log.info({ outcome: 'done' }, 'staff action');
    } catch (error) {
      state = refuse(refusalOf(error, opts.invalid ?? 'form action', guarded.log));
    }
    return answer(state);
  };
}

/**
 * A plain form that goes back to a page with a notice (the moderation desk, the revisions list):
 * a refusal goes back with `?error=…`; the work returns where to go on success.
 */
export function staffRedirectAction<Schema extends z.ZodType>(
  opts: {
    allow: Allow;
    schema: Schema;
    input: (formData: FormData) => unknown;
    /** The page to go back to, worked out from the form without trusting it (only known paths). */
    back: (formData: FormData) => string;
  },
  work: (input: z.output<Schema>, ctx: { staff: StaffMember; formData: FormData; back: string }) => Promise<string>,
): (formData: FormData) => Promise<void> {
  return async (formData) => {
    const back = opts.back(formData);
    const guarded = await guard(opts.allow, opts.schema, () => opts.input(formData));
    let to: string;
    if (!guarded.ok) to = withNotice(back, { error: guarded.message });
    else {
      try {
        to = await work(guarded.input, { staff: guarded.staff, formData, back });
        guarded.log.info({ outcome: 'done' }, 'staff action');
      } catch (error) {
        to = withNotice(back, { error: refusalOf(error, 'redirect action', guarded.log).message });
      }
    }
    redirect(to);
  };
}

/** Called from a client island with a value rather than a form; `refused` shapes the refusal. */
export function staffCall<Schema extends z.ZodType, R>(
  opts: { allow: Allow; schema: Schema; refused: (message: string) => R },
  work: (input: z.output<Schema>, ctx: { staff: StaffMember }) => Promise<R>,
): (raw: unknown) => Promise<R> {
  return async (raw) => {
    const guarded = await guard(opts.allow, opts.schema, () => raw);
    if (!guarded.ok) return opts.refused(guarded.message);
    try {
      const result = await work(guarded.input, { staff: guarded.staff });
      guarded.log.info({ outcome: 'done' }, 'staff action');
      return result;
    } catch (error) {
      return opts.refused(refusalOf(error, 'call', guarded.log).message);
    }
  };
}

/** A path on this site with notice parameters set (earlier notices replaced); anything else goes to /admin. */
export function withNotice(path: string, notice: Record<string, string>): string {
  const url = new URL(safeReturnPath(path, '/admin'), 'http://site');
  for (const key of ['done', 'n', 'undo', 'error', 'notice']) url.searchParams.delete(key);
  for (const [k, v] of Object.entries(notice)) url.searchParams.set(k, v);
  return url.pathname + url.search;
}
