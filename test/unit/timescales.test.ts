import { LocalDate } from '@js-joda/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInEngland } from '../../src/platform/clock.ts';
import { dueDate, timescaleState, TIMESCALE_RULES } from '../../src/platform/timescales/rules.ts';
import { englandAndWales as calendar } from '../../src/platform/timescales/working-days.ts';

const d = (iso: string) => LocalDate.parse(iso);
const plusWorkingDays = (from: string, n: number) => calendar.addWorkingDays(d(from), n).toString();

describe('England and Wales bank holidays (from the date-holidays library)', () => {
  it.each([
    // As published on GOV.UK (www.gov.uk/bank-holidays), typed here as the independent check.
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']],
    [2027, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']],
  ] as const)('%i: the working weekdays lost are exactly the published bank holidays', (year, published) => {
    const weekdayHolidays = calendar
      .bankHolidays(year)
      .map((h) => h.date)
      .filter((date) => date.dayOfWeek().value() <= 5)
      .map(String);
    expect(weekdayHolidays).toEqual(published);
  });

  it('includes one-off days: the Platinum Jubilee, the state funeral and the coronation', () => {
    for (const day of ['2022-06-03', '2022-09-19', '2023-05-08']) expect(calendar.isWorkingDay(d(day)), day).toBe(false);
  });
});

describe('working days', () => {
  it.each([
    ['a Friday request is due on Monday', '2026-03-06', 1, '2026-03-09'],
    ['a Saturday request is due on Monday', '2026-03-07', 1, '2026-03-09'],
    ['over a bank holiday Monday', '2026-05-22', 1, '2026-05-26'],
    ['over Easter (Good Friday and Easter Monday)', '2026-04-02', 1, '2026-04-07'],
    ['over Christmas, Boxing Day on a Saturday (substitute Monday)', '2026-12-24', 1, '2026-12-29'],
    ['over Christmas at a weekend (both substitute days)', '2027-12-24', 1, '2027-12-29'],
    ['over the state funeral', '2022-09-16', 1, '2022-09-20'],
    ['45 working days from a referral, across Easter and the early May bank holiday', '2026-03-02', 45, '2026-05-07'],
    ['15 working days from a strategy discussion', '2026-12-14', 15, '2027-01-07'],
    ['0 working days from a working day is that day', '2026-03-04', 0, '2026-03-04'],
    ['0 working days from a Sunday is the Monday', '2026-03-08', 0, '2026-03-09'],
  ])('%s', (_why, from, n, expected) => {
    expect(plusWorkingDays(from, n)).toBe(expected);
  });

  it('counts back what it added, always landing on a working day (any date 2020–2030, 0–200 days)', () => {
    const day = fc.integer({ min: d('2020-01-01').toEpochDay(), max: d('2030-12-31').toEpochDay() }).map((n) => LocalDate.ofEpochDay(n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 200 }), (from, n) => {
        const due = calendar.addWorkingDays(from, n);
        return calendar.isWorkingDay(due) && calendar.workingDaysBetween(from, due) === n && calendar.workingDaysBetween(from, due.minusDays(1)) === n - 1;
      }),
    );
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => calendar.addWorkingDays(d('2026-03-02'), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(d('2026-03-02'), 1.5)).toThrow(RangeError);
  });
});

describe('timescale rules', () => {
  it('every rule has a task, a start, a period and a basis', () => {
    for (const [id, rule] of Object.entries(TIMESCALE_RULES)) {
      expect(rule.task, id).toMatch(/^[A-Z]/);
      expect(rule.basis, id).not.toBe('');
      expect(Object.values(rule.period)[0], id).toBeGreaterThan(0);
    }
  });

  it.each([
    ['request_decision', '2026-03-06', '2026-03-09'],
    ['assessment', '2026-03-02', '2026-05-07'],
    ['initial_child_protection_conference', '2026-03-02', '2026-03-23'],
    // Months keep the day of the month, or end at the month's last day (leap years included).
    ['first_child_protection_review', '2023-11-30', '2024-02-29'],
    ['first_child_protection_review', '2024-11-30', '2025-02-28'],
    ['child_protection_review', '2024-02-29', '2024-08-29'],
    ['family_help_plan_review', '2026-01-31', '2026-04-30'],
    ['care_proceedings', '2024-01-01', '2024-07-01'],
  ] as const)('%s from %s is due %s', (rule, from, due) => {
    expect(dueDate(rule, d(from)).toString()).toBe(due);
  });

  it('a request arriving late at night counts from the date in England, not in UTC', () => {
    // 23:30 UTC on Sunday 29 March 2026 is 00:30 on Monday 30 March in British Summer Time.
    expect(dueDate('request_decision', d(dateInEngland(new Date('2026-03-29T23:30:00Z')))).toString()).toBe('2026-03-31');
    // 23:30 UTC on Saturday 28 March is still Saturday in GMT: due the Monday.
    expect(dueDate('request_decision', d(dateInEngland(new Date('2026-03-28T23:30:00Z')))).toString()).toBe('2026-03-30');
  });

  it('says whether a timescale is due, due today, overdue, met or late', () => {
    const due = d('2026-03-09'); // a Monday
    expect(timescaleState(due, d('2026-03-05'))).toEqual({ state: 'due', due, workingDaysLeft: 2 });
    expect(timescaleState(due, d('2026-03-09'))).toEqual({ state: 'due_today', due });
    expect(timescaleState(due, d('2026-03-11'))).toEqual({ state: 'overdue', due, workingDaysOverdue: 2 });
    expect(timescaleState(due, d('2026-03-20'), d('2026-03-09'))).toEqual({ state: 'met', due, done: d('2026-03-09') });
    expect(timescaleState(due, d('2026-03-20'), d('2026-03-16'))).toEqual({ state: 'late', due, done: d('2026-03-16'), workingDaysLate: 5 });
  });
});
