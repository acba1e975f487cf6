import type { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import { CONTROL_CHARACTERS, EARLIEST_YEAR, readDateInput } from '../../platform/web/form-fields.ts';
import { isValidNhsNumber, normaliseNhsNumber, normalisePostcode, normaliseUpn, validateUpn } from './identifiers.ts';

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine((v) => !CONTROL_CHARACTERS.test(v), `${label} must only include letters, numbers and punctuation`)
    .optional()
    .transform((v) => (v ? v : undefined));

/**
 * The search form, as the query string sends it (`today` bounds an expected date of birth). Every field is optional but one must be
 * given; each is checked and normalised, and every problem is reported, in page order.
 */
export const searchForm = (today: LocalDate) =>
  z
  .object({
    name: text(200, 'Name'),
    'dob-day': text(2, 'Day'),
    'dob-month': text(2, 'Month'),
    'dob-year': text(4, 'Year'),
    identifier: text(20, 'NHS number or UPN'),
    postcode: text(10, 'Postcode'),
  })
  .transform((form, ctx) => {
    const out: { name?: string; dateOfBirth?: string; nhsNumber?: string; upn?: string; postcode?: string } = {};
    if (form.name) out.name = form.name;

    const dob = readDateInput(form['dob-day'], form['dob-month'], form['dob-year']);
    if (dob.kind === 'incomplete') {
      ctx.addIssue({ code: 'custom', path: ['dob'], message: 'Date of birth must include a day, month and year' });
    } else if (dob.kind === 'invalid') {
      ctx.addIssue({ code: 'custom', path: ['dob'], message: 'Date of birth must be a real date, like 3 3 2015' });
    } else if (dob.kind === 'too_early') {
      ctx.addIssue({ code: 'custom', path: ['dob'], message: `Date of birth must be in ${EARLIEST_YEAR} or later` });
    } else if (dob.kind === 'date' && dob.date.isAfter(today.plusMonths(10))) {
      ctx.addIssue({ code: 'custom', path: ['dob'], message: 'Date of birth must be today or in the past, or an expected date of birth' });
    } else if (dob.kind === 'date') {
      out.dateOfBirth = dob.date.toString();
    }

    if (form.identifier) {
      const nhs = normaliseNhsNumber(form.identifier);
      if (nhs) {
        if (isValidNhsNumber(nhs)) out.nhsNumber = nhs;
        else ctx.addIssue({ code: 'custom', path: ['identifier'], message: 'Enter a real NHS number: 10 digits, like 943 476 5919' });
      } else {
        const upn = validateUpn(normaliseUpn(form.identifier));
        if (upn.ok) out.upn = upn.upn;
        else ctx.addIssue({ code: 'custom', path: ['identifier'], message: 'Enter an NHS number (10 digits) or a UPN (a letter and 12 characters)' });
      }
    }

    if (form.postcode) {
      const postcode = normalisePostcode(form.postcode);
      if (postcode) out.postcode = postcode;
      else ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'Enter a real postcode, like DB1 4XY' });
    }

    if (!form.name && dob.kind === 'empty' && !form.identifier && !form.postcode) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Enter a name, date of birth, NHS number, UPN or postcode' });
    }
    return out;
  });

export const SEARCH_FIELDS = ['name', 'dob', 'identifier', 'postcode'] as const;
export type SearchInput = z.infer<ReturnType<typeof searchForm>>;
