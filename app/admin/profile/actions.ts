'use server';

import { revalidatePath, updateTag } from 'next/cache';
import { z } from 'zod';
import { storeImage } from '@/db/queries/media';
import { getProfile, setPendingDigest, updateProfile } from '@/db/queries/staff-admin';
import { verifyPassword } from '@/lib/auth/password';
import { can } from '@/lib/auth/permissions';
import { NotAllowedError, requireStaff } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import { fieldErrorsOf, formValues, type ActionState } from '@/lib/forms';
import { ImageRejectedError, processImageUpload } from '@/lib/media/process-image';
import { revalidateAgainShortly } from '@/lib/revalidate/echo';

const ProfileSchema = z
  .object({
    name: z.string().trim().min(1, 'Please enter your name.').max(80, 'The name must be at most 80 characters.'),
    bio: z.string().trim().max(1000, 'The bio must be at most 1,000 characters.'),
    currentPassword: z.string().max(200),
    newPassword: z.string().max(200, 'The password must be at most 200 characters.'),
  })
  .refine((v) => v.newPassword === '' || v.newPassword.length >= 12, { path: ['newPassword'], message: 'The new password must be at least 12 characters.' })
  .refine((v) => v.newPassword === '' || v.currentPassword !== '', { path: ['currentPassword'], message: 'Enter your current password to change it.' });

export type ProfileState = ActionState<{ name: string; bio: string }>;

/** Any staff member edits their own profile (the id is the session's, never the form's). */
export async function updateProfileAction(_prev: ProfileState, formData: FormData): Promise<ProfileState> {
  const raw = formValues(formData, ['name', 'bio', 'currentPassword', 'newPassword'] as const);
  const values = { name: raw.name, bio: raw.bio };
  let staff;
  try {
    staff = await requireStaff();
  } catch (e) {
    return { status: 'error', message: (e as Error).message, values };
  }
  const parsed = ProfileSchema.safeParse(raw);
  if (!parsed.success) return { status: 'error', message: 'Your profile was not saved.', fieldErrors: fieldErrorsOf(parsed.error), values };
  const me = await getProfile(staff.id);
  if (!me) return { status: 'error', message: 'Please sign in again.', values };
  if (parsed.data.newPassword && !(me.passwordHash && (await verifyPassword(me.passwordHash, parsed.data.currentPassword)))) {
    return { status: 'error', message: 'Your profile was not saved.', fieldErrors: { currentPassword: 'That is not your current password.' }, values };
  }
  let avatarPath: string | undefined;
  const avatar = formData.get('avatar');
  if (avatar instanceof File && avatar.size > 0) {
    try {
      avatarPath = await storeImage(await processImageUpload(Buffer.from(await avatar.arrayBuffer())), staff.id);
    } catch (e) {
      if (e instanceof ImageRejectedError) return { status: 'error', message: 'Your profile was not saved.', fieldErrors: { avatar: e.message }, values };
      throw e;
    }
  }
  await updateProfile(staff.id, { name: parsed.data.name, bio: parsed.data.bio, avatarPath, password: parsed.data.newPassword || undefined });
  // The author page shows the profile; bylines on articles and lists show the name.
  const tags = [cacheTags.author(me.slug), ...(me.name !== parsed.data.name ? [cacheTags.byline(staff.id)] : [])];
  for (const tag of tags) updateTag(tag);
  revalidateAgainShortly(tags);
  return { status: 'success', message: parsed.data.newPassword ? 'Profile and password saved.' : 'Profile saved.', values: { name: parsed.data.name, bio: parsed.data.bio } };
}

const DigestSchema = z.object({ digest: z.enum(['on', 'off'], { message: 'Choose on or off.' }) });

/** A moderator turns the hourly digest of pending replies on or off for themselves. */
export async function setDigestAction(formData: FormData): Promise<void> {
  const staff = await requireStaff();
  if (!can(staff, { do: 'reply.moderate' })) throw new NotAllowedError();
  const parsed = DigestSchema.safeParse({ digest: formData.get('digest') });
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  await setPendingDigest(staff.id, parsed.data.digest === 'on');
  revalidatePath('/admin/profile');
}
