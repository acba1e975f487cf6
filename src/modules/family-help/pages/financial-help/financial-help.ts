import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { choice, date, defineForm, text } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { FINANCIAL_HELP_KINDS } from '../../case-codes.ts';
import { caseForm } from '../case-form.ts';
import { amountInPence } from '../fields.ts';

/** Money given to the family: when, how much (in pounds and pence), what for. */
export const financialHelpForm = (referralDate: string, today: LocalDate) =>
  defineForm({
    given: date('it was given', { today, earliest: { date: referralDate, what: 'the referral' } }),
    amount: amountInPence,
    kind: choice(FINANCIAL_HELP_KINDS, 'Select what the money was for'),
    note: text('the note', { max: 500, oneLine: true }),
  });

export function financialHelpPage(app: FastifyInstance, deps: Deps) {
  caseForm(app, deps, 'financial-help', {
    template: 'modules/family-help/pages/financial-help/financial-help.njk',
    title: 'Record financial help',
    context: () => ({ kinds: optionsFrom(FINANCIAL_HELP_KINDS) }),
    form: (view) => financialHelpForm(view.c.referralDate, todayInEngland(deps.clock)),
    save: (principal, view, input) => deps.cases.recordFinancialHelp(principal, view.c.id, { givenOn: input.given, amountPence: input.amount, kind: input.kind, note: input.note }),
    saved: 'money',
  });
}
