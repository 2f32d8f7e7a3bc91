import Link from 'next/link';
import type { listRevisions } from '@/db/queries/admin-articles';
import { Time } from '@/components/ui/time';
import { secondaryButton } from '@/components/ui/styles';
import { revisionFacts } from '@/lib/revisions/meta';

export type RevisionRow = Awaited<ReturnType<typeof listRevisions>>[number];

/**
 * An article's revisions, newest first: when each was saved (to the second), by whom, the article's
 * status then and the save's note. Any two can be compared by a plain GET form (no JavaScript needed):
 * "Compare from" and "to" default to the one before the newest and the newest. Each row still links
 * to a comparison with the current text.
 */
export function RevisionList({ articleId, revisions, selected }: { articleId: number; revisions: RevisionRow[]; selected?: { from: number; to: number } }) {
  const has = (id: number | undefined) => id !== undefined && revisions.some((r) => r.id === id);
  const to = has(selected?.to) ? selected!.to : revisions[0]?.id;
  const from = has(selected?.from) ? selected!.from : (revisions[1]?.id ?? revisions[0]?.id);
  const comparable = revisions.length > 1;

  const list = (
    <ol className="divide-y divide-current/10 text-sm">
      {revisions.map((r, i) => {
        const { note, status } = revisionFacts(r.meta);
        return (
          <li key={r.id} className="flex flex-wrap items-start gap-x-4 gap-y-1 py-2">
            {comparable && (
              <span className="flex shrink-0 gap-3 pt-0.5">
                <label className="flex items-center gap-1">
                  <input type="radio" name="from" value={r.id} defaultChecked={r.id === from} />
                  From
                  <span className="sr-only">
                    {' '}
                    the revision of <Time date={r.createdAt} withSeconds />
                  </span>
                </label>
                <label className="flex items-center gap-1">
                  <input type="radio" name="to" value={r.id} defaultChecked={r.id === to} />
                  To
                  <span className="sr-only">
                    {' '}
                    the revision of <Time date={r.createdAt} withSeconds />
                  </span>
                </label>
              </span>
            )}
            <span className="min-w-0 flex-1 basis-60">
              <Time date={r.createdAt} withSeconds className="font-semibold tabular-nums" />
              {i === 0 && <span className="text-current/70"> (latest)</span>}
              {' · '}
              {r.by ?? 'unknown'}
              {status && (
                <>
                  {' · '}
                  <span className="rounded-sm border border-current/25 px-1 text-xs uppercase tracking-wide">{status}</span>
                </>
              )}
              {note && <span className="block break-words text-current/70">{note}</span>}
            </span>
            <Link href={`/admin/articles/${articleId}/revisions/${r.id}`} className="shrink-0 font-semibold underline">
              Compare with current
            </Link>
          </li>
        );
      })}
    </ol>
  );

  return (
    <section aria-labelledby="revisions-heading" className="mt-12">
      <h2 id="revisions-heading" className="mb-3 font-serif text-xl font-bold">
        Revisions
      </h2>
      {revisions.length === 0 ? (
        <p className="text-sm text-current/70">No revisions yet: every save keeps one.</p>
      ) : comparable ? (
        // Keyed by the newest revision and the pair: a page kept alive across navigations (or refreshed
        // after a save) gets fresh radios checked as their defaults say, not the ones left from before.
        <form key={`${revisions[0].id}:${from}:${to}`} method="get" action={`/admin/articles/${articleId}/revisions/compare`}>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-3 border-b border-current/15 pb-2">
            <p className="text-sm text-current/70">Choose a revision to compare from and one to compare to.</p>
            <button type="submit" className={secondaryButton}>
              Compare
            </button>
          </div>
          {list}
        </form>
      ) : (
        list
      )}
      {revisions.length >= 100 && <p className="mt-2 text-sm text-current/70">The latest 100 revisions are listed.</p>}
    </section>
  );
}
