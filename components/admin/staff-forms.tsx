'use client';

import { useActionState } from 'react';
import { createStaffAction, updateStaffAction, type StaffFormState } from '@/app/admin/users/actions';
import type { ActionState } from '@/lib/forms';

const input = 'rounded-sm border border-current/30 bg-transparent px-2 py-1 aria-[invalid=true]:border-red-700';
const ROLES = ['admin', 'editor', 'author', 'moderator'] as const;

function Message({ state }: { state: ActionState }) {
  return (
    <div role="status" aria-live="polite" className="text-sm font-semibold">
      {state.message && <p className={state.status === 'error' ? 'text-red-700 dark:text-red-400' : 'text-green-800 dark:text-green-300'}>{state.message}</p>}
    </div>
  );
}

export function NewStaffForm() {
  const [state, action, pending] = useActionState<StaffFormState, FormData>(createStaffAction, { status: 'idle' });
  const e = state.fieldErrors ?? {};
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const field = (name: 'email' | 'name' | 'password', label: string, type = 'text') => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`staff-${name}`} className="text-sm font-semibold">
        {label}
      </label>
      <input
        id={`staff-${name}`}
        name={name}
        type={type}
        defaultValue={name === 'password' ? undefined : (v as Record<string, string>)[name]}
        key={`${name}-${state.message ?? ''}`}
        aria-invalid={e[name] ? true : undefined}
        aria-describedby={e[name] ? `staff-${name}-error` : undefined}
        className={input}
      />
      {e[name] && (
        <p id={`staff-${name}-error`} className="text-sm text-red-700 dark:text-red-400">
          {e[name]}
        </p>
      )}
    </div>
  );
  return (
    <form action={action} noValidate className="flex flex-col gap-3 rounded-sm border border-current/20 p-4">
      <h2 className="font-serif text-xl font-bold">Add a staff member</h2>
      <Message state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        {field('name', 'Name')}
        {field('email', 'Email', 'email')}
        <div className="flex flex-col gap-1">
          <label htmlFor="staff-role" className="text-sm font-semibold">
            Role
          </label>
          <select id="staff-role" name="role" defaultValue={v.role ?? 'author'} className={input}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        {field('password', 'Password', 'password')}
      </div>
      <div>
        <button disabled={pending} className="rounded-sm bg-[var(--color-ink)] px-4 py-2 font-semibold text-[var(--color-paper)]">
          Create account
        </button>
      </div>
    </form>
  );
}

export function StaffRowForm({ id, name, role, disabled }: { id: number; name: string; role: string; disabled: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateStaffAction, { status: 'idle' });
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="id" value={id} />
      <label className="sr-only" htmlFor={`role-${id}`}>
        Role for {name}
      </label>
      <select id={`role-${id}`} name="role" defaultValue={role} className={input}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button disabled={pending} className="rounded-sm border border-current/40 px-2 py-1 font-semibold" aria-label={`Save role for ${name}`}>
        Save role
      </button>
      <button
        name="disabled"
        value={disabled ? 'false' : 'true'}
        disabled={pending}
        className="rounded-sm border border-current/40 px-2 py-1 font-semibold"
        aria-label={`${disabled ? 'Enable' : 'Disable'} ${name}`}
      >
        {disabled ? 'Enable' : 'Disable'}
      </button>
      <label className="sr-only" htmlFor={`password-${id}`}>
        New password for {name}
      </label>
      <input id={`password-${id}`} name="password" type="password" autoComplete="new-password" placeholder="New password" className={input} />
      <button disabled={pending} className="rounded-sm border border-current/40 px-2 py-1 font-semibold" aria-label={`Reset password for ${name}`}>
        Reset password
      </button>
      <Message state={state} />
    </form>
  );
}
