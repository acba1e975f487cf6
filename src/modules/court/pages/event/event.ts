import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { choice, date, defineForm, notAsked, text } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { HEARING_TYPES } from '../../codes.ts';
import { courtForm, type Overview } from '../court-form.ts';

type Kind = 'pre_proceedings_meeting' | 'hearing';

/** A pre-proceedings meeting or a hearing, on or after what came before it. */
export const eventForm = (kind: Kind, earliest: { date: string; what: string }, today: LocalDate) =>
  defineForm({
    held: date(kind === 'hearing' ? 'of the hearing' : 'of the meeting', { today, earliest }),
    hearingType: kind === 'hearing' ? choice(HEARING_TYPES, 'Select the kind of hearing') : notAsked,
    summary: text(kind === 'hearing' ? 'what the court decided or directed' : 'what was agreed', { required: true }),
  });

/** A hearing comes after the application was issued; a meeting after the letter (or the referral). */
const earliestFor = (kind: Kind, view: Overview) =>
  kind === 'hearing' ? { date: view.current!.issuedOn!, what: 'the application was issued' } : { date: view.current!.letterSentOn ?? view.c.referralDate, what: 'the letter was sent' };

export function eventPages(app: FastifyInstance, deps: Deps) {
  for (const kind of ['pre_proceedings_meeting', 'hearing'] as const) {
    courtForm(app, deps, kind === 'hearing' ? 'hearing' : 'meeting', {
      template: 'modules/court/pages/event/event.njk',
      title: kind === 'hearing' ? 'Record a hearing' : 'Record a pre-proceedings meeting',
      applies: (view) => (kind === 'hearing' ? !!view.current?.issuedOn : !!view.current && !view.current.issuedOn),
      context: () => ({ kind, types: optionsFrom(HEARING_TYPES) }),
      form: (view) => eventForm(kind, earliestFor(kind, view), todayInEngland(deps.clock)),
      save: (principal, view, input) => deps.court.recordEvent(principal, view.c.id, kind, { heldOn: input.held, hearingType: input.hearingType, summary: input.summary }),
      saved: kind,
    });
  }
}
