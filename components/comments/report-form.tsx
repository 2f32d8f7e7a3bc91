'use client';

import { useActionState } from 'react';
import { reportReplyAction, type ReportFormState } from '@/app/(site)/articles/[slug]/report/[replyId]/actions';
import { errorId, Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { errorText, wideInputClass } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import { REPORT_REASON_LABELS } from '@/lib/replies/report-schema';

const initial: ReportFormState = { status: 'idle' };

/** Asks why a comment should be looked at. A real form: works without JavaScript. */
export function ReportForm({ replyId, permalink }: { replyId: number; permalink: string }) {
  const [state, action] = useActionState(reportReplyAction, initial, permalink);
  if (state.status === 'success') {
    return <FormMessage state={state} className="rounded-sm border border-green-800/30 bg-green-50 p-4 dark:bg-green-950" />;
  }
  const errors = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="replyId" value={replyId} />
      <FormMessage state={state} />
      <fieldset aria-describedby={errors.reason ? errorId('report-reason') : undefined} aria-invalid={errors.reason ? true : undefined}>
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
          <p id={errorId('report-reason')} className={`mt-1 ${errorText}`}>
            {errors.reason}
          </p>
        )}
      </fieldset>
      <Field
        id="report-note"
        labelClassName="font-semibold"
        label={
          <>
            Anything the moderators should know? <span className="font-normal opacity-75">(needed for “Something else”)</span>
          </>
        }
        error={errors.note}
      >
        <textarea name="note" rows={3} maxLength={500} defaultValue={v.note} className={wideInputClass} />
      </Field>
      <div>
        <SubmitButton>Send report</SubmitButton>
      </div>
    </form>
  );
}
