// Child protection clocks from dated facts (reference/practice.md §2): the strategy discussion,
// the initial conference 15 working days after it, reviews at 3 months then every 6, visits every
// 10 working days on a plan; and the court's 26 weeks.
import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { discussionClock, protectionDueItems } from '../../src/modules/child-protection/due.ts';
import type { ProtectionFacts } from '../../src/modules/child-protection/protection-read-model.ts';
import { deadlineFor } from '../../src/modules/court/service.ts';

const base: ProtectionFacts = {
  caseId: 'c', personId: 'p', childName: 'A Child', leadPractitionerId: 'l', leadPractitionerName: 'Lead', teamName: 'Team',
  discussionConvenedOn: null, discussionUrgent: null, enquiryStartedOn: null, planStartedOn: null, lastReviewOn: null, lastSeenOn: null,
};
const due = (facts: Partial<ProtectionFacts>, today = '2026-06-01') => protectionDueItems({ ...base, ...facts }, LocalDate.parse(today)).map((i) => [i.rule, i.due.toString(), i.status.state]);

describe('child protection clocks', () => {
  it('an urgent strategy discussion is due the next working day; otherwise within 3 working days', () => {
    expect(discussionClock(true, '2026-05-01', LocalDate.parse('2026-05-01')).due.toString()).toBe('2026-05-05'); // Friday → Tuesday over the May bank holiday
    expect(discussionClock(false, '2026-05-01', LocalDate.parse('2026-05-01')).due.toString()).toBe('2026-05-07');
    expect(due({ discussionConvenedOn: '2026-05-28', discussionUrgent: true })).toEqual([['urgent_strategy_discussion', '2026-05-29', 'overdue']]);
  });

  it('the initial conference is due 15 working days after the strategy discussion that started the enquiry', () => {
    expect(due({ enquiryStartedOn: '2026-03-02' }, '2026-03-20')).toEqual([['initial_child_protection_conference', '2026-03-23', 'due']]);
    expect(due({ enquiryStartedOn: '2026-03-30' }, '2026-04-20')).toEqual([['initial_child_protection_conference', '2026-04-22', 'due']]); // Easter counted out
  });

  it('a plan has its first review at 3 months, then every 6, and visits every 10 working days from its start', () => {
    expect(due({ planStartedOn: '2026-03-16' }, '2026-03-20')).toEqual([
      ['first_child_protection_review', '2026-06-16', 'due'],
      ['child_protection_visit', '2026-03-30', 'due'],
    ]);
    expect(due({ planStartedOn: '2026-03-16', lastReviewOn: '2026-06-15', lastSeenOn: '2026-06-10' }, '2026-06-25')).toEqual([
      ['child_protection_review', '2026-12-15', 'due'],
      ['child_protection_visit', '2026-06-24', 'overdue'],
    ]);
  });

  it('a visit before the plan started does not cover it', () => {
    expect(due({ planStartedOn: '2026-03-16', lastSeenOn: '2026-03-10' }, '2026-03-17').at(-1)).toEqual(['child_protection_visit', '2026-03-30', 'due']);
  });

  it('care proceedings are due to end 26 weeks after they were issued', () => {
    expect(deadlineFor('2026-04-01')).toBe('2026-09-30');
  });
});
