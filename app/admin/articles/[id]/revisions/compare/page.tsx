import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { DiffView } from '@/components/admin/diff-view';
import { NotAllowed } from '@/components/admin/not-allowed';
import { RestoreRevisionForm } from '@/components/admin/restore-revision-form';
import { RevisionList } from '@/components/admin/revision-list';
import { Time } from '@/components/ui/time';
import { getArticleForEdit, listRevisions } from '@/db/queries/admin-articles';
import { getRevisionPair, type RevisionWithAuthor } from '@/db/queries/revisions';
import { articleResource } from '@/lib/articles/resource';
import { can } from '@/lib/auth/permissions';
import { compareHref, parseCompareParams } from '@/lib/revisions/compare-params';
import { revisionFacts } from '@/lib/revisions/meta';
import { allTextDiffs } from '@/lib/articles/editing';
import { hasChanges } from '@/lib/text/word-diff';

export const metadata: Metadata = { title: 'Compare revisions', robots: { index: false } };
export const instant = false;

// Any two revisions of one article, side by side: /admin/articles/[id]/revisions/compare?from=A&to=B.
// The admin gate answers a bad or foreign pair with a real 404 before this renders (lib/auth/admin-pages.ts).
export default async function CompareRevisionsPage({ params, searchParams }: PageProps<'/admin/articles/[id]/revisions/compare'>) {
  const { id } = await params;
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/login?callbackUrl=/admin/articles/${id}`);
  const pair = parseCompareParams(await searchParams);
  if (!/^[1-9][0-9]{0,15}$/.test(id) || !pair) notFound();
  const articleId = Number(id);
  const [article, revisions, list] = await Promise.all([
    getArticleForEdit(articleId),
    getRevisionPair(articleId, pair.from, pair.to),
    listRevisions(articleId),
  ]);
  if (!article || !revisions) notFound();
  if (!can(staff, { do: 'article.edit', article: articleResource(article) })) return <NotAllowed />;
  const { from, to } = revisions;
  const fields = allTextDiffs(from, to);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/admin/articles/${article.id}`} className="underline">
          ← Back to the editor
        </Link>
      </p>
      <h1 className="mb-2 font-serif text-3xl font-bold">Compare revisions</h1>
      <p className="mb-6 text-sm text-current/70">
        {from.id === to.id ? (
          'Both sides are the same revision.'
        ) : (
          <>
            From the revision of <Time date={from.createdAt} withSeconds /> (struck through) to the revision of <Time date={to.createdAt} withSeconds />{' '}
            (highlighted).{' '}
            <Link href={compareHref(article.id, { from: to.id, to: from.id })} className="font-semibold text-current underline">
              Swap from and to
            </Link>
          </>
        )}
      </p>
      <div className="mb-8 grid gap-4 sm:grid-cols-2">
        <RevisionCard side="From" revision={from} articleId={article.id} baseVersion={article.version} />
        <RevisionCard side="To" revision={to} articleId={article.id} baseVersion={article.version} />
      </div>
      {fields.map((f) => (
        <section key={f.label} className="mb-6">
          <h2 className="mb-2 text-xs font-bold uppercase tracking-widest">
            {f.label} {hasChanges(f.parts) ? '' : '(unchanged)'}
          </h2>
          <DiffView parts={f.parts} field={f.field} />
        </section>
      ))}
      <RevisionList articleId={article.id} revisions={list} selected={pair} />
    </>
  );
}

/** One side of the comparison: when, who, the status then and the note, and a way back to it. */
function RevisionCard({
  side,
  revision,
  articleId,
  baseVersion,
}: {
  side: 'From' | 'To';
  revision: RevisionWithAuthor;
  articleId: number;
  baseVersion: number;
}) {
  const { note, status } = revisionFacts(revision.meta);
  const headingId = `revision-${side.toLowerCase()}-heading`;
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3 rounded-sm border border-current/20 p-4">
      <div className="flex items-baseline gap-2">
        <h2 id={headingId} className="text-xs font-bold uppercase tracking-widest">
          {side}
        </h2>
        {side === 'From' ? (
          <span className="bg-red-100 px-1 text-xs text-red-900 line-through dark:bg-red-950 dark:text-red-200">struck through</span>
        ) : (
          <span className="bg-green-100 px-1 text-xs text-green-900 dark:bg-green-950 dark:text-green-200">highlighted</span>
        )}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-semibold">Saved</dt>
        <dd className="min-w-0">
          <Time date={revision.createdAt} withSeconds className="tabular-nums" />
        </dd>
        <dt className="font-semibold">By</dt>
        <dd className="min-w-0 break-words">{revision.by ?? 'unknown'}</dd>
        {status && (
          <>
            <dt className="font-semibold">Status</dt>
            <dd>{status}</dd>
          </>
        )}
        {note && (
          <>
            <dt className="font-semibold">Note</dt>
            <dd className="min-w-0 break-words">{note}</dd>
          </>
        )}
      </dl>
      <div className="mt-auto">
        <RestoreRevisionForm articleId={articleId} revisionId={revision.id} baseVersion={baseVersion} primary={false} />
      </div>
    </section>
  );
}
