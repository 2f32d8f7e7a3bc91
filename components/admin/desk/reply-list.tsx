import type { QueueRow } from '@/db/queries/moderation-queue';
import type { QueueParams } from '@/lib/replies/moderation-schema';
import { tabLabel } from './queues';
import { ReplyRow } from './reply-row';
import type { PlainAnswer } from './reply-row-tools';

/** A page of desk rows, or why there are none. */
export function ReplyList({ rows, params, returnTo, answer }: { rows: QueueRow[]; params: QueueParams; returnTo: string; answer?: PlainAnswer }) {
  const reportedView = params.view === 'reported';
  if (rows.length === 0) {
    const filtered = Boolean(params.article || params.email || params.q);
    return (
      <p className="py-10 text-center text-current/70">
        {reportedView ? 'No reported replies.' : filtered ? 'No replies match these filters.' : `No ${params.status} replies.`}
      </p>
    );
  }
  return (
    <ol className="flex flex-col gap-3" aria-label={reportedView ? 'Reported replies' : `${tabLabel(params.status)} replies`}>
      {rows.map((row) => (
        <li key={row.id}>
          <ReplyRow row={row} returnTo={returnTo} reportedView={reportedView} answer={answer} />
        </li>
      ))}
    </ol>
  );
}
