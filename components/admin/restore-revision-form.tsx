import { restoreRevisionAction } from '@/app/admin/articles/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { secondaryButton } from '@/components/ui/styles';

/** "Restore this revision": a plain form (works without JavaScript) that posts to restoreRevisionAction. */
export function RestoreRevisionForm({ articleId, revisionId, primary = true }: { articleId: number; revisionId: number; primary?: boolean }) {
  return (
    <form action={restoreRevisionAction}>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <SubmitButton className={primary ? undefined : secondaryButton} pendingText="Restoring…">
        Restore this revision
      </SubmitButton>
    </form>
  );
}
