import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { listSectionsWithCounts, listTagsWithCounts } from '@/db/queries/taxonomy-admin';
import { can } from '@/lib/auth/permissions';
import { parsePage } from '@/lib/taxonomy/schema';
import { MergeTagsForm, NewSectionForm, NewTagForm, SectionRow, TagRow } from '@/components/admin/taxonomy-forms';

export const metadata: Metadata = { title: 'Sections and tags', robots: { index: false } };
export const instant = false;

const th = 'py-2 pr-2 font-semibold';

export default async function SectionsPage({ searchParams }: { searchParams: Promise<{ tagPage?: string | string[] }> }) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/sections');
  if (!can(staff, { do: 'taxonomy.manage' })) return <NotAllowed />;
  const tagPage = parsePage((await searchParams).tagPage);
  const [sections, tagList] = await Promise.all([listSectionsWithCounts(), listTagsWithCounts(tagPage)]);
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">Sections and tags</h1>

      <section aria-labelledby="sections-heading" className="mb-12">
        <h2 id="sections-heading" className="mb-4 font-serif text-2xl font-bold">
          Sections
        </h2>
        <NewSectionForm />
        {sections.length === 0 ? (
          <p className="mt-6 text-sm">No sections yet.</p>
        ) : (
          <div className="mt-6 overflow-x-auto">
            <table className="w-full min-w-[48rem] text-left text-sm">
              <caption className="sr-only">Sections</caption>
              <thead className="border-b border-current/30 text-xs uppercase tracking-widest text-current/70">
                <tr>
                  <th className={th}>Name</th>
                  <th className={th}>Slug</th>
                  <th className={th}>Description</th>
                  <th className={`${th} text-center`}>Order</th>
                  <th className={`${th} text-center`}>Articles</th>
                  <th className={th}>Actions</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-current/10">
                {sections.map((s, i) => (
                  <SectionRow key={s.id} section={s} first={i === 0} last={i === sections.length - 1} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="tags-heading">
        <h2 id="tags-heading" className="mb-4 font-serif text-2xl font-bold">
          Tags
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <NewTagForm />
          <MergeTagsForm suggestions={tagList.tags} />
        </div>
        <p className="mt-6 text-sm text-current/80">
          {tagList.total} {tagList.total === 1 ? 'tag' : 'tags'}
          {tagList.pages > 1 && ` · page ${Math.min(tagPage, tagList.pages)} of ${tagList.pages}`}
        </p>
        {tagList.tags.length === 0 ? (
          <p className="mt-2 text-sm">{tagList.total === 0 ? 'No tags yet.' : 'No tags on this page.'}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="sr-only">Tags</caption>
              <thead className="border-b border-current/30 text-xs uppercase tracking-widest text-current/70">
                <tr>
                  <th className={th}>Name</th>
                  <th className={th}>Slug</th>
                  <th className={`${th} text-center`}>Articles</th>
                  <th className={th}>Actions</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-current/10">
                {tagList.tags.map((t) => (
                  <TagRow key={t.id} tag={t} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {tagList.pages > 1 && (
          <nav aria-label="Tag pages" className="mt-4 flex gap-4 text-sm font-semibold">
            {tagPage > 1 && (
              <Link href={`/admin/sections?tagPage=${Math.min(tagPage - 1, tagList.pages)}`} className="underline underline-offset-4">
                Previous tags
              </Link>
            )}
            {tagPage < tagList.pages && (
              <Link href={`/admin/sections?tagPage=${tagPage + 1}`} className="underline underline-offset-4">
                Next tags
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
