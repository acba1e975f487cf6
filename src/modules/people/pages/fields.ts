import type { LocalDate } from '@js-joda/core';
import type { z } from 'zod';
import { CONTROL_CHARACTERS, CONTROL_CHARACTERS_EXCEPT_LINES, EARLIEST_YEAR, field, readDateInput } from '../../../platform/web/form-fields.ts';
import { dateParts, fromDateInput, refuse } from '../../../platform/web/form.ts';
import { isValidNhsNumber, normaliseNhsNumber, normalisePostcode, normaliseUpn, validateUpn } from '../identifiers.ts';

/**
 * Field kinds the people pages need that platform/web/form.ts does not have yet (each a small Zod
 * schema, as those there are): candidates to move to the platform.
 */

/**
 * A person's name: letters (not only punctuation), at most 100 characters, one line.
 * `label` reads after "Enter the": "first names", "preferred name".
 */
export function personName(label: string, options: { required: true }): z.ZodType<string>;
export function personName(label: string, options: { required: false }): z.ZodType<string | undefined>;
export function personName(label: string, { required }: { required: boolean }): z.ZodType<string | undefined> {
  return field.transform((value, ctx): string | undefined => {
    if (!value) return required ? refuse(ctx, `Enter the ${label}`) : undefined;
    if (value.length > 100) return refuse(ctx, `The ${label} must be 100 characters or fewer`);
    if (CONTROL_CHARACTERS.test(value) || !/\p{L}/u.test(value)) return refuse(ctx, `The ${label} must include letters`);
    return value;
  });
}

/** An NHS number that may be left out: typed with spaces or without, checked by its check digit, as 10 digits. */
export const optionalNhsNumber = (): z.ZodType<string | undefined> =>
  field.transform((value, ctx) => {
    if (!value) return undefined;
    const nhsNumber = normaliseNhsNumber(value);
    return nhsNumber && isValidNhsNumber(nhsNumber) ? nhsNumber : refuse(ctx, 'Enter a real NHS number: 10 digits, like 943 476 5919');
  });

/**
 * A typed explanation that must say enough: at least `min` characters, at most `max`, with the
 * GOV.UK wording for each problem.
 */
export const explanation = ({ missing, short, long, odd, min, max }: { missing: string; short: string; long: string; odd: string; min: number; max: number }): z.ZodType<string> =>
  field.transform((value, ctx) => {
    if (value === undefined) return refuse(ctx, missing);
    if (value.length < min) return refuse(ctx, short);
    if (value.length > max) return refuse(ctx, long);
    if (CONTROL_CHARACTERS_EXCEPT_LINES.test(value)) return refuse(ctx, odd);
    return value;
  });

/**
 * A date of birth, or the expected date of birth of a baby not yet born (within the next 10
 * months), as an ISO date, from its date input.
 */
export const birthDate = (today: LocalDate): z.ZodType<string> =>
  fromDateInput(dateParts.transform((parts, ctx) => {
    const read = readDateInput(parts.day, parts.month, parts.year);
    if (read.kind === 'empty') return refuse(ctx, 'Enter the date of birth, or the expected date of birth');
    if (read.kind === 'incomplete') return refuse(ctx, 'Date of birth must include a day, month and year');
    if (read.kind === 'invalid') return refuse(ctx, 'Date of birth must be a real date, like 3 3 2015');
    if (read.kind === 'too_early') return refuse(ctx, `Date of birth must be in ${EARLIEST_YEAR} or later`);
    if (read.date.isAfter(today.plusMonths(10))) return refuse(ctx, 'An expected date of birth must be within the next 10 months');
    return read.date.toString();
  }));

/** Each box of a date input searched for: short, and nothing but what can be typed. */
function box(value: string | undefined, max: number, label: string): string | undefined {
  if (value && value.length > max) return `${label} must be ${max} characters or fewer`;
  if (value && CONTROL_CHARACTERS.test(value)) return `${label} must only include letters, numbers and punctuation`;
  return undefined;
}

/**
 * A date of birth to search by, which may be left out: a real date, up to 10 months ahead (an
 * expected date of birth), from its date input.
 */
export const searchedDateOfBirth = (today: LocalDate): z.ZodType<string | undefined> =>
  fromDateInput(dateParts.transform((parts, ctx) => {
    const boxes = box(parts.day, 2, 'Day') ?? box(parts.month, 2, 'Month') ?? box(parts.year, 4, 'Year');
    if (boxes) return refuse(ctx, boxes);
    const read = readDateInput(parts.day, parts.month, parts.year);
    if (read.kind === 'empty') return undefined;
    if (read.kind === 'incomplete') return refuse(ctx, 'Date of birth must include a day, month and year');
    if (read.kind === 'invalid') return refuse(ctx, 'Date of birth must be a real date, like 3 3 2015');
    if (read.kind === 'too_early') return refuse(ctx, `Date of birth must be in ${EARLIEST_YEAR} or later`);
    if (read.date.isAfter(today.plusMonths(10))) return refuse(ctx, 'Date of birth must be today or in the past, or an expected date of birth');
    return read.date.toString();
  }));

/** An NHS number or a UPN, whichever was typed: which it is, and the identifier as stored. */
export type PersonIdentifier = { nhsNumber: string } | { upn: string };

/** An NHS number (10 digits, by its check digit) or a UPN (a letter and 12 characters), after `text` has checked its length. */
export const nhsNumberOrUpn = (typed: z.ZodType<string | undefined>): z.ZodType<PersonIdentifier | undefined> =>
  typed.transform((value, ctx): PersonIdentifier | undefined => {
    if (!value) return undefined;
    const nhs = normaliseNhsNumber(value);
    if (nhs) return isValidNhsNumber(nhs) ? { nhsNumber: nhs } : refuse(ctx, 'Enter a real NHS number: 10 digits, like 943 476 5919');
    const upn = validateUpn(normaliseUpn(value));
    return upn.ok ? { upn: upn.upn } : refuse(ctx, 'Enter an NHS number (10 digits) or a UPN (a letter and 12 characters)');
  });

/** A UK postcode, in its usual form ("DB1 4XY"), after `text` has checked its length. */
export const postcode = (typed: z.ZodType<string | undefined>): z.ZodType<string | undefined> =>
  typed.transform((value, ctx) => {
    if (!value) return undefined;
    return normalisePostcode(value) ?? refuse(ctx, 'Enter a real postcode, like DB1 4XY');
  });
