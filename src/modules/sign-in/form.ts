import { z } from 'zod';
import { CONTROL_CHARACTERS } from '../../platform/web/form-fields.ts';


export const signInForm = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'Enter your username')
    .max(200, 'Username must be 200 characters or fewer')
    .refine((v) => !CONTROL_CHARACTERS.test(v), 'Username must only include letters, numbers and punctuation'),
  password: z.string().min(1, 'Enter your password').max(1000, 'Password must be 1,000 characters or fewer'),
});

export const SIGN_IN_FIELDS = ['username', 'password'] as const;

/** Only a path on this site: never `//elsewhere`, `/\elsewhere` or an absolute URL. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000 || !value.startsWith('/') || CONTROL_CHARACTERS.test(value)) return '/';
  // Resolve as a browser would: anything that leaves this origin is refused.
  const base = 'http://this.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/';
  }
  if (url.origin !== base || url.pathname.startsWith('//')) return '/';
  if (/^\/(sign-in|sign-out|signed-out)(\/|$)/.test(url.pathname)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
