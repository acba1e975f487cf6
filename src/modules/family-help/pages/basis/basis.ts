import type { FastifyInstance } from 'fastify';
import { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { choice, date, defineForm, text, version } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { BASIS_LABELS } from '../../front-door-codes.ts';
import type { StatutoryBasis } from '../../tables.ts';
import { caseForm } from '../case-form.ts';
import { onOrAfter, withRules } from '../fields.ts';

/**
 * A change of statutory basis: the case, its worker and its history stay. The current basis
 * began on `currentFrom`: the new one starts the day after at the earliest (the current one lasts
 * at least a day), and never before the referral.
 */
export const basisForm = (current: StatutoryBasis, currentFrom: string | undefined, referralDate: string, today: LocalDate) => {
  const earliest = currentFrom ? LocalDate.parse(currentFrom).plusDays(1).toString() : referralDate;
  const form = defineForm({
    version: version(),
    basis: choice(BASIS_LABELS, 'Select the new basis').transform((basis, ctx) => {
      if (basis !== current) return basis;
      ctx.addIssue({ code: 'custom', message: `The help is already ${BASIS_LABELS[current].toLowerCase()}: select the other basis` });
      return z.NEVER;
    }),
    from: date('the change applies from', { today }),
    reason: text('why the basis is changing', { required: true }),
  });
  return withRules(form, onOrAfter('from', 'the change applies from', today, earliest));
};

export function basisPage(app: FastifyInstance, deps: Deps) {
  caseForm(app, deps, 'basis', {
    template: 'modules/family-help/pages/basis/basis.njk',
    title: 'Change the basis for the help',
    right: 'canManage',
    context: (view) => ({ bases: optionsFrom(BASIS_LABELS), currentBasis: view.currentBasis }),
    form: (view) => basisForm(view.currentBasis, view.basisNow?.fromDate, view.c.referralDate, todayInEngland(deps.clock)),
    save: (principal, view, input) => deps.cases.changeBasis(principal, view.c.id, { version: input.version, basis: input.basis, fromDate: input.from, reason: input.reason }),
    saved: 'basis',
  });
}
