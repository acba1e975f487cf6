import { z } from 'zod';
import { CONTROL_CHARACTERS } from '../../platform/web/form-fields.ts';
import { defineForm, text } from '../../platform/web/form.ts';

/**
 * A password as typed: never trimmed or changed (a field kind not in platform/web/form.ts yet).
 * Required, and at most `max` characters.
 */
export const typedPassword = (max: number) =>
  z
    .string()
    .optional()
    .catch(undefined)
    .transform((value, ctx) => {
      const problem = !value ? 'Enter your password' : value.length > max ? `Password must be ${max.toLocaleString('en-GB')} characters or fewer` : undefined;
      if (!problem) return value!;
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    });

/** Signing in with a username and password; `returnTo` is read apart, by `safeReturnTo`, so it can never block sign-in. */
export const signInForm = defineForm({
  username: text('username', { required: true, max: 200, oneLine: true, missing: 'Enter your username' }),
  password: typedPassword(1000),
});

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
