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
