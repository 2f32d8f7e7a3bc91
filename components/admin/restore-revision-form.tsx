import { restoreRevisionAction } from '@/app/admin/articles/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { secondaryButton } from '@/components/ui/styles';

/** "Restore this revision": a plain form (works without JavaScript) that posts to restoreRevisionAction. */
export function RestoreRevisionForm({
  articleId,
  revisionId,
  baseVersion,
  primary = true,
}: {
  articleId: number;
  revisionId: number;
  /** The article's version this page showed: a restore over a newer one is refused (see saveArticle). */
  baseVersion: number;
  primary?: boolean;
}) {
  return (
    <form action={restoreRevisionAction}>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <SubmitButton className={primary ? undefined : secondaryButton} pendingText="Restoring…">
        Restore this revision
      </SubmitButton>
    </form>
  );
}
