import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { AutosaveOffer } from '@/components/admin/editor/autosave-offer';
import { getSiteTimeZone } from '@/app/(site)/cached-data';
import { getAutosave } from '@/db/queries/article-editing';
import { listSections } from '@/db/queries/taxonomy';
import { textChanged, textDiffs } from '@/lib/articles/editing';
import { can } from '@/lib/auth/permissions';
import { ArticleEditor } from '@/components/admin/article-editor';
import { editorArticle, editorButtons } from '../editor-props';

export const metadata: Metadata = { title: 'New article', robots: { index: false } };
export const instant = false;

const EMPTY = { title: '', standfirst: '', body: '' };

export default async function NewArticlePage({ searchParams }: PageProps<'/admin/articles/new'>) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/articles/new');
  if (!can(staff, { do: 'article.create' })) return <NotAllowed />;
  const [sections, autosave, { restore, notice }, timeZone] = await Promise.all([listSections(), getAutosave(staff.id, null), searchParams, getSiteTimeZone()]);
  // A new article typed but never saved (a crash, a closed tab) is offered back.
  const unsaved = autosave && textChanged(EMPTY, autosave) ? autosave : null;
  const restoring = restore === 'autosave' && unsaved;
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">New article</h1>
      {notice === 'discarded' && (
        <p role="status" className="mb-4 text-sm font-semibold">
          Your unsaved changes were discarded.
        </p>
      )}
      {unsaved && !restoring && <AutosaveOffer articleId={null} savedAt={unsaved.savedAt} diffs={textDiffs(EMPTY, unsaved)} timeZone={timeZone} />}
      <ArticleEditor
        key={restoring ? 'restored' : 'new'}
        article={editorArticle(null, { text: restoring ? unsaved : undefined, timeZone })}
        timeZone={timeZone}
        sections={sections}
        buttons={editorButtons(staff, null)}
        editors={null}
      />
    </>
  );
}
