import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { ErrorNotice } from '@/components/admin/error-notice';
import { NotAllowed } from '@/components/admin/not-allowed';
import { Time } from '@/components/ui/time';
import { dangerButton, primaryButton, smallButton } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import { listPagesForAdmin, type AdminPageRow } from '@/db/queries/pages';
import { can } from '@/lib/auth/permissions';
import { moveFooterPageAction } from './actions';

export const metadata: Metadata = { title: 'Pages', robots: { index: false } };
export const instant = false;

const NOTICES: Record<string, (title: string) => string> = {
  deleted: (t) => `Deleted the page ${t}.`,
  'footer-added': (t) => `Added ${t} to the footer.`,
  'footer-removed': (t) => `Took ${t} out of the footer.`,
  'footer-moved': (t) => `Moved ${t} in the footer.`,
};

const th = 'py-2 pr-4 font-semibold';
// Below md each row is a card: the title on its own line, the facts side by side under it.
const td = 'inline-block py-0.5 pr-3 align-middle md:table-cell md:py-3 md:pr-4';

/** One footer button: a plain form post (no JavaScript needed) naming the page and the move. */
function FooterButton({ page, move, label, danger = false }: { page: AdminPageRow; move: 'add' | 'remove' | 'up' | 'down'; label: string; danger?: boolean }) {
  return (
    <form action={moveFooterPageAction}>
      <input type="hidden" name="id" value={page.id} />
      <SubmitButton name="move" value={move} className={danger ? dangerButton : smallButton}>
        {label}
        <span className="sr-only"> {page.title}</span>
      </SubmitButton>
    </form>
  );
}

export default async function PagesDesk({ searchParams }: PageProps<'/admin/pages'>) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/pages');
  if (!can(staff, { do: 'page.manage' })) return <NotAllowed />;
  const [pages, params] = await Promise.all([listPagesForAdmin(), searchParams]);
  const footer = pages.filter((p) => p.footerPosition !== null);
  const notice = typeof params.notice === 'string' ? NOTICES[params.notice] : undefined;
  const noticeTitle = typeof params.n === 'string' ? params.n.slice(0, 200) : 'the page';
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Pages</h1>
        <Link href="/admin/pages/new" className={primaryButton}>
          New page
        </Link>
      </div>
      <p className="mb-6 max-w-prose text-sm text-current/80">
        The site&rsquo;s own pages (About, Contact, the corrections and ethics policies) live at the site root, e.g. /about. The footer of every reader page
        links the pages chosen below, in this order.
      </p>
      <ErrorNotice error={params.error} />
      {notice && (
        <p
          role="status"
          className="mb-4 rounded-sm border border-green-700/40 bg-green-50 px-3 py-2 text-sm font-semibold text-green-900 dark:bg-green-950/40 dark:text-green-200"
        >
          {notice(noticeTitle)}
        </p>
      )}

      <section aria-labelledby="footer-heading" className="mb-10">
        <h2 id="footer-heading" className="mb-3 font-serif text-2xl font-bold">
          Footer
        </h2>
        {footer.length === 0 ? (
          <p className="text-sm text-current/70">No pages in the footer yet. Add a published page from the list below.</p>
        ) : (
          <ol className="divide-y divide-current/10 border-y border-current/20">
            {footer.map((p, i) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 break-words">
                  <span className="mr-2 tabular-nums text-current/70">{i + 1}.</span>
                  <span className="font-semibold">{p.title}</span> <span className="text-sm text-current/70">/{p.slug}</span>
                </span>
                <span className="flex flex-wrap gap-2">
                  {i > 0 && <FooterButton page={p} move="up" label="Move up" />}
                  {i < footer.length - 1 && <FooterButton page={p} move="down" label="Move down" />}
                  <FooterButton page={p} move="remove" label="Remove from footer" danger />
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="all-pages-heading">
        <h2 id="all-pages-heading" className="mb-3 font-serif text-2xl font-bold">
          All pages
        </h2>
        {pages.length === 0 ? (
          <p className="text-sm">No pages yet.</p>
        ) : (
          <table className="block w-full text-left text-sm md:table">
            <caption className="sr-only">All pages</caption>
            <thead className="hidden border-b border-current/30 text-xs uppercase tracking-widest text-current/70 md:table-header-group">
              <tr>
                <th className={th}>Title</th>
                <th className={th}>Address</th>
                <th className={th}>Status</th>
                <th className={th}>Footer</th>
                <th className={th}>Updated</th>
                <th className={th}>Actions</th>
              </tr>
            </thead>
            <tbody className="block divide-y divide-current/10 border-y border-current/30 md:table-row-group md:border-y-0">
              {pages.map((p) => (
                <tr key={p.id} className="block py-2 md:table-row md:py-0">
                  <td className={`${td} !block font-serif text-base font-semibold md:!table-cell`}>
                    <Link href={`/admin/pages/${p.id}`} className="break-words underline-offset-4 hover:underline">
                      {p.title}
                    </Link>
                  </td>
                  <td className={`${td} break-all`}>
                    {p.status === 'published' ? (
                      <Link href={`/${p.slug}`} className="underline underline-offset-4">
                        /{p.slug}
                      </Link>
                    ) : (
                      <span className="text-current/70">/{p.slug}</span>
                    )}
                  </td>
                  <td className={td}>
                    <span className="rounded-sm border border-current/25 px-1 text-xs uppercase tracking-wide">{p.status}</span>
                  </td>
                  <td className={td}>
                    {p.footerPosition !== null ? (
                      <>
                        <span className="md:sr-only">Footer: </span>
                        {footer.findIndex((f) => f.id === p.id) + 1}
                      </>
                    ) : (
                      <span className="text-current/70">
                        <span className="md:sr-only">Footer: </span>—
                      </span>
                    )}
                  </td>
                  <td className={`${td} text-current/80`}>{p.updatedAt ? <Time date={p.updatedAt} withTime /> : '—'}</td>
                  <td className={td}>{p.status === 'published' && p.footerPosition === null && <FooterButton page={p} move="add" label="Add to footer" />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
