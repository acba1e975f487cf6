import type { FastifyInstance } from 'fastify';
import { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { choice, date, defineForm, version } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { PLAN_END_REASONS } from '../../codes.ts';
import { openNow } from '../../open-now.ts';
import { cpForm } from '../cp-form.ts';

/** A plan ending other than at a review conference (the child became looked after, moved away, turned 18). CIN 8840: not the day it started. */
export const endPlanForm = (planStartedOn: string, today: LocalDate) =>
  defineForm({
    version: version(),
    ended: date('the plan ended', { today, earliest: { date: LocalDate.parse(planStartedOn).plusDays(1).toString(), what: 'the day after it started' } }),
    reason: choice(PLAN_END_REASONS, 'Select why the plan is ending'),
  });

export function endPlanPage(app: FastifyInstance, deps: Deps) {
  cpForm(app, deps, 'end-plan', {
    template: 'modules/child-protection/pages/end-plan/end-plan.njk',
    title: 'End the child protection plan',
    right: 'canDecide',
    target: (view) => openNow(view).plan,
    // Ending at a review conference is recorded with the conference.
    context: () => ({ reasons: optionsFrom(PLAN_END_REASONS).filter((r) => r.value !== 'no_longer_at_risk') }),
    form: (view) => endPlanForm(openNow(view).plan!.startedOn, todayInEngland(deps.clock)),
    save: (principal, view, input) => deps.childProtection.endPlan(principal, openNow(view).plan!.id, { version: input.version, endedOn: input.ended, reason: input.reason }),
    saved: 'plan-ended',
  });
}
