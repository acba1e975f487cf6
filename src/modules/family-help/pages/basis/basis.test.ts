import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { basisForm } from './basis.ts';

const form = basisForm('section_17', '2026-03-20', '2026-03-01', LocalDate.parse('2026-03-25'));
const from = (day: string) => ({ 'from-day': day, 'from-month': '3', 'from-year': '2026' });
const problems = (body: Record<string, unknown>) => {
  const result = form.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => [String(i.path[0]), i.message]);
};

describe('a change of basis', () => {
  it('is to the other basis, from the day after the current one began, with a reason', () => {
    expect(problems({ version: '1', basis: 'section_17', ...from('20') })).toEqual([
      ['basis', 'The help is already child in need (section 17): select the other basis'],
      ['reason', 'Enter why the basis is changing'],
      ['from', 'The date the change applies from must be on or after 21 March 2026'],
    ]);
    expect(form.parse({ version: '1', basis: 'early_help', ...from('21'), reason: 'Things are better' })).toEqual({ version: 1, basis: 'early_help', from: '2026-03-21', reason: 'Things are better' });
  });
});
