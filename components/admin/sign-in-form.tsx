'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from '@/app/(auth)/login/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { wideInputClass } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';

/** `initial`: the answer to a sign-in posted without JavaScript, read back by the page (lib/form-result). */
export function SignInForm({ callbackUrl, initial }: { callbackUrl: string; initial?: SignInState }) {
  const [state, action] = useActionState<SignInState, FormData>(signInAction, initial ?? { status: 'idle' });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage state={state} />
      <Field id="signin-email" label="Email" error={errors.email}>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values?.email}
          key={state.values?.email}
          className={wideInputClass}
        />
      </Field>
      <Field id="signin-password" label="Password" error={errors.password}>
        <input name="password" type="password" autoComplete="current-password" required className={wideInputClass} />
      </Field>
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
