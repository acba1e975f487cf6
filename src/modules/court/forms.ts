import type { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import { dateFields, field, pastDate, textAnswer, type Problem } from '../../platform/web/form-fields.ts';
import { formatDate } from '../../platform/web/views.ts';
import { APPLICATIONS, FGDM_RESPONSES, HEARING_TYPES, isCode, OUTCOMES } from './codes.ts';

const problems = (ctx: z.RefinementCtx): Problem => (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
const onOrAfter = (date: string, what: string) => ({ date, says: `${what} (${formatDate(date)})` });

/** Pre-proceedings begin with the letter before proceedings. */
export function letterForm(referralDate: string, today: LocalDate) {
  return z.object(dateFields('sent')).transform((form, ctx) => ({ letterSentOn: pastDate(problems(ctx), form, 'sent', 'the letter was sent', today, onOrAfter(referralDate, 'the referral')) ?? '' }));
}
export const LETTER_FIELDS = ['sent'] as const;

/** The offer of family group decision making, and the family's answer. */
export function fgdmForm(referralDate: string, today: LocalDate) {
  return z.object({ ...dateFields('offered'), response: field }).transform((form, ctx) => {
    const problem = problems(ctx);
    const offeredOn = pastDate(problem, form, 'offered', 'it was offered', today, onOrAfter(referralDate, 'the referral'));
    const response = isCode(FGDM_RESPONSES, form.response) ? form.response : undefined;
    if (!response) problem('response', 'Select what the family said');
    return { offeredOn: offeredOn ?? '', response: response ?? 'declined' };
  });
}
export const FGDM_FIELDS = ['offered', 'response'] as const;

/** A pre-proceedings meeting or a hearing. */
export function eventForm(kind: 'pre_proceedings_meeting' | 'hearing', earliest: { date: string; what: string }, today: LocalDate) {
  return z.object({ ...dateFields('held'), hearingType: field, summary: field }).transform((form, ctx) => {
    const problem = problems(ctx);
    const heldOn = pastDate(problem, form, 'held', kind === 'hearing' ? 'of the hearing' : 'of the meeting', today, onOrAfter(earliest.date, earliest.what));
    const hearingType = kind === 'hearing' ? (isCode(HEARING_TYPES, form.hearingType) ? form.hearingType : undefined) : undefined;
    if (kind === 'hearing' && !hearingType) problem('hearingType', 'Select the kind of hearing');
    const summary = textAnswer(problem, form.summary, 'summary', kind === 'hearing' ? 'what the court decided or directed' : 'what was agreed', { required: true });
    return { heldOn: heldOn ?? '', hearingType, summary: summary ?? '' };
  });
}
export const EVENT_FIELDS = ['held', 'hearingType', 'summary'] as const;

/**
 * Issuing proceedings. Family group decision making must have been offered first; if it was not,
 * the emergency and why there was no time are required (the duty before proceedings).
 */
export function issueForm(earliest: { date: string; what: string }, fgdmOffered: boolean, today: LocalDate) {
  return z.object({ ...dateFields('issued'), court: field, application: field, emergencyReason: field }).transform((form, ctx) => {
    const problem = problems(ctx);
    const issuedOn = pastDate(problem, form, 'issued', 'the application was issued', today, onOrAfter(earliest.date, earliest.what));
    const court = textAnswer(problem, form.court, 'court', 'the court', { required: true, max: 200, oneLine: true });
    const application = isCode(APPLICATIONS, form.application) ? form.application : undefined;
    if (!application) problem('application', 'Select the application');
    const emergencyReason = textAnswer(problem, form.emergencyReason, 'emergencyReason', 'the emergency, and why family group decision making could not be offered first', { required: !fgdmOffered });
    return { issuedOn: issuedOn ?? '', court: court ?? '', application: application ?? 'other', emergencyReason: fgdmOffered ? undefined : emergencyReason };
  });
}
export const ISSUE_FIELDS = ['issued', 'court', 'application', 'emergencyReason'] as const;

/** The outcome and orders; past 26 weeks, why. */
export function outcomeForm(issuedOn: string, deadline: string, today: LocalDate) {
  return z.object({ ...dateFields('decided'), outcome: field, extensionReason: field }).transform((form, ctx) => {
    const problem = problems(ctx);
    const outcomeOn = pastDate(problem, form, 'decided', 'of the final order', today, onOrAfter(issuedOn, 'the application was issued'));
    const outcome = isCode(OUTCOMES, form.outcome) ? form.outcome : undefined;
    if (!outcome) problem('outcome', 'Select the outcome');
    const late = outcomeOn !== undefined && outcomeOn > deadline;
    const extensionReason = textAnswer(problem, form.extensionReason, 'extensionReason', `why the proceedings took longer than 26 weeks (they were due to finish by ${formatDate(deadline)})`, { required: late });
    return { outcomeOn: outcomeOn ?? '', outcome: outcome ?? 'no_order', extensionReason: late ? extensionReason : undefined };
  });
}
export const OUTCOME_FIELDS = ['decided', 'outcome', 'extensionReason'] as const;
