import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { ErrorNotice } from '@/components/admin/error-notice';
import { PinForm, PinRow } from '@/components/admin/front-forms';
import { NotAllowed } from '@/components/admin/not-allowed';
import { successText } from '@/components/ui/styles';
import { listPinsForAdmin, listRecentPublishedForPinning } from '@/db/queries/front-pins';
import { getSiteSettings } from '@/db/queries/settings';
import { listSections } from '@/db/queries/taxonomy';
import { can } from '@/lib/auth/permissions';
import { MAX_TOP_STORIES } from '@/lib/front/order';
import { FRONT_NOTICES } from '@/lib/front/schema';

export const metadata: Metadata = { title: 'Front page', robots: { index: false } };
export const instant = false;

const NOTICES = new Set<string>(FRONT_NOTICES);
const h2 = 'mb-2 font-serif text-2xl font-bold';
const list = 'divide-y divide-current/10 border-y border-current/15';

export default async function FrontPageDesk({ searchParams }: PageProps<'/admin/front'>) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/front');
  if (!can(staff, { do: 'front.manage' })) return <NotAllowed />;
  const query = await searchParams;
  const [pins, choices, sections, settings] = await Promise.all([listPinsForAdmin(), listRecentPublishedForPinning(), listSections(), getSiteSettings()]);
  const zone = settings.timeZone;
  const notice = typeof query.notice === 'string' && NOTICES.has(query.notice) ? query.notice : null;
  const home = pins.filter((p) => p.sectionId === null);
  const lead = home.find((p) => p.slot === 'lead');
  const top = home.filter((p) => p.slot === 'top');

  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Front page</h1>
      <p className="mb-6 max-w-2xl text-sm text-current/75">
        Pinned stories lead the front page in the order chosen here; everything else follows newest first. A pin may expire at a time (in {zone}); after it the
        story goes back to its place.
      </p>
      <ErrorNotice error={query.error} />
      {notice && (
        <p role="status" className={`mb-4 ${successText}`}>
          {notice}
        </p>
      )}

      <section aria-labelledby="lead-heading" className="mb-10">
        <h2 id="lead-heading" className={h2}>
          Lead story
        </h2>
        {lead ? (
          <ul className={list}>
            <PinRow pin={lead} zone={zone} />
          </ul>
        ) : (
          <p className="text-sm">No lead is pinned: the newest story leads.</p>
        )}
        <PinForm idPrefix="lead" slot="lead" choices={choices} zone={zone} button="Pin as lead" />
      </section>

      <section aria-labelledby="top-heading" className="mb-10">
        <h2 id="top-heading" className={h2}>
          Top stories
        </h2>
        {top.length === 0 ? (
          <p className="text-sm">No top stories are pinned: the newest stories follow the lead.</p>
        ) : (
          <ol className={list}>
            {top.map((p, i) => (
              <PinRow key={p.id} pin={p} zone={zone} movable first={i === 0} last={i === top.length - 1} />
            ))}
          </ol>
        )}
        {top.length < MAX_TOP_STORIES ? (
          <PinForm idPrefix="top" slot="top" choices={choices} zone={zone} button="Add to top stories" />
        ) : (
          <p className="mt-3 text-sm">{MAX_TOP_STORIES} top stories are pinned: unpin one to add another.</p>
        )}
      </section>

      <section aria-labelledby="section-leads-heading">
        <h2 id="section-leads-heading" className={h2}>
          Section leads
        </h2>
        {sections.length === 0 && <p className="text-sm">No sections yet.</p>}
        {sections.map((s) => {
          const pin = pins.find((p) => p.sectionId === s.id && p.slot === 'lead');
          return (
            <section key={s.id} aria-labelledby={`section-lead-${s.id}`} className="mt-6">
              <h3 id={`section-lead-${s.id}`} className="font-serif text-xl font-bold [overflow-wrap:anywhere]">
                {s.name}
              </h3>
              {pin ? (
                <ul className={list}>
                  <PinRow pin={pin} zone={zone} />
                </ul>
              ) : (
                <p className="text-sm">No lead is pinned: the newest {s.name} story leads.</p>
              )}
              <PinForm idPrefix={`section-${s.id}`} slot="lead" sectionId={s.id} choices={choices} zone={zone} button="Pin as section lead" />
            </section>
          );
        })}
      </section>
    </>
  );
}
