import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { outcomeForm } from './outcome.ts';

const form = outcomeForm('2026-01-05', '2026-07-06', LocalDate.parse('2026-09-01'));
const decided = (day: string, month: string) => ({ 'decided-day': day, 'decided-month': month, 'decided-year': '2026' });

describe('the outcome of proceedings', () => {
  it('needs no reason when the final order came within 26 weeks', () => {
    expect(form.parse({ ...decided('6', '7'), outcome: 'care_order', extensionReason: 'typed anyway' })).toEqual({ decided: '2026-07-06', outcome: 'care_order', extensionReason: undefined });
  });
  it('asks why, naming the day it was due, when the order came later', () => {
    const result = form.safeParse({ ...decided('7', '7'), outcome: 'care_order' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['extensionReason', 'Enter why the proceedings took longer than 26 weeks (they were due to finish by 6 July 2026)']]);
    expect(form.parse({ ...decided('7', '7'), outcome: 'care_order', extensionReason: 'An expert report came late' }).extensionReason).toBe('An expert report came late');
  });
  it('refuses an outcome that is not one of the court’s', () => {
    expect(form.safeParse({ ...decided('6', '7'), outcome: 'adoption' }).error?.issues.map((i) => i.message)).toEqual(['Select the outcome']);
  });
});
