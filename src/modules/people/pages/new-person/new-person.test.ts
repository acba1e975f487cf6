import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { newPerson, newPersonForm } from './new-person.ts';

const today = LocalDate.parse('2026-03-10');
const form = newPersonForm(today);
const born = (day: string, month: string, year: string) => ({ 'dob-day': day, 'dob-month': month, 'dob-year': year });

describe('a new person', () => {
  it('is born, or expected within 10 months', () => {
    expect(newPerson(form.parse({ givenNames: 'Ava', familyName: 'Smith', ...born('3', '2', '2020'), sex: 'F', nhsNumber: '943 476 5919' }), today)).toEqual({
      givenNames: 'Ava',
      familyName: 'Smith',
      preferredName: undefined,
      dateOfBirth: '2020-02-03',
      expectedDateOfBirth: undefined,
      sex: 'F',
      nhsNumber: '9434765919',
      confirmed: false,
    });
    const expected = newPerson(form.parse({ givenNames: 'Baby', familyName: 'Smith', ...born('1', '6', '2026'), sex: 'U', confirm: 'new' }), today);
    expect([expected.dateOfBirth, expected.expectedDateOfBirth, expected.confirmed]).toEqual([undefined, '2026-06-01', true]);
  });

  it('reports every problem in page order, with the page’s own words', () => {
    expect(form.safeParse({ givenNames: '', familyName: '---', preferredName: 'x'.repeat(101), ...born('1', '2', '2027'), nhsNumber: '1234567890' }).error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['givenNames', 'Enter the first names'],
      ['familyName', 'The last name must include letters'],
      ['preferredName', 'The preferred name must be 100 characters or fewer'],
      ['dob', 'An expected date of birth must be within the next 10 months'],
      ['sex', 'Select the sex, or ‘Not known’'],
      ['nhsNumber', 'Enter a real NHS number: 10 digits, like 943 476 5919'],
    ]);
    expect(form.safeParse({ givenNames: 'A', familyName: 'B', sex: 'M' }).error?.issues.map((i) => i.message)).toEqual(['Enter the date of birth, or the expected date of birth']);
  });
});
