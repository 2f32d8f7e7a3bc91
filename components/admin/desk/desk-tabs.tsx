import Link from 'next/link';
import type { ReplyStatus } from '@/db/schema';
import { queueCountLabel } from '@/lib/replies/desk-text';
import { queueHref, type QueueParams } from '@/lib/replies/moderation-schema';
import { TABS } from './queues';

const tabClass = (current: boolean) =>
  `-mb-px inline-block border-b-2 px-3 py-2 text-sm font-semibold ${current ? 'border-current' : 'border-transparent text-current/70 hover:text-current'}`;

/** The queues by status with their counts, then Reported. A status tab keeps the filters. */
export function DeskTabs({ params, counts, reportedCount }: { params: QueueParams; counts: Record<ReplyStatus, number>; reportedCount: number }) {
  const reportedView = params.view === 'reported';
  return (
    <nav aria-label="Comment queues" className="mb-4 border-b border-current/20">
      <ul className="flex flex-wrap gap-1">
        {TABS.map((t) => {
          const current = !reportedView && t.status === params.status;
          return (
            <li key={t.status}>
              <Link
                href={queueHref({ status: t.status, article: params.article, email: params.email, q: params.q })}
                aria-current={current ? 'page' : undefined}
                className={tabClass(current)}
              >
                {t.label} <span className="tabular-nums">({queueCountLabel(counts[t.status])})</span>
              </Link>
            </li>
          );
        })}
        <li>
          <Link href={queueHref({ status: 'pending', view: 'reported' })} aria-current={reportedView ? 'page' : undefined} className={tabClass(reportedView)}>
            Reported <span className="tabular-nums">({reportedCount.toLocaleString('en-GB')})</span>
          </Link>
        </li>
      </ul>
    </nav>
  );
}
