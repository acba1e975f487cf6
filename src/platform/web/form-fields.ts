import { LocalDate } from '@js-joda/core';
import { z } from 'zod';

/** Control characters never belong in a one-line field (and PostgreSQL refuses NUL in text). */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** In free text, tabs and new lines are fine; other control characters are not. */
export const CONTROL_CHARACTERS_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export type DateInput = { kind: 'empty' } | { kind: 'incomplete' } | { kind: 'invalid' } | { kind: 'too_early' } | { kind: 'date'; date: LocalDate };

/** No date the service records is before this year (and PostgreSQL has no year 0). */
export const EARLIEST_YEAR = 1900;

/**
 * The day, month and year boxes of a GOV.UK date input, read as a calendar date: all empty,
 * some missing, not a real date (31 2 2015, a two-digit year, letters), or a date.
 */
export function readDateInput(day: string | undefined, month: string | undefined, year: string | undefined): DateInput {
  const parts = [day, month, year];
  if (!parts.some(Boolean)) return { kind: 'empty' };
  if (!parts.every(Boolean)) return { kind: 'incomplete' };
  if (!parts.every((p) => /^\d+$/.test(p!)) || year!.length !== 4) return { kind: 'invalid' };
  let date: LocalDate;
  try {
    date = LocalDate.of(Number(year), Number(month), Number(day));
  } catch {
    return { kind: 'invalid' };
  }
  return date.year() < EARLIEST_YEAR ? { kind: 'too_early' } : { kind: 'date', date };
}

/** Reports a problem with one field of a form (a Zod transform's ctx.addIssue, by path). */
export type Problem = (path: string, message: string) => void;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A typed answer: required or not, at most `max` characters, on one line or many, with the
 * GOV.UK wording for each problem ("Enter the reasons", "Reasons must be 5,000 characters or fewer").
 */
export function textAnswer(problem: Problem, value: string | undefined, path: string, label: string, { required = false, max = 5000, oneLine = false } = {}): string | undefined {
  if (!value) {
    if (required) problem(path, `Enter ${label}`);
    return undefined;
  }
  if (value.length > max) problem(path, `${capitalise(label)} must be ${max.toLocaleString('en-GB')} characters or fewer`);
  else if ((oneLine ? CONTROL_CHARACTERS : CONTROL_CHARACTERS_EXCEPT_LINES).test(value)) problem(path, `${capitalise(label)} must only include letters, numbers and punctuation`);
  return value;
}

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): invisible,
 * nobody types them, and they make a name display as something other than what is stored
 * ("Ali\u202Eecila" shows as "Aliailce"). Removed from every field. The left-to-right and
 * right-to-left marks stay: writing in Arabic, Hebrew or Urdu uses them, and they reorder nothing.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** A text field as a form sends it: trimmed, without bidirectional controls, or undefined when missing. */
export const field = z
  .string()
  .transform((value) => value.replace(BIDI_CONTROLS, '').trim())
  .optional()
  .catch(undefined);

/** A field that may come once or repeated (checkboxes): always a list. */
export const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .catch([]);

/** The three fields of a GOV.UK date input named `name`. */
export const dateFields = (name: string) => ({ [`${name}-day`]: field, [`${name}-month`]: field, [`${name}-year`]: field });

/** A yes/no radio: true, false, or undefined when not answered. */
export const yesNo = (value: string | undefined) => (value === 'yes' ? true : value === 'no' ? false : undefined);

/** A date from a GOV.UK date input that must be on or after `earliest` and not after today. */
export function pastDate(problem: Problem, form: Record<string, unknown>, name: string, label: string, today: LocalDate, earliest?: { date: string; says: string }): string | undefined {
  const read = readDateInput(form[`${name}-day`] as string | undefined, form[`${name}-month`] as string | undefined, form[`${name}-year`] as string | undefined);
  if (read.kind === 'empty') problem(name, `Enter the date ${label}`);
  else if (read.kind === 'incomplete') problem(name, `The date ${label} must include a day, month and year`);
  else if (read.kind === 'invalid') problem(name, `The date ${label} must be a real date, like 3 3 2026`);
  else if (read.kind === 'too_early') problem(name, `The date ${label} must be in ${EARLIEST_YEAR} or later`);
  else if (read.date.isAfter(today)) problem(name, `The date ${label} must be today or in the past`);
  else if (earliest && read.date.toString() < earliest.date) problem(name, `The date ${label} must be on or after ${earliest.says}`);
  else return read.date.toString();
  return undefined;
}

/** The largest version a record can reach (its column is a 32-bit integer). */
const MAX_VERSION = 2_147_483_647;

/**
 * The version of a record a form was opened at, from its hidden field: a whole number that fits
 * the column, or undefined for anything else (letters, NaN, 1e308, 2147483648, twenty digits).
 */
export function readVersion(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,10}$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  return n <= MAX_VERSION ? n : undefined;
}

/** A form's version field: refused at the field (nothing saved) unless `readVersion` can read it. */
export const versionField = z.unknown().transform((value, ctx) => {
  const version = readVersion(value);
  if (version === undefined) {
    ctx.addIssue({ code: 'custom', message: 'This form has expired: open the page again and make your change' });
    return z.NEVER;
  }
  return version;
});
