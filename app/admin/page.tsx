import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { countArticlesByStatus, listRecentlyUpdatedArticles, queueHealth } from '@/db/queries/dashboard';
import { can } from '@/lib/auth/permissions';
import { Time } from '@/components/ui/time';
import { ArticleStatusBadge } from '@/components/admin/article-status-badge';
import { articleListHref } from '@/lib/articles/status';
import { queueHref } from '@/lib/replies/moderation-schema';

export const metadata: Metadata = { title: 'Newsroom', robots: { index: false } };
export const instant = false;

export default async function DashboardPage() {
  // Each page checks again: the layout's redirect is not the guard.
  const staff = await getCurrentStaff();
  if (!staff || !can(staff, { do: 'admin.enter' })) redirect('/login?callbackUrl=/admin');
  // The reply queue's health is for those who work it: nobody else's dashboard pays for its queries.
  const moderates = can(staff, { do: 'reply.moderate' });
  const [counts, health, recent] = await Promise.all([countArticlesByStatus(), moderates ? queueHealth() : null, listRecentlyUpdatedArticles(8)]);
  // Each count leads to the list it counts (for those who may open it); the pending queue is oldest first.
  const writes = can(staff, { do: 'article.create' });
  const articlesIn = (status: 'draft' | 'review' | 'scheduled' | 'published') => (writes ? articleListHref(status) : undefined);
  const tiles: Tile[] = [
    { label: 'Drafts', value: counts.draft, href: articlesIn('draft') },
    { label: 'In review', value: counts.review, href: articlesIn('review') },
    { label: 'Scheduled', value: counts.scheduled, href: articlesIn('scheduled') },
    { label: 'Published', value: counts.published, href: articlesIn('published') },
  ];
  const pendingQueue = queueHref({ status: 'pending' });
  const queueTiles: Tile[] | null = health && [
    { label: 'Pending replies', value: health.pending.toLocaleString('en-GB'), href: pendingQueue },
    { label: 'Oldest waiting', value: health.oldestPendingMinutes === null ? '—' : duration(health.oldestPendingMinutes), href: pendingQueue },
    { label: 'Median time to decision (7 days)', value: health.medianMinutesToDecision === null ? '—' : duration(health.medianMinutesToDecision) },
    { label: 'Decisions (7 days)', value: health.decisionsThisWeek.toLocaleString('en-GB') },
  ];
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">Newsroom</h1>
      <p className="mb-6 text-current/70">Signed in as {staff.name}.</p>
      <Tiles tiles={tiles} />
      {queueTiles && (
        <section aria-labelledby="queue-health-heading">
          <h2 id="queue-health-heading" className="mb-3 mt-10 font-serif text-xl font-bold">
            Queue health
          </h2>
          <Tiles tiles={queueTiles} small />
        </section>
      )}
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-3 mt-10 font-serif text-xl font-bold">
          Recently changed
        </h2>
        <ul className="divide-y divide-current/10">
          {recent.map((a) => (
            <li key={a.id} className="flex flex-col gap-1 py-2 text-sm sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
              {writes ? (
                <Link href={`/admin/articles/${a.id}`} className="font-semibold wrap-anywhere underline-offset-4 hover:underline">
                  {a.title}
                </Link>
              ) : (
                <span className="font-semibold wrap-anywhere">{a.title}</span>
              )}
              <span className="flex shrink-0 items-baseline gap-2 text-current/70">
                <ArticleStatusBadge status={a.status} />
                {a.updatedAt && <Time date={a.updatedAt} withTime />}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

type Tile = { label: string; value: string | number; href?: string };

/** Figures in tiles; a tile with a list behind it is one link (its label), the whole tile clickable. */
function Tiles({ tiles, small = false }: { tiles: Tile[]; small?: boolean }) {
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
      {tiles.map((t) => (
        <div
          key={t.label}
          className={`relative rounded-sm border border-current/20 p-4 ${t.href ? 'hover:border-current/60 hover:bg-current/5 focus-within:ring-2 focus-within:ring-current/40' : ''}`}
        >
          <dt className="text-xs font-bold uppercase tracking-widest text-current/70">
            {t.href ? (
              <Link href={t.href} className="underline-offset-4 outline-none after:absolute after:inset-0 hover:underline">
                {t.label}
              </Link>
            ) : (
              t.label
            )}
          </dt>
          <dd className={`mt-1 font-serif font-bold ${small ? 'text-2xl' : 'text-3xl'}`}>{t.value}</dd>
          {t.href && (
            <span aria-hidden className="absolute bottom-3 right-4 text-lg text-current/50">
              →
            </span>
          )}
        </div>
      ))}
    </dl>
  );
}

function duration(minutes: number) {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}
