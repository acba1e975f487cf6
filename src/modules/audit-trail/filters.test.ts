import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { filterForm, trailFilters } from './filters.ts';

const form = filterForm(LocalDate.parse('2026-03-10'));
const problems = (query: Record<string, string>) => form.safeParse(query).error?.issues.map((i) => [i.path[0], i.message]);

describe('the audit trail’s filters', () => {
  it('are what to search by, and what the page states back', () => {
    const { filters, stated } = trailFilters(form.parse({ user: 'Family.Help', child: 'DB0001234', action: 'record_viewed', outcome: 'denied', 'from-day': '1', 'from-month': '3', 'from-year': '2026', 'to-day': '1', 'to-month': '3', 'to-year': '2026' }));
    expect(filters).toEqual({ username: 'family.help', laPersonId: 'DB0001234', action: 'record_viewed', outcome: 'denied', from: new Date('2026-03-01T00:00:00Z'), until: new Date('2026-03-02T00:00:00Z') });
    expect(stated).toEqual({ user: 'family.help', child: 'DB0001234', action: 'record_viewed', outcome: 'denied', from: '2026-03-01', to: '2026-03-01' });
    expect(trailFilters(form.parse({}))).toEqual({ filters: {}, stated: {} });
  });

  it('report every problem at its field, in page order', () => {
    expect(problems({ user: 'a\u0007', child: 'no such child!', action: 'Viewed It', outcome: 'maybe', 'from-day': '31', 'from-month': '2', 'from-year': '2026', 'to-day': '11', 'to-month': '3', 'to-year': '2026' })).toEqual([
      ['user', 'Enter a username, like family.help'],
      ['child', 'Enter the child’s LA person ID, like DB0001234, or their record’s id'],
      ['action', 'Select an action from the list'],
      ['outcome', 'Select an outcome from the list'],
      ['from', 'The start date must be a real date, like 3 3 2026'],
      ['to', 'The end date must be today or in the past'],
    ]);
  });

  it('refuse an end date before the start date', () => {
    expect(problems({ 'from-day': '5', 'from-month': '3', 'from-year': '2026', 'to-day': '4', 'to-month': '3', 'to-year': '2026' })).toEqual([['to', 'The end date must be the same as or after the start date']]);
  });
});
