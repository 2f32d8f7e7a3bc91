import { z } from 'zod';

export const SIGN_IN_WINDOW_MINUTES = 15;
export const SIGN_IN_MAX_FAILURES = 5;

export const SignInSchema = z.object({
  email: z.string().trim().min(1, 'Please enter your email address.').max(254).pipe(z.email('Please enter a valid email address.')).transform((v) => v.toLowerCase()),
  password: z.string().min(1, 'Please enter your password.').max(500, 'That password is too long.'),
});

export const SIGN_IN_MESSAGES = {
  invalid: 'That email and password do not match an active staff account.',
  throttled: `Too many failed sign-in attempts. Please wait ${SIGN_IN_WINDOW_MINUTES} minutes and try again.`,
} as const;
