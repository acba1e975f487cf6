import type { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import { CONTROL_CHARACTERS, EARLIEST_YEAR, field, readDateInput } from '../../platform/web/form-fields.ts';
import { isValidNhsNumber, normaliseNhsNumber } from './identifiers.ts';


/** A new person, as the form sends it; every problem reported in page order. */
export function newPersonForm(today: LocalDate) {
  return z
    .object({
      givenNames: field,
      familyName: field,
      preferredName: field,
      'dob-day': field,
      'dob-month': field,
      'dob-year': field,
      sex: field,
      nhsNumber: field,
      confirm: field,
    })
    .transform((form, ctx) => {
      const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      const name = (value: string | undefined, path: string, label: string, required: boolean) => {
        if (!value) {
          if (required) problem(path, `Enter the ${label}`);
          return undefined;
        }
        if (value.length > 100) problem(path, `The ${label} must be 100 characters or fewer`);
        else if (CONTROL_CHARACTERS.test(value) || !/\p{L}/u.test(value)) problem(path, `The ${label} must include letters`);
        return value;
      };
      const givenNames = name(form.givenNames, 'givenNames', 'first names', true);
      const familyName = name(form.familyName, 'familyName', 'last name', true);
      const preferredName = name(form.preferredName, 'preferredName', 'preferred name', false);

      let dateOfBirth: string | undefined;
      let expectedDateOfBirth: string | undefined;
      const dob = readDateInput(form['dob-day'], form['dob-month'], form['dob-year']);
      if (dob.kind === 'empty') problem('dob', 'Enter the date of birth, or the expected date of birth');
      else if (dob.kind === 'incomplete') problem('dob', 'Date of birth must include a day, month and year');
      else if (dob.kind === 'invalid') problem('dob', 'Date of birth must be a real date, like 3 3 2015');
      else if (dob.kind === 'too_early') problem('dob', `Date of birth must be in ${EARLIEST_YEAR} or later`);
      else if (dob.date.isAfter(today.plusMonths(10))) problem('dob', 'An expected date of birth must be within the next 10 months');
      else if (dob.date.isAfter(today)) expectedDateOfBirth = dob.date.toString();
      else dateOfBirth = dob.date.toString();

      const sex: 'M' | 'F' | 'U' | undefined = form.sex === 'M' || form.sex === 'F' || form.sex === 'U' ? form.sex : undefined;
      if (!sex) problem('sex', 'Select the sex, or ‘Not known’');

      let nhsNumber: string | undefined;
      if (form.nhsNumber) {
        nhsNumber = normaliseNhsNumber(form.nhsNumber);
        if (!nhsNumber || !isValidNhsNumber(nhsNumber)) problem('nhsNumber', 'Enter a real NHS number: 10 digits, like 943 476 5919');
      }
      return { givenNames: givenNames ?? '', familyName: familyName ?? '', preferredName, dateOfBirth, expectedDateOfBirth, sex: sex ?? 'U', nhsNumber, confirmed: form.confirm === 'new' };
    });
}

export const NEW_PERSON_FIELDS = ['givenNames', 'familyName', 'preferredName', 'dob', 'sex', 'nhsNumber'] as const;
export type NewPerson = z.infer<ReturnType<typeof newPersonForm>>;
