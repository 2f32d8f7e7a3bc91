import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { CorrectionForm, EditUpdateForm, LiveComposer, ReplyModeForm } from '@/components/admin/live-desk';
import { LiveBadge } from '@/components/live/live-badge';
import { dangerButton } from '@/components/ui/styles';
import { Time } from '@/components/ui/time';
import { getSiteTimeZone } from '@/app/(site)/cached-data';
import { getLiveArticle, listLiveUpdates } from '@/db/queries/live-updates';
import { can } from '@/lib/auth/permissions';
import { readFormResult } from '@/lib/form-result-server';
import { renderBody } from '@/lib/markdown/render';
import { liveState } from '@/lib/live/state';
import { mediaUrl } from '@/lib/uploads';
import { deleteLiveUpdateAction } from './actions';

export const metadata: Metadata = { title: 'Live coverage', robots: { index: false } };
export const instant = false;

/** How many updates the desk lists (the newest); older ones are edited from their own listing below. */
const DESK_UPDATES = 100;

export default async function LiveComposerPage({ params, searchParams }: PageProps<'/admin/articles/[id]/live'>) {
  const { id } = await params;
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/login?callbackUrl=/admin/articles/${id}/live`);
  if (!/^[1-9][0-9]{0,15}$/.test(id)) notFound();
  const query = await searchParams;
  const [article, updates, answer, timeZone] = await Promise.all([
    getLiveArticle(Number(id)),
    listLiveUpdates(Number(id), { limit: DESK_UPDATES }),
    readFormResult(query),
    getSiteTimeZone(),
  ]);
  if (!article) notFound();
  if (!can(staff, { do: 'article.live', article: article.resource })) return <NotAllowed />;
  const answerFor = (form: string) => (answer?.form === form ? answer.state : undefined);
  const state = liveState(article);
  const deleted = query.notice === 'deleted' && typeof query.n === 'string' && /^[0-9]{1,12}$/.test(query.n) ? query.n : null;
  const error = typeof query.error === 'string' ? query.error.slice(0, 300) : null;
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <p className="text-sm">
          <Link href={`/admin/articles/${article.id}`} className="underline underline-offset-4">
            ← Back to the article editor
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-bold [overflow-wrap:anywhere]">Live coverage: {article.title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-current/80">
          {state === 'live' ? (
            <>
              <LiveBadge /> Running since <Time date={article.liveStartedAt!} withTime timeZone={timeZone} />
            </>
          ) : state === 'ended' ? (
            <>
              Ended <Time date={article.liveEndedAt!} withTime timeZone={timeZone} />. Updates can still be edited, deleted and corrected.
            </>
          ) : (
            <>Not live. Start live coverage on the article editor.</>
          )}
          {article.status === 'published' && (
            <>
              {' · '}
              <Link href={`/articles/${article.slug}`} className="underline underline-offset-4">
                View on site
              </Link>
            </>
          )}
        </p>
      </header>

      {deleted && (
        <p
          role="status"
          className="rounded-sm border border-green-700/40 bg-green-50 px-3 py-2 text-sm font-semibold text-green-900 dark:bg-green-950/40 dark:text-green-200"
        >
          Update {deleted} deleted. Readers see a dated note in its place.
        </p>
      )}
      {error && (
        <p
          role="alert"
          className="rounded-sm border border-red-700/40 bg-red-50 px-3 py-2 text-sm font-semibold text-red-900 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
      )}

      {state === 'live' && (
        <section aria-labelledby="composer-heading" className="rounded-sm border-2 border-[var(--color-ink)] p-4">
          <h2 id="composer-heading" className="mb-3 font-serif text-xl font-bold">
            New update
          </h2>
          <LiveComposer articleId={article.id} initial={answerFor('live-post')} />
        </section>
      )}

      <section aria-labelledby="updates-heading">
        <h2 id="updates-heading" className="mb-3 font-serif text-xl font-bold">
          Posted updates
        </h2>
        {updates.length === 0 ? (
          <p className="text-sm text-current/70">No updates yet.</p>
        ) : (
          <ol className="flex flex-col divide-y divide-current/15 border-y border-current/15" aria-label="Posted updates, newest first">
            {updates.map((u) => (
              <li key={u.id} id={`desk-update-${u.number}`} className="flex flex-col gap-2 py-4">
                <p className="flex flex-wrap items-baseline gap-x-3 text-sm">
                  <strong>#{u.number}</strong>
                  <Time date={u.createdAt} withTime timeZone={timeZone} className="font-semibold" />
                  {u.authorName && <span className="text-current/70">{u.authorName}</span>}
                  {u.keyEvent && !u.deletedAt && <span className="rounded-sm bg-amber-200 px-1.5 text-xs font-bold uppercase text-amber-950">Key event</span>}
                  {u.editedAt && !u.deletedAt && (
                    <span className="text-current/70">
                      Updated <Time date={u.editedAt} withTime timeZone={timeZone} />
                    </span>
                  )}
                </p>
                {u.deletedAt ? (
                  <p className="text-sm italic text-current/70">
                    Deleted <Time date={u.deletedAt} withTime timeZone={timeZone} />.
                  </p>
                ) : (
                  <>
                    <div
                      className="prose prose-neutral max-w-none font-serif dark:prose-invert"
                      dangerouslySetInnerHTML={{ __html: renderBody(u.body, 'markdown') }}
                    />
                    {u.imagePath && (
                      // eslint-disable-next-line @next/next/no-img-element -- a small admin view of an uploaded file
                      <img src={mediaUrl(u.imagePath)} alt={u.imageAlt ?? ''} className="max-h-40 w-auto" />
                    )}
                    {u.correction && (
                      <p className="text-sm">
                        <strong>Correction:</strong> {u.correction}
                      </p>
                    )}
                    <div className="flex flex-wrap items-start gap-3">
                      <details className="min-w-0 flex-1" open={Boolean(answerFor(`live-edit-${u.number}`))}>
                        <summary className="inline-block cursor-pointer text-sm font-semibold underline underline-offset-4">Edit</summary>
                        <EditUpdateForm
                          articleId={article.id}
                          number={u.number}
                          body={u.body}
                          keyEvent={u.keyEvent}
                          initial={answerFor(`live-edit-${u.number}`)}
                        />
                      </details>
                      <details className="min-w-0 flex-1" open={Boolean(answerFor(`live-correct-${u.number}`))}>
                        <summary className="inline-block cursor-pointer text-sm font-semibold underline underline-offset-4">Add a correction</summary>
                        <CorrectionForm
                          articleId={article.id}
                          number={u.number}
                          correction={u.correction ?? ''}
                          initial={answerFor(`live-correct-${u.number}`)}
                        />
                      </details>
                      <form action={deleteLiveUpdateAction}>
                        <input type="hidden" name="articleId" value={article.id} />
                        <input type="hidden" name="number" value={u.number} />
                        <button type="submit" className={dangerButton} aria-label={`Delete update ${u.number}`}>
                          Delete
                        </button>
                      </form>
                    </div>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="reply-mode-heading" className="rounded-sm border border-current/20 p-4">
        <h2 id="reply-mode-heading" className="mb-3 font-serif text-xl font-bold">
          Reader replies
        </h2>
        <ReplyModeForm articleId={article.id} mode={article.replyMode} seconds={article.replySlowSeconds} initial={answerFor('reply-mode')} />
      </section>
    </div>
  );
}
