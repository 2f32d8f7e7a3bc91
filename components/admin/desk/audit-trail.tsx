import { Time } from '@/components/ui/time';
import type { RecentDecision } from '@/db/queries/moderation-queue';
import { logSentence } from '@/lib/replies/desk-text';

/** The desk's audit trail: the latest decisions by anyone, each as a sentence naming who did it. */
export function AuditTrail({ decisions }: { decisions: RecentDecision[] }) {
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading" className="mb-2 font-serif text-lg font-bold">
        Recent decisions
      </h2>
      {decisions.length === 0 ? (
        <p className="text-current/70">None yet.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {decisions.map((d) => {
            const { who, did } = logSentence(d, d.replyAuthor);
            return (
              <li key={d.id}>
                <span className="font-semibold">{who}</span> {did} · <Time date={d.createdAt} withTime />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
