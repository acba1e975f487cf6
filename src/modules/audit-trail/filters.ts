import type { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import type { EventFilters } from '../../platform/audit/service.ts';

/** The audit trail's filters as the form gives them: a child may be named by LA person ID, which the route turns into its record id. */
export type TrailFilters = EventFilters & { laPersonId?: string | undefined };
import { CONTROL_CHARACTERS, EARLIEST_YEAR, field, readDateInput } from '../../platform/web/form-fields.ts';

/** The filter fields, in page order (the error summary follows it). */
export const FILTER_FIELDS = ['user', 'child', 'action', 'outcome', 'from', 'to'] as const;

/** Every query parameter the filters read: the page links and the download keep exactly these. */
const FILTER_PARAMS = ['user', 'child', 'action', 'outcome', 'from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year'] as const;

export const OUTCOMES = ['success', 'denied', 'failure', 'error'] as const;
type Outcome = (typeof OUTCOMES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LA_PERSON_ID = /^[A-Za-z0-9]{1,30}$/;
/** An action as the services name them: lower-case words joined by underscores. */
const ACTION = /^[a-z][a-z0-9_]{0,63}$/;

/** Midnight in England at the start of a calendar date, as an instant (GMT or BST, whichever applied). */
export function startOfDayInEngland(date: LocalDate): Date {
  const utcMidnight = new Date(`${date.toString()}T00:00:00Z`);
  // England is UTC+0 or UTC+1, and the clocks change at 01:00 UTC: the hour in London at UTC
  // midnight is the offset for the whole of the night.
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(utcMidnight));
  return new Date(utcMidnight.getTime() - hour * 3_600_000);
}

/** The filters as the page states them back (for the audit record of the search, and the export). */
export interface StatedFilters {
  user?: string;
  child?: string;
  action?: string;
  outcome?: Outcome;
  from?: string;
  to?: string;
}

type Problem = (path: string, message: string) => void;

function dateFilter(problem: Problem, query: Record<string, string | undefined>, name: 'from' | 'to', label: string, today: LocalDate): LocalDate | undefined {
  const read = readDateInput(query[`${name}-day`], query[`${name}-month`], query[`${name}-year`]);
  if (read.kind === 'empty') return undefined;
  if (read.kind === 'incomplete') problem(name, `The ${label} must include a day, month and year`);
  else if (read.kind === 'invalid') problem(name, `The ${label} must be a real date, like 3 3 2026`);
  else if (read.kind === 'too_early') problem(name, `The ${label} must be in ${EARLIEST_YEAR} or later`);
  else if (read.date.isAfter(today)) problem(name, `The ${label} must be today or in the past`);
  else return read.date;
  return undefined;
}

/**
 * The audit trail's filters from the query string: who, which child, what, the outcome and a
 * date range (whole days in England, both ends included). Anything malformed is a problem at its
 * field, never a server error. An action is one the services could have recorded (a word of
 * lower-case letters and underscores), whether or not the list names it.
 */
export function filterForm(today: LocalDate) {
  return z
    .object({
      user: field,
      child: field,
      action: field,
      outcome: field,
      'from-day': field,
      'from-month': field,
      'from-year': field,
      'to-day': field,
      'to-month': field,
      'to-year': field,
    })
    .transform((query, ctx) => {
      const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
      const filters: TrailFilters = {};
      const stated: StatedFilters = {};

      if (query.user) {
        if (query.user.length > 200 || CONTROL_CHARACTERS.test(query.user)) problem('user', 'Enter a username, like family.help');
        else filters.username = stated.user = query.user.toLowerCase();
      }
      if (query.child) {
        if (UUID.test(query.child)) filters.childId = stated.child = query.child.toLowerCase();
        else if (LA_PERSON_ID.test(query.child)) filters.laPersonId = stated.child = query.child;
        else problem('child', 'Enter the child’s LA person ID, like DB0001234, or their record’s id');
      }
      if (query.action) {
        if (ACTION.test(query.action)) filters.action = stated.action = query.action;
        else problem('action', 'Select an action from the list');
      }
      if (query.outcome) {
        const outcome = OUTCOMES.find((o) => o === query.outcome);
        if (outcome) filters.outcome = stated.outcome = outcome;
        else problem('outcome', 'Select an outcome from the list');
      }
      const from = dateFilter(problem, query, 'from', 'start date', today);
      const to = dateFilter(problem, query, 'to', 'end date', today);
      if (from && to && to.isBefore(from)) problem('to', 'The end date must be the same as or after the start date');
      else {
        if (from) {
          filters.from = startOfDayInEngland(from);
          stated.from = from.toString();
        }
        if (to) {
          filters.until = startOfDayInEngland(to.plusDays(1));
          stated.to = to.toString();
        }
      }
      return { filters, stated };
    });
}

/** The filters as they were typed, for links to other pages of the results and to the download. */
export function filterQuery(query: Record<string, unknown>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const name of FILTER_PARAMS) {
    const value = query[name];
    if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim());
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The page asked for: a whole number from 1, or the first page for anything else. */
export function pageNumber(value: unknown): number {
  return typeof value === 'string' && /^\d{1,6}$/.test(value) && Number(value) >= 1 ? Number(value) : 1;
}

/** GOV.UK pagination for `pages` pages: the first, the last, and the pages either side of this one. */
export function pagination(page: number, pages: number, href: (page: number) => string) {
  if (pages <= 1) return undefined;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: { number?: string; href?: string; current?: boolean; ellipsis?: boolean }[] = [];
  let previous = 0;
  for (const n of shown) {
    if (n - previous > 1) items.push({ ellipsis: true });
    items.push({ number: String(n), href: href(n), current: n === page });
    previous = n;
  }
  return {
    items,
    ...(page > 1 ? { previous: { href: href(page - 1) } } : {}),
    ...(page < pages ? { next: { href: href(page + 1) } } : {}),
    landmarkLabel: 'Pages of audit events',
  };
}
