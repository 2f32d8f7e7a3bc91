import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { countRepliesByStatus, listQueue, QUEUE_COUNT_CAP, listRecentDecisions, listRepliesByIds, oldestFirst, type QueuePage, type QueueRow } from '@/db/queries/moderation';
import { countOpenReports, listReportedReplyIds } from '@/db/queries/reports';
import { REPORT_REASON_LABELS } from '@/lib/replies/report-schema';
import type { ReplyStatus } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { highlightSegments } from '@/lib/replies/highlight';
import { commenterHref, parseCursor, QueueParamsSchema, queueHref } from '@/lib/replies/moderation-schema';
import { ModerationShortcuts, ReplyRowTools, SelectAllReplies } from '@/components/admin/moderation-tools';
import { firstValue, smallButton, type SearchParams } from '@/components/admin/desk-ui';
import { sanctionLabel } from '@/components/admin/sanction-label';
import { Time } from '@/components/ui/time';
import {
  dismissReportsAction,
  moderateRepliesAction,
  removeRepliesAction,
  undoDecisionAction,
} from './actions';

export const metadata: Metadata = { title: 'Comments', robots: { index: false } };
export const instant = false;

const TABS: { status: ReplyStatus; label: string }[] = [
  { status: 'pending', label: 'Pending' },
  { status: 'approved', label: 'Approved' },
  { status: 'spam', label: 'Spam' },
  { status: 'trash', label: 'Trash' },
];

/** Which decisions each queue offers, with the row button's name and its keyboard shortcut. */
const ROW_ACTIONS: Record<ReplyStatus, { decision: string; label: string; key: string }[]> = {
  pending: [
    { decision: 'approve', label: 'Approve', key: 'a' },
    { decision: 'spam', label: 'Spam', key: 's' },
    { decision: 'trash', label: 'Trash', key: 't' },
  ],
  approved: [
    { decision: 'unapprove', label: 'Unapprove', key: 'u' },
    { decision: 'spam', label: 'Spam', key: 's' },
    { decision: 'trash', label: 'Trash', key: 't' },
  ],
  spam: [
    { decision: 'restore', label: 'Restore', key: 'u' },
    { decision: 'approve', label: 'Approve', key: 'a' },
    { decision: 'trash', label: 'Trash', key: 't' },
  ],
  trash: [
    { decision: 'restore', label: 'Restore', key: 'u' },
    { decision: 'approve', label: 'Approve', key: 'a' },
    { decision: 'spam', label: 'Spam', key: 's' },
  ],
};

const DONE_TEXT: Record<string, string> = {
  approve: 'Approved',
  unapprove: 'Unapproved',
  spam: 'Marked as spam',
  trash: 'Moved to the trash',
  restore: 'Restored',
  undo: 'Undone',
  dismiss: 'Reports dismissed',
  erase: 'Erased the commenter’s data from',
  lift: 'Lifted',
  'sanction-ban': 'Banned the commenter',
  'sanction-suspend': 'Suspended the commenter',
  'sanction-hold': 'The commenter’s replies will always be held',
  reply: 'Your reply is published',
  'reply-approved': 'Approved, and your reply is published',
};

const STATUS_WORD: Record<ReplyStatus, string> = { pending: 'pending', approved: 'approved', spam: 'spam', trash: 'trash' };



export default async function CommentsDeskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/comments');
  if (!can(staff, { do: 'reply.moderate' })) return <NotAllowed />;
  const raw = await searchParams;
  const params = QueueParamsSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, firstValue(v)])));
  const filter = { status: params.status, articleId: params.article, email: params.email, text: params.q };
  const reportedView = params.view === 'reported';
  const [counts, reportedCount, page, decisions] = await Promise.all([
    countRepliesByStatus(),
    countOpenReports(),
    reportedView ? reportedPage(params.reportsBefore) : listQueue(filter, { after: parseCursor(params.after), before: parseCursor(params.before) }),
    listRecentDecisions(12),
  ]);
  const here = queueHref(params);
  const notice = { done: firstValue(raw.done), n: firstValue(raw.n), undo: firstValue(raw.undo), error: firstValue(raw.error) };
  const filtered = Boolean(params.article || params.email || params.q);

  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Comments</h1>
        <p className="text-sm text-current/70">{oldestFirst(params.status) ? 'Oldest first, so nobody waits forever.' : 'Newest first.'}</p>
      </div>

      <nav aria-label="Comment queues" className="mb-4 border-b border-current/20">
        <ul className="flex flex-wrap gap-1">
          {TABS.map((t) => {
            const current = !reportedView && t.status === params.status;
            return (
              <li key={t.status}>
                <Link
                  href={queueHref({ status: t.status, article: params.article, email: params.email, q: params.q })}
                  aria-current={current ? 'page' : undefined}
                  className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-semibold ${current ? 'border-current' : 'border-transparent text-current/70 hover:text-current'}`}
                >
                  {t.label} <span className="tabular-nums">({countLabel(counts[t.status])})</span>
                </Link>
              </li>
            );
          })}
          <li>
            <Link
              href={queueHref({ status: 'pending', view: 'reported' })}
              aria-current={reportedView ? 'page' : undefined}
              className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-semibold ${reportedView ? 'border-current' : 'border-transparent text-current/70 hover:text-current'}`}
            >
              Reported <span className="tabular-nums">({reportedCount.toLocaleString('en-GB')})</span>
            </Link>
          </li>
        </ul>
      </nav>

      <Notice notice={notice} returnTo={here} />

      {!reportedView && (
      <form method="get" action="/admin/comments" role="search" aria-label="Filter replies" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <input type="hidden" name="status" value={params.status} />
        {params.article && <input type="hidden" name="article" value={params.article} />}
        <label className="flex flex-col gap-1 font-semibold">
          Text
          <input name="q" defaultValue={params.q ?? ''} className="rounded-sm border border-current/30 bg-transparent px-2 py-1 font-normal" />
        </label>
        <label className="flex flex-col gap-1 font-semibold">
          Commenter email
          <input name="email" type="email" defaultValue={params.email ?? ''} className="rounded-sm border border-current/30 bg-transparent px-2 py-1 font-normal" />
        </label>
        <button className={smallButton}>Filter</button>
        {filtered && (
          <Link href={queueHref({ status: params.status })} className="underline underline-offset-4">
            Clear filters
          </Link>
        )}
        {params.article && page.rows[0] && <span className="text-current/70">Only replies on “{page.rows[0].article.title}”.</span>}
      </form>
      )}

      <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
        <div>
          <form id="bulk-form" action={moderateRepliesAction} className="mb-3 flex flex-wrap items-center gap-2 rounded-sm border border-current/20 p-2">
            <input type="hidden" name="returnTo" value={here} />
            <SelectAllReplies />
            <span className="mx-1 text-current/40">|</span>
            <span className="text-sm text-current/70">With selected:</span>
            {reportedView ? (
              <>
                <button formAction={dismissReportsAction} className={smallButton}>
                  Dismiss reports on selected
                </button>
                <button name="decision" value="trash" className={smallButton}>
                  Trash selected
                </button>
              </>
            ) : (
              ROW_ACTIONS[params.status].map((a) => (
                <button key={a.decision} name="decision" value={a.decision} className={smallButton}>
                  {a.label} selected
                </button>
              ))
            )}
          </form>

          {page.rows.length === 0 ? (
            <p className="py-10 text-center text-current/70">
              {reportedView ? 'No reported replies.' : filtered ? 'No replies match these filters.' : `No ${STATUS_WORD[params.status]} replies.`}
            </p>
          ) : (
            <ol className="flex flex-col gap-3" aria-label={reportedView ? 'Reported replies' : `${TABS.find((t) => t.status === params.status)!.label} replies`}>
              {page.rows.map((row) => (
                <li key={row.id}>
                  <DeskRow row={row} returnTo={here} reportedView={reportedView} />
                </li>
              ))}
            </ol>
          )}

          {reportedView ? (
            page.next && (
              <nav aria-label="Queue pages" className="mt-4 flex justify-end text-sm font-semibold">
                <Link href={queueHref({ status: 'pending', view: 'reported', reportsBefore: page.next.id })} className="underline underline-offset-4">
                  Next page →
                </Link>
              </nav>
            )
          ) : (
          <nav aria-label="Queue pages" className="mt-4 flex justify-between text-sm font-semibold">
            {page.prev ? (
              <Link href={queueHref({ ...params, after: undefined, before: `${page.prev.createdAt}:${page.prev.id}` })} className="underline underline-offset-4">
                ← Previous page
              </Link>
            ) : (
              <span />
            )}
            {page.next ? (
              <Link href={queueHref({ ...params, before: undefined, after: `${page.next.createdAt}:${page.next.id}` })} className="underline underline-offset-4">
                Next page →
              </Link>
            ) : (
              <span />
            )}
          </nav>
          )}
        </div>

        <aside className="flex flex-col gap-8 text-sm">
          <section aria-labelledby="shortcuts-heading">
            <h2 id="shortcuts-heading" className="mb-2 font-serif text-lg font-bold">
              Keyboard shortcuts
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              {[
                ['j / k', 'next / previous reply'],
                ['x', 'select the reply'],
                ['a', 'approve'],
                ['u', 'unapprove (restore in spam and trash)'],
                ['s', 'spam'],
                ['t', 'trash'],
                ['r', 'reply'],
              ].map(([k, v]) => (
                <div key={k} className="contents">
                  <dt>
                    <kbd className="rounded-sm border border-current/30 px-1 font-mono">{k}</kbd>
                  </dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="audit-heading">
            <h2 id="audit-heading" className="mb-2 font-serif text-lg font-bold">
              Recent decisions
            </h2>
            {decisions.length === 0 ? (
              <p className="text-current/70">None yet.</p>
            ) : (
              <ol className="flex flex-col gap-2">
                {decisions.map((d) => (
                  <li key={d.id}>
                    <span className="font-semibold">{d.actorName ?? 'Someone'}</span> {describeAction(d.action, d.fromStatus, d.toStatus)} the reply by{' '}
                    {d.replyAuthor} · <Time date={d.createdAt} withTime />
                  </li>
                ))}
              </ol>
            )}
          </section>
        </aside>
      </div>
      <ModerationShortcuts key={here + (notice.done ?? '') + (notice.undo ?? '')} />
    </>
  );
}

function describeAction(action: string, from: ReplyStatus | null, to: ReplyStatus | null) {
  if (action === 'edit') return 'edited';
  if (action === 'posted') return 'posted';
  if (action === 'undo') return `undid (${from} → ${to}) on`;
  const verb = DONE_TEXT[action]?.toLowerCase() ?? action;
  return from && to ? `${verb} (${from} → ${to})` : verb;
}

function Notice({ notice, returnTo }: { notice: { done?: string; n?: string; undo?: string; error?: string }; returnTo: string }) {
  if (notice.error) {
    return (
      <p role="alert" className="mb-4 rounded-sm border border-red-700/40 bg-red-50 px-3 py-2 text-sm font-semibold text-red-800 dark:bg-red-950 dark:text-red-200">
        {notice.error}
      </p>
    );
  }
  if (!notice.done || !DONE_TEXT[notice.done]) return null;
  const n = Number(notice.n ?? 0);
  return (
    <div role="status" className="mb-4 flex flex-wrap items-center gap-3 rounded-sm border border-green-800/30 bg-green-50 px-3 py-2 text-sm font-semibold text-green-900 dark:bg-green-950 dark:text-green-100">
      <span>
        {notice.done.startsWith('reply') || notice.done.startsWith('sanction') ? `${DONE_TEXT[notice.done]}.` : n === 0 ? 'Nothing changed.' : `${DONE_TEXT[notice.done]}: ${n} ${n === 1 ? 'reply' : 'replies'}.`}
      </span>
      {notice.undo && n > 0 && (
        <form action={undoDecisionAction}>
          <input type="hidden" name="logIds" value={notice.undo} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <button className={smallButton}>Undo</button>
        </form>
      )}
    </div>
  );
}

function Marked({ text, match }: { text: string; match?: string | null }) {
  return (
    <>
      {highlightSegments(text, match).map((s, i) =>
        s.marked ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-amber-950">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

async function reportedPage(before?: number): Promise<QueuePage> {
  const { replyIds, next } = await listReportedReplyIds(before);
  // The cursor is a report id, carried in `id`.
  return { rows: await listRepliesByIds(replyIds), next: next ? { createdAt: 0, id: next } : null, prev: null };
}

function DeskRow({ row, returnTo, reportedView }: { row: QueueRow; returnTo: string; reportedView: boolean }) {
  const reason = row.statusReason;
  const field = reason?.field ?? 'body';
  const formId = `reply-${row.id}-form`;
  return (
    <article
      data-reply-row
      tabIndex={-1}
      aria-label={`Reply by ${row.authorName}`}
      className="rounded-sm border border-current/20 p-4 outline-none focus:border-current focus:ring-2 focus:ring-current/40"
    >
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          name="ids"
          value={row.id}
          form="bulk-form"
          aria-label={`Select the reply by ${row.authorName}`}
          className="mt-1.5 size-4 shrink-0"
        />
        <div className="min-w-0 flex-1">
          <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
            <span className="font-semibold">
              <Marked text={row.authorName} match={field === 'name' ? reason?.match : null} />
            </span>
            {row.isStaff && <span className="rounded-sm bg-[var(--color-ink)] px-1.5 text-xs font-bold uppercase text-[var(--color-paper)]">Staff</span>}
            <Link href={queueHref({ status: row.status, email: row.authorEmail })} className="text-current/80 underline-offset-4 hover:underline" title="All replies from this email">
              <Marked text={row.authorEmail} match={field === 'email' ? reason?.match : null} />
            </Link>
            {row.authorUrl && (
              <span className="break-all text-current/80">
                <Marked text={row.authorUrl} match={field === 'url' ? reason?.match : null} />
              </span>
            )}
            <span className="text-current/70">
              <Time date={row.createdAt} withTime />
              {row.editedAt && ' · edited'}
            </span>
          </header>
          <p className="mt-1 text-sm text-current/80">
            On{' '}
            <Link href={`/articles/${row.article.slug}`} className="font-semibold underline underline-offset-4">
              {row.article.title}
            </Link>{' '}
            ·{' '}
            <Link href={queueHref({ status: row.status, article: row.article.id })} className="underline-offset-4 hover:underline">
              only this article
            </Link>
          </p>
          {row.parent && (
            <blockquote className="mt-2 border-l-4 border-current/20 pl-3 text-sm text-current/80">
              In reply to <span className="font-semibold">{row.parent.authorName}</span>
              {row.parent.status !== 'approved' && ` (${row.parent.status})`}: “{excerpt(row.parent.body, 140)}”
            </blockquote>
          )}
          {reason && row.status !== 'approved' && (
            <p className="mt-2 rounded-sm bg-amber-50 px-2 py-1 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
              <span className="font-semibold">{row.status === 'spam' ? 'Marked spam' : 'Held'} by the rule “{reason.rule}”:</span> {reason.detail}
            </p>
          )}
          <div className="mt-3 whitespace-pre-wrap break-words font-serif text-base leading-relaxed">
            <Marked text={row.body} match={field === 'body' ? reason?.match : null} />
          </div>
          {row.reports.length > 0 && (
            <div className="mt-2 rounded-sm bg-red-50 px-2 py-1 text-sm text-red-950 dark:bg-red-950 dark:text-red-100">
              <p className="font-semibold">
                Reported by {row.reports.length} {row.reports.length === 1 ? 'reader' : 'readers'}:
              </p>
              <ul className="list-disc pl-5">
                {row.reports.map((r, i) => (
                  <li key={i}>
                    {REPORT_REASON_LABELS[r.reason]}
                    {r.note && <> — “{r.note}”</>}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p className="mt-2 text-xs text-current/70">
            History of this email: {row.history.approved} approved · {row.history.pending} pending · {row.history.spam} spam · {row.history.trash} trash
            {activeSanctions(row).map((x) => (
              <span key={x.id} className="ml-2 rounded-sm bg-red-800 px-1.5 py-0.5 font-bold text-white">
                {sanctionLabel(x)}
              </span>
            ))}
          </p>
          <div className="mt-3 flex flex-wrap items-start gap-2">
            <form id={formId} action={moderateRepliesAction} className="flex flex-wrap gap-2">
              <input type="hidden" name="ids" value={row.id} />
              <input type="hidden" name="returnTo" value={returnTo} />
              {ROW_ACTIONS[row.status].map((a) => (
                <button key={a.decision} name="decision" value={a.decision} data-shortcut={a.key} className={smallButton}>
                  {a.label}
                </button>
              ))}
              {reportedView && row.reports.length > 0 && (
                <button formAction={dismissReportsAction} className={smallButton}>
                  Dismiss reports
                </button>
              )}
            </form>
            <form action={removeRepliesAction}>
              <input type="hidden" name="scope" value="thread" />
              <input type="hidden" name="replyId" value={row.id} />
              <input type="hidden" name="returnTo" value={returnTo} />
              <button className={smallButton} title="This reply and every reply under it go to the trash">
                Remove this whole thread
              </button>
            </form>
            <ReplyRowTools replyId={row.id} body={row.body} authorName={row.authorName} returnTo={returnTo} />
          </div>
          <p className="mt-3 text-sm">
            <Link href={commenterHref(row.authorEmail, returnTo)} className="font-semibold text-current/80 underline underline-offset-4">
              Commenter tools
            </Link>
          </p>
          {row.log.length > 0 && (
            <details className="mt-3 text-xs">
              <summary className="cursor-pointer font-semibold text-current/80">History of this reply ({row.log.length})</summary>
              <ol className="mt-1 flex flex-col gap-1 pl-4">
                {row.log.map((l) => (
                  <li key={l.id}>
                    <Time date={l.createdAt} withTime /> · {l.actorName ?? 'the reply rules'} {describeAction(l.action.replace(/^rules:.*/, 'posted'), l.fromStatus, l.toStatus)}
                    {l.action.startsWith('rules:') && ` (${l.toStatus})`}
                    {l.note && l.action === 'edit' && <span className="block text-current/70">{excerpt(l.note, 200)}</span>}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </div>
      </div>
    </article>
  );
}

function excerpt(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}


function activeSanctions(row: QueueRow) {
  const now = Date.now();
  return row.sanctions.filter((x) => !x.liftedAt && (!x.until || x.until.getTime() > now));
}

const countLabel = (n: number) => (n > QUEUE_COUNT_CAP ? `${QUEUE_COUNT_CAP.toLocaleString('en-GB')}+` : n.toLocaleString('en-GB'));
