'use client';

import { useActionState } from 'react';
import { updateProfileAction, type ProfileState } from '@/app/admin/profile/actions';

const input = 'w-full rounded-sm border border-current/30 bg-transparent px-3 py-2 aria-[invalid=true]:border-red-700';

export function ProfileForm({ name, bio }: { name: string; bio: string }) {
  const [state, action, pending] = useActionState<ProfileState, FormData>(updateProfileAction, { status: 'idle' });
  const e = state.fieldErrors ?? {};
  const v = { name, bio, ...(state.values ?? {}) };
  const describe = (f: string) => (e[f] ? { 'aria-invalid': true as const, 'aria-describedby': `profile-${f}-error` } : {});
  const error = (f: string) =>
    e[f] && (
      <p id={`profile-${f}-error`} className="text-sm text-red-700 dark:text-red-400">
        {e[f]}
      </p>
    );
  return (
    <form action={action} noValidate className="flex max-w-xl flex-col gap-4">
      <div role="status" aria-live="polite" className="text-sm font-semibold">
        {state.message && <p className={state.status === 'error' ? 'text-red-700 dark:text-red-400' : 'text-green-800 dark:text-green-300'}>{state.message}</p>}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="profile-name" className="text-sm font-semibold">Name</label>
        <input id="profile-name" name="name" defaultValue={v.name} key={`n-${v.name}`} className={input} {...describe('name')} />
        {error('name')}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="profile-bio" className="text-sm font-semibold">Bio</label>
        <textarea id="profile-bio" name="bio" rows={4} defaultValue={v.bio} key={`b-${v.bio}`} className={input} {...describe('bio')} />
        {error('bio')}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="profile-avatar" className="text-sm font-semibold">Portrait</label>
        <input id="profile-avatar" name="avatar" type="file" accept="image/*" className="text-sm" {...describe('avatar')} />
        {error('avatar')}
      </div>
      <fieldset className="flex flex-col gap-3 rounded-sm border border-current/20 p-3">
        <legend className="px-1 text-sm font-semibold">Change password (optional)</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor="profile-currentPassword" className="text-sm">Current password</label>
          <input id="profile-currentPassword" name="currentPassword" type="password" autoComplete="current-password" className={input} {...describe('currentPassword')} />
          {error('currentPassword')}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="profile-newPassword" className="text-sm">New password</label>
          <input id="profile-newPassword" name="newPassword" type="password" autoComplete="new-password" className={input} {...describe('newPassword')} />
          {error('newPassword')}
        </div>
      </fieldset>
      <div>
        <button disabled={pending} className="rounded-sm bg-[var(--color-ink)] px-4 py-2 font-semibold text-[var(--color-paper)]">
          Save profile
        </button>
      </div>
    </form>
  );
}
