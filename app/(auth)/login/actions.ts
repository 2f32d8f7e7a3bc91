'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn, signOut } from '@/auth';
import { SIGN_IN_MESSAGES, SignInSchema } from '@/lib/auth/sign-in-rules';
import { fieldErrorsOf, formValues, type ActionState } from '@/lib/forms';
import { safeReturnPath } from '@/lib/safe-redirect';

export type SignInState = ActionState<{ email: string }>;

/** Signs a staff member in; throttling and the password check live in auth.ts's authorize. */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const raw = formValues(formData, ['email', 'password', 'callbackUrl'] as const);
  const parsed = SignInSchema.safeParse(raw);
  if (!parsed.success) {
    return { status: 'error', message: 'Please correct the marked fields.', fieldErrors: fieldErrorsOf(parsed.error), values: { email: raw.email } };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeReturnPath(raw.callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error instanceof CredentialsSignin ? error.code : '';
      return { status: 'error', message: code === 'throttled' ? SIGN_IN_MESSAGES.throttled : SIGN_IN_MESSAGES.invalid, values: { email: raw.email } };
    }
    throw error; // the redirect after a successful sign-in
  }
  return { status: 'success' };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
