import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { choice, date, defineForm, notAsked, text, type Earlier } from '../../../../platform/web/form.ts';
import { formatDate, optionsFrom } from '../../../../platform/web/views.ts';
import { OUTCOMES } from '../../codes.ts';
import { courtForm } from '../court-form.ts';

/** The outcome and orders; past 26 weeks (the final order after the deadline), why. */
export const outcomeForm = (issuedOn: string, deadline: string, today: LocalDate) =>
  defineForm({
    decided: date('of the final order', { today, earliest: { date: issuedOn, what: 'the application was issued' } }),
    outcome: choice(OUTCOMES, 'Select the outcome'),
    extensionReason: ({ decided }: Earlier) =>
      typeof decided === 'string' && decided > deadline ? text(`why the proceedings took longer than 26 weeks (they were due to finish by ${formatDate(deadline)})`, { required: true }) : notAsked,
  });

export function outcomePage(app: FastifyInstance, deps: Deps) {
  courtForm(app, deps, 'outcome', {
    template: 'modules/court/pages/outcome/outcome.njk',
    title: 'Record the outcome of the proceedings',
    applies: (view) => !!view.current?.issuedOn,
    context: () => ({ outcomeOptions: optionsFrom(OUTCOMES) }),
    form: (view) => outcomeForm(view.current!.issuedOn!, view.deadline!, todayInEngland(deps.clock)),
    save: (principal, view, input) =>
      deps.court.recordOutcome(principal, view.c.id, { version: view.current!.version, outcomeOn: input.decided, outcome: input.outcome, extensionReason: input.extensionReason }),
    saved: 'outcome',
  });
}
