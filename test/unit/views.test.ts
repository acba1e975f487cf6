import { describe, expect, it } from 'vitest';
import { errorList } from '../../src/platform/web/errors.ts';
import { formatDate, formatDateTime, formatPounds } from '../../src/platform/web/views.ts';

describe('formatDate', () => {
  it('writes dates as GOV.UK does', () => {
    expect(formatDate(new Date('2026-03-03T12:00:00Z'))).toBe('3 March 2026');
    expect(formatDate('2026-03-03T12:00:00Z')).toBe('3 March 2026');
    expect(formatDate(Date.UTC(2026, 2, 3, 12))).toBe('3 March 2026');
    expect(formatDate('2026-12-25')).toBe('25 December 2026');
  });

  it('uses UK time: late on 31 March UTC is already 1 April in British Summer Time', () => {
    expect(formatDate('2026-03-31T23:30:00Z')).toBe('1 April 2026');
    // in winter London is on UTC, so the same clock time stays on the same day
    expect(formatDate('2026-01-31T23:30:00Z')).toBe('31 January 2026');
  });

  it('does not depend on the process time zone', () => {
    // The unit project pins TZ=Europe/London; this date differs from London in e.g. Tokyo or New York.
    expect(formatDate('2026-06-30T23:30:00Z')).toBe('1 July 2026');
    expect(formatDate('2026-07-01T00:30:00+09:00')).toBe('30 June 2026');
  });

  it.each([['not a date'], [''], [Number.NaN], [null], [undefined], [{}], [true]])('gives an empty string for %j', (value) => {
    expect(formatDate(value)).toBe('');
  });

  it('gives an empty string for an invalid Date', () => {
    expect(formatDate(new Date('nonsense'))).toBe('');
  });
});

describe('formatDateTime', () => {
  it('writes "3 March 2026 at 2:05pm"', () => {
    expect(formatDateTime('2026-03-03T14:05:00Z')).toBe('3 March 2026 at 2:05pm');
  });

  it('writes mornings as am, in UK time', () => {
    expect(formatDateTime('2026-03-03T09:30:00Z')).toBe('3 March 2026 at 9:30am');
    expect(formatDateTime('2026-07-03T09:05:00Z')).toBe('3 July 2026 at 10:05am');
  });

  it('uses UK time for the date as well as the time', () => {
    expect(formatDateTime('2026-03-31T23:30:00Z')).toMatch(/^1 April 2026 at \d+:30am$/);
    expect(formatDateTime('2026-03-31T22:59:00Z')).toBe('31 March 2026 at 11:59pm');
  });

  it('writes midnight and noon as 12, not 0', () => {
    expect(formatDateTime('2026-03-31T23:30:00Z')).toBe('1 April 2026 at 12:30am');
    expect(formatDateTime('2026-03-03T00:30:00Z')).toBe('3 March 2026 at 12:30am');
    expect(formatDateTime('2026-03-03T12:00:00Z')).toBe('3 March 2026 at 12:00pm');
  });

  it.each([['not a date'], [''], [null], [undefined]])('gives an empty string for %j', (value) => {
    expect(formatDateTime(value)).toBe('');
  });

  // Same known bug as formatDate above.
  it('gives an empty string for an invalid Date', () => {
    expect(formatDateTime(new Date(Number.NaN))).toBe('');
  });
});

describe('errorList', () => {
  const issues = [
    { path: ['password'], message: 'Enter your password' },
    { path: ['username'], message: 'Enter your username' },
    { path: ['username'], message: 'Username must be 200 characters or fewer' },
  ];

  it('orders errors as the fields appear on the page, one per field, linking to #field', () => {
    const { list, byField } = errorList(issues, ['username', 'password']);
    expect(list).toEqual([
      { text: 'Enter your username', href: '#username' },
      { text: 'Enter your password', href: '#password' },
    ]);
    expect(byField).toEqual({
      username: { text: 'Enter your username' },
      password: { text: 'Enter your password' },
    });
  });

  it('follows the given order, not the order of the issues', () => {
    const { list } = errorList(issues, ['password', 'username']);
    expect(list.map((e) => e.href)).toEqual(['#password', '#username']);
  });

  it('keeps the first message for a field', () => {
    const { byField } = errorList([...issues].reverse(), ['username', 'password']);
    expect(byField['username']?.text).toBe('Username must be 200 characters or fewer');
  });

  it('puts fields missing from the order after the ordered ones, not dropping them', () => {
    const { list } = errorList(
      [
        { path: ['extra'], message: 'Extra problem' },
        { path: ['password'], message: 'Enter your password' },
      ],
      ['username', 'password'],
    );
    expect(list).toEqual([
      { text: 'Enter your password', href: '#password' },
      { text: 'Extra problem', href: '#extra' },
    ]);
  });

  it('uses the top-level field of a nested path', () => {
    const { list } = errorList([{ path: ['address', 'postcode'], message: 'Enter a postcode' }], ['address']);
    expect(list).toEqual([{ text: 'Enter a postcode', href: '#address' }]);
  });

  it('gives an empty list for no issues', () => {
    expect(errorList([], ['username'])).toEqual({ list: [], byField: {} });
  });
});

describe('formatPounds', () => {
  it('writes pence as pounds and pence, with a comma for thousands', () => {
    expect(formatPounds(2550)).toBe('£25.50');
    expect(formatPounds(123456)).toBe('£1,234.56');
    expect(formatPounds(undefined)).toBe('');
  });
});
