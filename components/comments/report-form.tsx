'use client';

import { useActionState } from 'react';
import { reportReplyAction, type ReportFormState } from '@/app/(site)/articles/[slug]/report/[replyId]/actions';
import { REPORT_REASON_LABELS } from '@/lib/replies/report-schema';

const initial: ReportFormState = { status: 'idle' };

/** Asks why a comment should be looked at. A real form: works without JavaScript. */
export function ReportForm({ replyId, permalink }: { replyId: number; permalink: string }) {
  const [state, action, pending] = useActionState(reportReplyAction, initial, permalink);
  if (state.status === 'success') {
    return (
      <p role="status" className="rounded-sm border border-green-800/30 bg-green-50 p-4 font-semibold text-green-900 dark:bg-green-950 dark:text-green-100">
        {state.message}
      </p>
    );
  }
  const errors = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="replyId" value={replyId} />
      <div role="status" aria-live="polite">
        {state.status === 'error' && state.message && <p className="font-semibold text-red-700 dark:text-red-400">{state.message}</p>}
      </div>
      <fieldset aria-describedby={errors.reason ? 'report-reason-error' : undefined} aria-invalid={errors.reason ? true : undefined}>
        <legend className="mb-2 font-semibold">What is wrong with this comment?</legend>
        <div className="flex flex-col gap-2">
          {Object.entries(REPORT_REASON_LABELS).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="reason" value={value} defaultChecked={v.reason === value} className="size-4" />
              {label}
            </label>
          ))}
        </div>
        {errors.reason && (
          <p id="report-reason-error" className="mt-1 text-sm font-semibold text-red-700 dark:text-red-400">
            {errors.reason}
          </p>
        )}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="report-note" className="font-semibold">
          Anything the moderators should know? <span className="font-normal text-current/70">(needed for “Something else”)</span>
        </label>
        <textarea
          id="report-note"
          name="note"
          rows={3}
          maxLength={500}
          defaultValue={v.note}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? 'report-note-error' : undefined}
          className="rounded-sm border border-current/30 bg-transparent p-2 aria-[invalid=true]:border-red-700"
        />
        {errors.note && (
          <p id="report-note-error" className="text-sm font-semibold text-red-700 dark:text-red-400">
            {errors.note}
          </p>
        )}
      </div>
      <div>
        <button disabled={pending} className="rounded-sm bg-[var(--color-ink)] px-5 py-2.5 font-semibold text-[var(--color-paper)] disabled:opacity-60">
          Send report
        </button>
      </div>
    </form>
  );
}
