'use client';

import { useActionState } from 'react';
import { createStaffAction, updateStaffAction, type StaffFormState } from '@/app/admin/users/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { inputClass, smallButton } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/forms';

const ROLES = ['admin', 'editor', 'author', 'moderator'] as const;

// `initial` on each form: the answer to a post made without JavaScript, read back by the page (lib/form-result).

export function NewStaffForm({ initial }: { initial?: StaffFormState }) {
  const [state, action] = useActionState<StaffFormState, FormData>(createStaffAction, initial ?? { status: 'idle' });
  const e = state.fieldErrors ?? {};
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const field = (name: 'email' | 'name' | 'password', label: string, type = 'text') => (
    <Field id={`staff-${name}`} label={label} error={e[name]}>
      <input
        name={name}
        type={type}
        // A refused password is never sent back.
        defaultValue={name === 'password' ? undefined : (v as Record<string, string>)[name]}
        key={`${name}-${state.message ?? ''}`}
        className={inputClass}
      />
    </Field>
  );
  return (
    <form action={action} noValidate className="flex flex-col gap-3 rounded-sm border border-current/20 p-4">
      <h2 className="font-serif text-xl font-bold">Add a staff member</h2>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        {field('name', 'Name')}
        {field('email', 'Email', 'email')}
        <Field id="staff-role" label="Role" error={e.role}>
          <select name="role" defaultValue={v.role ?? 'author'} className={inputClass}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        {field('password', 'Password', 'password')}
      </div>
      <div>
        <SubmitButton>Create account</SubmitButton>
      </div>
    </form>
  );
}

export function StaffRowForm({ id, name, role, disabled, initial }: { id: number; name: string; role: string; disabled: boolean; initial?: ActionState }) {
  const [state, action] = useActionState<ActionState, FormData>(updateStaffAction, initial ?? { status: 'idle' });
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="id" value={id} />
      <label className="sr-only" htmlFor={`role-${id}`}>
        Role for {name}
      </label>
      <select id={`role-${id}`} name="role" defaultValue={role} className={inputClass}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <SubmitButton className={smallButton} aria-label={`Save role for ${name}`}>
        Save role
      </SubmitButton>
      <SubmitButton name="disabled" value={disabled ? 'false' : 'true'} className={smallButton} aria-label={`${disabled ? 'Enable' : 'Disable'} ${name}`}>
        {disabled ? 'Enable' : 'Disable'}
      </SubmitButton>
      <label className="sr-only" htmlFor={`password-${id}`}>
        New password for {name}
      </label>
      <input id={`password-${id}`} name="password" type="password" autoComplete="new-password" placeholder="New password" className={inputClass} />
      <SubmitButton className={smallButton} aria-label={`Reset password for ${name}`}>
        Reset password
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
