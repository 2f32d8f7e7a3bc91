import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { listStaff } from '@/db/queries/staff-admin';
import { can } from '@/lib/auth/permissions';
import { readFormResult } from '@/lib/form-result-server';
import { NewStaffForm, StaffRowForm } from '@/components/admin/staff-forms';

export const metadata: Metadata = { title: 'Staff', robots: { index: false } };
export const instant = false;

export default async function StaffPage({ searchParams }: PageProps<'/admin/users'>) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/users');
  if (!can(staff, { do: 'staff.manage' })) return <NotAllowed />;
  // The answer to a form posted without JavaScript: the new-account form's or one row's.
  const [people, answer] = await Promise.all([listStaff(), readFormResult(await searchParams)]);
  const answerFor = (form: string) => (answer?.form === form ? answer.state : undefined);
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">Staff</h1>
      <NewStaffForm initial={answerFor('staff-new')} />
      {/* From md up a table; below it each person is a card (no sideways scrolling on a phone). */}
      <table className="mt-8 block w-full text-left text-sm md:table">
        <caption className="sr-only">Staff accounts</caption>
        <thead className="hidden border-b border-current/30 text-xs uppercase tracking-widest text-current/70 md:table-header-group">
          <tr>
            <th className="py-2 pr-3">Name</th>
            <th className="py-2 pr-3">Email</th>
            <th className="py-2 pr-3">Sign-in</th>
            <th className="py-2">Role and access</th>
          </tr>
        </thead>
        <tbody className="block divide-y divide-current/10 border-y border-current/30 md:table-row-group md:border-y-0">
          {people.map((p) => (
            <tr key={p.id} className="flex flex-col gap-1 py-3 md:table-row md:py-0">
              <td className="font-semibold md:py-2 md:pr-3 md:align-middle">{p.name}</td>
              <td className="wrap-anywhere md:py-2 md:pr-3 md:align-middle">{p.email}</td>
              <td className="md:py-2 md:pr-3 md:align-middle">
                <span aria-hidden className="text-current/70 md:hidden">
                  Sign-in:{' '}
                </span>
                {p.disabled ? 'disabled' : p.canSignIn ? 'active' : 'no password'}
              </td>
              <td className="pt-1 md:py-2 md:align-middle">
                <StaffRowForm id={p.id} name={p.name} role={p.role} disabled={p.disabled} initial={answerFor(`staff-row-${p.id}`)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
