import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { choice, date, defineForm } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { FGDM_RESPONSES } from '../../codes.ts';
import { courtForm } from '../court-form.ts';

/** The offer of family group decision making, and the family's answer. */
export const fgdmForm = (referralDate: string, today: LocalDate) =>
  defineForm({
    offered: date('it was offered', { today, earliest: { date: referralDate, what: 'the referral' } }),
    response: choice(FGDM_RESPONSES, 'Select what the family said'),
  });

export function fgdmPage(app: FastifyInstance, deps: Deps) {
  courtForm(app, deps, 'fgdm', {
    template: 'modules/court/pages/fgdm/fgdm.njk',
    title: 'Record the offer of family group decision making',
    applies: (view) => !!view.current && !view.current.issuedOn,
    context: () => ({ responses: optionsFrom(FGDM_RESPONSES) }),
    form: (view) => fgdmForm(view.c.referralDate, todayInEngland(deps.clock)),
    save: (principal, view, input) => deps.court.recordFgdmOffer(principal, view.c.id, { version: view.current!.version, offeredOn: input.offered, response: input.response }),
    saved: 'fgdm',
  });
}
