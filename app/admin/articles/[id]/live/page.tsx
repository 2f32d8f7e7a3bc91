import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { CorrectionForm, EditUpdateForm, EndLiveForm, LiveComposer, ReplyModeForm } from '@/components/admin/live-desk';
import { LiveBadge } from '@/components/live/live-badge';
import { dangerButton, smallButton } from '@/components/ui/styles';
import { Time } from '@/components/ui/time';
import { getSiteTimeZone } from '@/app/(site)/cached-data';
import { getLiveArticle, getLiveUpdate, listLiveUpdates } from '@/db/queries/live-updates';
import { can } from '@/lib/auth/permissions';
import { readFormResult } from '@/lib/form-result-server';
import { renderBody } from '@/lib/markdown/render';
import { liveState } from '@/lib/live/state';
import { mediaUrl } from '@/lib/uploads';
import { deleteLiveUpdateAction } from './actions';

export const metadata: Metadata = { title: 'Live coverage', robots: { index: false } };
export const instant = false;

const NOTICES: Record<string, (n: string) => string> = {
  deleted: (n) => `Update ${n} deleted. Readers see a dated note in its place.`,
  edited: (n) => `Update ${n} saved. Readers see when it was updated.`,
  corrected: (n) => `Correction added to update ${n}.`,
};

/** How many updates the desk lists (the newest); older ones are edited from their own listing below. */
const DESK_UPDATES = 100;

export default async function LiveComposerPage({ params, searchParams }: PageProps<'/admin/articles/[id]/live'>) {
  const { id } = await params;
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/login?callbackUrl=/admin/articles/${id}/live`);
  if (!/^[1-9][0-9]{0,15}$/.test(id)) notFound();
  const query = await searchParams;
  // ?edit=N: that update's edit and correction forms take the composer's place (one form per label on the page).
  const editing = typeof query.edit === 'string' && /^[1-9][0-9]{0,11}$/.test(query.edit) ? Number(query.edit) : null;
  const [article, updates, answer, timeZone, edited] = await Promise.all([
    getLiveArticle(Number(id)),
    listLiveUpdates(Number(id), { limit: DESK_UPDATES }),
    readFormResult(query),
    getSiteTimeZone(),
    editing ? getLiveUpdate(Number(id), editing) : null,
  ]);
  if (!article) notFound();
  if (!can(staff, { do: 'article.live', article: article.resource })) return <NotAllowed />;
  const answerFor = (form: string) => (answer?.form === form ? answer.state : undefined);
  const state = liveState(article);
  const n = typeof query.n === 'string' && /^[0-9]{1,12}$/.test(query.n) ? query.n : null;
  const notice = n && typeof query.notice === 'string' ? NOTICES[query.notice]?.(n) : undefined;
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

      {notice && (
        <p
          role="status"
          className="rounded-sm border border-green-700/40 bg-green-50 px-3 py-2 text-sm font-semibold text-green-900 dark:bg-green-950/40 dark:text-green-200"
        >
          {notice}
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

      {edited && !edited.deletedAt ? (
        <section className="flex flex-col gap-6 rounded-sm border-2 border-[var(--color-ink)] p-4">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 className="font-serif text-xl font-bold">Edit update {edited.number}</h2>
            <Link href={`/admin/articles/${article.id}/live`} className="text-sm font-semibold underline underline-offset-4">
              Cancel
            </Link>
          </div>
          <EditUpdateForm
            articleId={article.id}
            number={edited.number}
            body={edited.body}
            keyEvent={edited.keyEvent}
            initial={answerFor(`live-edit-${edited.number}`)}
          />
          <CorrectionForm
            articleId={article.id}
            number={edited.number}
            correction={edited.correction ?? ''}
            initial={answerFor(`live-correct-${edited.number}`)}
          />
        </section>
      ) : (
        state === 'live' && (
          <section className="rounded-sm border-2 border-[var(--color-ink)] p-4">
            <h2 className="mb-3 font-serif text-xl font-bold">New update</h2>
            <LiveComposer articleId={article.id} initial={answerFor('live-post')} />
          </section>
        )
      )}

      {/* No aria-label or aria-labelledby naming "update" on this page: the composer's "Update" field must be the one such label. */}
      <section>
        <h2 className="mb-3 font-serif text-xl font-bold">Posted updates</h2>
        {updates.length === 0 ? (
          <p className="text-sm text-current/70">No updates yet.</p>
        ) : (
          <ol className="flex flex-col divide-y divide-current/15 border-y border-current/15">
            {updates.map((u) => (
              <li key={u.id} id={`desk-update-${u.number}`} className="flex min-w-0 flex-col gap-2 py-4">
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
                      className="prose prose-neutral max-w-none font-serif [overflow-wrap:anywhere] dark:prose-invert"
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
                    <div className="flex flex-wrap items-center gap-3">
                      <Link href={`/admin/articles/${article.id}/live?edit=${u.number}`} className={smallButton}>
                        Edit
                      </Link>
                      <form action={deleteLiveUpdateAction}>
                        <input type="hidden" name="articleId" value={article.id} />
                        <input type="hidden" name="number" value={u.number} />
                        <button type="submit" className={dangerButton}>
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

      <section className="rounded-sm border border-current/20 p-4">
        <h2 className="mb-3 font-serif text-xl font-bold">Reader replies</h2>
        <ReplyModeForm articleId={article.id} mode={article.replyMode} seconds={article.replySlowSeconds} initial={answerFor('reply-mode')} />
      </section>

      {state === 'live' && (
        <section className="rounded-sm border border-current/20 p-4">
          <h2 className="mb-3 font-serif text-xl font-bold">End the coverage</h2>
          <EndLiveForm id="composer-live-summary" articleId={article.id} summary={article.liveSummary ?? ''} initial={answerFor('live-end')} />
        </section>
      )}
    </div>
  );
}
