import { SubmitButton } from '@/components/ui/submit-button';
import { smallButton } from '@/components/ui/styles';
import { dismissReportsAction, moderateRepliesAction, removeRepliesAction } from '@/app/admin/comments/actions';
import type { QueueRow } from '@/db/queries/moderation-queue';
import { ROW_ACTIONS } from './queues';
import { ReplyRowTools, type PlainAnswer } from './reply-row-tools';

/**
 * A row's buttons: the queue's decisions (names the tests find them by, each with its keyboard shortcut in
 * data-shortcut), dismissing reports in the Reported queue, removing the whole thread, Reply and Edit.
 */
export function ReplyRowActions({ row, returnTo, reportedView, answer }: { row: QueueRow; returnTo: string; reportedView: boolean; answer?: PlainAnswer }) {
  return (
    <div className="mt-3 flex flex-wrap items-start gap-2">
      <form action={moderateRepliesAction} className="flex flex-wrap gap-2">
        <input type="hidden" name="ids" value={row.id} />
        <input type="hidden" name="returnTo" value={returnTo} />
        {ROW_ACTIONS[row.status].map((a) => (
          <SubmitButton key={a.decision} name="decision" value={a.decision} data-shortcut={a.key} className={smallButton}>
            {a.label}
          </SubmitButton>
        ))}
        {reportedView && row.reports.length > 0 && (
          <SubmitButton formAction={dismissReportsAction} className={smallButton}>
            Dismiss reports
          </SubmitButton>
        )}
      </form>
      <form action={removeRepliesAction}>
        <input type="hidden" name="scope" value="thread" />
        <input type="hidden" name="replyId" value={row.id} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <SubmitButton className={smallButton} title="This reply and every reply under it go to the trash">
          Remove this whole thread
        </SubmitButton>
      </form>
      <ReplyRowTools replyId={row.id} body={row.body} authorName={row.authorName} returnTo={returnTo} answer={answer} />
    </div>
  );
}
