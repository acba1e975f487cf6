import type { FastifyInstance } from 'fastify';
import { DayOfWeek, LocalDate } from '@js-joda/core';
import { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { acknowledging } from '../../../../platform/recording-check.ts';
import { choice, date, defineForm, notAsked, text, type Earlier } from '../../../../platform/web/form.ts';
import { formatDate, optionsFrom } from '../../../../platform/web/views.ts';
import { ABUSE_CATEGORIES, CHILD_VIEWS_HOW, INITIAL_DECISION_LABELS, REVIEW_DECISION_LABELS } from '../../codes.ts';
import { openNow } from '../../open-now.ts';
import { codesOf, cpForm, options, type Overview } from '../cp-form.ts';
import { confirmed, lines } from '../fields.ts';

type Kind = 'initial' | 'review';

const weekendDay = (date: string) => {
  const day = LocalDate.parse(date).dayOfWeek();
  return day === DayOfWeek.SATURDAY ? 'Saturday' : day === DayOfWeek.SUNDAY ? 'Sunday' : undefined;
};

/**
 * An initial or review conference. CIN census rules are checked as it is recorded: a conference is
 * never on a weekend (8875), an initial one not before its enquiry started (8615), a review after
 * the plan started (8841).
 */
export const conferenceForm = (kind: Kind, earliest: string, today: LocalDate, child: { eighteenth: string | undefined; categorised: boolean } = { eighteenth: undefined, categorised: true }) =>
  defineForm({
    held: date('of the conference', {
      today,
      earliest: kind === 'initial' ? { date: earliest, what: 'the section 47 enquiry started' } : { date: LocalDate.parse(earliest).plusDays(1).toString(), what: 'the day after the plan started' },
    }),
    // Conferences are almost never at weekends, so a weekend date is usually a slip: ask, but
    // record one that was held then. The census will show an initial one as an error (8875) to explain.
    weekend: ({ held }: Earlier) => {
      const day = typeof held === 'string' ? weekendDay(held) : undefined;
      return day ? confirmed(`${formatDate(held)} is a ${day}. Check the date, or confirm that the conference was held at the weekend`) : z.unknown().transform(() => false);
    },
    attendees: lines(text('who attended', { required: true })),
    childViews: text('the child’s views, in their words', { required: true }),
    childViewsHow: choice(CHILD_VIEWS_HOW, 'Select how the child’s views were given'),
    parentsViews: text('the parents’ views', { required: true }),
    parentsRepresentative: text('the parents’ representative or advocate', { max: 200, oneLine: true }),
    decision: ({ held }: Earlier) =>
      choice(kind === 'initial' ? codesOf(INITIAL_DECISION_LABELS) : codesOf(REVIEW_DECISION_LABELS), 'Select the conference’s decision').superRefine((decision, ctx) => {
        if (decision === 'plan' && typeof held === 'string' && child.eighteenth && held >= child.eighteenth) {
          ctx.addIssue({ code: 'custom', message: `A child protection plan is for a child under 18: they turned 18 on ${formatDate(child.eighteenth)}. An extra-familial harm plan can continue to 25` });
        }
      }),
    // An extra-familial harm plan has no census category of abuse.
    category: ({ decision }: Earlier) => (child.categorised && (decision === 'plan' || decision === 'continue') ? choice(ABUSE_CATEGORIES, 'Select the category of abuse') : notAsked),
    reasons: text('the reasons for the decision', { required: true }),
  });

/** Whether the conference records a category of abuse: an initial one, or a review of a child protection plan (not an extra-familial harm plan). */
const categorised = (kind: Kind, view: Overview) => kind === 'initial' || openNow(view).plan!.kind === 'child_protection';

export function conferencePages(app: FastifyInstance, deps: Deps) {
  for (const kind of ['initial', 'review'] as const) {
    cpForm(app, deps, `${kind}-conference`, {
      template: 'modules/child-protection/pages/conference/conference.njk',
      title: kind === 'initial' ? 'Record the initial child protection conference' : 'Record the review conference',
      right: 'canDecide',
      // An initial conference follows an enquiry whose outcome is to hold one: not one still under way.
      target: (view) => (kind === 'initial' ? (openNow(view).enquiry?.outcome === 'conference' ? openNow(view).enquiry : undefined) : openNow(view).plan),
      context: (view) => ({
        kind,
        categorised: categorised(kind, view),
        decisions: options(kind === 'initial' ? INITIAL_DECISION_LABELS : REVIEW_DECISION_LABELS),
        categories: optionsFrom(ABUSE_CATEGORIES),
        hows: optionsFrom(CHILD_VIEWS_HOW),
        weekendOptions: optionsFrom({ yes: 'Yes, it was held on that day' }),
      }),
      form: (view) =>
        conferenceForm(kind, kind === 'initial' ? openNow(view).enquiry!.startedOn : openNow(view).plan!.startedOn, todayInEngland(deps.clock), {
          eighteenth: view.child.dateOfBirth ? LocalDate.parse(view.child.dateOfBirth).plusYears(18).toString() : undefined,
          categorised: categorised(kind, view),
        }),
      // A conference confirmed as held at a weekend is recorded, though the census will show it (8875).
      save: (principal, view, { held, weekend, ...input }) =>
        acknowledging(weekend ? ['8875'] : [], () => deps.childProtection.recordConference(principal, view.c.id, kind, { heldOn: held, ...input })),
      saved: `${kind}-conference`,
    });
  }
}
