import type { z } from 'zod';
import { refuse } from '../../../platform/web/form.ts';
import { field } from '../../../platform/web/form-fields.ts';

// Child protection's own field kinds, in the style of platform/web/form.ts: a checkbox that must
// be ticked, and a list typed one item to a line.

/** A single checkbox (`yes`) that must be ticked to go on: confirming something unusual. */
export function confirmed(message: string): z.ZodType<true> {
  return field.transform((value, ctx) => (value === 'yes' ? (true as const) : refuse(ctx, message)));
}

/** A list typed one item to a line (who attended): `text`'s rules, then its non-empty lines, trimmed. */
export const lines = (answer: z.ZodType<string>): z.ZodType<string[]> =>
  answer.transform((value) => value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean));

