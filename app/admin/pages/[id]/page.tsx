import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { getSiteTimeZone } from '@/app/(site)/cached-data';
import { ErrorNotice } from '@/components/admin/error-notice';
import { NotAllowed } from '@/components/admin/not-allowed';
import { PageEditor } from '@/components/admin/page-editor';
import { dangerButton, smallButton } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import { Time } from '@/components/ui/time';
import { getPageForEdit, listPageRevisions } from '@/db/queries/pages';
import { can } from '@/lib/auth/permissions';
import { readFormResult } from '@/lib/form-result-server';
import { renderBody } from '@/lib/markdown/render';
import { pageConflict, pageConflictMessage } from '@/lib/pages/editing';
import { PAGE_EDITOR_FORM, PAGE_INTENTS } from '@/lib/pages/schema';
import { deletePageAction, restorePageRevisionAction, type PageFormState } from '../actions';

export const metadata: Metadata = { title: 'Edit page', robots: { index: false } };
export const instant = false;

const NOTICES: Record<string, string> = {
  saved: 'Saved.',
  published: 'Published. Readers see it now.',
  unpublished: 'Unpublished. Readers no longer see it.',
  restored: 'Revision restored (the text before it is kept as a revision too).',
};

export default async function EditPagePage({ params, searchParams }: PageProps<'/admin/pages/[id]'>) {
  const { id } = await params;
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/login?callbackUrl=/admin/pages/${id}`);
  if (!can(staff, { do: 'page.manage' })) return <NotAllowed />;
  if (!/^[1-9][0-9]{0,15}$/.test(id)) notFound();
  const query = await searchParams;
  const [page, revisions, timeZone, answer] = await Promise.all([
    getPageForEdit(Number(id)),
    listPageRevisions(Number(id)),
    getSiteTimeZone(),
    readFormResult(query),
  ]);
  if (!page) notFound();
  // The answer to a save posted without JavaScript; when someone had saved first, the difference is worked out here.
  const initial = answer?.form === PAGE_EDITOR_FORM ? (answer.state as PageFormState) : undefined;
  const intent = PAGE_INTENTS.find((i) => i === initial?.values?.conflictIntent);
  const conflict = intent && initial?.values ? pageConflict(page, { title: initial.values.title ?? '', body: initial.values.body ?? '' }, intent) : undefined;
  const notice = typeof query.notice === 'string' ? NOTICES[query.notice] : undefined;
  const shownBody = initial?.values?.body ?? page.body;
  return (
    <>
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Edit page</h1>
        <p className="text-sm text-current/70">
          Status: <strong>{page.status}</strong>
          {page.status === 'published' && (
            <>
              {' · '}
              <Link href={`/${page.slug}`} className="underline">
                View on site
              </Link>
            </>
          )}
          {' · '}
          <Link href="/admin/pages" className="underline">
            All pages
          </Link>
        </p>
      </div>
      {notice && (
        <p
          role="status"
          className="mb-4 rounded-sm border border-green-700/40 bg-green-50 px-3 py-2 text-sm font-semibold text-green-900 dark:bg-green-950/40 dark:text-green-200"
        >
          {notice}
        </p>
      )}
      <ErrorNotice error={query.error} />
      <PageEditor
        key={`${page.version}-${typeof query.result === 'string' ? query.result : 'saved'}`}
        page={{
          id: page.id,
          title: page.title,
          slug: page.slug,
          body: page.body,
          bodyFormat: page.bodyFormat,
          published: page.status === 'published',
          baseVersion: page.version,
        }}
        initial={initial}
        conflict={conflict && { conflict, message: pageConflictMessage(conflict, timeZone) }}
        initialPreview={renderBody(shownBody, page.bodyFormat)}
      />

      <section aria-labelledby="revisions-heading" className="mt-12">
        <h2 id="revisions-heading" className="mb-3 font-serif text-xl font-bold">
          Revisions
        </h2>
        {revisions.length === 0 ? (
          <p className="text-sm text-current/70">No revisions yet: every save keeps one.</p>
        ) : (
          <ol className="divide-y divide-current/10 text-sm">
            {revisions.map((r, i) => (
              <li key={r.id} className="flex flex-wrap items-start gap-x-4 gap-y-1 py-2">
                <span className="min-w-0 flex-1 basis-60">
                  <Time date={r.createdAt} withSeconds timeZone={timeZone} className="font-semibold tabular-nums" />
                  {i === 0 && <span className="text-current/70"> (current)</span>}
                  {' · '}
                  {r.by ?? 'unknown'}
                  {' · '}
                  <span className="rounded-sm border border-current/25 px-1 text-xs uppercase tracking-wide">{r.status}</span>
                  <span className="block break-words">{r.title}</span>
                  {r.note && <span className="block break-words text-current/70">{r.note}</span>}
                </span>
                {i > 0 && (
                  <form action={restorePageRevisionAction}>
                    <input type="hidden" name="pageId" value={page.id} />
                    <input type="hidden" name="revisionId" value={r.id} />
                    <input type="hidden" name="baseVersion" value={page.version} />
                    <SubmitButton className={smallButton} pendingText="Restoring…">
                      Restore this revision
                      <span className="sr-only">
                        {' '}
                        of <Time date={r.createdAt} withSeconds timeZone={timeZone} />
                      </span>
                    </SubmitButton>
                  </form>
                )}
              </li>
            ))}
          </ol>
        )}
        {revisions.length >= 100 && <p className="mt-2 text-sm text-current/70">The latest 100 revisions are listed.</p>}
      </section>

      <details className="mt-12 rounded-sm border border-red-800/40 p-4">
        <summary className="cursor-pointer text-sm font-semibold">Delete this page</summary>
        <form action={deletePageAction} className="mt-3 flex flex-wrap items-center gap-3 text-sm">
          <input type="hidden" name="id" value={page.id} />
          <p>Readers get a “not found” page at /{page.slug}. Its revisions go too.</p>
          <SubmitButton className={dangerButton} pendingText="Deleting…">
            Delete page
          </SubmitButton>
        </form>
      </details>
    </>
  );
}
