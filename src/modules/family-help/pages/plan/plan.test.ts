import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { planForm, planFrom } from './plan.ts';

const today = LocalDate.parse('2026-03-20');
const form = planForm({ date: '2026-03-10', what: 'the assessment was completed' }, today);
const started = { 'started-day': '20', 'started-month': '3', 'started-year': '2026' };
const problems = (body: Record<string, unknown>) => {
  const result = form.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => [String(i.path[0]), i.message]);
};

describe('the Family Help plan', () => {
  it('lists its fields in page order: the date, the goals, then each action with who does it', () => {
    expect(form.fields.slice(0, 9)).toEqual(['started', 'goal0', 'goal1', 'goal2', 'goal3', 'goal4', 'action0', 'owner0', 'ownerName0']);
  });

  it('needs a goal, and for an action both who is responsible and their name', () => {
    expect(problems({ ...started, action0: 'Walk to school together', ownerName0: '' })).toEqual(
      expect.arrayContaining([
        ['owner0', 'Select who is responsible for action 1'],
        ['ownerName0', 'Enter the name of who does action 1'],
        ['goal0', 'Enter at least one goal, in the family’s words'],
      ]),
    );
  });

  it('takes a goal in any row, but no name without its action, and at least one action', () => {
    expect(problems({ ...started, goal2: 'Jade gets to school on time', ownerName1: 'Mum' })).toEqual([
      ['action1', 'Enter action 2, or remove who does it'],
      ['action0', 'Enter at least one action'],
    ]);
  });

  it('gives the goals written and the complete actions, in order', () => {
    const answers = form.parse({ ...started, goal0: ' Jade gets to school on time ', goal3: 'Mum sleeps better', action0: 'Young carers group', owner0: 'partner', ownerName0: 'Carers Trust', action2: 'See the GP', owner2: 'family', ownerName2: 'Mum' });
    expect(planFrom(answers)).toEqual({
      startedOn: '2026-03-20',
      goals: ['Jade gets to school on time', 'Mum sleeps better'],
      actions: [
        { action: 'Young carers group', ownerKind: 'partner', ownerName: 'Carers Trust' },
        { action: 'See the GP', ownerKind: 'family', ownerName: 'Mum' },
      ],
    });
  });

  it('is agreed on or after the assessment was completed', () => {
    expect(problems({ 'started-day': '9', 'started-month': '3', 'started-year': '2026', goal0: 'A goal', action0: 'An action', owner0: 'family', ownerName0: 'Mum' })).toEqual([
      ['started', 'The date the plan was agreed must be on or after the assessment was completed (10 March 2026)'],
    ]);
  });
});
