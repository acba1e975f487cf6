import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { assessmentForm } from './assessment.ts';

const form = assessmentForm({ date: '2026-03-02', what: 'the day it started' }, LocalDate.parse('2026-03-20'));
const completed = { 'completed-day': '19', 'completed-month': '3', 'completed-year': '2026' };
const problems = (body: Record<string, unknown>) => {
  const result = form.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => [String(i.path[0]), i.message]);
};

describe('the assessment', () => {
  it('completing it needs every answer, with the CIN census factor rules, all at once in page order', () => {
    expect(problems({ version: '1', action: 'complete', factors: ['21', '3A'], childSeen: 'no', childSeenAlone: 'yes' })).toEqual([
      ['completed', 'Enter the date the assessment was completed'],
      ['factors', '‘No factors identified’ cannot be selected with other factors'],
      ['childSeenAlone', 'Select ‘No’ if the child was not seen at all, or change ‘Was the child seen?’ to ‘Yes’'],
      ['childViews', 'Enter the child’s views'],
      ['analysis', 'Enter what the assessment found'],
    ]);
    expect(problems({ version: '1', ...completed, childSeen: 'yes', childSeenAlone: 'no', childViews: 'Fine', analysis: 'Found' })).toEqual([
      ['factors', 'Select the factors identified at the assessment, or ‘No factors identified’'],
    ]);
  });

  it('a draft keeps what is written so far, checking only lengths and the version', () => {
    expect(form.parse({ version: '3', action: 'draft', factors: '3A', childViews: 'I like school' })).toMatchObject({ action: 'draft', version: 3, completed: undefined, factors: ['3A'], childSeen: undefined, childViews: 'I like school' });
    expect(problems({ version: 'x', action: 'draft', analysis: 'a'.repeat(20001) })).toEqual([
      ['version', 'This form has expired: open the page again and make your change'],
      ['analysis', 'What the assessment found must be 20,000 characters or fewer'],
    ]);
  });

  it('completes on or after the day it started', () => {
    expect(problems({ version: '1', 'completed-day': '1', 'completed-month': '3', 'completed-year': '2026', factors: '21', childSeen: 'yes', childSeenAlone: 'yes', childViews: 'Fine', analysis: 'Found' })).toEqual([
      ['completed', 'The date the assessment was completed must be on or after the day it started (2 March 2026)'],
    ]);
  });
});
