import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { searchFor, searchForm } from './search.ts';

const form = searchForm(LocalDate.parse('2026-03-10'));
const problems = (query: Record<string, string>) => form.safeParse(query).error?.issues.map((i) => [i.path[0], i.message]);

describe('the search form', () => {
  it('reads what was typed as the service searches for it, leaving out what was not given', () => {
    const answers = form.parse({ name: ' Ava Smith ', 'dob-day': '3', 'dob-month': '2', 'dob-year': '2020', identifier: '943 476 5919', postcode: 'db14xy' });
    expect(searchFor(answers)).toEqual({ name: 'Ava Smith', dateOfBirth: '2020-02-03', nhsNumber: '9434765919', postcode: 'DB1 4XY' });
    expect(searchFor(form.parse({ postcode: 'DB1 4XY' }))).toEqual({ postcode: 'DB1 4XY' });
  });

  it('has nothing to search for when nothing was typed', () => {
    expect(searchFor(form.parse({ other: 'x' }))).toBeUndefined();
  });

  it('reports every problem in page order, the date of birth at its date input', () => {
    expect(problems({ name: 'a'.repeat(201), 'dob-day': '31', 'dob-month': '2', 'dob-year': '2020', identifier: '123', postcode: 'nowhere' })).toEqual([
      ['name', 'Name must be 200 characters or fewer'],
      ['dob', 'Date of birth must be a real date, like 3 3 2015'],
      ['identifier', 'Enter an NHS number (10 digits) or a UPN (a letter and 12 characters)'],
      ['postcode', 'Enter a real postcode, like DB1 4XY'],
    ]);
  });

  it('takes an expected date of birth up to 10 months ahead, and no further', () => {
    expect(form.parse({ 'dob-day': '1', 'dob-month': '12', 'dob-year': '2026' }).dob).toBe('2026-12-01');
    expect(problems({ 'dob-day': '11', 'dob-month': '1', 'dob-year': '2027' })).toEqual([['dob', 'Date of birth must be today or in the past, or an expected date of birth']]);
    expect(problems({ 'dob-day': '123', 'dob-month': '1', 'dob-year': '2020' })).toEqual([['dob', 'Day must be 2 characters or fewer']]);
  });
});
