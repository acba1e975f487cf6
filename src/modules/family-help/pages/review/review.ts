import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { date, defineForm, text } from '../../../../platform/web/form.ts';
import { caseForm } from '../case-form.ts';

/** A review of the plan: progress, in plain words, and what the child and family say. */
export const reviewForm = (planStartedOn: string, today: LocalDate) =>
  defineForm({
    reviewed: date('of the review', { today, earliest: { date: planStartedOn, what: 'the plan was agreed' } }),
    progress: text('what has changed', { required: true }),
    childViews: text('the child’s views'),
    familyViews: text('the family’s views'),
  });

export function reviewPage(app: FastifyInstance, deps: Deps) {
  caseForm(app, deps, 'review', {
    template: 'modules/family-help/pages/review/review.njk',
    title: 'Review the plan',
    applies: (view) => !!view.plan,
    form: (view) => reviewForm(view.plan!.startedOn, todayInEngland(deps.clock)),
    save: (principal, view, input) => deps.cases.reviewPlan(principal, view.c.id, { reviewedOn: input.reviewed, progress: input.progress, childViews: input.childViews, familyViews: input.familyViews }),
    saved: 'review',
  });
}
