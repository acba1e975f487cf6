import type { LocalDate } from '@js-joda/core';
import { englandAndWales, type WorkingDayCalendar } from './working-days.ts';

/** How long a timescale runs: working days (England and Wales), calendar days, weeks or months. */
export type Period = { workingDays: number } | { days: number } | { weeks: number } | { months: number };

export interface TimescaleRule {
  /** What must be done, as a to-do item says it. */
  task: string;
  /** What starts the clock. */
  from: string;
  period: Period;
  /** Statute, statutory guidance, or a local rule the authority may change. */
  basis: string;
  local: boolean;
}

/**
 * Every timescale, as data (reference/practice.md §2). Modules name a rule and the date its clock
 * starts; the engine gives the due date and whether it is met, due or overdue.
 */
export const TIMESCALE_RULES = {
  request_decision: {
    task: 'Decide what happens next with the request for help',
    from: 'the request was received',
    period: { workingDays: 1 },
    basis: 'Working Together to Safeguard Children 2023: a decision within one working day of a referral',
    local: false,
  },
  assessment: {
    task: 'Complete the assessment',
    from: 'the referral',
    period: { workingDays: 45 },
    basis: 'Working Together to Safeguard Children 2023: no later than 45 working days from the referral',
    local: false,
  },
  family_help_plan: {
    task: 'Agree the Family Help plan',
    from: 'the assessment was completed',
    period: { workingDays: 10 },
    basis: 'Local rule: a plan within 10 working days of the assessment',
    local: true,
  },
  family_help_plan_review: {
    task: 'Review the Family Help plan',
    from: 'the plan was agreed or last reviewed',
    period: { months: 3 },
    basis: 'Local rule: child in need and Family Help plans reviewed at least every 3 months',
    local: true,
  },
  family_help_visit: {
    task: 'Visit the child',
    from: 'the case opened or the child was last seen',
    period: { workingDays: 20 },
    basis: 'Local rule: children in need seen at least every 20 working days',
    local: true,
  },
  urgent_strategy_discussion: {
    task: 'Hold the strategy discussion (urgent)',
    from: 'it was convened',
    period: { workingDays: 1 },
    basis: 'Working Together to Safeguard Children 2023 and local procedures: the same or the next working day when urgent',
    local: true,
  },
  strategy_discussion: {
    task: 'Hold the strategy discussion',
    from: 'it was convened',
    period: { workingDays: 3 },
    basis: 'Local rule: within 3 working days of being convened when not urgent',
    local: true,
  },
  initial_child_protection_conference: {
    task: 'Hold the initial child protection conference',
    from: 'the strategy discussion that started the section 47 enquiry',
    period: { workingDays: 15 },
    basis: 'Working Together to Safeguard Children 2023: within 15 working days of the strategy discussion',
    local: false,
  },
  first_child_protection_review: {
    task: 'Hold the first child protection review conference',
    from: 'the initial child protection conference',
    period: { months: 3 },
    basis: 'Working Together to Safeguard Children 2023: within 3 months of the initial conference',
    local: false,
  },
  child_protection_review: {
    task: 'Hold the child protection review conference',
    from: 'the last review conference',
    period: { months: 6 },
    basis: 'Working Together to Safeguard Children 2023: no more than 6 months apart',
    local: false,
  },
  child_protection_visit: {
    task: 'Visit the child (child protection plan)',
    from: 'the child was last seen',
    period: { workingDays: 10 },
    basis: 'Local rule: children on a child protection plan seen at least every 10 working days',
    local: true,
  },
  care_proceedings: {
    task: 'Conclude care proceedings',
    from: 'the application was issued',
    period: { weeks: 26 },
    basis: 'Children Act 1989 s.32(1)(a)(ii): 26 weeks',
    local: false,
  },
} as const satisfies Record<string, TimescaleRule>;

export type TimescaleRuleId = keyof typeof TIMESCALE_RULES;

/** The date a rule's clock started on falls due; months keep the day of the month, or the month's last day. */
export function dueDate(rule: TimescaleRuleId | TimescaleRule, from: LocalDate, calendar: WorkingDayCalendar = englandAndWales): LocalDate {
  const { period } = typeof rule === 'string' ? TIMESCALE_RULES[rule] : rule;
  if ('workingDays' in period) return calendar.addWorkingDays(from, period.workingDays);
  if ('days' in period) return from.plusDays(period.days);
  if ('weeks' in period) return from.plusWeeks(period.weeks);
  return from.plusMonths(period.months);
}

export type TimescaleState =
  | { state: 'due'; due: LocalDate; workingDaysLeft: number }
  | { state: 'due_today'; due: LocalDate }
  | { state: 'overdue'; due: LocalDate; workingDaysOverdue: number }
  | { state: 'met'; due: LocalDate; done: LocalDate }
  | { state: 'late'; due: LocalDate; done: LocalDate; workingDaysLate: number };

/** Where a timescale stands today, or how it ended. */
export function timescaleState(due: LocalDate, today: LocalDate, done?: LocalDate, calendar: WorkingDayCalendar = englandAndWales): TimescaleState {
  if (done) return done.isAfter(due) ? { state: 'late', due, done, workingDaysLate: calendar.workingDaysBetween(due, done) } : { state: 'met', due, done };
  if (today.isEqual(due)) return { state: 'due_today', due };
  if (today.isBefore(due)) return { state: 'due', due, workingDaysLeft: calendar.workingDaysBetween(today, due) };
  return { state: 'overdue', due, workingDaysOverdue: calendar.workingDaysBetween(due, today) };
}
