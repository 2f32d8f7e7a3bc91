'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { keepThisSession } from '@/auth';
import { removeStoredImage, storeImage } from '@/db/queries/media';
import { bumpSessionVersion } from '@/db/queries/staff';
import { getProfile, setPendingDigest, updateProfile } from '@/db/queries/staff-admin';
import { verifyPassword } from '@/lib/auth/password';
import { ActionError, staffAction, staffRedirectAction, withNotice } from '@/lib/auth/staff-action';
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
    plainPost: { form: () => 'profile', page: '/admin/profile' },
  },
  async (input, { staff, formData }): Promise<ProfileState> => {
    const me = await getProfile(staff.id);
    if (!me) throw new ActionError('Please sign in again.');
    if (input.newPassword && !(me.passwordHash && (await verifyPassword(me.passwordHash, input.currentPassword)))) {
      throw new ActionError(NOT_SAVED, { currentPassword: 'That is not your current password.' });
    }
    // The one upload a role without media.upload can make: its own portrait, which replaces (and
    // removes) the one before, so saving the profile again and again stores nothing more.
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
    let saved: Awaited<ReturnType<typeof updateProfile>>;
    try {
      saved = await updateProfile(staff.id, { name: input.name, bio: input.bio, avatarPath, password: input.newPassword || undefined });
    } catch (e) {
      if (avatarPath) await removeStoredImage(avatarPath);
      throw e;
    }
    if (saved?.replacedAvatar) await removeStoredImage(saved.replacedAvatar);
    // A new password ends every other session; this one is re-issued and stays signed in.
    if (input.newPassword && saved) await keepThisSession(saved.sessionVersion);
    // The author page shows the profile; bylines on articles and lists show the name.
    // A new name is in every byline, and in the search index (cached searches may match it now).
    await expireTags([cacheTags.author(me.slug), ...(me.name !== input.name ? [cacheTags.byline(staff.id), cacheTags.search] : [])]);
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

/** Ends every other session of one's own account (a lost laptop, a shared computer); this one stays. */
export const signOutEverywhereAction = staffRedirectAction(
  {
    allow: 'admin.enter',
    schema: z.object({}),
    input: () => ({}),
    back: () => '/admin/profile',
  },
  async (_input, { staff }) => {
    const version = await bumpSessionVersion(staff.id);
    if (version === null) throw new ActionError('Please sign in again.');
    await keepThisSession(version);
    return withNotice('/admin/profile', { notice: 'Every other session has been signed out.' });
  },
);
