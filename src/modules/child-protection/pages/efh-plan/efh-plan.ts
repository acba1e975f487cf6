import type { FastifyInstance } from 'fastify';
import { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { date, defineForm, text, yesNo, type Earlier } from '../../../../platform/web/form.ts';
import { formatDate, optionsFrom } from '../../../../platform/web/views.ts';
import { YES_NO } from '../../codes.ts';
import { openNow } from '../../open-now.ts';
import { cpForm } from '../cp-form.ts';

/**
 * An extra-familial harm plan: from a single joint assessment, jointly with the youth justice
 * service for a child known to both; it can continue past 18, to 25.
 */
export const efhPlanForm = (earliest: string, twentyFifth: string, today: LocalDate) =>
  defineForm({
    started: date('the plan started', {
      today,
      earliest: { date: earliest, what: 'the strategy discussion' },
      before: { date: twentyFifth, message: `An extra-familial harm plan is for a young person under 25: they turned 25 on ${formatDate(twentyFifth)}` },
    }),
    jointAssessment: text('what the joint assessment found', { required: true }),
    youthJustice: yesNo('Select whether the youth justice service also works with the child'),
    youthJusticeWorker: ({ youthJustice }: Earlier) => text('the youth justice worker’s name', { required: youthJustice === true, max: 200, oneLine: true }),
  });

export function efhPlanPage(app: FastifyInstance, deps: Deps) {
  cpForm(app, deps, 'efh-plan', {
    template: 'modules/child-protection/pages/efh-plan/efh-plan.njk',
    title: 'Start an extra-familial harm plan',
    right: 'canDecide',
    target: (view) => openNow(view).efhPlanDue,
    context: () => ({ answers: optionsFrom(YES_NO) }),
    form: (view) => {
      const held = view.discussions.flatMap((d) => (d.heldOn ? [d.heldOn] : [])).sort().at(-1)!;
      const twentyFifth = view.child.dateOfBirth ? LocalDate.parse(view.child.dateOfBirth).plusYears(25).toString() : '9999-12-31';
      return efhPlanForm(held, twentyFifth, todayInEngland(deps.clock));
    },
    save: (principal, view, input) =>
      deps.childProtection.startEfhPlan(principal, view.c.id, { startedOn: input.started, jointAssessment: input.jointAssessment, youthJusticeWorker: input.youthJustice ? input.youthJusticeWorker : undefined }),
    saved: 'efh-plan',
  });
}
