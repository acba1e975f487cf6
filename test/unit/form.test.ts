import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkboxes, choice, chosenId, chosenIds, date, dateParts, defineForm, fromDateInput, notAsked, optionalChoice, optionalYesNo, readFrom, text, version, yesNo, type Earlier } from '../../src/platform/web/form.ts';

const today = LocalDate.parse('2026-03-10');
const COLOURS = { red: 'Red', blue: 'Blue' } as const;

const sample = defineForm({
  seen: date('the child was seen', { today, earliest: { date: '2026-01-01', what: 'the referral' } }),
  colour: choice(COLOURS, 'Select a colour'),
  sharing: yesNo('Select whether you are sharing'),
  what: ({ sharing }: Earlier) => (sharing ? text('what you are sharing', { required: true, max: 10 }) : notAsked),
  agencies: checkboxes(['police', 'health', 'school'], { min: 2, message: 'Select at least two agencies' }),
  shade: optionalChoice(COLOURS, 'Select a shade from the list'),
  note: text('a note', { oneLine: true }),
  version: version(),
});

const messages = (result: z.ZodSafeParseResult<unknown>) => (result.success ? [] : result.error.issues.map((i) => [String(i.path[0]), i.message]));

describe('defineForm (a declarative form)', () => {
  it('lists its fields in page order, for the error summary', () => {
    expect(sample.fields).toEqual(['seen', 'colour', 'sharing', 'what', 'agencies', 'shade', 'note', 'version']);
  });

  it('reports every problem at once, one per field, in page order, with each field’s own message', () => {
    expect(messages(sample.safeParse({ sharing: 'yes', what: 'far too long to fit', agencies: 'police', shade: 'green', note: 'a\u0007b', version: 'x' }))).toEqual([
      ['seen', 'Enter the date the child was seen'],
      ['colour', 'Select a colour'],
      ['what', 'What you are sharing must be 10 characters or fewer'],
      ['agencies', 'Select at least two agencies'],
      ['shade', 'Select a shade from the list'],
      ['note', 'A note must only include letters, numbers and punctuation'],
      ['version', 'This form has expired: open the page again and make your change'],
    ]);
  });

  it('gives typed answers: the date as ISO, codes, booleans, lists without repeats or strangers, trimmed text', () => {
    const parsed = sample.parse({ 'seen-day': '3', 'seen-month': '2', 'seen-year': '2026', colour: 'blue', sharing: 'yes', what: ' a photo ', agencies: ['police', 'health', 'police', 'army'], note: '', version: '4', extra: 'ignored' });
    expect(parsed).toEqual({ seen: '2026-02-03', colour: 'blue', sharing: true, what: 'a photo', agencies: ['police', 'health'], shade: undefined, note: undefined, version: 4 });
  });

  it('asks a field only when an earlier answer makes it apply', () => {
    const parsed = sample.parse({ 'seen-day': '3', 'seen-month': '2', 'seen-year': '2026', colour: 'red', sharing: 'no', what: 'not asked, so dropped', agencies: ['police', 'school'], version: '1' });
    expect(parsed.what).toBeUndefined();
    expect(messages(sample.safeParse({ sharing: 'yes' })).find(([f]) => f === 'what')).toEqual(['what', 'Enter what you are sharing']);
  });

  it('refuses anything that is not a form (no body, an array, a string) as an unanswered form', () => {
    for (const body of [undefined, null, 'text', ['a']]) expect(messages(sample.safeParse(body)).map(([f]) => f)).toEqual(['seen', 'colour', 'sharing', 'agencies', 'version']);
  });
});

describe('date (a GOV.UK date input)', () => {
  const form = defineForm({ held: date('of the meeting', { today, earliest: { date: '2026-03-01', what: 'the letter was sent' } }) });
  const problem = (day: string, month: string, year: string) => messages(form.safeParse({ 'held-day': day, 'held-month': month, 'held-year': year }))[0]?.[1];
  it.each([
    [['', '', ''], 'Enter the date of the meeting'],
    [['3', '', '2026'], 'The date of the meeting must include a day, month and year'],
    [['31', '2', '2026'], 'The date of the meeting must be a real date, like 3 3 2026'],
    [['1', '1', '1899'], 'The date of the meeting must be in 1900 or later'],
    [['11', '3', '2026'], 'The date of the meeting must be today or in the past'],
    [['28', '2', '2026'], 'The date of the meeting must be on or after the letter was sent (1 March 2026)'],
  ] as const)('%j: %s', (parts, message) => {
    expect(problem(parts[0], parts[1], parts[2])).toBe(message);
  });
  it('takes today and the earliest day themselves', () => {
    expect(form.parse({ 'held-day': '10', 'held-month': '3', 'held-year': '2026' })).toEqual({ held: '2026-03-10' });
    expect(form.parse({ 'held-day': '1', 'held-month': '3', 'held-year': '2026' })).toEqual({ held: '2026-03-01' });
  });
  it('names the date as the page does when asked', () => {
    const born = defineForm({ born: date('of birth', { today, called: 'Date of birth' }) });
    expect(messages(born.safeParse({ 'born-day': '3', 'born-year': '2020' }))).toEqual([['born', 'Date of birth must include a day, month and year']]);
  });
});

describe('fields read from more than one input, and small kinds', () => {
  it('readFrom gathers a field’s answer from several inputs; fromDateInput from a date input’s three boxes', () => {
    const form = defineForm({
      contact: readFrom((body) => ({ phone: body['phone'], email: body['email'] }), z.object({ phone: z.string().optional(), email: z.string().optional() }).transform((c) => c.phone ?? c.email ?? 'none')),
      born: fromDateInput(dateParts.transform((p) => `${p.year}-${p.month}-${p.day}`)),
    });
    expect(form.parse({ email: 'a@example.org', 'born-day': '03', 'born-month': '04', 'born-year': '2020' })).toEqual({ contact: 'a@example.org', born: '2020-04-03' });
  });

  it('date: before a day, with that rule’s own message', () => {
    const form = defineForm({ started: date('the plan started', { today, before: { date: '2026-03-01', message: 'They turned 25 on 1 March 2026' } }) });
    expect(messages(form.safeParse({ 'started-day': '1', 'started-month': '3', 'started-year': '2026' }))).toEqual([['started', 'They turned 25 on 1 March 2026']]);
    expect(form.parse({ 'started-day': '28', 'started-month': '2', 'started-year': '2026' })).toEqual({ started: '2026-02-28' });
  });

  it('chosenId and chosenIds take well-formed ids only; optionalYesNo may be left unanswered', () => {
    const id = '0b3c6a5e-4f7d-4c1e-9a2b-8d6e5f4a3b2c';
    const form = defineForm({ who: chosenId('Select who'), teams: chosenIds('Select teams from the list'), seen: optionalYesNo });
    expect(form.parse({ who: id, teams: [id, id], seen: '' })).toEqual({ who: id, teams: [id], seen: undefined });
    expect(messages(form.safeParse({ who: 'x', teams: ['1; drop table'] }))).toEqual([['who', 'Select who'], ['teams', 'Select teams from the list']]);
  });
});
