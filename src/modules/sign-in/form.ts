import { z } from 'zod';

// Control characters (including NUL, which PostgreSQL refuses in text) never belong in a username.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export const signInForm = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'Enter your username')
    .max(200, 'Username must be 200 characters or fewer')
    .refine((v) => !CONTROL_CHARACTERS.test(v), 'Username must only include letters, numbers and punctuation'),
  password: z.string().min(1, 'Enter your password').max(1000, 'Password must be 1,000 characters or fewer'),
  returnTo: z.string().max(2000).optional(),
});

export const SIGN_IN_FIELDS = ['username', 'password'] as const;

/** Only a path on this site: never `//elsewhere`, `/\elsewhere` or an absolute URL. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/sign-in') || value.startsWith('/sign-out')) return '/';
  return value;
}
