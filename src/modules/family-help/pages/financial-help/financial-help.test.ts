import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { financialHelpForm } from './financial-help.ts';

const form = financialHelpForm('2026-03-01', LocalDate.parse('2026-03-20'));
const given = { 'given-day': '19', 'given-month': '3', 'given-year': '2026', kind: 'food' };
const amount = (typed: string) => {
  const result = form.safeParse({ ...given, amount: typed });
  return result.success ? result.data.amount : result.error.issues[0]?.message;
};

describe('financial help', () => {
  it.each([
    ['25.50', 2550],
    ['£1,250', 125000],
    ['1,250.00', 125000],
    ['', 'Enter the amount, like 25.50'],
    ['12,34,56', 'Amount must be in pounds and pence, like 25.50 or 1,250.00'],
    ['25.505', 'Amount must be in pounds and pence, like 25.50 or 1,250.00'],
    ['0.00', 'Amount must be more than £0'],
  ] as const)('%j: %s', (typed, expected) => {
    expect(amount(typed)).toBe(expected);
  });

  it('needs what it was for, from the list', () => {
    expect(form.safeParse({ ...given, amount: '5', kind: 'holiday' }).error?.issues.map((i) => [i.path[0], i.message])).toEqual([['kind', 'Select what the money was for']]);
  });
});
