'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createStaffAccount, EmailTakenError, updateStaffAccount } from '@/db/queries/staff-admin';
import { STAFF_ROLES } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { NotAllowedError, requireStaff } from '@/lib/auth/staff-action';
import { fieldErrorsOf, formValues, type ActionState } from '@/lib/forms';
import { NewStaffSchema } from '@/lib/staff/schema';

export type StaffFormState = ActionState<{ email: string; name: string; role: string }>;

async function requireStaffManager() {
  const staff = await requireStaff();
  if (!can(staff, { do: 'staff.manage' })) throw new NotAllowedError();
  return staff;
}

export async function createStaffAction(_prev: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const raw = formValues(formData, ['email', 'name', 'role', 'password'] as const);
  const values = { email: raw.email, name: raw.name, role: raw.role };
  try {
    await requireStaffManager();
  } catch (e) {
    return { status: 'error', message: (e as Error).message, values };
  }
  const parsed = NewStaffSchema.safeParse(raw);
  if (!parsed.success) return { status: 'error', message: 'The account was not created.', fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await createStaffAccount(parsed.data);
  } catch (e) {
    if (e instanceof EmailTakenError) return { status: 'error', message: 'The account was not created.', fieldErrors: { email: e.message }, values };
    throw e;
  }
  revalidatePath('/admin/users');
  return { status: 'success', message: `Created ${parsed.data.name} (${parsed.data.role}).` };
}

const UpdateSchema = z.object({
  id: z.coerce.number().int().positive(),
  role: z.enum(STAFF_ROLES).optional(),
  disabled: z.enum(['true', 'false']).optional(),
  password: z.string().min(12, 'The new password must be at least 12 characters.').max(200).optional(),
});

export async function updateStaffAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let me;
  try {
    me = await requireStaffManager();
  } catch (e) {
    return { status: 'error', message: (e as Error).message };
  }
  const raw = Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === 'string' && v !== '' && !k.startsWith('$')));
  const parsed = UpdateSchema.safeParse(raw);
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0].message };
  const { id, role, disabled, password } = parsed.data;
  if (id === me.id && (disabled === 'true' || (role && role !== 'admin'))) {
    return { status: 'error', message: 'You cannot disable your own account or remove your own admin role.' };
  }
  const updated = await updateStaffAccount(id, { role, disabled: disabled === undefined ? undefined : disabled === 'true', password });
  if (!updated) return { status: 'error', message: 'That account no longer exists.' };
  revalidatePath('/admin/users');
  return { status: 'success', message: password ? 'Password reset.' : 'Saved.' };
}
