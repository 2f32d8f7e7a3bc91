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
      <table className="mt-8 w-full text-left text-sm">
        <thead className="border-b border-current/30 text-xs uppercase tracking-widest text-current/70">
          <tr>
            <th className="py-2">Name</th>
            <th>Email</th>
            <th>Sign-in</th>
            <th>Role and access</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-current/10">
          {people.map((p) => (
            <tr key={p.id}>
              <td className="py-2 pr-3 font-semibold">{p.name}</td>
              <td className="pr-3">{p.email}</td>
              <td className="pr-3">{p.disabled ? 'disabled' : p.canSignIn ? 'active' : 'no password'}</td>
              <td>
                <StaffRowForm id={p.id} name={p.name} role={p.role} disabled={p.disabled} initial={answerFor(`staff-row-${p.id}`)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
