import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { listArticlesForAdmin } from '@/db/queries/admin-articles';
import { editorsOfMany } from '@/db/queries/article-editing';
import { ARTICLE_STATUSES } from '@/db/enums';
import { listSections } from '@/db/queries/taxonomy';
import { listStaff } from '@/db/queries/staff-admin';
import { can } from '@/lib/auth/permissions';
import { ErrorNotice } from '@/components/admin/error-notice';
import { Time } from '@/components/ui/time';
import { ArticleStatusBadge } from '@/components/admin/article-status-badge';
import { articleStatusLabel } from '@/lib/articles/status';
import { inputClass, primaryButton, smallButton } from '@/components/ui/styles';

export const metadata: Metadata = { title: 'Articles', robots: { index: false } };
export const instant = false;

const th = 'py-2 pr-4 font-semibold';
const td = 'py-3 pr-4';

const FilterSchema = z.object({
  status: z.enum(ARTICLE_STATUSES).optional().catch(undefined),
  section: z.coerce.number().int().positive().optional().catch(undefined),
  author: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  before: z
    .string()
    .regex(/^\d+-\d+$/)
    .optional()
    .catch(undefined),
});

export default async function ArticlesPage({ searchParams }: PageProps<'/admin/articles'>) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/articles');
  if (!can(staff, { do: 'article.create' })) return <NotAllowed />;
  const params = await searchParams;
  const filter = FilterSchema.parse(params);
  const [updatedAt, id] = filter.before?.split('-').map(Number) ?? [];
  const [{ rows, next }, sections, staffList] = await Promise.all([
    listArticlesForAdmin({
      status: filter.status,
      sectionId: filter.section,
      authorId: filter.author,
      q: filter.q || undefined,
      before: filter.before ? { updatedAt, id } : undefined,
      limit: 30,
    }),
    listSections(),
    listStaff(),
  ]);
  // Who else has each listed article open in the editor right now (WordPress's lock, without the lock);
  // told to those who edit everyone's articles, since an author may not open most of these.
  const openBy = can(staff, { do: 'article.publish' })
    ? await editorsOfMany(
        rows.map((r) => r.id),
        staff.id,
      )
    : new Map<number, string[]>();
  const nextHref = next
    ? `/admin/articles?${new URLSearchParams({ ...(filter.status && { status: filter.status }), ...(filter.section && { section: String(filter.section) }), ...(filter.author && { author: String(filter.author) }), ...(filter.q && { q: filter.q }), before: `${next.updatedAt}-${next.id}` })}`
    : null;
  return (
    <>
      <div className="mb-6 flex items-center justify-between">
        <h1 className="font-serif text-3xl font-bold">Articles</h1>
        <Link href="/admin/articles/new" className={primaryButton}>
          New article
        </Link>
      </div>
      {/* A restore whose form named no revision comes back here. */}
      <ErrorNotice error={params.error} />
      <form className="mb-6 flex flex-wrap items-end gap-3 text-sm" role="search">
        <label className="flex flex-col gap-1">
          <span className="font-semibold">Title contains</span>
          <input name="q" defaultValue={filter.q ?? ''} className={inputClass} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">Status</span>
          <select name="status" defaultValue={filter.status ?? ''} className={inputClass}>
            <option value="">Any</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {articleStatusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">Section</span>
          <select name="section" defaultValue={filter.section ?? ''} className={inputClass}>
            <option value="">Any</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">Author</span>
          <select name="author" defaultValue={filter.author ?? ''} className={inputClass}>
            <option value="">Anyone</option>
            {staffList.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button className={smallButton}>Filter</button>
      </form>
      {/* Secondary columns give way on narrow screens; what they would say moves under the title. */}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Articles, most recently changed first</caption>
        <thead className="border-b border-current/30 text-xs uppercase tracking-widest text-current/70">
          <tr>
            <th className={th}>Title</th>
            <th className={`${th} hidden sm:table-cell`}>Status</th>
            <th className={`${th} hidden md:table-cell`}>Section</th>
            <th className={`${th} hidden lg:table-cell`}>By</th>
            <th className={`${th} hidden sm:table-cell`}>Changed</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-current/10">
          {rows.map((a) => (
            <tr key={a.id} className="align-top">
              <td className={`${td} w-full wrap-anywhere`}>
                <Link href={`/admin/articles/${a.id}`} className="font-semibold underline-offset-4 hover:underline">
                  {a.title}
                </Link>
                {/* The row's details under its title: the hidden columns' values on narrow screens (and room for more, e.g. who has it open). */}
                <div className="flex flex-wrap items-center gap-x-3 text-xs text-current/70 *:mt-1">
                  <span className="sm:hidden">
                    <ArticleStatusBadge status={a.status} />
                  </span>
                  {a.sectionName && <span className="md:hidden">{a.sectionName}</span>}
                  {a.authors && <span className="lg:hidden">{a.authors}</span>}
                  {a.updatedAt && <Time date={a.updatedAt} className="whitespace-nowrap sm:hidden" />}
                  {a.hasPendingChanges && <span className="font-semibold text-amber-800 dark:text-amber-300">Pending changes</span>}
                  {openBy.get(a.id) && <span className="font-semibold text-sky-800 dark:text-sky-300">{openBy.get(a.id)!.join(', ')} editing now</span>}
                </div>
              </td>
              <td className={`${td} hidden sm:table-cell`}>
                <ArticleStatusBadge status={a.status} />
              </td>
              <td className={`${td} hidden whitespace-nowrap md:table-cell`}>{a.sectionName ?? '—'}</td>
              <td className={`${td} hidden min-w-40 lg:table-cell`}>{a.authors || '—'}</td>
              <td className={`${td} hidden whitespace-nowrap tabular-nums sm:table-cell`}>{a.updatedAt ? <Time date={a.updatedAt} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="mt-6 font-serif">No articles match.</p>}
      {nextHref && (
        <p className="mt-6">
          <Link href={nextHref} className="font-semibold underline">
            Older →
          </Link>
        </p>
      )}
    </>
  );
}
