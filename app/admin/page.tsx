import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { countArticlesByStatus, listRecentlyUpdatedArticles, queueHealth } from '@/db/queries/dashboard';
import { can } from '@/lib/auth/permissions';
import { Time } from '@/components/ui/time';

export const metadata: Metadata = { title: 'Newsroom', robots: { index: false } };
export const instant = false;

export default async function DashboardPage() {
  // Each page checks again: the layout's redirect is not the guard.
  const staff = await getCurrentStaff();
  if (!staff || !can(staff, { do: 'admin.enter' })) redirect('/login?callbackUrl=/admin');
  // The reply queue's health is for those who work it: nobody else's dashboard pays for its queries.
  const moderates = can(staff, { do: 'reply.moderate' });
  const [counts, health, recent] = await Promise.all([countArticlesByStatus(), moderates ? queueHealth() : null, listRecentlyUpdatedArticles(8)]);
  const tiles = [
    { label: 'Drafts', value: counts.draft },
    { label: 'In review', value: counts.review },
    { label: 'Scheduled', value: counts.scheduled },
    { label: 'Published', value: counts.published },
  ];
  const queueTiles = health && [
    { label: 'Pending replies', value: health.pending.toLocaleString('en-GB') },
    { label: 'Oldest waiting', value: health.oldestPendingMinutes === null ? '—' : duration(health.oldestPendingMinutes) },
    { label: 'Median time to decision (7 days)', value: health.medianMinutesToDecision === null ? '—' : duration(health.medianMinutesToDecision) },
    { label: 'Decisions (7 days)', value: health.decisionsThisWeek.toLocaleString('en-GB') },
  ];
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">Newsroom</h1>
      <p className="mb-6 text-current/70">Signed in as {staff.name}.</p>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {tiles.map((t) => (
          <div key={t.label} className="rounded-sm border border-current/20 p-4">
            <dt className="text-xs font-bold uppercase tracking-widest text-current/70">{t.label}</dt>
            <dd className="mt-1 font-serif text-3xl font-bold">{t.value}</dd>
          </div>
        ))}
      </dl>
      {queueTiles && (
        <section aria-labelledby="queue-health-heading">
          <h2 id="queue-health-heading" className="mb-3 mt-10 font-serif text-xl font-bold">
            Queue health
          </h2>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {queueTiles.map((t) => (
              <div key={t.label} className="rounded-sm border border-current/20 p-4">
                <dt className="text-xs font-bold uppercase tracking-widest text-current/70">{t.label}</dt>
                <dd className="mt-1 font-serif text-2xl font-bold">{t.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <h2 className="mb-3 mt-10 font-serif text-xl font-bold">Recently changed</h2>
      <ul className="divide-y divide-current/10">
        {recent.map((a) => (
          <li key={a.id} className="flex justify-between gap-4 py-2 text-sm">
            <span className="font-semibold">{a.title}</span>
            <span className="shrink-0 text-current/70">
              {a.status}
              {a.updatedAt && (
                <>
                  {' · '}
                  <Time date={a.updatedAt} withTime />
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function duration(minutes: number) {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}
