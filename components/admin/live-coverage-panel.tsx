import Link from 'next/link';
import { startLiveCoverageAction } from '@/app/admin/articles/[id]/live/actions';
import { EndLiveForm } from '@/components/admin/live-desk';
import { LiveBadge } from '@/components/live/live-badge';
import { primaryButton } from '@/components/ui/styles';
import { Time } from '@/components/ui/time';
import type { LiveArticle } from '@/db/queries/live-updates';
import type { ActionState } from '@/lib/forms';
import { liveState } from '@/lib/live/state';

/** On a published article's editor: "Start live coverage", or while live the composer's link and "End live coverage". */
export function LiveCoveragePanel({
  article,
  timeZone,
  endAnswer,
  error,
}: {
  article: LiveArticle;
  timeZone: string;
  endAnswer?: ActionState;
  error?: string;
}) {
  const state = liveState(article);
  return (
    <section aria-labelledby="live-coverage-heading" className="mt-10 rounded-sm border border-current/20 p-4">
      <h2 id="live-coverage-heading" className="mb-2 flex flex-wrap items-center gap-2 font-serif text-2xl font-bold">
        Live coverage {state === 'live' && <LiveBadge />}
      </h2>
      {error && (
        <p role="alert" className="mb-3 text-sm font-semibold text-red-700 dark:text-red-400">
          {error.slice(0, 300)}
        </p>
      )}
      {state === 'live' ? (
        <div className="flex flex-col gap-4">
          <p className="text-sm">
            Running since <Time date={article.liveStartedAt!} withTime timeZone={timeZone} />.{' '}
            <Link href={`/admin/articles/${article.id}/live`} className="font-semibold underline underline-offset-4">
              Open the live composer
            </Link>
          </p>
          <EndLiveForm articleId={article.id} summary={article.liveSummary ?? ''} initial={endAnswer} />
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-current/80">
            {state === 'ended' ? (
              <>
                Ended <Time date={article.liveEndedAt!} withTime timeZone={timeZone} />.{' '}
                <Link href={`/admin/articles/${article.id}/live`} className="underline underline-offset-4">
                  Edit its updates
                </Link>
                . Starting again keeps the updates and the summary until the next end.
              </>
            ) : (
              'Turn this article into a live blog: updates from a composer, newest first, with a Live badge wherever it is listed.'
            )}
          </p>
          <form action={startLiveCoverageAction}>
            <input type="hidden" name="articleId" value={article.id} />
            <button type="submit" className={primaryButton}>
              Start live coverage
            </button>
          </form>
        </div>
      )}
    </section>
  );
}
