import { LocalDate } from '@js-joda/core';
import type { z } from 'zod';
import type { EventFilters } from '../../platform/audit/service.ts';
import { CONTROL_CHARACTERS, EARLIEST_YEAR, field, readDateInput } from '../../platform/web/form-fields.ts';
import { dateParts, defineForm, fromDateInput, optionalChoice, refuse, type Earlier } from '../../platform/web/form.ts';

/** The audit trail's filters as the form gives them: a child may be named by LA person ID, which the route turns into its record id. */
export type TrailFilters = EventFilters & { laPersonId?: string | undefined };

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

/** A username, as the services record it (lower case). */
const username = field.transform((value, ctx) => {
  if (!value) return undefined;
  return value.length > 200 || CONTROL_CHARACTERS.test(value) ? refuse(ctx, 'Enter a username, like family.help') : value.toLowerCase();
});

/** A child by their record's id or their LA person ID (which the route turns into the record's id). */
const child = field.transform((value, ctx): { childId: string } | { laPersonId: string } | undefined => {
  if (!value) return undefined;
  if (UUID.test(value)) return { childId: value.toLowerCase() };
  if (LA_PERSON_ID.test(value)) return { laPersonId: value };
  return refuse(ctx, 'Enter the child’s LA person ID, like DB0001234, or their record’s id');
});

/** An action as the services name them, whether or not the list names it. */
const action = field.transform((value, ctx) => (!value ? undefined : ACTION.test(value) ? value : refuse(ctx, 'Select an action from the list')));

/**
 * A date the trail may be filtered from or to, which may be left out: not after today, and (the
 * end date) not before `from`: the platform's `date`, but left out when empty, as a LocalDate.
 */
const dateFilter = (label: string, today: LocalDate, from?: unknown) =>
  fromDateInput(
    dateParts.transform((parts, ctx): LocalDate | undefined => {
      const read = readDateInput(parts.day, parts.month, parts.year);
      if (read.kind === 'empty') return undefined;
      if (read.kind === 'incomplete') return refuse(ctx, `The ${label} must include a day, month and year`);
      if (read.kind === 'invalid') return refuse(ctx, `The ${label} must be a real date, like 3 3 2026`);
      if (read.kind === 'too_early') return refuse(ctx, `The ${label} must be in ${EARLIEST_YEAR} or later`);
      if (read.date.isAfter(today)) return refuse(ctx, `The ${label} must be today or in the past`);
      if (from instanceof LocalDate && read.date.isBefore(from)) return refuse(ctx, 'The end date must be the same as or after the start date');
      return read.date;
    }),
  );

/**
 * The audit trail's filters from the query string: who, which child, what, the outcome and a
 * date range (whole days in England, both ends included). Anything malformed is a problem at its
 * field, never a server error. An action is one the services could have recorded (a word of
 * lower-case letters and underscores), whether or not the list names it.
 */
export const filterForm = (today: LocalDate) =>
  defineForm({
    user: username,
    child,
    action,
    outcome: optionalChoice(OUTCOMES, 'Select an outcome from the list'),
    from: dateFilter('start date', today),
    to: ({ from }: Earlier) => dateFilter('end date', today, from),
  });

/** The filters to search by, and as the page states them back, from the form's answers. */
export function trailFilters(answers: z.infer<ReturnType<typeof filterForm>>): { filters: TrailFilters; stated: StatedFilters } {
  const filters: TrailFilters = {};
  const stated: StatedFilters = {};
  if (answers.user) filters.username = stated.user = answers.user;
  if (answers.child && 'childId' in answers.child) filters.childId = stated.child = answers.child.childId;
  if (answers.child && 'laPersonId' in answers.child) filters.laPersonId = stated.child = answers.child.laPersonId;
  if (answers.action) filters.action = stated.action = answers.action;
  if (answers.outcome) filters.outcome = stated.outcome = answers.outcome;
  if (answers.from) {
    filters.from = startOfDayInEngland(answers.from);
    stated.from = answers.from.toString();
  }
  if (answers.to) {
    filters.until = startOfDayInEngland(answers.to.plusDays(1));
    stated.to = answers.to.toString();
  }
  return { filters, stated };
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
