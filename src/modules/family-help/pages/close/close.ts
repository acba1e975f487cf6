import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { choice, date, defineForm, version } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { CLOSURE_REASONS } from '../../codes.ts';
import { caseForm, type CaseView } from '../case-form.ts';
import { onOrAfter, withRules } from '../fields.ts';

/** Closing the case, with the CIN census reason: not before `earliest`. */
export const closeForm = (earliest: string, today: LocalDate) =>
  withRules(
    defineForm({
      version: version(),
      closed: date('the case closed', { today }),
      reason: choice(CLOSURE_REASONS, 'Select why the case is closing'),
    }),
    onOrAfter('closed', 'the case closed', today, earliest),
  );

/** Not before the case opened, nor before its current basis began. */
const earliestFor = (view: CaseView) => {
  const basisFrom = view.basisNow?.fromDate ?? view.c.openedOn;
  return basisFrom > view.c.openedOn ? basisFrom : view.c.openedOn;
};

export function closePage(app: FastifyInstance, deps: Deps) {
  caseForm(app, deps, 'close', {
    template: 'modules/family-help/pages/close/close.njk',
    title: 'Close the case',
    right: 'canManage',
    context: () => ({ reasons: optionsFrom(CLOSURE_REASONS) }),
    form: (view) => closeForm(earliestFor(view), todayInEngland(deps.clock)),
    save: (principal, view, input) => deps.cases.close(principal, view.c.id, { version: input.version, closedOn: input.closed, reason: input.reason }),
    saved: 'closed',
  });
}
