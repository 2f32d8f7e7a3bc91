import { Time } from '@/components/ui/time';
import type { QueueRow } from '@/db/queries/moderation-queue';
import { logSentence } from '@/lib/replies/desk-text';
import { excerpt } from './marked-text';

/** A reply's own log, folded away: how it was posted and every decision since, as sentences. */
export function ReplyHistory({ log }: { log: QueueRow['log'] }) {
  if (log.length === 0) return null;
  return (
    <details className="mt-3 text-xs">
      <summary className="cursor-pointer font-semibold text-current/80">History of this reply ({log.length})</summary>
      <ol className="mt-1 flex flex-col gap-1 pl-4">
        {log.map((l) => {
          const { who, did } = logSentence(l);
          return (
            <li key={l.id}>
              <Time date={l.createdAt} withTime /> · {who} {did}
              {l.note && l.action === 'edit' && <span className="block text-current/70">{excerpt(l.note, 200)}</span>}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
