'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from '@/app/(auth)/login/actions';

const inputClass =
  'w-full rounded-sm border border-current/30 bg-transparent px-3 py-2 outline-offset-2 focus:outline-2 focus:outline-[var(--color-accent)] aria-[invalid=true]:border-red-700';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { status: 'idle' });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div role="status" aria-live="polite">
        {state.message && (
          <p className="rounded-sm border border-red-700/50 bg-red-50 px-3 py-2 text-sm font-semibold text-red-800 dark:bg-red-950/40 dark:text-red-300">
            {state.message}
          </p>
        )}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="signin-email" className="text-sm font-semibold">
          Email
        </label>
        <input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values?.email}
          key={state.values?.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? 'signin-email-error' : undefined}
          className={inputClass}
        />
        {errors.email && (
          <p id="signin-email-error" className="text-sm font-semibold text-red-700 dark:text-red-400">
            {errors.email}
          </p>
        )}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="signin-password" className="text-sm font-semibold">
          Password
        </label>
        <input
          id="signin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'signin-password-error' : undefined}
          className={inputClass}
        />
        {errors.password && (
          <p id="signin-password-error" className="text-sm font-semibold text-red-700 dark:text-red-400">
            {errors.password}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="rounded-sm bg-[var(--color-ink)] px-5 py-2.5 font-semibold text-[var(--color-paper)] disabled:opacity-60">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
