import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { requestDetails, requestForm } from './request-form.ts';

const today = LocalDate.parse('2026-03-06');
const messages = (result: z.ZodSafeParseResult<unknown>) => (result.success ? [] : result.error.issues.map((i) => [String(i.path[0]), i.message]));
const child = { childGivenNames: 'Tyler', childFamilyName: 'Brennan-Howe', concerns: 'He has stopped going to school' };

describe('a request for help, from each front door', () => {
  it('lists its fields in page order', () => {
    expect(requestForm('public', today).fields).toEqual([
      'website', 'asker', 'source', 'submitterName', 'submitterOrganisation', 'submitterPhone', 'submitterEmail', 'childGivenNames', 'childFamilyName', 'dob',
      'childAddress', 'childPostcode', 'otherChildren', 'concerns', 'helpWanted', 'familyKnows',
    ]);
  });

  it('on the public page: who is asking gives the referral source, and a parent need not say whether the family knows', () => {
    const details = requestDetails(requestForm('public', today).parse({ asker: 'parent', submitterName: 'Danielle Howe', submitterEmail: 'd@example.com', ...child, 'dob-day': '8', 'dob-month': '8', 'dob-year': '2014', childPostcode: 'db1 4ab' }));
    expect(details).toMatchObject({ asker: 'parent', source: '1A', familyKnows: 'yes', childDateOfBirth: '2014-08-08', childPostcode: 'DB1 4AB', submitterEmail: 'd@example.com', honeypot: false });
  });

  it('on the public page: needs a way to contact them, on the phone number', () => {
    expect(messages(requestForm('public', today).safeParse({ asker: 'neighbour', submitterName: 'A neighbour', ...child, familyKnows: 'no' }))).toEqual([
      ['submitterPhone', 'Enter a phone number or an email address, so we can contact you'],
    ]);
  });

  it('reports every problem in page order, each with its own words', () => {
    expect(messages(requestForm('public', today).safeParse({ asker: 'relative', submitterPhone: '12', childFamilyName: 'Nobody', 'dob-day': '3', 'dob-year': '2015', childPostcode: 'XX' }))).toEqual([
      ['submitterName', 'Enter your name'],
      ['submitterPhone', 'Enter a phone number, like 01632 960 001 or 07700 900 982'],
      ['childGivenNames', 'Enter the child’s first name'],
      ['dob', 'Date of birth must include a day, month and year'],
      ['childPostcode', 'Enter a real postcode, like DB1 4AB'],
      ['concerns', 'Enter what is happening'],
      ['familyKnows', 'Select whether the family knows about this request'],
    ]);
  });

  it('takes a date of birth up to 10 months ahead (a baby due) and under 25 years ago', () => {
    const dob = (day: string, month: string, year: string) => messages(requestForm('staff', today).safeParse({ source: '6', submitterName: 'PC Lee', ...child, familyKnows: 'yes', 'dob-day': day, 'dob-month': month, 'dob-year': year }));
    expect(dob('6', '1', '2027')).toEqual([]);
    expect(dob('7', '1', '2027')).toEqual([['dob', 'Date of birth must be in the past, or an expected date in the next 10 months']]);
    expect(dob('5', '3', '2001')).toEqual([['dob', 'Date of birth must be for a child or young person under 25']]);
    expect(dob('31', '2', '2015')).toEqual([['dob', 'Date of birth must be a real date, like 3 3 2015']]);
  });

  it('for staff: asks where the request came from, and their organisation', () => {
    const form = requestForm('staff', today);
    expect(messages(form.safeParse({ ...child, submitterName: 'Ms Lee', familyKnows: 'yes' }))).toEqual([['source', 'Select who the request came from']]);
    expect(requestDetails(form.parse({ source: '5D', submitterName: 'Ms Lee', submitterOrganisation: 'Early help hub', ...child, familyKnows: 'not_sure', asker: 'parent', submitterEmail: 'not asked' }))).toMatchObject({
      source: '5D', asker: undefined, submitterOrganisation: 'Early help hub', submitterEmail: undefined, familyKnows: 'not_sure',
    });
  });

  it('for a partner: their one service is the source; with several, they choose one of theirs', () => {
    expect(requestForm('partner', today, ['6']).parse({ ...child, familyKnows: 'yes' }).source).toBe('6');
    const health = requestForm('partner', today, ['3A', '3B']);
    expect(messages(health.safeParse({ ...child, familyKnows: 'yes', source: '6' }))).toEqual([['source', 'Select which service you work in']]);
    expect(health.parse({ ...child, familyKnows: 'yes', source: '3B' }).source).toBe('3B');
  });

  it('marks a request whose hidden field was filled in', () => {
    expect(requestDetails(requestForm('public', today).parse({ asker: 'parent', submitterName: 'D Howe', submitterPhone: '07700 900982', ...child, website: 'http://spam.example' })).honeypot).toBe(true);
  });
});
