import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { choice, date, defineForm, notAsked, text } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { APPLICATIONS } from '../../codes.ts';
import { courtForm } from '../court-form.ts';

/**
 * Issuing proceedings. Family group decision making must have been offered first; if it was not,
 * the emergency and why there was no time are required (the duty before proceedings).
 */
export const issueForm = (earliest: { date: string; what: string }, fgdmOffered: boolean, today: LocalDate) =>
  defineForm({
    issued: date('the application was issued', { today, earliest }),
    court: text('the court', { required: true, max: 200, oneLine: true }),
    application: choice(APPLICATIONS, 'Select the application'),
    emergencyReason: fgdmOffered ? notAsked : text('the emergency, and why family group decision making could not be offered first', { required: true }),
  });

export function issuePage(app: FastifyInstance, deps: Deps) {
  courtForm(app, deps, 'issue', {
    template: 'modules/court/pages/issue/issue.njk',
    title: 'Issue care proceedings',
    applies: (view) => !view.current?.issuedOn,
    context: (view) => ({ applicationOptions: optionsFrom(APPLICATIONS), fgdmOffered: !!view.current?.fgdmOfferedOn }),
    form: (view) =>
      issueForm(
        view.current?.letterSentOn ? { date: view.current.letterSentOn, what: 'the letter was sent' } : { date: view.c.referralDate, what: 'the referral' },
        !!view.current?.fgdmOfferedOn,
        todayInEngland(deps.clock),
      ),
    save: (principal, view, input) =>
      deps.court.issue(principal, view.c.id, { version: view.current?.version, issuedOn: input.issued, court: input.court, application: input.application, emergencyReason: input.emergencyReason }),
    saved: 'issued',
  });
}
