import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { RemoveBannerForm, ShowBannerForm } from '@/components/admin/breaking-forms';
import { getBreakingBanner, getBreakingChange } from '@/db/queries/breaking';
import { getStaffById } from '@/db/queries/staff';
import { can } from '@/lib/auth/permissions';
import { readFormResult } from '@/lib/form-result-server';
import { getSiteTimeZone } from '@/app/(site)/cached-data';
import { formatInZone } from '@/lib/time/zone';

export const metadata: Metadata = { title: 'Breaking news', robots: { index: false } };
export const instant = false;

export default async function BreakingPage({ searchParams }: PageProps<'/admin/breaking'>) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/breaking');
  if (!can(staff, { do: 'breaking.manage' })) return <NotAllowed />;
  const [banner, change, answer, zone] = await Promise.all([getBreakingBanner(), getBreakingChange(), readFormResult(await searchParams), getSiteTimeZone()]);
  const who = change ? await getStaffById(change.changedById) : null;
  const when = change ? formatInZone(new Date(change.changedAt), zone, true) : null;
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Breaking news</h1>
      <p className="mb-8 max-w-2xl text-current/80">
        One banner at the top of every reader page. Readers with the site open see it within 15 seconds; a reader may dismiss it, and a new banner shows again.
        Readers without JavaScript see it on pages rendered after the change.
      </p>
      <section aria-labelledby="breaking-now" className="mb-10 max-w-2xl border-b border-current/15 pb-8">
        <h2 id="breaking-now" className="mb-3 font-serif text-xl font-bold">
          Showing now
        </h2>
        {banner ? (
          <div className="mb-4 flex flex-col gap-4">
            <p className="rounded-sm bg-red-800 px-3 py-2 font-semibold break-words text-white">
              {banner.live && <span className="mr-2 rounded-sm bg-white px-1.5 py-0.5 text-xs font-black tracking-widest text-red-800 uppercase">Live</span>}
              {banner.headline} <span className="font-normal text-white/85">→ {banner.link}</span>
            </p>
            {who && when && (
              <p className="text-sm text-current/70">
                Shown by {who.name}, {when}.
              </p>
            )}
          </div>
        ) : (
          <p className="mb-4">No banner is showing.{who && when ? ` Last removed by ${who.name}, ${when}.` : ''}</p>
        )}
        <RemoveBannerForm showing={banner !== null} answer={answer?.form === 'breaking-remove' ? answer.state : undefined} />
      </section>
      <section aria-labelledby="breaking-new" className="max-w-2xl">
        <h2 id="breaking-new" className="mb-3 font-serif text-xl font-bold">
          {banner ? 'Replace the banner' : 'Show a banner'}
        </h2>
        <ShowBannerForm
          initial={{ headline: banner?.headline ?? '', link: banner?.link ?? '', live: banner?.live ? 'on' : '' }}
          answer={answer?.form === 'breaking-show' ? answer.state : undefined}
        />
      </section>
    </>
  );
}
