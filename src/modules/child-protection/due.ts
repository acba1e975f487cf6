import { LocalDate } from '@js-joda/core';
import { dueDate, timescaleState, type TimescaleRuleId } from '../../platform/timescales/rules.ts';
import { byUrgency, dueItem, type DueItem } from '../family-help/due.ts';
import type { ProtectionFacts } from './protection-read-model.ts';

/** The rule for a waiting strategy discussion: the same or next working day when urgent. */
const discussionRule = (urgent: boolean): TimescaleRuleId => (urgent ? 'urgent_strategy_discussion' : 'strategy_discussion');

/** Where a waiting strategy discussion's clock stands today. */
export function discussionClock(urgent: boolean, convenedOn: string, today: LocalDate) {
  const due = dueDate(discussionRule(urgent), LocalDate.parse(convenedOn));
  return { due, status: timescaleState(due, today) };
}

/**
 * What is due in a case's child protection work, from its dated facts: the strategy discussion,
 * the initial conference (15 working days from the discussion that started the enquiry), the
 * first review (3 months), later reviews (6 months), and visits every 10 working days while the
 * child is on a plan. Worked out each time, never stored.
 */
export function protectionDueItems(facts: ProtectionFacts, today: LocalDate): DueItem[] {
  const items: DueItem[] = [];
  const add = (rule: TimescaleRuleId, from: string) => items.push(dueItem(facts, rule, from, today));
  if (facts.discussionConvenedOn) add(discussionRule(facts.discussionUrgent ?? false), facts.discussionConvenedOn);
  if (facts.enquiryStartedOn) add('initial_child_protection_conference', facts.enquiryStartedOn);
  if (facts.planStartedOn) {
    if (facts.lastReviewOn) add('child_protection_review', facts.lastReviewOn);
    else add('first_child_protection_review', facts.planStartedOn);
    // Visits count from the plan's start: a visit before the plan does not cover it.
    const seen = facts.lastSeenOn && facts.lastSeenOn > facts.planStartedOn ? facts.lastSeenOn : facts.planStartedOn;
    add('child_protection_visit', seen);
  }
  return items;
}

/** Every due item across several cases, overdue first. */
export function allProtectionDue(facts: readonly ProtectionFacts[], today: LocalDate): DueItem[] {
  return facts.flatMap((f) => protectionDueItems(f, today)).sort(byUrgency);
}
