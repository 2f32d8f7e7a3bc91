import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { getSiteTimeZone } from '@/app/(site)/cached-data';
import { getArticleForEdit, listRevisions } from '@/db/queries/admin-articles';
import { editorsOf, getAutosave } from '@/db/queries/article-editing';
import { AutosaveOffer } from '@/components/admin/editor/autosave-offer';
import { conflictMessage, editedVersion, saveConflict, textChanged, textDiffs } from '@/lib/articles/editing';
import { listSections } from '@/db/queries/taxonomy';
import { articleResource } from '@/lib/articles/resource';
import { isOwnArticle } from '@/lib/auth/admin-pages';
import { can } from '@/lib/auth/permissions';
import { ArticleEditor } from '@/components/admin/article-editor';
import { RevisionList } from '@/components/admin/revision-list';
import { Time } from '@/components/ui/time';
import { editorArticle, editorButtons } from '../editor-props';
import { LiveCoveragePanel } from '@/components/admin/live-coverage-panel';
import { getLiveArticle } from '@/db/queries/live-updates';
import { formResultFor } from '@/lib/form-result-server';

export const metadata: Metadata = { title: 'Edit article', robots: { index: false } };
export const instant = false;

const NOTICES: Record<string, string> = {
  saved: 'Saved.',
  submitted: 'Submitted for review.',
  published: 'Published. Readers see it now.',
  scheduled: 'Scheduled.',
  unpublished: 'Unpublished. Readers no longer see it.',
  restored: 'Revision restored (the text before it is kept as a revision too).',
  'restored-pending': 'Revision restored as pending changes: readers see the published version until the changes are published.',
  pending: 'Saved as pending changes. Readers still see the published version until the changes are published.',
  'pending-scheduled': 'Changes scheduled. Readers see the published version until then.',
  'taken-over': 'You took this article over. Whoever had it open is told, and their text is kept for them.',
  discarded: 'Your unsaved changes were discarded.',
  'live-started': 'Live coverage started. Readers see the Live badge; post updates from the composer.',
  'live-ended': 'Live coverage ended. The summary leads the page and the Live badge is gone.',
};

const INTENTS = ['save', 'submit', 'publish', 'schedule', 'unpublish'] as const;

export default async function EditArticlePage({ params, searchParams }: PageProps<'/admin/articles/[id]'>) {
  const { id } = await params;
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/login?callbackUrl=/admin/articles/${id}`);
  if (!/^[1-9][0-9]*$/.test(id)) notFound();
  const query = await searchParams;
  const { notice, restore, intent } = query;
  const [article, sections, revisions, autosave, editors, timeZone, live, endAnswer] = await Promise.all([
    getArticleForEdit(Number(id)),
    listSections(),
    listRevisions(Number(id)),
    getAutosave(staff.id, Number(id)),
    editorsOf(Number(id)),
    getSiteTimeZone(),
    getLiveArticle(Number(id)),
    formResultFor('live-end', query),
  ]);
  if (!article) notFound();
  const resource = articleResource(article);
  if (!can(staff, { do: 'article.edit', article: resource })) {
    // Someone else's article is not theirs to see here; their own, once an editor has it, is read-only.
    if (!isOwnArticle(staff.id, resource)) return <NotAllowed />;
    return (
      <p role="alert" className="font-serif text-lg">
        You can read this article on the site, but only an editor can change it now.
      </p>
    );
  }
  // Unsaved changes kept by autosave (or by a refused save): offered back unless the same as what is saved.
  const edited = editedVersion(article);
  const unsaved = autosave && textChanged(edited, autosave) ? autosave : null;
  const restoring = restore === 'autosave' && unsaved;
  // Text typed over an older version than the current one: restoring it shows the difference first.
  const conflict =
    restoring && unsaved.baseVersion !== article.version ? saveConflict(article, unsaved, INTENTS.find((i) => i === intent) ?? 'save') : undefined;
  const others = editors.filter((e) => e.userId !== staff.id);
  return (
    <>
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Edit article</h1>
        <p className="text-sm text-current/70">
          Status: <strong>{article.status}</strong>
          {article.publishedAt && (
            <>
              {' · '}
              {article.status === 'scheduled' ? 'goes live' : 'published'} <Time date={article.publishedAt} withTime />
            </>
          )}
          {article.status === 'published' && (
            <>
              {' · '}
              <Link href={`/articles/${article.slug}`} className="underline">
                View on site
              </Link>
            </>
          )}
        </p>
      </div>
      {typeof notice === 'string' && NOTICES[notice] && (
        <p
          role="status"
          className="mb-4 rounded-sm border border-green-700/40 bg-green-50 px-3 py-2 text-sm font-semibold text-green-900 dark:bg-green-950/40 dark:text-green-200"
        >
          {NOTICES[notice]}
        </p>
      )}
      {article.pending && (
        <p className="mb-4 rounded-sm border border-amber-700/50 bg-amber-50 px-3 py-2 text-sm dark:bg-amber-950/40">
          <strong>Pending changes.</strong> This form shows changes readers do not see yet
          {article.pendingPublishAt ? (
            <>
              ; they go live <Time date={article.pendingPublishAt} withTime />
            </>
          ) : null}
          . Press Publish to make them live now.
        </p>
      )}
      {unsaved && !restoring && <AutosaveOffer articleId={article.id} savedAt={unsaved.savedAt} diffs={textDiffs(edited, unsaved)} timeZone={timeZone} />}
      {restoring && !conflict && (
        <p role="status" className="mb-4 rounded-sm border border-green-700/40 bg-green-50 px-3 py-2 text-sm dark:bg-green-950/40">
          Your unsaved changes are back in the form. Save to keep them.
        </p>
      )}
      <ArticleEditor
        key={`${article.version}-${restoring ? 'restored' : 'saved'}`}
        article={editorArticle(article, { text: restoring ? unsaved : undefined, timeZone })}
        timeZone={timeZone}
        sections={sections}
        buttons={editorButtons(staff, article)}
        editors={{ others: others.map(({ name, holds }) => ({ name, holds })), holds: editors.some((e) => e.userId === staff.id && e.holds) }}
        conflict={conflict && { conflict, message: conflictMessage(conflict, timeZone) }}
      />
      {live && live.status === 'published' && can(staff, { do: 'article.live', article: resource }) && (
        <LiveCoveragePanel article={live} timeZone={timeZone} endAnswer={endAnswer} error={typeof query.error === 'string' ? query.error : undefined} />
      )}
      <RevisionList articleId={article.id} revisions={revisions} />
    </>
  );
}
