import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { discussionForm } from './discussion.ts';

const form = discussionForm('2026-03-02', LocalDate.parse('2026-03-10'));
const answered = { version: '1', 'held-day': '3', 'held-month': '3', 'held-year': '2026', decision: 'section_47', reasons: 'Reasonable cause' };
const problems = (body: Record<string, unknown>) => form.safeParse(body).error?.issues.map((i) => [i.path[0], i.message]);

describe('a strategy discussion as held', () => {
  it('has at least two agencies, children’s social care among them', () => {
    expect(problems({ ...answered, agencies: 'police' })).toEqual([['agencies', 'Select the agencies that took part: a strategy discussion has at least two']]);
    expect(problems({ ...answered, agencies: ['police', 'health'] })).toEqual([['agencies', 'Children’s social care takes part in every strategy discussion: select it']]);
    expect(form.parse({ ...answered, agencies: ['police', 'social_care', 'police'] })).toEqual({ version: 1, held: '2026-03-03', agencies: ['police', 'social_care'], decision: 'section_47', reasons: 'Reasonable cause' });
  });
  it('has expired when its version is not the record’s', () => {
    expect(problems({ ...answered, version: 'x', agencies: ['police', 'social_care'] })).toEqual([['version', 'This form has expired: open the page again and make your change']]);
  });
});
