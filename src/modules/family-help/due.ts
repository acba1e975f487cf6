import { LocalDate } from '@js-joda/core';
import { dueDate, timescaleState, TIMESCALE_RULES, type TimescaleRuleId, type TimescaleState } from '../../platform/timescales/rules.ts';
import type { CaseFacts } from './cases-read-model.ts';

export interface DueItem {
  caseId: string;
  personId: string;
  childName: string;
  leadPractitionerId: string;
  leadPractitionerName: string;
  teamName: string;
  rule: TimescaleRuleId;
  task: string;
  due: LocalDate;
  status: TimescaleState;
}

/** The case a due item is about, as the lists show it. */
export type DueCase = Pick<DueItem, 'caseId' | 'personId' | 'childName' | 'leadPractitionerId' | 'leadPractitionerName' | 'teamName'>;

/** A rule's clock on a case, started on a date, as it stands today. */
export function dueItem(c: DueCase, rule: TimescaleRuleId, from: string, today: LocalDate): DueItem {
  const due = dueDate(rule, LocalDate.parse(from));
  const { caseId, personId, childName, leadPractitionerId, leadPractitionerName, teamName } = c;
  return { caseId, personId, childName, leadPractitionerId, leadPractitionerName, teamName, rule, task: TIMESCALE_RULES[rule].task, due, status: timescaleState(due, today) };
}

/**
 * What is due on an open case, from its dated facts and the timescale rules: the assessment
 * (45 working days from the referral), then the plan, then its reviews; and, while the child is
 * helped under section 17, visits. Nothing here is stored: it is worked out each time.
 */
export function dueItems(facts: CaseFacts, today: LocalDate): DueItem[] {
  const items: DueItem[] = [];
  const c = { ...facts, childName: `${facts.preferredName ?? facts.givenNames} ${facts.familyName}` };
  const add = (rule: TimescaleRuleId, from: string) => items.push(dueItem(c, rule, from, today));
  if (!facts.assessmentCompletedOn) add('assessment', facts.referralDate);
  else if (!facts.planStartedOn) add('family_help_plan', facts.assessmentCompletedOn);
  else add('family_help_plan_review', facts.lastReviewOn ?? facts.planStartedOn);
  if (facts.basis === 'section_17') add('family_help_visit', facts.lastSeenOn ?? facts.openedOn);
  return items;
}

/**
 * Clocks a layer's work stops: while a child is on a child protection plan (its visit clock is
 * running), the plan's visits and reviews are the child's only clocks — the Family Help plan it
 * replaced (CIN rule 4001), that plan's reviews and the Family Help visits are not also due.
 */
const STOPPED_BY: Partial<Record<TimescaleRuleId, readonly TimescaleRuleId[]>> = {
  child_protection_visit: ['family_help_visit', 'family_help_plan', 'family_help_plan_review'],
};

/** A case's own due items with its layers' (child protection, court), less those a layer's work stops. */
export function withLayers(own: readonly DueItem[], layered: readonly DueItem[]): DueItem[] {
  const stopped = new Set(layered.flatMap((item) => (STOPPED_BY[item.rule] ?? []).map((rule) => `${item.caseId}|${rule}`)));
  return [...own.filter((item) => !stopped.has(`${item.caseId}|${item.rule}`)), ...layered];
}

/** Overdue first (longest overdue at the top), then due today, then by due date. */
export function byUrgency(a: DueItem, b: DueItem): number {
  const rank = (i: DueItem) => (i.status.state === 'overdue' ? 0 : i.status.state === 'due_today' ? 1 : 2);
  return rank(a) - rank(b) || a.due.compareTo(b.due) || a.childName.localeCompare(b.childName);
}
