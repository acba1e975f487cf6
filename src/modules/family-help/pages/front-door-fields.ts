import type { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import { EARLIEST_YEAR, field, readDateInput } from '../../../platform/web/form-fields.ts';
import { refuse, text } from '../../../platform/web/form.ts';

/**
 * The front door's own field kinds, in the style of platform/web/form.ts: a postcode, a phone
 * number (read with the email address beside it), an email address, an optional date of birth
 * with its own limits (read from its date input), and a record id.
 */

/** A UK postcode, as typed: letters and digits in the shape of one. */
export const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;

/** A postcode as the record holds it: capitals, one space before the last three ("db14ab" is "DB1 4AB"). */
export const normalisePostcode = (postcode: string) => postcode.toUpperCase().replace(/^(.+?)\s*(\d[A-Z]{2})$/, '$1 $2');

/** A postcode (at most 8 characters, in the shape of one), normalised. */
export function postcode(options: { required: true }): z.ZodType<string>;
export function postcode(options?: { required?: boolean }): z.ZodType<string | undefined>;
export function postcode({ required = false }: { required?: boolean } = {}): z.ZodType<string | undefined> {
  return text('the postcode', { required, max: 8, oneLine: true }).transform((value, ctx) =>
    value === undefined ? undefined : POSTCODE.test(value) ? normalisePostcode(value) : refuse(ctx, 'Enter a real postcode, like DB1 4AB'),
  );
}

const PHONE = /^[+\d][\d ()-]{6,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An optional phone number, read with the email address beside it (gathered as `{ phone, email }`):
 * when `neither` is given, one of the two is needed and `neither` says so.
 */
export function phoneNumber({ neither }: { neither?: string } = {}): z.ZodType<string | undefined> {
  const phone = text('a phone number', { max: 20, oneLine: true });
  return z.object({ phone: field, email: field }).transform((inputs, ctx) => {
    if (neither && !inputs.phone && !inputs.email) return refuse(ctx, neither);
    const parsed = phone.safeParse(inputs.phone);
    if (!parsed.success) return refuse(ctx, parsed.error.issues[0]!.message);
    return parsed.data && !PHONE.test(parsed.data) ? refuse(ctx, 'Enter a phone number, like 01632 960 001 or 07700 900 982') : parsed.data;
  });
}

/** An optional email address (at most 254 characters, in the shape of one). */
export const emailAddress = (): z.ZodType<string | undefined> =>
  text('an email address', { max: 254, oneLine: true }).transform((value, ctx) =>
    value && !EMAIL.test(value) ? refuse(ctx, 'Enter an email address in the correct format, like name@example.com') : value,
  );

interface DateOfBirthRules {
  /** When some boxes are filled in and others not. */
  incomplete: string;
  /** The latest date allowed, and what to say after it. */
  latest: { date: LocalDate; message: string };
  /** The earliest date allowed (beyond the year 1900), and what to say before it. */
  earliest?: { date: LocalDate; message: string };
}

/** An optional date of birth from a GOV.UK date input (read with `fromDateInput`), as an ISO date. */
export function dateOfBirth({ incomplete, latest, earliest }: DateOfBirthRules): z.ZodType<string | undefined> {
  return z.object({ day: field, month: field, year: field }).transform((parts, ctx) => {
    const read = readDateInput(parts.day, parts.month, parts.year);
    if (read.kind === 'empty') return undefined;
    if (read.kind === 'incomplete') return refuse(ctx, incomplete);
    if (read.kind === 'invalid') return refuse(ctx, 'Date of birth must be a real date, like 3 3 2015');
    if (read.kind === 'too_early') return refuse(ctx, `Date of birth must be in ${EARLIEST_YEAR} or later`);
    if (read.date.isAfter(latest.date)) return refuse(ctx, latest.message);
    if (earliest && read.date.isBefore(earliest.date)) return refuse(ctx, earliest.message);
    return read.date.toString();
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A record chosen from a list, or `new` for someone not yet recorded. */
export const recordIdOrNew = (message: string): z.ZodType<string> => field.transform((value, ctx) => (value === 'new' || (value && UUID.test(value)) ? value : refuse(ctx, message)));

/** A choice of record not asked for yet (the likely matches come later): a record id, `new`, or unset. */
export const recordIdOrNewIfChosen: z.ZodType<string | undefined> = field.transform((value) => (value === 'new' || (value && UUID.test(value)) ? value : undefined));
