import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { getArticleForEdit, getRevision } from '@/db/queries/admin-articles';
import { allTextDiffs, editedVersion } from '@/lib/articles/editing';
import { articleResource } from '@/lib/articles/resource';
import { can } from '@/lib/auth/permissions';
import { hasChanges } from '@/lib/text/word-diff';
import { DiffView } from '@/components/admin/diff-view';
import { ErrorNotice } from '@/components/admin/error-notice';
import { RestoreRevisionForm } from '@/components/admin/restore-revision-form';
import { Time } from '@/components/ui/time';

export const metadata: Metadata = { title: 'Compare revision', robots: { index: false } };
export const instant = false;

export default async function RevisionPage({ params, searchParams }: PageProps<'/admin/articles/[id]/revisions/[revisionId]'>) {
  const { id, revisionId } = await params;
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/login?callbackUrl=/admin/articles/${id}`);
  if (!/^[1-9][0-9]*$/.test(id) || !/^[1-9][0-9]*$/.test(revisionId)) notFound();
  const [article, revision, { error }] = await Promise.all([getArticleForEdit(Number(id)), getRevision(Number(id), Number(revisionId)), searchParams]);
  if (!article || !revision) notFound();
  if (!can(staff, { do: 'article.edit', article: articleResource(article) })) return <NotAllowed />;
  // "Current" is what the editor shows: the pending changes when a published article has some.
  const current = editedVersion(article);
  const fields = allTextDiffs(revision, current);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/admin/articles/${article.id}`} className="underline">
          ← Back to the editor
        </Link>
      </p>
      <h1 className="mb-2 font-serif text-3xl font-bold">Compare revision</h1>
      <ErrorNotice error={error} />
      <p className="mb-6 text-sm text-current/70">
        From the revision of <Time date={revision.createdAt} withTime /> (struck through) to the current text (highlighted; pending changes when there are
        some).
      </p>
      {fields.map((f) => (
        <section key={f.label} className="mb-6">
          <h2 className="mb-2 text-xs font-bold uppercase tracking-widest">
            {f.label} {hasChanges(f.parts) ? '' : '(unchanged)'}
          </h2>
          <DiffView parts={f.parts} field={f.field} />
        </section>
      ))}
      <RestoreRevisionForm articleId={article.id} revisionId={revision.id} baseVersion={article.version} />
    </>
  );
}
