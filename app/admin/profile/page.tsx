import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { getProfile } from '@/db/queries/staff-admin';
import { ProfileForm } from '@/components/admin/profile-form';

export const metadata: Metadata = { title: 'Your profile', robots: { index: false } };
export const instant = false;

export default async function ProfilePage() {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/profile');
  const me = await getProfile(staff.id);
  if (!me) redirect('/login');
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Your profile</h1>
      <p className="mb-6 text-sm text-current/70">
        Shown on your author page,{' '}
        <Link href={`/authors/${me.slug}`} className="underline">
          /authors/{me.slug}
        </Link>
        .
      </p>
      <ProfileForm name={me.name} bio={me.bio} />
    </>
  );
}
