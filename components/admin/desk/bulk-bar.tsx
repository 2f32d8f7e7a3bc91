import { SubmitButton } from '@/components/ui/submit-button';
import { smallButton } from '@/components/ui/styles';
import { dismissReportsAction, moderateRepliesAction } from '@/app/admin/comments/actions';
import type { ReplyStatus } from '@/db/schema';
import { ROW_ACTIONS } from './queues';
import { SelectAllReplies } from './select-all';

/** The id of the bulk form: each row's checkbox belongs to it (form="…") wherever the row is. */
export const BULK_FORM_ID = 'bulk-form';

/** "With selected:" the queue's decisions for every ticked row (Reported: dismiss or trash). */
export function BulkBar({ status, reportedView, returnTo }: { status: ReplyStatus; reportedView: boolean; returnTo: string }) {
  return (
    <form id={BULK_FORM_ID} action={moderateRepliesAction} className="mb-3 flex flex-wrap items-center gap-2 rounded-sm border border-current/20 p-2">
      <input type="hidden" name="returnTo" value={returnTo} />
      <SelectAllReplies />
      <span className="mx-1 text-current/40">|</span>
      <span className="text-sm text-current/70">With selected:</span>
      {reportedView ? (
        <>
          <SubmitButton formAction={dismissReportsAction} className={smallButton}>
            Dismiss reports on selected
          </SubmitButton>
          <SubmitButton name="decision" value="trash" className={smallButton}>
            Trash selected
          </SubmitButton>
        </>
      ) : (
        ROW_ACTIONS[status].map((a) => (
          <SubmitButton key={a.decision} name="decision" value={a.decision} className={smallButton}>
            {a.label} selected
          </SubmitButton>
        ))
      )}
    </form>
  );
}
