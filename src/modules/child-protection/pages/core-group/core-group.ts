import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { date, defineForm, text } from '../../../../platform/web/form.ts';
import { openNow } from '../../open-now.ts';
import { cpForm } from '../cp-form.ts';
import { lines } from '../fields.ts';

/** A core group meeting between conferences. */
export const coreGroupForm = (planStartedOn: string, today: LocalDate) =>
  defineForm({
    held: date('of the meeting', { today, earliest: { date: planStartedOn, what: 'the plan started' } }),
    attendees: lines(text('who attended', { required: true })),
    progress: text('what has changed for the child', { required: true }),
  });

export function coreGroupPage(app: FastifyInstance, deps: Deps) {
  cpForm(app, deps, 'core-group', {
    template: 'modules/child-protection/pages/core-group/core-group.njk',
    title: 'Record a core group meeting',
    right: 'canRecord',
    target: (view) => openNow(view).plan,
    form: (view) => coreGroupForm(openNow(view).plan!.startedOn, todayInEngland(deps.clock)),
    save: (principal, view, input) => deps.childProtection.recordCoreGroup(principal, openNow(view).plan!.id, { heldOn: input.held, attendees: input.attendees, progress: input.progress }),
    saved: 'core-group',
  });
}
