import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { getProfile } from '@/db/queries/staff-admin';
import { ErrorNotice } from '@/components/admin/error-notice';
import { ProfileForm } from '@/components/admin/profile-form';
import { smallButton } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import { can } from '@/lib/auth/permissions';
import { mailEnabled } from '@/lib/mail/transport';
import { setDigestAction } from './actions';

export const metadata: Metadata = { title: 'Your profile', robots: { index: false } };
export const instant = false;

export default async function ProfilePage({ searchParams }: PageProps<'/admin/profile'>) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/profile');
  const [me, { error }] = await Promise.all([getProfile(staff.id), searchParams]);
  if (!me) redirect('/login');
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Your profile</h1>
      <ErrorNotice error={error} />
      <p className="mb-6 text-sm text-current/70">
        Shown on your author page,{' '}
        <Link href={`/authors/${me.slug}`} className="underline">
          /authors/{me.slug}
        </Link>
        .
      </p>
      <ProfileForm name={me.name} bio={me.bio} />
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
    </>
  );
}
