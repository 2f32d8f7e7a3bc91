import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { listArticlesForAdmin } from '@/db/queries/admin-articles';
import { ARTICLE_STATUSES } from '@/db/enums';
import { listSections } from '@/db/queries/taxonomy';
import { listStaff } from '@/db/queries/staff-admin';
import { can } from '@/lib/auth/permissions';
import { ErrorNotice } from '@/components/admin/error-notice';
import { Time } from '@/components/ui/time';
import { inputClass, primaryButton, smallButton } from '@/components/ui/styles';

export const metadata: Metadata = { title: 'Articles', robots: { index: false } };
export const instant = false;

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
                {s}
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
      <table className="w-full text-left text-sm">
        <thead className="border-b border-current/30 text-xs uppercase tracking-widest text-current/70">
          <tr>
            <th className="py-2">Title</th>
            <th>Status</th>
            <th className="hidden sm:table-cell">Section</th>
            <th className="hidden md:table-cell">By</th>
            <th>Changed</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-current/10">
          {rows.map((a) => (
            <tr key={a.id}>
              <td className="py-2 pr-3">
                <Link href={`/admin/articles/${a.id}`} className="font-semibold hover:underline">
                  {a.title}
                </Link>
              </td>
              <td>{a.status}</td>
              <td className="hidden sm:table-cell">{a.sectionName ?? '—'}</td>
              <td className="hidden md:table-cell">{a.authors}</td>
              <td className="whitespace-nowrap">{a.updatedAt ? <Time date={a.updatedAt} /> : '—'}</td>
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
