import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { getProfile } from '@/db/queries/staff-admin';
import { ErrorNotice } from '@/components/admin/error-notice';
import { ProfileForm } from '@/components/admin/profile-form';
import { smallButton, successText } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import { can } from '@/lib/auth/permissions';
import { formResultFor } from '@/lib/form-result-server';
import { mailEnabled } from '@/lib/mail/transport';
import { setDigestAction, signOutEverywhereAction } from './actions';

export const metadata: Metadata = { title: 'Your profile', robots: { index: false } };
export const instant = false;

const NOTICES = new Set(['Every other session has been signed out.']);

export default async function ProfilePage({ searchParams }: PageProps<'/admin/profile'>) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/profile');
  const query = await searchParams;
  const [me, answer] = await Promise.all([getProfile(staff.id), formResultFor('profile', query)]);
  if (!me) redirect('/login');
  // Only notices this page's own actions send are shown, so a crafted link cannot put words here.
  const notice = typeof query.notice === 'string' && NOTICES.has(query.notice) ? query.notice : null;
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Your profile</h1>
      <ErrorNotice error={query.error} />
      {notice && (
        <p role="status" className={`mb-4 ${successText}`}>
          {notice}
        </p>
      )}
      <p className="mb-6 text-sm text-current/70">
        Shown on your author page,{' '}
        <Link href={`/authors/${me.slug}`} className="underline">
          /authors/{me.slug}
        </Link>
        .
      </p>
      <ProfileForm name={me.name} bio={me.bio} initial={answer} />
      {can(staff, { do: 'reply.moderate' }) && mailEnabled() && (
        <section aria-labelledby="digest-heading" className="mt-10 max-w-xl">
          <h2 id="digest-heading" className="mb-2 font-serif text-xl font-bold">
            Pending replies digest
          </h2>
          <form action={setDigestAction} className="flex flex-wrap items-center gap-3 text-sm">
            <p>{me.pendingDigest ? 'You get an hourly email while replies wait for moderation.' : 'You get no digest email.'}</p>
            <input type="hidden" name="digest" value={me.pendingDigest ? 'off' : 'on'} />
            <SubmitButton className={smallButton}>{me.pendingDigest ? 'Stop the digest' : 'Email me a digest of pending replies'}</SubmitButton>
          </form>
        </section>
      )}
      <section aria-labelledby="sessions-heading" className="mt-10 max-w-xl">
        <h2 id="sessions-heading" className="mb-2 font-serif text-xl font-bold">
          Sessions
        </h2>
        <form action={signOutEverywhereAction} className="flex flex-wrap items-center gap-3 text-sm">
          <p>Signed in on another computer or phone you no longer use? End every session except this one.</p>
          <SubmitButton className={smallButton}>Sign out everywhere</SubmitButton>
        </form>
      </section>
    </>
  );
}
