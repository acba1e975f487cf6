import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { significantEventForm } from './significant-event.ts';

const form = significantEventForm(LocalDate.parse('2026-03-10'));

describe('a significant event', () => {
  it('is a date, a kind of event, what happened and any details', () => {
    expect(form.parse({ 'occurred-day': '9', 'occurred-month': '3', 'occurred-year': '2026', category: 'education', title: ' Started school ', details: '' })).toEqual({
      occurred: '2026-03-09',
      category: 'education',
      title: 'Started school',
      details: undefined,
    });
  });

  it('reports every problem at once, in page order, with the page’s own words', () => {
    const result = form.safeParse({ 'occurred-day': '11', 'occurred-month': '3', 'occurred-year': '2026', category: 'birth', title: 'x'.repeat(201) });
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['occurred', 'Date must be today or in the past'],
      ['category', 'Select what kind of event it was'],
      ['title', 'What happened must be 200 characters or fewer'],
    ]);
    expect(form.safeParse({}).error?.issues.map((i) => i.message)).toEqual(['Enter the date it happened', 'Select what kind of event it was', 'Enter what happened']);
  });
});
