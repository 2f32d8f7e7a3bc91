import { SubmitButton } from '@/components/ui/submit-button';
import { smallButton } from '@/components/ui/styles';
import { undoDecisionAction } from '@/app/admin/comments/actions';
import { noticeText } from '@/lib/replies/desk-text';

export type DeskNoticeParams = { done?: string; n?: string; undo?: string; error?: string };

/** What the last desk action did (with Undo when it can be undone), or why it was refused. */
export function DeskNotice({ notice, returnTo }: { notice: DeskNoticeParams; returnTo: string }) {
  if (notice.error) {
    return (
      <p
        role="alert"
        className="mb-4 rounded-sm border border-red-700/40 bg-red-50 px-3 py-2 text-sm font-semibold text-red-800 dark:bg-red-950 dark:text-red-200"
      >
        {notice.error}
      </p>
    );
  }
  const n = Number(notice.n ?? 0);
  const text = notice.done ? noticeText(notice.done, n) : null;
  if (!text) return null;
  return (
    <div
      role="status"
      className="mb-4 flex flex-wrap items-center gap-3 rounded-sm border border-green-800/30 bg-green-50 px-3 py-2 text-sm font-semibold text-green-900 dark:bg-green-950 dark:text-green-100"
    >
      <span>{text}</span>
      {notice.undo && n > 0 && (
        <form action={undoDecisionAction}>
          <input type="hidden" name="logIds" value={notice.undo} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <SubmitButton className={smallButton}>Undo</SubmitButton>
        </form>
      )}
    </div>
  );
}
