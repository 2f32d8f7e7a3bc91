'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { storeImage } from '@/db/queries/media';
import { getProfile, setPendingDigest, updateProfile } from '@/db/queries/staff-admin';
import { verifyPassword } from '@/lib/auth/password';
import { ActionError, staffAction, staffRedirectAction } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import type { ActionState } from '@/lib/forms';
import { ImageRejectedError, processImageUpload } from '@/lib/media/process-image';
import { expireTags } from '@/lib/revalidate/expire';

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

const NOT_SAVED = 'Your profile was not saved.';

/** Any staff member edits their own profile (the id is the session's, never the form's). */
export const updateProfileAction = staffAction(
  {
    allow: 'admin.enter',
    schema: ProfileSchema,
    fields: ['name', 'bio', 'currentPassword', 'newPassword'],
    echo: ['name', 'bio'],
    invalid: NOT_SAVED,
  },
  async (input, { staff, formData }): Promise<ProfileState> => {
    const me = await getProfile(staff.id);
    if (!me) throw new ActionError('Please sign in again.');
    if (input.newPassword && !(me.passwordHash && (await verifyPassword(me.passwordHash, input.currentPassword)))) {
      throw new ActionError(NOT_SAVED, { currentPassword: 'That is not your current password.' });
    }
    let avatarPath: string | undefined;
    const avatar = formData.get('avatar');
    if (avatar instanceof File && avatar.size > 0) {
      try {
        avatarPath = await storeImage(await processImageUpload(Buffer.from(await avatar.arrayBuffer())), staff.id);
      } catch (e) {
        if (e instanceof ImageRejectedError) throw new ActionError(NOT_SAVED, { avatar: e.message });
        throw e;
      }
    }
    await updateProfile(staff.id, { name: input.name, bio: input.bio, avatarPath, password: input.newPassword || undefined });
    // The author page shows the profile; bylines on articles and lists show the name.
    await expireTags([cacheTags.author(me.slug), ...(me.name !== input.name ? [cacheTags.byline(staff.id)] : [])]);
    return { status: 'success', message: input.newPassword ? 'Profile and password saved.' : 'Profile saved.', values: { name: input.name, bio: input.bio } };
  },
);

const DigestSchema = z.object({ digest: z.enum(['on', 'off'], { message: 'Choose on or off.' }) });

/** A moderator turns the hourly digest of pending replies on or off for themselves. */
export const setDigestAction = staffRedirectAction(
  {
    allow: 'reply.moderate',
    schema: DigestSchema,
    input: (formData) => ({ digest: formData.get('digest') }),
    back: () => '/admin/profile',
  },
  async ({ digest }, { staff }) => {
    await setPendingDigest(staff.id, digest === 'on');
    revalidatePath('/admin/profile');
    return '/admin/profile';
  },
);
