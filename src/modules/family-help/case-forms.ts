import { LocalDate } from '@js-joda/core';
import { formatDate } from '../../platform/web/views.ts';
import { z } from 'zod';
import { dateFields, field, list, pastDate, readVersion, textAnswer, versionField, yesNo, type Problem } from '../../platform/web/form-fields.ts';
import { ASSESSMENT_FACTORS, CLOSURE_REASONS, isCode, type AssessmentFactor } from './codes.ts';
import { BASIS_LABELS } from './decision-form.ts';
import type { ACTION_OWNERS} from './tables.ts';
import { type StatutoryBasis } from './tables.ts';

/** The clock's facts a case form checks dates against. */
export interface CaseDates {
  today: LocalDate;
  referralDate: string;
  referralSays: string;
  startedOn?: string | undefined;
  startedSays?: string | undefined;
}

/**
 * Starting an assessment: the day it began, a real date and not in the future. Under section 17
 * the CIN census rules check it against the referral as it is saved (rule 1103, with the census's
 * words); early help is not in the census, so for it the form holds that rule itself.
 */
export function assessmentStartForm(dates: CaseDates, basis: StatutoryBasis) {
  return z.object({ ...dateFields('started') }).transform((form, ctx) => {
    const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
    const earliest = basis === 'section_17' ? undefined : { date: dates.referralDate, says: `the referral (${dates.referralSays})` };
    return { startedOn: pastDate(problem, form, 'started', 'the assessment started', dates.today, earliest) ?? '' };
  });
}
export const ASSESSMENT_START_FIELDS = ['started'] as const;

/**
 * The completed assessment. CIN census rules are checked here, when the practitioner still knows
 * the answer. "Save as draft" (`action=draft`) keeps what is written so far, checking only lengths:
 * an assessment takes weeks, and nothing typed is lost to a required field not yet known.
 */
export function assessmentForm(dates: CaseDates) {
  return z
    .object({ version: versionField, action: field, ...dateFields('completed'), factors: list, childSeen: field, childSeenAlone: field, childViews: field, familyViews: field, analysis: field })
    .transform((form, ctx) => {
      const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
      const version = Number(form.version);
      const factors = form.factors.filter((f): f is AssessmentFactor => isCode(ASSESSMENT_FACTORS, f));
      const childSeen = yesNo(form.childSeen);
      const childSeenAlone = yesNo(form.childSeenAlone);
      if (form.action === 'draft') {
        return {
          draft: true as const,
          version,
          factors,
          childSeen,
          childSeenAlone,
          childViews: textAnswer(problem, form.childViews, 'childViews', 'the child’s views'),
          familyViews: textAnswer(problem, form.familyViews, 'familyViews', 'the family’s views'),
          analysis: textAnswer(problem, form.analysis, 'analysis', 'what the assessment found', { max: 20000 }),
        };
      }
      const completedOn = pastDate(problem, form, 'completed', 'the assessment was completed', dates.today, dates.startedOn ? { date: dates.startedOn, says: `the day it started (${dates.startedSays})` } : { date: dates.referralDate, says: `the referral (${dates.referralSays})` });
      if (factors.length === 0) problem('factors', 'Select the factors identified at the assessment, or ‘No factors identified’');
      else if (factors.includes('21') && factors.length > 1) problem('factors', '‘No factors identified’ cannot be selected with other factors');
      if (childSeen === undefined) problem('childSeen', 'Select whether the child was seen');
      if (childSeenAlone === undefined) problem('childSeenAlone', 'Select whether the child was seen alone');
      else if (childSeenAlone && childSeen === false) problem('childSeenAlone', 'Select ‘No’ if the child was not seen at all, or change ‘Was the child seen?’ to ‘Yes’');
      const childViews = textAnswer(problem, form.childViews, 'childViews', 'the child’s views', { required: true });
      const familyViews = textAnswer(problem, form.familyViews, 'familyViews', 'the family’s views');
      const analysis = textAnswer(problem, form.analysis, 'analysis', 'what the assessment found', { required: true, max: 20000 });
      return { draft: false as const, version, completedOn: completedOn ?? '', factors, childSeen: childSeen ?? false, childSeenAlone: childSeenAlone ?? false, childViews: childViews ?? '', familyViews, analysis: analysis ?? '' };
    });
}
export type AssessmentInput = z.infer<ReturnType<typeof assessmentForm>>;
export const ASSESSMENT_FIELDS = ['completed', 'factors', 'childSeen', 'childSeenAlone', 'childViews', 'familyViews', 'analysis'] as const;

export const PLAN_ROWS = 5;
export const OWNER_LABELS: Record<(typeof ACTION_OWNERS)[number], string> = { family: 'The family', practitioner: 'A practitioner', partner: 'A partner (school, health …)' };

/** The Family Help plan: goals in the family's words, actions with owners. */
export function planForm(dates: CaseDates) {
  const rows = Object.fromEntries<typeof field>(
    Array.from({ length: PLAN_ROWS }, (_, i) => [
      [`goal${i}`, field] as const,
      [`action${i}`, field] as const,
      [`owner${i}`, field] as const,
      [`ownerName${i}`, field] as const,
    ]).flat(),
  );
  return z.object({ ...dateFields('started'), ...rows }).transform((form, ctx) => {
    const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
    const f = form as Record<string, string | undefined>;
    const startedOn = pastDate(problem, form, 'started', 'the plan was agreed', dates.today, dates.startedOn ? { date: dates.startedOn, says: `the assessment was completed (${dates.startedSays})` } : undefined);
    const goals: string[] = [];
    const actions: { action: string; ownerKind: (typeof ACTION_OWNERS)[number]; ownerName: string }[] = [];
    for (let i = 0; i < PLAN_ROWS; i++) {
      const goal = textAnswer(problem, f[`goal${i}`], `goal${i}`, `goal ${i + 1}`, { max: 500, oneLine: true });
      if (goal) goals.push(goal);
      const action = textAnswer(problem, f[`action${i}`], `action${i}`, `action ${i + 1}`, { max: 500, oneLine: true });
      const ownerKind = isCode(OWNER_LABELS, f[`owner${i}`]) ? (f[`owner${i}`] as (typeof ACTION_OWNERS)[number]) : undefined;
      const ownerName = textAnswer(problem, f[`ownerName${i}`], `ownerName${i}`, `who does action ${i + 1}`, { max: 100, oneLine: true });
      if (action) {
        if (!ownerKind) problem(`owner${i}`, `Select who is responsible for action ${i + 1}`);
        if (!ownerName) problem(`ownerName${i}`, `Enter the name of who does action ${i + 1}`);
        if (ownerKind && ownerName) actions.push({ action, ownerKind, ownerName });
      } else if (ownerName) problem(`action${i}`, `Enter action ${i + 1}, or remove who does it`);
    }
    if (goals.length === 0) problem('goal0', 'Enter at least one goal, in the family’s words');
    if (actions.length === 0 && !f['action0']) problem('action0', 'Enter at least one action');
    return { startedOn: startedOn ?? '', goals, actions };
  });
}
export const PLAN_FIELDS = ['started', ...Array.from({ length: PLAN_ROWS }, (_, i) => [`goal${i}`]).flat(), ...Array.from({ length: PLAN_ROWS }, (_, i) => [`action${i}`, `owner${i}`, `ownerName${i}`]).flat()];

/** A review of the plan: progress, in plain words, and what the child and family say. */
export function reviewForm(dates: CaseDates) {
  return z.object({ ...dateFields('reviewed'), progress: field, childViews: field, familyViews: field }).transform((form, ctx) => {
    const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
    const reviewedOn = pastDate(problem, form, 'reviewed', 'of the review', dates.today, dates.startedOn ? { date: dates.startedOn, says: `the plan was agreed (${dates.startedSays})` } : undefined);
    const progress = textAnswer(problem, form.progress, 'progress', 'what has changed', { required: true });
    const childViews = textAnswer(problem, form.childViews, 'childViews', 'the child’s views');
    const familyViews = textAnswer(problem, form.familyViews, 'familyViews', 'the family’s views');
    return { reviewedOn: reviewedOn ?? '', progress: progress ?? '', childViews, familyViews };
  });
}
export const REVIEW_FIELDS = ['reviewed', 'progress', 'childViews', 'familyViews'] as const;

/** A change of statutory basis: the case, its worker and its history stay. */
export function basisForm(dates: CaseDates, current: StatutoryBasis) {
  return z.object({ version: versionField, basis: field, ...dateFields('from'), reason: field }).transform((form, ctx) => {
    const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
    const basis = isCode(BASIS_LABELS, form.basis) ? form.basis : undefined;
    if (!basis) problem('basis', 'Select the new basis');
    else if (basis === current) problem('basis', `The help is already ${BASIS_LABELS[current].toLowerCase()}: select the other basis`);
    // The current basis began on `startedOn`: the new one starts the day after at the earliest.
    const earliest = dates.startedOn ? LocalDate.parse(dates.startedOn).plusDays(1).toString() : dates.referralDate;
    const fromDate = pastDate(problem, form, 'from', 'the change applies from', dates.today, { date: earliest, says: formatDate(earliest) });
    const reason = textAnswer(problem, form.reason, 'reason', 'why the basis is changing', { required: true });
    return { version: Number(form.version), basis: basis ?? current, fromDate: fromDate ?? '', reason: reason ?? '' };
  });
}
export const BASIS_FIELDS = ['basis', 'from', 'reason'] as const;

/** Closing the case, with the CIN census reason. */
export function closeForm(dates: CaseDates) {
  return z.object({ version: versionField, ...dateFields('closed'), reason: field }).transform((form, ctx) => {
    const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
    const closedOn = pastDate(problem, form, 'closed', 'the case closed', dates.today, { date: dates.startedOn ?? dates.referralDate, says: dates.startedSays ?? dates.referralSays });
    const reason = isCode(CLOSURE_REASONS, form.reason) ? (form.reason) : undefined;
    if (!reason) problem('reason', 'Select why the case is closing');
    return { version: Number(form.version), closedOn: closedOn ?? '', reason: reason ?? 'RC7' };
  });
}
export const CLOSE_FIELDS = ['closed', 'reason'] as const;

export const NOTE_KIND_LABELS = { case_note: 'Case note', visit: 'Visit', management_oversight: 'Management oversight' } as const;
/** Longest a note can be open and still count as recording time: beyond it, the form was left open. */
const MAX_RECORDING_SECONDS = 2 * 60 * 60;

/**
 * A note, as its form sends it: the kind, the date, what happened, for a visit whether the
 * child was seen (and alone); saved as a draft or as final. `openedAt` (when the form was
 * shown) gives the time spent recording.
 */
export function noteForm(dates: CaseDates, now: Date) {
  return z
    .object({ version: field, kind: field, ...dateFields('occurred'), title: field, body: field, childSeen: field, childSeenAlone: field, state: field, openedAt: field })
    .transform((form, ctx) => {
      const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
      const kind = isCode(NOTE_KIND_LABELS, form.kind) ? form.kind : 'case_note';
      const occurredOn = pastDate(problem, form, 'occurred', kind === 'visit' ? 'of the visit' : 'it happened', dates.today, { date: dates.referralDate, says: `the referral (${dates.referralSays})` });
      const title = textAnswer(problem, form.title, 'title', 'a short title', { required: true, max: 200, oneLine: true });
      const body = textAnswer(problem, form.body, 'body', 'the note', { required: true, max: 20000 });
      let childSeen: boolean | undefined;
      let childSeenAlone: boolean | undefined;
      if (kind === 'visit') {
        childSeen = yesNo(form.childSeen);
        if (childSeen === undefined) problem('childSeen', 'Select whether the child was seen');
        childSeenAlone = yesNo(form.childSeenAlone);
        if (childSeenAlone === undefined) problem('childSeenAlone', 'Select whether the child was seen alone');
        else if (childSeenAlone && childSeen === false) problem('childSeenAlone', 'Select ‘No’ if the child was not seen at all, or change ‘Was the child seen?’ to ‘Yes’');
      }
      const openedAt = Number(form.openedAt);
      const recordingSeconds = Number.isFinite(openedAt) ? Math.min(MAX_RECORDING_SECONDS, Math.max(0, Math.round((now.getTime() - openedAt) / 1000))) : 0;
      return {
        version: readVersion(form.version) ?? 0, // a new note has none; an unreadable one is stale
        kind,
        occurredOn: occurredOn ?? '',
        title: title ?? '',
        body: body ?? '',
        childSeen,
        childSeenAlone,
        state: form.state === 'final' ? ('final' as const) : ('draft' as const),
        recordingSeconds,
      };
    });
}
// In the order the form shows them, so the error summary reads down the page.
export const NOTE_FIELDS = ['occurred', 'title', 'childSeen', 'childSeenAlone', 'body', 'reason'] as const;
export type NoteInput = z.infer<ReturnType<typeof noteForm>>;

/** Why a final note is amended or marked as recorded in error: kept with it for anyone who reads it later. */
export function noteReasonForm(label: string) {
  return z.object({ version: field, reason: field }).transform((form, ctx) => {
    const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
    const reason = textAnswer(problem, form.reason, 'reason', label, { required: true, max: 2000 });
    return { version: readVersion(form.version) ?? 0, reason: reason ?? '' };
  });
}

/** What a disabled child needs and whether the family has money worries: first-class on the case, not buried in notes. */
export function supportForm() {
  return z.object({ version: versionField, disabilityNeeds: field, moneyWorries: field }).transform((form, ctx) => {
    const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
    const disabilityNeeds = textAnswer(problem, form.disabilityNeeds, 'disabilityNeeds', 'what the child needs', { max: 5000 });
    const moneyWorries = yesNo(form.moneyWorries);
    if (moneyWorries === undefined) problem('moneyWorries', 'Select whether the family has money worries');
    return { version: Number(form.version), disabilityNeeds: disabilityNeeds ?? null, moneyWorries: moneyWorries ?? false };
  });
}
export const SUPPORT_FIELDS = ['disabilityNeeds', 'moneyWorries'] as const;

export const FINANCIAL_HELP_KINDS = {
  section_17: 'Section 17 payment',
  household_support: 'Household Support Fund',
  food: 'Food vouchers or food bank referral',
  travel: 'Help with travel',
  essentials: 'Essential items (beds, cookers, clothes)',
  other: 'Other',
} as const;

/** Money given to the family: when, how much (in pounds and pence), what for. */
export function financialHelpForm(dates: CaseDates) {
  return z.object({ ...dateFields('given'), amount: field, kind: field, note: field }).transform((form, ctx) => {
    const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
    const givenOn = pastDate(problem, form, 'given', 'it was given', dates.today, { date: dates.referralDate, says: `the referral (${dates.referralSays})` });
    const typed = (form.amount ?? '').replace(/^£/, '');
    // Commas only where they separate thousands: "12,34,56" is a typing slip, not £123,456.
    const raw = /^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(typed) ? typed.replace(/,/g, '') : typed;
    let amountPence = 0;
    if (!raw) problem('amount', 'Enter the amount, like 25.50');
    else if (!/^\d{1,6}(\.\d{1,2})?$/.test(raw)) problem('amount', 'Amount must be in pounds and pence, like 25.50 or 1,250.00');
    else {
      amountPence = Math.round(Number(raw) * 100);
      if (amountPence === 0) problem('amount', 'Amount must be more than £0');
    }
    const kind = isCode(FINANCIAL_HELP_KINDS, form.kind) ? form.kind : undefined;
    if (!kind) problem('kind', 'Select what the money was for');
    const note = textAnswer(problem, form.note, 'note', 'the note', { max: 500, oneLine: true });
    return { givenOn: givenOn ?? '', amountPence, kind: kind ?? 'other', note };
  });
}
export const FINANCIAL_HELP_FIELDS = ['given', 'amount', 'kind', 'note'] as const;
