'use client';

import { useActionState, useEffect, useRef } from 'react';
import { saveReplySettingsAction, tryReplySettingsAction, type ReplySettingsFormState } from '@/app/admin/settings/actions';
import { errorId, Field, hintId } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { errorText, inputClass, secondaryButton, wideInputClass } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import type { TrialExample, TrialOutcome } from '@/lib/replies/dry-run';
import type { ReplySettingsField, ReplySettingsValues } from '@/lib/replies/settings-schema';

const hintText = 'text-sm opacity-75';

type FieldProps = {
  name: ReplySettingsField;
  label: string;
  hint: string;
  values: ReplySettingsValues;
  errors: Partial<Record<string, string>>;
  resetKey: string;
};

const idOf = (name: string) => `reply-settings-${name}`;

// Field makes the text areas; these two layouts it does not make (an input with its unit beside it, a
// checkbox before its label) are wired the same way, with Field's ids.
const describedBy = (id: string, error?: string) => [hintId(id), error ? errorId(id) : null].filter(Boolean).join(' ');

function Hint({ id, hint }: { id: string; hint: string }) {
  return (
    <p id={hintId(id)} className={hintText}>
      {hint}
    </p>
  );
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={errorId(id)} className={errorText}>
      {error}
    </p>
  ) : null;
}

function NumberField({ name, label, hint, values, errors, resetKey, unit }: FieldProps & { unit?: string }) {
  const id = idOf(name);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={name}
          inputMode="numeric"
          autoComplete="off"
          defaultValue={values[name]}
          key={`${name}-${resetKey}`}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describedBy(id, errors[name])}
          className={`${inputClass} w-24 tabular-nums`}
        />
        {unit && <span className={hintText}>{unit}</span>}
      </div>
      <FieldError id={id} error={errors[name]} />
    </div>
  );
}

function ListField({ name, label, hint, values, errors, resetKey, placeholder }: FieldProps & { placeholder: string }) {
  return (
    <Field id={idOf(name)} label={label} hint={hint} error={errors[name]} labelClassName="font-semibold">
      <textarea
        name={name}
        rows={4}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        defaultValue={values[name]}
        key={`${name}-${resetKey}`}
        className={`${wideInputClass} font-mono text-sm`}
      />
    </Field>
  );
}

function CheckboxField({ name, label, hint, values, errors, resetKey }: FieldProps) {
  const id = idOf(name);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={values[name] === 'on'}
          key={`${name}-${resetKey}`}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describedBy(id, errors[name])}
          className="mt-1 size-4 accent-[var(--color-accent)]"
        />
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
      </div>
      <div className="pl-6">
        <Hint id={id} hint={hint} />
        <FieldError id={id} error={errors[name]} />
      </div>
    </div>
  );
}

/** One step of the rules, numbered in the order the rules run. */
function Step({ n, title, outcome, children, noFields }: { n: number; title: string; outcome: string; children: React.ReactNode; noFields?: boolean }) {
  const heading = (
    <>
      <span
        aria-hidden="true"
        className="flex size-7 shrink-0 items-center justify-center rounded-full bg-[var(--color-ink)] text-sm font-bold text-[var(--color-paper)]"
      >
        {n}
      </span>
      <span className="font-serif text-lg font-bold">
        {title}{' '}
        <span aria-hidden="true" className="font-sans text-sm font-semibold text-current/70">
          → {outcome}
        </span>
        <span className="sr-only">: {outcome}</span>
      </span>
    </>
  );
  const body = <div className="mt-3 flex flex-col gap-5 sm:pl-10">{children}</div>;
  return (
    <div className="border-t border-current/15 pt-5">
      {noFields ? (
        <div>
          <p className="flex items-center gap-3">{heading}</p>
          {body}
        </div>
      ) : (
        <fieldset>
          <legend className="flex items-center gap-3">{heading}</legend>
          {body}
        </fieldset>
      )}
    </div>
  );
}

const OUTCOME: Record<TrialOutcome, { label: string; className: string }> = {
  approved: { label: 'approved', className: 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200' },
  pending: { label: 'held', className: 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-200' },
  spam: { label: 'spam', className: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200' },
};

function Outcome({ status }: { status: TrialOutcome }) {
  return <span className={`rounded-sm px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide ${OUTCOME[status].className}`}>{OUTCOME[status].label}</span>;
}

function TrialExamples({ examples }: { examples: TrialExample[] }) {
  return (
    <section aria-labelledby="trial-examples-heading" className="mt-4">
      <h3 id="trial-examples-heading" className="mb-2 font-serif text-lg font-bold">
        Replies that would change
      </h3>
      <ul className="divide-y divide-current/10 rounded-sm border border-current/20">
        {examples.map((e) => (
          <li key={e.id} className="flex flex-col gap-1 p-3 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{e.name}</span>
              <span
                className="inline-flex items-center gap-1"
                aria-label={`${OUTCOME[e.from].label} under the saved rules, ${OUTCOME[e.to].label} under these`}
              >
                <Outcome status={e.from} />
                <span aria-hidden="true">→</span>
                <Outcome status={e.to} />
              </span>
            </p>
            <p className="text-current/80">“{e.excerpt}”</p>
            <p className={hintText}>
              By the rule “{e.rule}”: {e.detail}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * `initial`: the stored values. `saved` / `tried`: the answer to a post made without JavaScript, which
 * the page read back (lib/form-result); it comes without `at`, so the tried one is stamped to win.
 */
export function ReplySettingsForm({ initial, saved, tried }: { initial: ReplySettingsValues; saved?: ReplySettingsFormState; tried?: ReplySettingsFormState }) {
  const [saveState, save] = useActionState<ReplySettingsFormState, FormData>(saveReplySettingsAction, saved ?? { status: 'idle' });
  const [tryState, tryRules] = useActionState<ReplySettingsFormState, FormData>(
    tryReplySettingsAction,
    tried ? { ...tried, at: tried.at ?? 1 } : { status: 'idle' },
  );
  // One form, two actions: the answer that came last decides the fields, errors and message.
  const latest = (tryState.at ?? 0) > (saveState.at ?? 0) ? tryState : saveState;
  const values = { ...initial, ...(latest.values ?? {}) };
  const errors = latest.fieldErrors ?? {};
  const field = { values, errors, resetKey: String(latest.at ?? 0) };
  const formRef = useRef<HTMLFormElement>(null);

  // The message sits under the buttons, far from a refused field near the top: take the reader there.
  useEffect(() => {
    if (latest.status === 'error' && latest.fieldErrors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [latest]);

  return (
    <form ref={formRef} action={save} noValidate className="flex max-w-3xl flex-col gap-6">
      <Step n={1} title="Bot traps" outcome="spam">
        <NumberField
          {...field}
          name="minSecondsToSubmit"
          label="Minimum seconds to fill in the form"
          unit="seconds"
          hint="A reply sent sooner than this after its form appeared is taken for a bot and goes to spam, as does one that fills in the hidden honeypot field. Signed-in staff are never trapped."
        />
      </Step>

      <Step n={2} title="Disallowed" outcome="spam">
        <ListField
          {...field}
          name="disallowedWords"
          label="Disallowed words (spam)"
          placeholder={'one word or phrase per line'}
          hint="A reply with any of these in its text, name or website goes straight to spam, even from staff. Only whole words match; case, accents, look-alike letters and l33t spellings are ignored."
        />
        <ListField
          {...field}
          name="disallowedEmails"
          label="Disallowed emails (spam)"
          placeholder={'spammer@example.com\n@spam-domain.example'}
          hint="One per line: a whole address, or @domain for everyone at that domain. Matching replies go to spam."
        />
        <ListField
          {...field}
          name="disallowedIps"
          label="Disallowed IP addresses (spam)"
          placeholder="203.0.113.7"
          hint="One IP address per line, exact matches only (no ranges). Replies from them go to spam."
        />
      </Step>

      <Step n={3} title="Signed-in staff" outcome="approved" noFields>
        <p className={hintText}>Replies written by signed-in staff are approved and marked Staff. Nothing to set.</p>
      </Step>

      <Step n={4} title="Links and moderation words" outcome="held">
        <NumberField
          {...field}
          name="maxLinks"
          label="Links before a reply is held"
          unit="links"
          hint="A reply with more links than this waits for a moderator. 0 holds any reply with a link; leave it blank for no limit."
        />
        <ListField
          {...field}
          name="moderationWords"
          label="Moderation words (hold)"
          placeholder="one word or phrase per line"
          hint="A reply with any of these in its text, name, website or email waits for a moderator. Matched like disallowed words."
        />
      </Step>

      <Step n={5} title="Hold everything" outcome="held">
        <CheckboxField
          {...field}
          name="holdAll"
          label="Hold every reply for moderation"
          hint="Every reader's reply that got this far waits for a moderator, whatever the next rule says."
        />
      </Step>

      <Step n={6} title="Previously approved" outcome="approved or held">
        <CheckboxField
          {...field}
          name="previouslyApproved"
          label="Previously approved commenters skip the queue"
          hint="A reader whose name and email already have an approved reply is published at once (never with a staff member’s email unless signed in); a first reply waits for a moderator. When off, a reply no rule held is published at once."
        />
      </Step>

      <div className="border-t border-current/15 pt-5">
        <fieldset>
          <legend className="font-serif text-lg font-bold sm:pl-10">Pacing, threads and housekeeping</legend>
          <div className="mt-3 grid gap-5 sm:grid-cols-2 sm:pl-10">
            <NumberField
              {...field}
              name="floodSeconds"
              label="Seconds between replies from one person"
              unit="seconds"
              hint="A second reply from the same email or address sooner than this is refused with a message. 0 turns it off."
            />
            <NumberField
              {...field}
              name="maxDepth"
              label="Deepest reply level"
              unit="levels (1–5)"
              hint="How deeply replies nest: 1 allows no replies to replies."
            />
            <NumberField
              {...field}
              name="closeAfterDays"
              label="Close replies on articles older than (days)"
              unit="days"
              hint="New replies are refused on articles published longer ago than this. 0 keeps them open."
            />
            <NumberField
              {...field}
              name="purgeAfterDays"
              label="Purge spam and trash after (days)"
              unit="days"
              hint="Replies left in spam or trash this long are deleted for good."
            />
            <NumberField
              {...field}
              name="reportThreshold"
              label="Reports before a reply is held again"
              unit="readers"
              hint="When this many different readers report an approved reply, it goes back to pending for a moderator. 0 never does."
            />
            <NumberField
              {...field}
              name="articleBacklogLimit"
              label="Hold every reply on an article with this many waiting"
              unit="replies"
              hint="A busy article whose queue reaches this many held replies holds every new one until the queue is worked down. 0 turns it off."
            />
            <NumberField
              {...field}
              name="addressRetentionDays"
              label="Keep hashed addresses for (days)"
              unit="days"
              hint="Replies older than this lose their hashed address and browser, which flood control and address rules use; so do older reports and ended sanctions, and older mail is deleted."
            />
          </div>
        </fieldset>
      </div>

      <div className="flex flex-col gap-3 border-t border-current/15 pt-5">
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>Save settings</SubmitButton>
          <SubmitButton formAction={tryRules} className={secondaryButton} aria-describedby="reply-settings-try-hint">
            Try these rules
          </SubmitButton>
        </div>
        <p id="reply-settings-try-hint" className={hintText}>
          Trying runs these rules over the last 1,000 replies without saving anything. Bot traps and disallowed IP addresses cannot be tried: stored replies
          keep neither the timing nor the address.
        </p>
        <FormMessage state={latest} />
        {latest === tryState && tryState.examples && tryState.examples.length > 0 && <TrialExamples examples={tryState.examples} />}
      </div>
    </form>
  );
}
