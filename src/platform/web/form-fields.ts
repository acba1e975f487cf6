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
