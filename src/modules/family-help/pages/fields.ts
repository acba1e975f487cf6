import type { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import { date, defineForm, refuse, yesNo, type Form } from '../../../platform/web/form.ts';
import { field, readVersion } from '../../../platform/web/form-fields.ts';
import { formatDate } from '../../../platform/web/views.ts';

/**
 * Field kinds and form rules the case's forms need that `platform/web/form.ts` does not have yet
 * (each small, in the same style, to move to the platform when another module needs one).
 */

/** "Was the child seen alone?": not "yes" when the child was not seen at all (the earlier answer). */
export const seenAlone = (childSeen: unknown): z.ZodType<boolean> =>
  yesNo('Select whether the child was seen alone').transform((alone, ctx) =>
    alone && childSeen === false ? refuse(ctx, 'Select ‘No’ if the child was not seen at all, or change ‘Was the child seen?’ to ‘Yes’') : alone,
  );

/** The version of a record a form was opened at, where a new record has none: unreadable reads as 0, which is stale for any saved record. */
export const versionOrNew: z.ZodType<number> = z.unknown().transform((value) => readVersion(value) ?? 0);

/** Longest a form can be open and still count as recording time: beyond it, the form was left open. */
const MAX_RECORDING_SECONDS = 2 * 60 * 60;

/** When the form was shown (a hidden field, milliseconds), as the seconds spent recording by `now`: 0 if unreadable, at most two hours. */
export const recordingSeconds = (now: Date): z.ZodType<number> =>
  field.transform((value) => {
    const openedAt = Number(value);
    return Number.isFinite(openedAt) ? Math.min(MAX_RECORDING_SECONDS, Math.max(0, Math.round((now.getTime() - openedAt) / 1000))) : 0;
  });

/** An amount of money in pounds and pence ("25.50", "£1,250"), as pence: more than £0 and under a million pounds. */
export const amountInPence: z.ZodType<number> = field.transform((value, ctx) => {
  const typed = (value ?? '').replace(/^£/, '');
  // Commas only where they separate thousands: "12,34,56" is a typing slip, not £123,456.
  const raw = /^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(typed) ? typed.replace(/,/g, '') : typed;
  if (!raw) return refuse(ctx, 'Enter the amount, like 25.50');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(raw)) return refuse(ctx, 'Amount must be in pounds and pence, like 25.50 or 1,250.00');
  const pence = Math.round(Number(raw) * 100);
  return pence === 0 ? refuse(ctx, 'Amount must be more than £0') : pence;
});

/** A problem a rule over the whole form finds: the field it is on, and its message. */
export type Problem = readonly [field: string, message: string];

/**
 * A form with rules that look at later answers too, which a field's own schema cannot (a field
 * sees only the answers before it): "at least one goal" is on the first goal and looks at all
 * five. Every field is still checked and every problem reported at once; a rule's problem on a
 * field that already has one is not shown. Rules read what they need from what was sent
 * (`sent`, `answerTo`).
 */
export function withRules<T>(form: Form<T>, rules: (body: Readonly<Record<string, unknown>>) => readonly Problem[]): Form<T> {
  const schema = z.unknown().transform((body, ctx) => {
    const values = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const parsed = form.safeParse(values);
    const problems = rules(values);
    for (const issue of parsed.error?.issues ?? []) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    for (const [path, message] of problems) ctx.addIssue({ code: 'custom', path: [path], message });
    return parsed.success && problems.length === 0 ? parsed.data : z.NEVER;
  });
  return Object.assign(schema, { fields: form.fields });
}

/** Whether a field was filled in (anything but spaces), whatever else is wrong with it. */
export const sent = (body: Readonly<Record<string, unknown>>, name: string) => Boolean(field.parse(body[name]));

/** One field's answer on its own, or undefined if it has a problem. */
export function answerTo<S extends z.ZodType>(body: Readonly<Record<string, unknown>>, name: string, schema: S): z.output<S> | undefined {
  const parsed = defineForm({ [name]: schema }).safeParse(body);
  return parsed.success ? parsed.data[name] : undefined;
}

/**
 * A date on or after a day that is named by its date alone ("must be on or after 21 March 2026"),
 * where the platform's `date` names what the day was ("on or after the referral (…)"): the date's
 * field is `date(label, { today })`, and this rule checks the earliest day.
 */
export const onOrAfter =
  (name: string, label: string, today: LocalDate, earliest: string) =>
  (body: Readonly<Record<string, unknown>>): Problem[] => {
    const given = answerTo(body, name, date(label, { today }));
    return given !== undefined && given < earliest ? [[name, `The date ${label} must be on or after ${formatDate(earliest)}`]] : [];
  };
