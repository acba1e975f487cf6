import { z } from 'zod';
import { field, readVersion, textAnswer } from '../../platform/web/form-fields.ts';
import { isCode, PRIMARY_NEEDS, type PrimaryNeed } from './codes.ts';
import type { DecisionInput } from './front-door.ts';
import type { CONSENT_BASES, REQUEST_DECISIONS, STATUTORY_BASES } from './tables.ts';

export type RequestDecision = (typeof REQUEST_DECISIONS)[number];
export type ConsentBasis = (typeof CONSENT_BASES)[number];
/** N0 (not stated) is for returns, not for a practitioner opening a case. */
export type PrimaryNeedChoice = Exclude<PrimaryNeed, 'N0'>;

export const DECISION_LABELS: Record<RequestDecision, { text: string; hint: string }> = {
  advice: { text: 'Advice and signposting', hint: 'Information, advice or a service elsewhere; no case is opened' },
  family_help: { text: 'Family Help', hint: 'Open the child’s Family Help case with a lead practitioner' },
  strategy_discussion: { text: 'Strategy discussion', hint: 'There is reasonable cause to suspect the child is suffering, or likely to suffer, significant harm' },
};

export const CONSENT_LABELS: Record<ConsentBasis, string> = {
  consent_given: 'The family agreed',
  consent_refused: 'The family did not agree, and no further help is offered without it',
  not_needed_safeguarding: 'Not sought: asking could put the child at risk of significant harm',
  not_sought: 'Not sought: advice only',
};

export const BASIS_LABELS: Record<(typeof STATUTORY_BASES)[number], string> = {
  early_help: 'Targeted early help',
  section_17: 'Child in need (section 17)',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The triager's decision, every problem reported in page order. */
export const decisionForm = z
  .object({
    version: field,
    person: field,
    decision: field,
    reasons: field,
    childViews: field,
    familyViews: field,
    consentBasis: field,
    leadUserId: field,
    primaryNeed: field,
    basis: field,
    urgent: field,
  })
  .transform((form, ctx): DecisionInput => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const text = (value: string | undefined, path: string, label: string, required: boolean) => textAnswer(problem, value, path, label, { required });
    const version = readVersion(form.version) ?? 0;
    if (version < 1) problem('version', 'The form has expired: open the request again');
    const person = form.person === 'new' || UUID.test(form.person ?? '') ? form.person! : undefined;
    if (!person) problem('person', 'Select the child this request is about, or record them as new');
    const decision = isCode(DECISION_LABELS, form.decision) ? form.decision : undefined;
    if (!decision) problem('decision', 'Select what happens next');
    const reasons = text(form.reasons, 'reasons', 'the reasons for the decision', true);
    const childViews = text(form.childViews, 'childViews', 'the child’s views', false);
    const familyViews = text(form.familyViews, 'familyViews', 'the family’s views', false);
    const consentBasis = isCode(CONSENT_LABELS, form.consentBasis) ? form.consentBasis : undefined;
    if (!consentBasis) problem('consentBasis', 'Select whether the family agreed');
    let leadUserId: string | undefined;
    let primaryNeed: PrimaryNeedChoice | undefined;
    let basis: DecisionInput['basis'];
    let urgent: boolean | undefined;
    if (decision === 'family_help' && consentBasis === 'consent_refused') problem('consentBasis', 'Family Help is offered with the family’s agreement: choose another decision if they did not agree');
    if (decision === 'strategy_discussion') {
      urgent = form.urgent === 'yes' ? true : form.urgent === 'no' ? false : undefined;
      if (urgent === undefined) problem('urgent', 'Select whether the strategy discussion is urgent');
    }
    // Both open the child's case (or join the one already open), so both name who leads it.
    if (decision === 'family_help' || decision === 'strategy_discussion') {
      leadUserId = UUID.test(form.leadUserId ?? '') ? form.leadUserId : undefined;
      if (!leadUserId) problem('leadUserId', 'Select the lead practitioner');
      primaryNeed = isCode(PRIMARY_NEEDS, form.primaryNeed) && form.primaryNeed !== 'N0' ? form.primaryNeed : undefined;
      if (!primaryNeed) problem('primaryNeed', 'Select the main reason the family needs help');
      basis = isCode(BASIS_LABELS, form.basis) ? form.basis : undefined;
      if (!basis) problem('basis', 'Select the basis for the help');
    }
    return {
      version,
      person: person ?? 'new',
      decision: decision ?? 'advice',
      reasons: reasons ?? '',
      childViews,
      familyViews,
      consentBasis: consentBasis ?? 'not_sought',
      leadUserId,
      primaryNeed,
      basis,
      urgent,
    };
  });

export const DECISION_FIELDS = ['version', 'person', 'decision', 'urgent', 'leadUserId', 'primaryNeed', 'basis', 'consentBasis', 'reasons', 'childViews', 'familyViews'] as const;
