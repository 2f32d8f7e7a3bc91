'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { keepThisSession } from '@/auth';
import { createStaffAccount, EmailTakenError, updateStaffAccount } from '@/db/queries/staff-admin';
import { STAFF_ROLES } from '@/db/enums';
import { ActionError, staffAction } from '@/lib/auth/staff-action';
import type { ActionState } from '@/lib/forms';
import { NewStaffSchema } from '@/lib/staff/schema';

export type StaffFormState = ActionState<{ email: string; name: string; role: string }>;

export const createStaffAction = staffAction(
  {
    allow: 'staff.manage',
    schema: NewStaffSchema,
    fields: ['email', 'name', 'role', 'password'],
    echo: ['email', 'name', 'role'],
    invalid: 'The account was not created.',
    plainPost: { form: () => 'staff-new', page: '/admin/users' },
  },
  async (input): Promise<StaffFormState> => {
    try {
      await createStaffAccount(input);
    } catch (e) {
      if (e instanceof EmailTakenError) throw new ActionError('The account was not created.', { email: e.message });
      throw e;
    }
    revalidatePath('/admin/users');
    return { status: 'success', message: `Created ${input.name} (${input.role}).` };
  },
);

const UpdateSchema = z.object({
  id: z.coerce.number().int().positive(),
  role: z.enum(STAFF_ROLES).optional(),
  disabled: z.enum(['true', 'false']).optional(),
  password: z.string().min(12, 'The new password must be at least 12 characters.').max(200).optional(),
});
const UPDATE_FIELDS = ['id', 'role', 'disabled', 'password'] as const;

export const updateStaffAction = staffAction(
  {
    allow: 'staff.manage',
    schema: UpdateSchema,
    fields: UPDATE_FIELDS,
    echo: [],
    // Each row's form sends only what it changes; an empty field means "leave as it is".
    input: (values) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')),
    plainPost: { form: (values) => `staff-row-${/^[0-9]{1,12}$/.test(values.id) ? values.id : 'unknown'}`, page: '/admin/users' },
  },
  async ({ id, role, disabled, password }, { staff: me }): Promise<ActionState> => {
    if (id === me.id && (disabled === 'true' || (role && role !== 'admin'))) {
      throw new ActionError('You cannot disable your own account or remove your own admin role.');
    }
    // A new password, another role or disabling ends the account's sessions (updateStaffAccount).
    const updated = await updateStaffAccount(id, { role, disabled: disabled === undefined ? undefined : disabled === 'true', password });
    if (!updated) throw new ActionError('That account no longer exists.');
    // An admin resetting their own password here stays signed in in this session.
    if (id === me.id) await keepThisSession(updated.sessionVersion);
    revalidatePath('/admin/users');
    return { status: 'success', message: password ? 'Password reset.' : 'Saved.' };
  },
);
