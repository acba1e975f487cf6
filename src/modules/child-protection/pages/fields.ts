import { z } from 'zod';
import { date, type Form } from '../../../platform/web/form.ts';
import { field } from '../../../platform/web/form-fields.ts';

// Field kinds the platform's form helper (platform/web/form.ts) does not have yet, written here in
// its style so they can move there: a checkbox that must be ticked, a date with a latest day, and
// a list typed one item to a line.

/** One problem with a field's answer: the field reports it and stops. */
function refuse(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

/** A single checkbox (`yes`) that must be ticked to go on: confirming something unusual. */
export function confirmed(message: string): z.ZodType<true> {
  return field.transform((value, ctx) => (value === 'yes' ? (true as const) : refuse(ctx, message)));
}

/** A list typed one item to a line (who attended): `text`'s rules, then its non-empty lines, trimmed. */
export const lines = (answer: z.ZodType<string>): z.ZodType<string[]> =>
  answer.transform((value) => value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean));

/**
 * `date`, and before a latest day (the day a young person turns 25), with that rule's own message.
 * Its three inputs are read as one answer by `readingDates`, which the form must be wrapped in.
 */
export function dateBefore(label: string, options: Parameters<typeof date>[1], latest: { date: string; message: string }): z.ZodType<string> {
  const asDate = date(label, options);
  return z.unknown().transform((parts, ctx) => {
    const parsed = asDate.safeParse(parts);
    if (!parsed.success) return refuse(ctx, parsed.error.issues[0]?.message ?? `Enter the date ${label}`);
    return parsed.data >= latest.date ? refuse(ctx, latest.message) : parsed.data;
  });
}

/** A form whose named dates are read whole from their three inputs (`name-day`, `name-month`, `name-year`): for `dateBefore`. */
export function readingDates<T>(form: Form<T>, names: readonly string[]): Form<T> {
  const schema = z.preprocess((body) => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
    const values = body as Record<string, unknown>;
    return { ...values, ...Object.fromEntries(names.map((n) => [n, { day: values[`${n}-day`], month: values[`${n}-month`], year: values[`${n}-year`] }])) };
  }, form);
  return Object.assign(schema, { fields: form.fields });
}
