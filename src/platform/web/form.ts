import type { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import { formatDate } from './views.ts';
import { CONTROL_CHARACTERS, CONTROL_CHARACTERS_EXCEPT_LINES, EARLIEST_YEAR, field, list, readDateInput, readVersion } from './form-fields.ts';

/**
 * Declarative forms. A form is its fields in page order, each a Zod schema carrying its own
 * GOV.UK message; every field is checked and every problem reported at once, in that order.
 * A field whose rule depends on an earlier answer ("required when sharing") is written as a
 * function of the answers before it. The form is a Zod schema itself, so its type comes from
 * `z.infer`, and it carries `fields`, its field names in page order, for the error summary.
 *
 *   const issueForm = (today: LocalDate) => defineForm({
 *     issued: date('the application was issued', { today }),
 *     court: text('the court', { required: true, max: 200, oneLine: true }),
 *     application: choice(APPLICATIONS, 'Select the application'),
 *   });
 */

/** The answers to the fields before this one: each is its parsed value, or undefined if it had a problem. */
export type Earlier = Readonly<Record<string, unknown>>;

type FieldSpec = z.ZodType | ((earlier: Earlier) => z.ZodType);
type Fields = Record<string, FieldSpec>;
type Output<S extends FieldSpec> = S extends z.ZodType ? z.output<S> : S extends (earlier: Earlier) => infer Z ? (Z extends z.ZodType ? z.output<Z> : never) : never;

/** A parsed form: the fields' answers by name. */
export type Answers<F extends Fields> = { [K in keyof F]: Output<F[K]> };

export type Form<T> = z.ZodType<T> & { readonly fields: readonly string[] };

/** How a field reads its answer from the form sent, when it is not the one input of its name. */
type Reader = (body: Readonly<Record<string, unknown>>, name: string) => unknown;
const READERS = new WeakMap<z.ZodType, Reader>();

function read(body: Record<string, unknown>, name: string, schema: z.ZodType): unknown {
  const reader = READERS.get(schema);
  return reader ? reader(body, name) : body[name];
}

/**
 * A field whose answer comes from more than one input of the page (a phone number read with the
 * email address beside it): `reader` gathers them from the whole form for the field's schema.
 */
export function readFrom<S extends z.ZodType>(reader: Reader, schema: S): S {
  READERS.set(schema, reader);
  return schema;
}

/** The three boxes of the GOV.UK date input named `name` (`name-day`, `name-month`, `name-year`). */
export const dateInputParts: Reader = (body, name) => ({ day: body[`${name}-day`], month: body[`${name}-month`], year: body[`${name}-year`] });

/** The three boxes of a date input as a field reads them (trimmed; anything but text is missing). */
export const dateParts = z.object({ day: field, month: field, year: field }).catch({ day: undefined, month: undefined, year: undefined });

/** A field read from a GOV.UK date input's three boxes, as `{ day, month, year }` (`dateParts`). */
export const fromDateInput = <S extends z.ZodType>(schema: S): S => readFrom(dateInputParts, schema);

/** A form: its fields in page order. Everything else a request sends is ignored. */
export function defineForm<F extends Fields>(fields: F): Form<Answers<F>> {
  const names = Object.keys(fields);
  const schema = z
    .unknown()
    .transform((body, ctx) => {
      const values = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
      const answers: Record<string, unknown> = {};
      let complete = true;
      for (const name of names) {
        const spec = fields[name]!;
        const fieldSchema = typeof spec === 'function' ? spec(answers) : spec;
        const parsed = fieldSchema.safeParse(read(values, name, fieldSchema));
        if (parsed.success) answers[name] = parsed.data;
        else {
          complete = false;
          answers[name] = undefined;
          ctx.addIssue({ code: 'custom', path: [name], message: parsed.error.issues[0]?.message ?? 'There is a problem with this answer' });
        }
      }
      return complete ? (answers as Answers<F>) : z.NEVER;
    });
  return Object.assign(schema, { fields: names });
}

/** One problem with a field's answer: the field's schema reports it and stops. */
export function refuse(ctx: z.RefinementCtx, message: string) {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface TextOptions {
  max?: number;
  oneLine?: boolean;
  /** "Enter {label}" when missing; a different message when the label does not read that way. */
  missing?: string;
}

/**
 * A typed answer, trimmed: at most `max` characters, on one line or many, with the GOV.UK
 * wording for each problem ("Enter the reasons", "Reasons must be 5,000 characters or fewer").
 */
export function text(label: string, options: TextOptions & { required: true }): z.ZodType<string>;
export function text(label: string, options?: TextOptions & { required?: boolean }): z.ZodType<string | undefined>;
export function text(label: string, { required = false, max = 5000, oneLine = false, missing }: TextOptions & { required?: boolean } = {}): z.ZodType<string | undefined> {
  return field.transform((value, ctx): string | undefined => {
    if (!value) return required ? refuse(ctx, missing ?? `Enter ${label}`) : undefined;
    if (value.length > max) return refuse(ctx, `${capitalise(label)} must be ${max.toLocaleString('en-GB')} characters or fewer`);
    if ((oneLine ? CONTROL_CHARACTERS : CONTROL_CHARACTERS_EXCEPT_LINES).test(value)) return refuse(ctx, `${capitalise(label)} must only include letters, numbers and punctuation`);
    return value;
  });
}

/** One answer from a code table (`{ code: label }`): the answer is the code. */
export function choice<K extends string>(codes: Readonly<Record<K, string>> | readonly K[], message: string): z.ZodType<K> {
  const values = (Array.isArray(codes) ? codes : Object.keys(codes)) as K[];
  return field.transform((value, ctx) => ((values as string[]).includes(value ?? '') ? (value as K) : refuse(ctx, message)));
}

/** An answer from a code table that may be left unanswered. Something not in the table is refused. */
export function optionalChoice<K extends string>(codes: Readonly<Record<K, string>> | readonly K[], message: string): z.ZodType<K | undefined> {
  const values = (Array.isArray(codes) ? codes : Object.keys(codes)) as K[];
  return field.transform((value, ctx) => (!value ? undefined : (values as string[]).includes(value) ? (value as K) : refuse(ctx, message)));
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The id of someone or something chosen from a list the page offered: a well-formed id (the service checks it was offered). */
export const chosenId = (message: string): z.ZodType<string> => field.transform((value, ctx) => (value && ID.test(value) ? value : refuse(ctx, message)));

/** Ids ticked from a list the page offered, each once (the service checks each was offered). */
export const chosenIds = (message: string): z.ZodType<string[]> =>
  list.transform((ids, ctx) => {
    const unique = [...new Set(ids)];
    return unique.some((id) => !ID.test(id)) ? refuse(ctx, message) : unique;
  });

/** Yes and no, as a page's options for `choiceItems`. */
export const YES_NO_OPTIONS = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
] as const;

/** A yes/no radio that may be left unanswered (a draft). */
export const optionalYesNo: z.ZodType<boolean | undefined> = field.transform((value) => (value === 'yes' ? true : value === 'no' ? false : undefined));

/** A yes/no radio (`yes` or `no`) as true or false. */
export function yesNo(message: string): z.ZodType<boolean> {
  return field.transform((value, ctx) => (value === 'yes' ? true : value === 'no' ? false : refuse(ctx, message)));
}

/** Checkboxes from a code table: the codes ticked (anything else sent is dropped), at least `min` of them. */
export function checkboxes<K extends string>(codes: Readonly<Record<K, string>> | readonly K[], { min = 0, message = '' } = {}): z.ZodType<K[]> {
  const values = (Array.isArray(codes) ? codes : Object.keys(codes)) as string[];
  return list.transform((ticked, ctx) => {
    const chosen = [...new Set(ticked.filter((v) => values.includes(v)))] as K[];
    return chosen.length < min ? refuse(ctx, message) : chosen;
  });
}

interface DateOptions {
  /** Today in England: the date may not be after it. */
  today: LocalDate;
  /** The earliest date allowed, and how to say it ("the referral"): "must be on or after the referral (3 March 2026)". */
  earliest?: { date: string; what: string };
  /** A day the date must come before, with the rule's own message (a plan only for a young person under 25). */
  before?: { date: string; message: string };
  /** How later messages name the date, when not "The date {label}": "Date of birth". */
  called?: string;
}

/**
 * A date from a GOV.UK date input (`name-day`, `name-month`, `name-year`), as an ISO date, not
 * after today and not before `earliest`. `label` completes "Enter the date …": "of the hearing",
 * "the letter was sent".
 */
export function date(label: string, { today, earliest, before, called = `The date ${label}` }: DateOptions): z.ZodType<string> {
  const schema = dateParts.transform((parts, ctx) => {
    const read = readDateInput(parts.day, parts.month, parts.year);
    if (read.kind === 'empty') return refuse(ctx, `Enter the date ${label}`);
    if (read.kind === 'incomplete') return refuse(ctx, `${called} must include a day, month and year`);
    if (read.kind === 'invalid') return refuse(ctx, `${called} must be a real date, like 3 3 2026`);
    if (read.kind === 'too_early') return refuse(ctx, `${called} must be in ${EARLIEST_YEAR} or later`);
    if (read.date.isAfter(today)) return refuse(ctx, `${called} must be today or in the past`);
    const iso = read.date.toString();
    if (earliest && iso < earliest.date) return refuse(ctx, `${called} must be on or after ${earliest.what} (${formatDate(earliest.date)})`);
    if (before && iso >= before.date) return refuse(ctx, before.message);
    return iso;
  });
  return fromDateInput(schema);
}

/** The version of the record the form was opened at (a hidden field): anything else means the form has expired. */
export function version(): z.ZodType<number> {
  return z.unknown().transform((value, ctx) => readVersion(value) ?? refuse(ctx, 'This form has expired: open the page again and make your change'));
}

/** A field this form does not ask for now (its rule depends on an earlier answer): always undefined. */
export const notAsked = z.unknown().transform(() => undefined);
