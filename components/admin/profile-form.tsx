'use client';

import { useActionState } from 'react';
import { updateProfileAction, type ProfileState } from '@/app/admin/profile/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { wideInputClass } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';

/** `initial`: the answer to a post made without JavaScript, which the page read back (lib/form-result). */
export function ProfileForm({ name, bio, initial }: { name: string; bio: string; initial?: ProfileState }) {
  const [state, action] = useActionState<ProfileState, FormData>(updateProfileAction, initial ?? { status: 'idle' });
  const e = state.fieldErrors ?? {};
  const v = { name, bio, ...(state.values ?? {}) };
  return (
    <form action={action} noValidate className="flex max-w-xl flex-col gap-4">
      <FormMessage state={state} />
      <Field id="profile-name" label="Name" error={e.name}>
        <input name="name" defaultValue={v.name} key={`n-${v.name}`} className={wideInputClass} />
      </Field>
      <Field id="profile-bio" label="Bio" error={e.bio}>
        <textarea name="bio" rows={4} defaultValue={v.bio} key={`b-${v.bio}`} className={wideInputClass} />
      </Field>
      <Field id="profile-avatar" label="Portrait" error={e.avatar}>
        <input name="avatar" type="file" accept="image/*" className="text-sm" />
      </Field>
      <fieldset className="flex flex-col gap-3 rounded-sm border border-current/20 p-3">
        <legend className="px-1 text-sm font-semibold">Change password (optional)</legend>
        <Field id="profile-currentPassword" label="Current password" labelClassName="text-sm" error={e.currentPassword}>
          <input name="currentPassword" type="password" autoComplete="current-password" className={wideInputClass} />
        </Field>
        <Field id="profile-newPassword" label="New password" labelClassName="text-sm" error={e.newPassword}>
          <input name="newPassword" type="password" autoComplete="new-password" className={wideInputClass} />
        </Field>
      </fieldset>
      <div>
        <SubmitButton>Save profile</SubmitButton>
      </div>
    </form>
  );
}
