'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn, signOut } from '@/auth';
import { SIGN_IN_MESSAGES, SignInSchema } from '@/lib/auth/sign-in-rules';
import { answerPlainPost } from '@/lib/form-result-server';
import { fieldErrorsOf, formValues, type ActionState } from '@/lib/forms';
import { safeReturnPath } from '@/lib/safe-redirect';

export type SignInState = ActionState<{ email: string }>;

/** Signs a staff member in; throttling and the password check live in auth.ts's authorize. */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const raw = formValues(formData, ['email', 'password', 'callbackUrl'] as const);
  const callbackUrl = safeReturnPath(raw.callbackUrl);
  // Without JavaScript the answer goes back to the sign-in page, which shows it (lib/form-result).
  const refuse = async (state: SignInState) => {
    await answerPlainPost(state, 'sign-in', `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    return state;
  };
  const parsed = SignInSchema.safeParse(raw);
  if (!parsed.success) {
    return refuse({
      status: 'error',
      message: 'Please correct the marked fields.',
      fieldErrors: fieldErrorsOf(parsed.error),
      values: { email: raw.email.slice(0, 254) },
    });
  }
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: callbackUrl });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error instanceof CredentialsSignin ? error.code : '';
      return refuse({
        status: 'error',
        message: code === 'throttled' ? SIGN_IN_MESSAGES.throttled : SIGN_IN_MESSAGES.invalid,
        values: { email: raw.email.slice(0, 254) },
      });
    }
    throw error; // the redirect after a successful sign-in
  }
  return { status: 'success' };
}

/** Signs out: the session ends on the server too (auth.ts's signOut event revokes it). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
