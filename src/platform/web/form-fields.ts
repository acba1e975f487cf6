import { LocalDate } from '@js-joda/core';
import { z } from 'zod';

/** Control characters never belong in a one-line field (and PostgreSQL refuses NUL in text). */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** In free text, tabs and new lines are fine; other control characters are not. */
export const CONTROL_CHARACTERS_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export type DateInput = { kind: 'empty' } | { kind: 'incomplete' } | { kind: 'invalid' } | { kind: 'date'; date: LocalDate };

/**
 * The day, month and year boxes of a GOV.UK date input, read as a calendar date: all empty,
 * some missing, not a real date (31 2 2015, a two-digit year, letters), or a date.
 */
export function readDateInput(day: string | undefined, month: string | undefined, year: string | undefined): DateInput {
  const parts = [day, month, year];
  if (!parts.some(Boolean)) return { kind: 'empty' };
  if (!parts.every(Boolean)) return { kind: 'incomplete' };
  if (!parts.every((p) => /^\d+$/.test(p!)) || year!.length !== 4) return { kind: 'invalid' };
  try {
    return { kind: 'date', date: LocalDate.of(Number(year), Number(month), Number(day)) };
  } catch {
    return { kind: 'invalid' };
  }
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

/** A text field as a form sends it: trimmed, or undefined when missing. */
export const field = z.string().trim().optional().catch(undefined);

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
  else if (read.date.isAfter(today)) problem(name, `The date ${label} must be today or in the past`);
  else if (earliest && read.date.toString() < earliest.date) problem(name, `The date ${label} must be on or after ${earliest.says}`);
  else return read.date.toString();
  return undefined;
}
