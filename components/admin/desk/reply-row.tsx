import Link from 'next/link';
import { Time } from '@/components/ui/time';
import { SanctionLabel } from './sanction-label';
import type { QueueRow } from '@/db/queries/moderation-queue';
import { commenterHref, queueHref } from '@/lib/replies/moderation-schema';
import { BULK_FORM_ID } from './bulk-bar';
import { excerpt, MarkedText } from './marked-text';
import { ReplyHistory } from './reply-history';
import { ReplyReports } from './reply-reports';
import { RemoveThread, ReplyRowActions } from './reply-row-actions';
import type { PlainAnswer } from './reply-row-tools';
import { ruleLabel } from '@/lib/replies/rules';

/**
 * One reply on the desk: who wrote it where, why it was held (the matching text marked), its reports,
 * the commenter's history, the row's buttons, and the reply's own log. The row is focusable for the
 * keyboard shortcuts (data-reply-row).
 */
export function ReplyRow({ row, returnTo, reportedView, answer }: { row: QueueRow; returnTo: string; reportedView: boolean; answer?: PlainAnswer }) {
  const reason = row.statusReason;
  const field = reason?.field ?? 'body';
  // A rule that matched a whole email keeps no copy of it (only a masked one in its words): mark the email shown.
  const matchIn = (f: typeof field) => (field !== f ? null : (reason?.match ?? (f === 'email' && reason?.field === 'email' ? row.authorEmail : null)));
  return (
    <article
      data-reply-row
      tabIndex={-1}
      aria-label={`Reply by ${row.authorName}`}
      className="rounded-sm border border-current/20 p-4 wrap-anywhere outline-none focus:border-current focus:ring-2 focus:ring-current/40"
    >
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          name="ids"
          value={row.id}
          form={BULK_FORM_ID}
          aria-label={`Select the reply by ${row.authorName}`}
          className="mt-1.5 size-4 shrink-0"
        />
        <div className="min-w-0 flex-1">
          <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
            <span className="font-semibold">
              <MarkedText text={row.authorName} match={matchIn('name')} />
            </span>
            {row.isStaff && <span className="rounded-sm bg-[var(--color-ink)] px-1.5 text-xs font-bold uppercase text-[var(--color-paper)]">Staff</span>}
            <Link
              href={queueHref({ status: row.status, email: row.authorEmail })}
              className="text-current/80 underline-offset-4 hover:underline"
              title="All replies from this email"
            >
              <MarkedText text={row.authorEmail} match={matchIn('email')} />
            </Link>
            {row.authorUrl && (
              <span className="break-all text-current/80">
                <MarkedText text={row.authorUrl} match={matchIn('url')} />
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
              <span className="font-semibold">
                {row.status === 'spam' ? 'Marked spam' : 'Held'} by the rule “{ruleLabel(reason.rule)}”:
              </span>{' '}
              {reason.detail}
            </p>
          )}
          <div className="mt-3 whitespace-pre-wrap break-words font-serif text-base leading-relaxed">
            <MarkedText text={row.body} match={matchIn('body')} />
          </div>
          <ReplyReports reports={row.reports} />
          <p className="mt-2 text-xs text-current/70">
            History of this email: {row.history.approved} approved · {row.history.pending} pending · {row.history.spam} spam · {row.history.trash} trash
            {activeSanctions(row).map((x) => (
              <span key={x.id} className="ml-2 rounded-sm bg-red-800 px-1.5 py-0.5 font-bold text-white">
                <SanctionLabel sanction={x} />
              </span>
            ))}
          </p>
          <ReplyRowActions row={row} returnTo={returnTo} reportedView={reportedView} answer={answer} />
          {/* Tools that reach beyond this reply, kept apart from its decisions. */}
          <div className="mt-3 flex flex-wrap items-start gap-x-6 gap-y-2 text-sm">
            <Link href={commenterHref(row.authorEmail, returnTo)} className="font-semibold text-current/80 underline underline-offset-4">
              Commenter tools
            </Link>
            <RemoveThread row={row} returnTo={returnTo} />
          </div>
          <ReplyHistory log={row.log} />
        </div>
      </div>
    </article>
  );
}

function activeSanctions(row: QueueRow) {
  const now = Date.now();
  return row.sanctions.filter((x) => !x.liftedAt && (!x.until || x.until.getTime() > now));
}
