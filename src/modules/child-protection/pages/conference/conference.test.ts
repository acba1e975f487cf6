import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { conferenceForm } from './conference.ts';

const today = LocalDate.parse('2026-04-30');
const held = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { 'held-day': day, 'held-month': month, 'held-year': year };
};
const answered = { attendees: ' Chair \n\nHannah Price, social worker ', childViews: 'I want to stay', childViewsHow: 'directly', parentsViews: 'Worried', decision: 'plan', category: 'NEG', reasons: 'Risk of harm' };
const problems = (form: ReturnType<typeof conferenceForm>, body: Record<string, unknown>) => form.safeParse(body).error?.issues.map((i) => [i.path[0], i.message]);

describe('a child protection conference', () => {
  const initial = conferenceForm('initial', '2026-04-01', today);
  it('reads who attended one to a line, and asks the category when a plan starts', () => {
    expect(initial.parse({ ...held('2026-04-14'), ...answered })).toEqual({
      held: '2026-04-14', weekend: false, attendees: ['Chair', 'Hannah Price, social worker'], childViews: 'I want to stay', childViewsHow: 'directly',
      parentsViews: 'Worried', parentsRepresentative: undefined, decision: 'plan', category: 'NEG', reasons: 'Risk of harm',
    });
    expect(problems(initial, { ...held('2026-04-14'), ...answered, category: '' })).toEqual([['category', 'Select the category of abuse']]);
    expect(initial.parse({ ...held('2026-04-14'), ...answered, decision: 'no_plan', category: 'NEG' }).category).toBeUndefined();
  });
  it('asks to confirm a conference held at a weekend, and records it once confirmed', () => {
    expect(problems(initial, { ...held('2026-04-11'), ...answered })).toEqual([['weekend', '11 April 2026 is a Saturday. Check the date, or confirm that the conference was held at the weekend']]);
    expect(initial.parse({ ...held('2026-04-11'), ...answered, weekend: 'yes' }).weekend).toBe(true);
  });
  it('starts no child protection plan for a young person of 18', () => {
    const form = conferenceForm('initial', '2026-04-01', today, { eighteenth: '2026-04-10', categorised: true });
    expect(problems(form, { ...held('2026-04-14'), ...answered })).toEqual([['decision', 'A child protection plan is for a child under 18: they turned 18 on 10 April 2026. An extra-familial harm plan can continue to 25']]);
  });
  it('reviews a plan after the day it started, with no category for an extra-familial harm plan', () => {
    const review = conferenceForm('review', '2026-04-14', today, { eighteenth: undefined, categorised: false });
    expect(problems(review, { ...held('2026-04-14'), ...answered, decision: 'continue' })).toEqual([['held', 'The date of the conference must be on or after the day after the plan started (15 April 2026)']]);
    expect(review.parse({ ...held('2026-04-15'), ...answered, decision: 'continue', category: 'NEG' }).category).toBeUndefined();
    expect(problems(review, { ...held('2026-04-15'), ...answered })).toEqual([['decision', 'Select the conference’s decision']]);
  });
});
