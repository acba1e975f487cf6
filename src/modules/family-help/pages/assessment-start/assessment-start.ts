import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { date, defineForm } from '../../../../platform/web/form.ts';
import type { StatutoryBasis } from '../../tables.ts';
import { caseForm } from '../case-form.ts';

/**
 * Starting an assessment: the day it began, a real date and not in the future. Under section 17
 * the CIN census rules check it against the referral as it is saved (rule 1103, with the census's
 * words); early help is not in the census, so for it the form holds that rule itself.
 */
export const assessmentStartForm = (referralDate: string, basis: StatutoryBasis, today: LocalDate) =>
  defineForm({
    started: date('the assessment started', { today, ...(basis === 'section_17' ? {} : { earliest: { date: referralDate, what: 'the referral' } }) }),
  });

export function assessmentStartPage(app: FastifyInstance, deps: Deps) {
  caseForm(app, deps, 'assessment/start', {
    template: 'modules/family-help/pages/assessment-start/assessment-start.njk',
    title: 'Start an assessment',
    applies: (view) => !view.openAssessment, // one open assessment at a time
    form: (view) => assessmentStartForm(view.c.referralDate, view.currentBasis, todayInEngland(deps.clock)),
    save: (principal, view, input) => deps.cases.startAssessment(principal, view.c.id, { startedOn: input.started }),
    saved: 'assessment-started',
  });
}
