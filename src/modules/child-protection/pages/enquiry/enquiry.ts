import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { choice, date, defineForm, text, version } from '../../../../platform/web/form.ts';
import { ENQUIRY_OUTCOME_LABELS } from '../../codes.ts';
import { openNow } from '../../open-now.ts';
import { codesOf, cpForm, options } from '../cp-form.ts';

/** The section 47 enquiry's outcome. */
export const enquiryForm = (startedOn: string, today: LocalDate) =>
  defineForm({
    version: version(),
    completed: date('the enquiry was completed', { today, earliest: { date: startedOn, what: 'the day it started' } }),
    outcome: choice(codesOf(ENQUIRY_OUTCOME_LABELS), 'Select the outcome of the enquiry'),
    findings: text('what the enquiry found', { required: true }),
  });

export function enquiryPage(app: FastifyInstance, deps: Deps) {
  cpForm(app, deps, 'enquiry', {
    template: 'modules/child-protection/pages/enquiry/enquiry.njk',
    title: 'Record the outcome of the section 47 enquiry',
    right: 'canDecide',
    target: (view) => {
      const e = openNow(view).enquiry;
      return e && !e.completedOn ? e : undefined;
    },
    context: () => ({ outcomes: options(ENQUIRY_OUTCOME_LABELS) }),
    form: (view) => enquiryForm(openNow(view).enquiry!.startedOn, todayInEngland(deps.clock)),
    save: (principal, view, input) =>
      deps.childProtection.completeEnquiry(principal, openNow(view).enquiry!.id, { version: input.version, completedOn: input.completed, outcome: input.outcome, findings: input.findings }),
    saved: 'enquiry',
  });
}
