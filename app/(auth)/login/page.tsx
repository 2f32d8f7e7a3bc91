import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/components/admin/sign-in-form';
import { formResultFor } from '@/lib/form-result-server';
import { safeReturnPath } from '@/lib/safe-redirect';

export const metadata: Metadata = { title: 'Staff sign-in', robots: { index: false } };
export const instant = false;

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  const query = await searchParams;
  const { callbackUrl } = query;
  // A refused sign-in posted without JavaScript comes back here with its answer.
  const answer = await formResultFor('sign-in', query);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4 py-12">
      <Link href="/" className="text-center font-serif text-4xl font-black">
        Broadsheet
      </Link>
      <h1 className="text-center font-serif text-2xl font-bold">Staff sign-in</h1>
      <SignInForm callbackUrl={safeReturnPath(typeof callbackUrl === 'string' ? callbackUrl : null)} initial={answer} />
    </main>
  );
}
