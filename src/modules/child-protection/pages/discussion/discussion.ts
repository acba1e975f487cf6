import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { checkboxes, choice, date, defineForm, text, version } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { AGENCIES, STRATEGY_DECISION_LABELS } from '../../codes.ts';
import { openNow } from '../../open-now.ts';
import { codesOf, cpForm, options } from '../cp-form.ts';

/** The strategy discussion as held: when, which agencies took part (children's social care always), and the decision with reasons. */
export const discussionForm = (convenedOn: string, today: LocalDate) =>
  defineForm({
    version: version(),
    held: date('of the strategy discussion', { today, earliest: { date: convenedOn, what: 'the day it was convened' } }),
    agencies: checkboxes(AGENCIES, { min: 2, message: 'Select the agencies that took part: a strategy discussion has at least two' }).superRefine((agencies, ctx) => {
      if (!agencies.includes('social_care')) ctx.addIssue({ code: 'custom', message: 'Children’s social care takes part in every strategy discussion: select it' });
    }),
    decision: choice(codesOf(STRATEGY_DECISION_LABELS), 'Select the decision'),
    reasons: text('the reasons for the decision', { required: true }),
  });

export function discussionPage(app: FastifyInstance, deps: Deps) {
  cpForm(app, deps, 'discussion', {
    template: 'modules/child-protection/pages/discussion/discussion.njk',
    title: 'Record the strategy discussion',
    right: 'canDecide',
    target: (view) => openNow(view).discussion?.chairUserId,
    context: () => ({ agencies: optionsFrom(AGENCIES), decisions: options(STRATEGY_DECISION_LABELS) }),
    form: (view) => discussionForm(openNow(view).discussion!.convenedOn, todayInEngland(deps.clock)),
    save: (principal, view, input) =>
      deps.childProtection.recordDiscussion(principal, openNow(view).discussion!.id, { version: input.version, heldOn: input.held, agencies: input.agencies, decision: input.decision, reasons: input.reasons }),
    saved: 'discussion',
  });
}
