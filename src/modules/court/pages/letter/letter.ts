import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { date, defineForm } from '../../../../platform/web/form.ts';
import { courtForm } from '../court-form.ts';

/** Pre-proceedings begin with the letter before proceedings. */
export const letterForm = (referralDate: string, today: LocalDate) =>
  defineForm({
    sent: date('the letter was sent', { today, earliest: { date: referralDate, what: 'the referral' } }),
  });

export function letterPage(app: FastifyInstance, deps: Deps) {
  courtForm(app, deps, 'letter', {
    template: 'modules/court/pages/letter/letter.njk',
    title: 'Send the letter before proceedings',
    applies: (view) => !view.current,
    form: (view) => letterForm(view.c.referralDate, todayInEngland(deps.clock)),
    save: (principal, view, input) => deps.court.sendLetter(principal, view.c.id, { letterSentOn: input.sent }),
    saved: 'letter',
  });
}
