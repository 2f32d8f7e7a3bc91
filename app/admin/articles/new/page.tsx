import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { listSections } from '@/db/queries/taxonomy';
import { can } from '@/lib/auth/permissions';
import { ArticleEditor } from '@/components/admin/article-editor';
import { editorArticle, editorButtons } from '../editor-props';

export const metadata: Metadata = { title: 'New article', robots: { index: false } };
export const instant = false;

export default async function NewArticlePage() {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/articles/new');
  if (!can(staff, { do: 'article.create' })) return <NotAllowed />;
  const sections = await listSections();
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">New article</h1>
      <ArticleEditor article={editorArticle(null)} sections={sections} buttons={editorButtons(staff, null)} />
    </>
  );
}
