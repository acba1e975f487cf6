import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { closeForm } from './close.ts';

const form = closeForm('2026-03-10', LocalDate.parse('2026-03-20'));
const closed = (day: string) => ({ 'closed-day': day, 'closed-month': '3', 'closed-year': '2026' });

describe('closing the case', () => {
  it('closes on or after the day the case (or its basis) began, with a CIN census reason', () => {
    expect(form.safeParse({ version: '4', ...closed('9') }).error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['reason', 'Select why the case is closing'],
      ['closed', 'The date the case closed must be on or after 10 March 2026'],
    ]);
    expect(form.parse({ version: '4', ...closed('10'), reason: 'RC7' })).toEqual({ version: 4, closed: '2026-03-10', reason: 'RC7' });
  });
});
