import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { PageEditor } from '@/components/admin/page-editor';
import { can } from '@/lib/auth/permissions';
import { formResultFor } from '@/lib/form-result-server';
import { renderBody } from '@/lib/markdown/render';
import { PAGE_EDITOR_FORM } from '@/lib/pages/schema';
import type { PageFormState } from '../actions';

export const metadata: Metadata = { title: 'New page', robots: { index: false } };
export const instant = false;

export default async function NewPagePage({ searchParams }: PageProps<'/admin/pages/new'>) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/pages/new');
  if (!can(staff, { do: 'page.manage' })) return <NotAllowed />;
  // The answer to a save posted without JavaScript (a refused field comes back here with the typed text).
  const query = await searchParams;
  const initial = (await formResultFor(PAGE_EDITOR_FORM, query)) as PageFormState | undefined;
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">New page</h1>
      <PageEditor
        key={typeof query.result === 'string' ? query.result : 'new'}
        page={{ id: null, title: '', slug: '', body: '', bodyFormat: 'markdown', published: false, baseVersion: 0 }}
        initial={initial}
        initialPreview={renderBody(initial?.values?.body ?? '', 'markdown')}
      />
    </>
  );
}
