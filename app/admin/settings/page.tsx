import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { getReplySettings, getSiteSettings } from '@/db/queries/settings';
import { can } from '@/lib/auth/permissions';
import { readFormResult } from '@/lib/form-result-server';
import { replySettingsFormValues } from '@/lib/replies/settings-schema';
import { ReplySettingsForm } from '@/components/admin/reply-settings-form';
import { SiteSettingsForm } from '@/components/admin/site-settings-form';
import { siteSettingsFormValues } from '@/lib/site/settings';
import { formatInZone, TIME_ZONES } from '@/lib/time/zone';

export const metadata: Metadata = { title: 'Reply rules and settings', robots: { index: false } };
export const instant = false;

export default async function SettingsPage({ searchParams }: PageProps<'/admin/settings'>) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/settings');
  if (!can(staff, { do: 'settings.manage' })) return <NotAllowed />;
  // The answer to the form posted without JavaScript, saved or tried.
  const [settings, site, answer] = await Promise.all([getReplySettings(), getSiteSettings(), readFormResult(await searchParams)]);
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">Reply rules and settings</h1>
      <section className="mb-10 max-w-3xl border-b border-current/15 pb-8">
        <h2 className="mb-3 font-serif text-xl font-bold">Site time zone</h2>
        <SiteSettingsForm
          initial={siteSettingsFormValues(site)}
          zones={TIME_ZONES}
          now={formatInZone(new Date(), site.timeZone, true)}
          saved={answer?.form === 'site-settings-save' ? answer.state : undefined}
        />
      </section>
      <h2 className="mb-2 font-serif text-xl font-bold">Rules for new replies</h2>
      <p className="mb-8 max-w-3xl text-current/80">
        Every new reply passes these rules in order; the first rule that applies decides whether it is published, held for a moderator or sent to spam. Changes
        apply to replies posted after you save; nothing already posted moves.
      </p>
      <ReplySettingsForm
        initial={replySettingsFormValues(settings)}
        saved={answer?.form === 'reply-settings-save' ? answer.state : undefined}
        tried={answer?.form === 'reply-settings-try' ? answer.state : undefined}
      />
    </>
  );
}
