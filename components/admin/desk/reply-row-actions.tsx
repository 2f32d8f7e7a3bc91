import { SubmitButton } from '@/components/ui/submit-button';
import { dangerButton, smallButton } from '@/components/ui/styles';
import { dismissReportsAction, moderateRepliesAction, removeRepliesAction } from '@/app/admin/comments/actions';
import type { QueueRow } from '@/db/queries/moderation-queue';
import { ROW_ACTIONS } from './queues';
import { ReplyRowTools, type PlainAnswer } from './reply-row-tools';

/**
 * A row's buttons: the queue's decisions (names the tests find them by, each with its keyboard shortcut in
 * data-shortcut), dismissing reports in the Reported queue, Reply and Edit. Removing the whole thread is
 * not among them (RemoveThread, further down the row).
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
      <ReplyRowTools replyId={row.id} body={row.body} authorName={row.authorName} returnTo={returnTo} answer={answer} />
    </div>
  );
}

/**
 * "Remove this whole thread", away from Approve and behind a confirmation that needs no JavaScript: a
 * disclosure says what it does, and only its button acts. (It can still be undone from the notice.)
 */
export function RemoveThread({ row, returnTo }: { row: QueueRow; returnTo: string }) {
  return (
    <details className="group">
      <summary className="cursor-pointer font-semibold text-current/80 underline-offset-4 hover:underline">Remove thread…</summary>
      <div className="mt-2 flex max-w-md flex-col items-start gap-2 rounded-sm border border-red-800/40 p-3">
        <p>Move this reply by {row.authorName} and every reply under it to the trash? Readers stop seeing them at once; the notice that follows can undo it.</p>
        <form action={removeRepliesAction}>
          <input type="hidden" name="scope" value="thread" />
          <input type="hidden" name="replyId" value={row.id} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <SubmitButton className={dangerButton}>Remove this whole thread</SubmitButton>
        </form>
      </div>
    </details>
  );
}
