import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { efhPlanForm } from './efh-plan.ts';

const form = efhPlanForm('2026-03-02', '2026-05-20', LocalDate.parse('2026-06-30'));
const started = (day: string, month: string) => ({ 'started-day': day, 'started-month': month, 'started-year': '2026' });
const problems = (body: Record<string, unknown>) => form.safeParse(body).error?.issues.map((i) => [i.path[0], i.message]);

describe('an extra-familial harm plan', () => {
  it('starts after the strategy discussion and before the young person turns 25, reporting every problem at once', () => {
    expect(problems({ ...started('1', '3'), youthJustice: 'yes' })).toEqual([
      ['started', 'The date the plan started must be on or after the strategy discussion (2 March 2026)'],
      ['jointAssessment', 'Enter what the joint assessment found'],
      ['youthJusticeWorker', 'Enter the youth justice worker’s name'],
    ]);
    expect(problems({ ...started('20', '5'), jointAssessment: 'Groomed online', youthJustice: 'no' })).toEqual([['started', 'An extra-familial harm plan is for a young person under 25: they turned 25 on 20 May 2026']]);
    expect(problems({ jointAssessment: 'Groomed online', youthJustice: 'no' })).toEqual([['started', 'Enter the date the plan started']]);
  });
  it('names the youth justice worker only when youth justice works with the young person', () => {
    expect(form.parse({ ...started('19', '5'), jointAssessment: 'Groomed online', youthJustice: 'yes', youthJusticeWorker: 'Sam Okoro' })).toEqual({ started: '2026-05-19', jointAssessment: 'Groomed online', youthJustice: true, youthJusticeWorker: 'Sam Okoro' });
    expect(problems({ ...started('19', '5'), jointAssessment: 'x', youthJustice: 'maybe' })).toEqual([['youthJustice', 'Select whether the youth justice service also works with the child']]);
  });
});
