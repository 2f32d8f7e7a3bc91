import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { AuditTrail } from '@/components/admin/desk/audit-trail';
import { BulkBar } from '@/components/admin/desk/bulk-bar';
import { DeskFilter } from '@/components/admin/desk/desk-filter';
import { DeskNotice } from '@/components/admin/desk/desk-notice';
import { DeskPager } from '@/components/admin/desk/desk-pager';
import { DeskTabs } from '@/components/admin/desk/desk-tabs';
import { ReplyList } from '@/components/admin/desk/reply-list';
import { firstValue, firstValues, type SearchParams } from '@/components/admin/desk/search-params';
import { ModerationShortcuts } from '@/components/admin/desk/shortcuts';
import { ShortcutsHelp } from '@/components/admin/desk/shortcuts-help';
import { countRepliesByStatus, listQueue, listRecentDecisions, listReportedQueue, oldestFirst } from '@/db/queries/moderation-queue';
import { countOpenReports } from '@/db/queries/reports';
import { NotAllowed } from '@/components/admin/not-allowed';
import { can } from '@/lib/auth/permissions';
import { readFormResult } from '@/lib/form-result-server';
import { parseCursor, QueueParamsSchema, queueHref } from '@/lib/replies/moderation-schema';

export const metadata: Metadata = { title: 'Comments', robots: { index: false } };
export const instant = false;

/** The moderation desk: one queue (or Reported) at a time, with its tabs, filter, bulk bar and audit trail. */
export default async function CommentsDeskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/comments');
  if (!can(staff, { do: 'reply.moderate' })) return <NotAllowed />;
  const raw = await searchParams;
  const params = QueueParamsSchema.parse(firstValues(raw));
  const reportedView = params.view === 'reported';
  const [counts, reportedCount, page, decisions, answer] = await Promise.all([
    countRepliesByStatus(),
    countOpenReports(),
    reportedView
      ? listReportedQueue(params.reportsBefore)
      : listQueue(
          { status: params.status, articleId: params.article, email: params.email, text: params.q },
          { after: parseCursor(params.after), before: parseCursor(params.before) },
        ),
    listRecentDecisions(12),
    // The answer to a row's reply or edit form posted without JavaScript.
    readFormResult(raw),
  ]);
  const here = queueHref(params);
  const notice = { done: firstValue(raw.done), n: firstValue(raw.n), undo: firstValue(raw.undo), error: firstValue(raw.error) };

  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Comments</h1>
        <p className="text-sm text-current/70">{oldestFirst(params.status) ? 'Oldest first, so nobody waits forever.' : 'Newest first.'}</p>
      </div>
      <DeskTabs params={params} counts={counts} reportedCount={reportedCount} />
      <DeskNotice notice={notice} returnTo={here} />
      {!reportedView && <DeskFilter params={params} articleTitle={params.article ? page.rows[0]?.article.title : undefined} />}

      {/* minmax(0, …) tracks: a long word or address in a reply must not widen the page (it overflowed a phone). */}
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          <BulkBar status={params.status} reportedView={reportedView} returnTo={here} />
          <ReplyList rows={page.rows} params={params} returnTo={here} answer={answer} />
          <DeskPager params={params} page={page} />
        </div>
        <aside className="flex min-w-0 flex-col gap-8 text-sm wrap-anywhere">
          <ShortcutsHelp />
          <AuditTrail decisions={decisions} />
        </aside>
      </div>
      {/* A new key after each decision re-runs the focus restore. */}
      <ModerationShortcuts key={here + (notice.done ?? '') + (notice.undo ?? '')} />
    </>
  );
}
