import { DayOfWeek, LocalDate } from '@js-joda/core';
import { z } from 'zod';
import { dateFields, field, list, pastDate, textAnswer, versionField, yesNo, type Problem } from '../../platform/web/form-fields.ts';
import { formatDate } from '../../platform/web/views.ts';
import {
  ABUSE_CATEGORIES,
  AGENCIES,
  CHILD_VIEWS_HOW,
  CONSENT_STATES,
  ENQUIRY_OUTCOME_LABELS,
  HARM_CONTEXT_KIND_LABELS,
  INITIAL_DECISION_LABELS,
  isCode,
  LAWFUL_BASES,
  PLAN_END_REASONS,
  REVIEW_DECISION_LABELS,
  STRATEGY_DECISION_LABELS,
  type Agency,
} from './codes.ts';

const problems = (ctx: z.RefinementCtx): Problem => (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
const after = (date: string, what: string) => ({ date, says: `${what} (${formatDate(date)})` });
const isWeekend = (date: string) => [DayOfWeek.SATURDAY, DayOfWeek.SUNDAY].includes(LocalDate.parse(date).dayOfWeek());

/** Convening a strategy discussion: how urgent, and what is known (the part that may be shared). */
export function conveneForm() {
  return z.object({ urgent: field, concerns: field }).transform((form, ctx) => {
    const problem = problems(ctx);
    const urgent = yesNo(form.urgent);
    if (urgent === undefined) problem('urgent', 'Select whether the strategy discussion is urgent');
    const concerns = textAnswer(problem, form.concerns, 'concerns', 'what is known and why significant harm is suspected', { required: true });
    return { urgent: urgent ?? false, concerns: concerns ?? '' };
  });
}
export const CONVENE_FIELDS = ['urgent', 'concerns'] as const;

/** A partner user a share can be made with, and the agency they speak for. */
export interface PartnerChoice {
  id: string;
  agency: Agency;
}

/**
 * An information-sharing decision (golden rules 6 and 7): with whom, what, why, the lawful basis,
 * and consent or the reason there was none. A decision not to share is recorded the same way.
 */
export function shareForm(partners: readonly PartnerChoice[]) {
  return z
    .object({ decision: field, partner: field, agency: field, what: field, reasons: field, lawfulBasis: field, consent: field, consentReason: field })
    .transform((form, ctx) => {
      const problem = problems(ctx);
      const decision = (['share', 'not_share'] as const).find((d) => d === form.decision);
      if (!decision) problem('decision', 'Select whether you are sharing information');
      let partner: PartnerChoice | undefined;
      let agency: Agency | undefined;
      if (decision === 'share') {
        partner = partners.find((p) => p.id === form.partner);
        if (!partner) problem('partner', 'Select who you are sharing with');
        agency = partner?.agency;
      } else if (decision === 'not_share') {
        agency = isCode(AGENCIES, form.agency) ? form.agency : undefined;
        if (!agency) problem('agency', 'Select the agency you decided not to share with');
      }
      const what = textAnswer(problem, form.what, 'what', 'what you are sharing', { required: decision === 'share' });
      const reasons = textAnswer(problem, form.reasons, 'reasons', decision === 'not_share' ? 'why you decided not to share' : 'why this needs to be shared', { required: true });
      const lawfulBasis = isCode(LAWFUL_BASES, form.lawfulBasis) ? form.lawfulBasis : undefined;
      if (!lawfulBasis) problem('lawfulBasis', 'Select the lawful basis');
      const consent = isCode(CONSENT_STATES, form.consent) ? form.consent : undefined;
      if (!consent) problem('consent', 'Select whether the family consented');
      // Only sharing without the family's consent needs its reason: a decision not to share goes ahead with nothing.
      const consentReason = textAnswer(problem, form.consentReason, 'consentReason', 'the reason for going ahead without consent', { required: decision === 'share' && consent !== undefined && consent !== 'given' });
      return {
        decision: decision ?? 'not_share',
        partnerUserId: partner?.id,
        agency: agency ?? 'other',
        what: decision === 'share' ? what : undefined,
        reasons: reasons ?? '',
        lawfulBasis: lawfulBasis ?? 'public_task_safeguarding',
        consent: consent ?? 'not_sought',
        consentReason,
      };
    });
}
export const SHARE_FIELDS = ['decision', 'partner', 'agency', 'what', 'reasons', 'lawfulBasis', 'consent', 'consentReason'] as const;
export type ShareInput = z.infer<ReturnType<typeof shareForm>>;

/** The strategy discussion as held: when, which agencies took part, and the decision with reasons. */
export function discussionForm(convenedOn: string, today: LocalDate) {
  return z.object({ version: versionField, ...dateFields('held'), agencies: list, decision: field, reasons: field }).transform((form, ctx) => {
    const problem = problems(ctx);
    const heldOn = pastDate(problem, form, 'held', 'of the strategy discussion', today, after(convenedOn, 'the day it was convened'));
    const agencies = form.agencies.filter((a): a is Agency => isCode(AGENCIES, a));
    if (agencies.length < 2) problem('agencies', 'Select the agencies that took part: a strategy discussion has at least two');
    else if (!agencies.includes('social_care')) problem('agencies', 'Children’s social care takes part in every strategy discussion: select it');
    const decision = isCode(STRATEGY_DECISION_LABELS, form.decision) ? form.decision : undefined;
    if (!decision) problem('decision', 'Select the decision');
    const reasons = textAnswer(problem, form.reasons, 'reasons', 'the reasons for the decision', { required: true });
    return { version: Number(form.version), heldOn: heldOn ?? '', agencies, decision: decision ?? 'no_further_action', reasons: reasons ?? '' };
  });
}
export const DISCUSSION_FIELDS = ['held', 'agencies', 'decision', 'reasons'] as const;

/** The section 47 enquiry's outcome. */
export function enquiryForm(startedOn: string, today: LocalDate) {
  return z.object({ version: versionField, ...dateFields('completed'), outcome: field, findings: field }).transform((form, ctx) => {
    const problem = problems(ctx);
    const completedOn = pastDate(problem, form, 'completed', 'the enquiry was completed', today, after(startedOn, 'the day it started'));
    const outcome = isCode(ENQUIRY_OUTCOME_LABELS, form.outcome) ? form.outcome : undefined;
    if (!outcome) problem('outcome', 'Select the outcome of the enquiry');
    const findings = textAnswer(problem, form.findings, 'findings', 'what the enquiry found', { required: true });
    return { version: Number(form.version), completedOn: completedOn ?? '', outcome: outcome ?? 'no_further_action', findings: findings ?? '' };
  });
}
export const ENQUIRY_FIELDS = ['completed', 'outcome', 'findings'] as const;

/**
 * An initial or review conference. CIN census rules are checked as it is recorded: a conference is
 * never on a weekend (8875), an initial one not before its enquiry started (8615), a review after
 * the plan started (8841).
 */
export function conferenceForm(kind: 'initial' | 'review', earliest: string, today: LocalDate, child: { eighteenth: string | undefined; categorised: boolean } = { eighteenth: undefined, categorised: true }) {
  const decisions = kind === 'initial' ? INITIAL_DECISION_LABELS : REVIEW_DECISION_LABELS;
  return z
    .object({ ...dateFields('held'), weekend: field, attendees: field, childViews: field, childViewsHow: field, parentsViews: field, parentsRepresentative: field, decision: field, category: field, reasons: field })
    .transform((form, ctx) => {
      const problem = problems(ctx);
      const heldOn = pastDate(problem, form, 'held', 'of the conference', today, kind === 'initial' ? after(earliest, 'the section 47 enquiry started') : after(LocalDate.parse(earliest).plusDays(1).toString(), 'the day after the plan started'));
      // Conferences are almost never at weekends, so a weekend date is usually a slip: ask, but
      // record one that was held then. The census will show an initial one as an error (8875) to explain.
      const atWeekend = heldOn !== undefined && isWeekend(heldOn);
      if (atWeekend && form.weekend !== 'yes') {
        const day = LocalDate.parse(heldOn).dayOfWeek() === DayOfWeek.SATURDAY ? 'Saturday' : 'Sunday';
        problem('weekend', `${formatDate(heldOn)} is a ${day}. Check the date, or confirm that the conference was held at the weekend`);
      }
      const attendeesText = textAnswer(problem, form.attendees, 'attendees', 'who attended', { required: true });
      const attendees = (attendeesText ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
      const childViews = textAnswer(problem, form.childViews, 'childViews', 'the child’s views, in their words', { required: true });
      const childViewsHow = isCode(CHILD_VIEWS_HOW, form.childViewsHow) ? form.childViewsHow : undefined;
      if (!childViewsHow) problem('childViewsHow', 'Select how the child’s views were given');
      const parentsViews = textAnswer(problem, form.parentsViews, 'parentsViews', 'the parents’ views', { required: true });
      const parentsRepresentative = textAnswer(problem, form.parentsRepresentative, 'parentsRepresentative', 'the parents’ representative or advocate', { max: 200, oneLine: true });
      const decision = isCode(decisions, form.decision) ? (form.decision as 'plan' | 'no_plan' | 'continue' | 'end') : undefined;
      if (!decision) problem('decision', 'Select the conference’s decision');
      if (decision === 'plan' && heldOn && child.eighteenth && heldOn >= child.eighteenth) {
        problem('decision', `A child protection plan is for a child under 18: they turned 18 on ${formatDate(child.eighteenth)}. An extra-familial harm plan can continue to 25`);
      }
      // An extra-familial harm plan has no census category of abuse.
      const needsCategory = child.categorised && (decision === 'plan' || decision === 'continue');
      const category = isCode(ABUSE_CATEGORIES, form.category) ? (form.category) : undefined;
      if (needsCategory && !category) problem('category', 'Select the category of abuse');
      const reasons = textAnswer(problem, form.reasons, 'reasons', 'the reasons for the decision', { required: true });
      return {
        heldOn: heldOn ?? '',
        atWeekend,
        attendees,
        childViews: childViews ?? '',
        childViewsHow: childViewsHow ?? 'worker',
        parentsViews: parentsViews ?? '',
        parentsRepresentative,
        decision: decision ?? (kind === 'initial' ? 'no_plan' : 'continue'),
        category: needsCategory ? category : undefined,
        reasons: reasons ?? '',
      };
    });
}
export const CONFERENCE_FIELDS = ['held', 'weekend', 'attendees', 'childViews', 'childViewsHow', 'parentsViews', 'parentsRepresentative', 'decision', 'category', 'reasons'] as const;
export type ConferenceInput = z.infer<ReturnType<typeof conferenceForm>>;

/** A core group meeting between conferences. */
export function coreGroupForm(planStartedOn: string, today: LocalDate) {
  return z.object({ ...dateFields('held'), attendees: field, progress: field }).transform((form, ctx) => {
    const problem = problems(ctx);
    const heldOn = pastDate(problem, form, 'held', 'of the meeting', today, after(planStartedOn, 'the plan started'));
    const attendeesText = textAnswer(problem, form.attendees, 'attendees', 'who attended', { required: true });
    const progress = textAnswer(problem, form.progress, 'progress', 'what has changed for the child', { required: true });
    return { heldOn: heldOn ?? '', attendees: (attendeesText ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean), progress: progress ?? '' };
  });
}
export const CORE_GROUP_FIELDS = ['held', 'attendees', 'progress'] as const;

/** A plan ending other than at a review conference (the child became looked after, moved away, turned 18). CIN 8840: not the day it started. */
export function endPlanForm(planStartedOn: string, today: LocalDate) {
  return z.object({ version: versionField, ...dateFields('ended'), reason: field }).transform((form, ctx) => {
    const problem = problems(ctx);
    const endedOn = pastDate(problem, form, 'ended', 'the plan ended', today, after(LocalDate.parse(planStartedOn).plusDays(1).toString(), 'the day after it started'));
    const reason = isCode(PLAN_END_REASONS, form.reason) ? form.reason : undefined;
    if (!reason) problem('reason', 'Select why the plan is ending');
    return { version: Number(form.version), endedOn: endedOn ?? '', reason: reason ?? 'other' };
  });
}
export const END_PLAN_FIELDS = ['ended', 'reason'] as const;

/** What a partner agency adds through a share. */
export function contributionForm() {
  return z.object({ body: field }).transform((form, ctx) => {
    const problem = problems(ctx);
    const body = textAnswer(problem, form.body, 'body', 'what your agency knows', { required: true, max: 10000 });
    return { body: body ?? '' };
  });
}
export const CONTRIBUTION_FIELDS = ['body'] as const;

/** A context of harm outside the home: what kind, what it is called, what is known. */
export function contextForm(today: LocalDate) {
  return z.object({ kind: field, name: field, description: field, ...dateFields('identified') }).transform((form, ctx) => {
    const problem = problems(ctx);
    const kind = isCode(HARM_CONTEXT_KIND_LABELS, form.kind) ? form.kind : undefined;
    if (!kind) problem('kind', 'Select what kind of context it is');
    const name = textAnswer(problem, form.name, 'name', 'a name for the context', { required: true, max: 200, oneLine: true });
    const description = textAnswer(problem, form.description, 'description', 'what is known about it', { required: true });
    const identifiedOn = pastDate(problem, form, 'identified', 'it was identified', today);
    return { kind: kind ?? 'other', name: name ?? '', description: description ?? '', identifiedOn: identifiedOn ?? '' };
  });
}
export const CONTEXT_FIELDS = ['kind', 'name', 'description', 'identified'] as const;

/** Linking a child to a context, and why. */
export function linkContextForm(contextIds: readonly string[]) {
  return z.object({ context: field, why: field }).transform((form, ctx) => {
    const problem = problems(ctx);
    const contextId = contextIds.find((id) => id === form.context);
    if (!contextId) problem('context', 'Select the context');
    const why = textAnswer(problem, form.why, 'why', 'why the child is linked to it', { required: true });
    return { contextId: contextId ?? '', why: why ?? '' };
  });
}
export const LINK_CONTEXT_FIELDS = ['context', 'why'] as const;

/**
 * An extra-familial harm plan: from a single joint assessment, jointly with the youth justice
 * service for a child known to both; it can continue past 18, to 25.
 */
export function efhPlanForm(earliest: string, twentyFifth: string, today: LocalDate) {
  return z.object({ ...dateFields('started'), jointAssessment: field, youthJustice: field, youthJusticeWorker: field }).transform((form, ctx) => {
    const problem = problems(ctx);
    let startedOn = pastDate(problem, form, 'started', 'the plan started', today, after(earliest, 'the strategy discussion'));
    if (startedOn && startedOn >= twentyFifth) {
      problem('started', `An extra-familial harm plan is for a young person under 25: they turned 25 on ${formatDate(twentyFifth)}`);
      startedOn = undefined;
    }
    const jointAssessment = textAnswer(problem, form.jointAssessment, 'jointAssessment', 'what the joint assessment found', { required: true });
    const youthJustice = yesNo(form.youthJustice);
    if (youthJustice === undefined) problem('youthJustice', 'Select whether the youth justice service also works with the child');
    const youthJusticeWorker = textAnswer(problem, form.youthJusticeWorker, 'youthJusticeWorker', 'the youth justice worker’s name', { required: youthJustice === true, max: 200, oneLine: true });
    return { startedOn: startedOn ?? '', jointAssessment: jointAssessment ?? '', youthJusticeWorker: youthJustice ? youthJusticeWorker : undefined };
  });
}
export const EFH_PLAN_FIELDS = ['started', 'jointAssessment', 'youthJustice', 'youthJusticeWorker'] as const;
