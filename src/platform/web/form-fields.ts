import { LocalDate } from '@js-joda/core';

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
