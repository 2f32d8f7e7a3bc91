import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { listSectionsWithCounts, listTagsWithCounts } from '@/db/queries/taxonomy-admin';
import { can } from '@/lib/auth/permissions';
import { readFormResult } from '@/lib/form-result-server';
import { parsePage } from '@/lib/taxonomy/schema';
import { DeleteNotice, MergeTagsForm, NewSectionForm, NewTagForm, SectionRow, TagRow, TaxonomyDesk } from '@/components/admin/taxonomy-forms';

export const metadata: Metadata = { title: 'Sections and tags', robots: { index: false } };
export const instant = false;

const th = 'py-2 pr-2 font-semibold';
// From md up a table; below it the rows stack as cards (taxonomy-forms.tsx), so a phone never scrolls sideways.
const table = 'block w-full text-left text-sm md:table';
const thead = 'hidden border-b border-current/30 text-xs uppercase tracking-widest text-current/70 md:table-header-group';
const tbody = 'block divide-y divide-current/10 border-y border-current/30 md:table-row-group md:border-y-0';

export default async function SectionsPage({ searchParams }: PageProps<'/admin/sections'>) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/sections');
  if (!can(staff, { do: 'taxonomy.manage' })) return <NotAllowed />;
  const query = await searchParams;
  const tagPage = parsePage(query.tagPage);
  // The answer to a form posted without JavaScript: one of the add forms', the merge form's or one row's.
  const [sections, tagList, answer] = await Promise.all([listSectionsWithCounts(), listTagsWithCounts(tagPage), readFormResult(query)]);
  const answerFor = (form: string) => (answer?.form === form ? answer.state : undefined);
  return (
    <TaxonomyDesk initial={{ sectionDelete: answerFor('section-delete'), tagDelete: answerFor('tag-delete') }}>
      <h1 className="mb-6 font-serif text-3xl font-bold">Sections and tags</h1>

      <section aria-labelledby="sections-heading" className="mb-12">
        <h2 id="sections-heading" className="mb-4 font-serif text-2xl font-bold">
          Sections
        </h2>
        {/* A delete answers here, not in its row: the row is gone (a refusal shows in its row). */}
        <DeleteNotice of="section" rowIds={sections.map((s) => s.id)} className="mb-4" />
        <NewSectionForm initial={answerFor('section-new')} />
        {sections.length === 0 ? (
          <p className="mt-6 text-sm">No sections yet.</p>
        ) : (
          <div className="mt-6">
            <table className={table}>
              <caption className="sr-only">Sections</caption>
              <thead className={thead}>
                <tr>
                  <th className={th}>Name</th>
                  <th className={th}>Slug</th>
                  <th className={th}>Description</th>
                  <th className={`${th} text-center`}>Order</th>
                  <th className={`${th} text-center`}>Articles</th>
                  <th className={th}>Actions</th>
                </tr>
              </thead>
              <tbody className={tbody}>
                {sections.map((s, i) => (
                  <SectionRow
                    key={s.id}
                    section={s}
                    first={i === 0}
                    last={i === sections.length - 1}
                    initial={{ save: answerFor(`section-${s.id}`), move: answerFor(`section-move-${s.id}`) }}
                  />
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
        <DeleteNotice of="tag" rowIds={tagList.tags.map((t) => t.id)} className="mb-4" />
        <div className="grid gap-4 lg:grid-cols-2">
          <NewTagForm initial={answerFor('tag-new')} />
          <MergeTagsForm suggestions={tagList.tags} initial={answerFor('tag-merge')} />
        </div>
        <p className="mt-6 text-sm text-current/80">
          {tagList.total} {tagList.total === 1 ? 'tag' : 'tags'}
          {tagList.pages > 1 && ` · page ${Math.min(tagPage, tagList.pages)} of ${tagList.pages}`}
        </p>
        {tagList.tags.length === 0 ? (
          <p className="mt-2 text-sm">{tagList.total === 0 ? 'No tags yet.' : 'No tags on this page.'}</p>
        ) : (
          <div className="mt-2">
            <table className={table}>
              <caption className="sr-only">Tags</caption>
              <thead className={thead}>
                <tr>
                  <th className={th}>Name</th>
                  <th className={th}>Slug</th>
                  <th className={`${th} text-center`}>Articles</th>
                  <th className={th}>Actions</th>
                </tr>
              </thead>
              <tbody className={tbody}>
                {tagList.tags.map((t) => (
                  <TagRow key={t.id} tag={t} initial={{ save: answerFor(`tag-${t.id}`) }} />
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
    </TaxonomyDesk>
  );
}
