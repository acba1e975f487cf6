import { z } from 'zod';
import type { LocalDate } from '@js-joda/core';
import { EARLIEST_YEAR, field, readDateInput, readVersion, textAnswer, type Problem } from '../../platform/web/form-fields.ts';
import { RELATIVE_CHOICES, type RelativeChoice } from '../people/relationship-types.ts';
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
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;

/** Rows for the people a request names: the person who asked (when a relative or friend asked) and others. */
export const RELATIVE_ROWS = [1, 2, 3, 4] as const;

/** A person named in the request, as the triager would record them; `match` is unset until they choose. */
export interface RelativeAnswer {
  row: number;
  /** 'new', or the id of the record they were matched to. */
  match: string | undefined;
  givenNames: string;
  familyName: string;
  dateOfBirth: string | undefined;
  relationship: RelativeChoice;
  livesWithChild: boolean;
}

export interface FactsAnswer {
  address: { line1: string; town: string; postcode: string } | undefined;
  relatives: RelativeAnswer[];
}

const relativeFields = Object.fromEntries(
  RELATIVE_ROWS.flatMap((n) => ['Add', 'GivenNames', 'FamilyName', 'Relationship', 'Dob-day', 'Dob-month', 'Dob-year', 'LivesWith', 'Match'].map((f) => [`r${n}${f}`, field])),
) as Record<string, typeof field>;

/**
 * What the triager decided to carry from the request onto the record. The address and the person
 * who asked are asked about (`factsAsked` says which the page showed) and need an answer; the
 * other rows are used when a name is typed in them.
 */
function readFacts(form: Record<string, string | undefined>, problem: Problem, today: LocalDate): FactsAnswer {
  const asked = (form['factsAsked'] ?? '').split(' ');
  const line = (value: string | undefined, path: string, label: string, max = 100) => textAnswer(problem, value, path, label, { required: true, max, oneLine: true });
  let address: FactsAnswer['address'];
  if (asked.includes('address')) {
    if (form['addAddress'] !== 'yes' && form['addAddress'] !== 'no') problem('addAddress', 'Select whether to add the address to the child’s record');
    if (form['addAddress'] === 'yes') {
      const line1 = line(form['addressLine1'], 'addressLine1', 'the first line of the address', 200);
      const town = line(form['addressTown'], 'addressTown', 'the town or city');
      let postcode = line(form['addressPostcode'], 'addressPostcode', 'the postcode', 8);
      if (postcode && !POSTCODE.test(postcode)) {
        problem('addressPostcode', 'Enter a real postcode, like DB1 4AB');
        postcode = undefined;
      }
      if (line1 && town && postcode) address = { line1, town, postcode: postcode.toUpperCase().replace(/^(.+?)\s*(\d[A-Z]{2})$/, '$1 $2') };
    }
  }
  const relatives: RelativeAnswer[] = [];
  for (const n of RELATIVE_ROWS) {
    const f = (name: string) => form[`r${n}${name}`];
    const isAsker = n === 1 && asked.includes('asker');
    if (isAsker) {
      if (f('Add') !== 'yes' && f('Add') !== 'no') problem(`r${n}Add`, 'Select whether to add the person who asked to the record');
      if (f('Add') !== 'yes') continue;
    } else if (!f('GivenNames') && !f('FamilyName')) continue;
    const who = isAsker ? 'the person who asked' : f('GivenNames') ?? 'this person';
    const givenNames = line(f('GivenNames'), `r${n}GivenNames`, `the first name of ${isAsker ? who : 'the person'}`);
    const familyName = line(f('FamilyName'), `r${n}FamilyName`, `${who}’s last name`);
    const relationship = f('Relationship') && Object.hasOwn(RELATIVE_CHOICES, f('Relationship')!) ? (f('Relationship') as RelativeChoice) : undefined;
    if (!relationship) problem(`r${n}Relationship`, `Select how ${who} is related to the child`);
    let dateOfBirth: string | undefined;
    const dob = readDateInput(f('Dob-day'), f('Dob-month'), f('Dob-year'));
    if (dob.kind === 'incomplete') problem(`r${n}Dob`, 'Date of birth must include a day, month and year, or leave it empty');
    else if (dob.kind === 'invalid') problem(`r${n}Dob`, 'Date of birth must be a real date, like 3 3 2015');
    else if (dob.kind === 'too_early') problem(`r${n}Dob`, `Date of birth must be in ${EARLIEST_YEAR} or later`);
    else if (dob.kind === 'date') {
      if (dob.date.isAfter(today)) problem(`r${n}Dob`, 'Date of birth must be today or in the past');
      else dateOfBirth = dob.date.toString();
    }
    const livesWith = f('LivesWith');
    if (livesWith !== 'yes' && livesWith !== 'no') problem(`r${n}LivesWith`, `Select whether ${who} lives with the child`);
    const match = f('Match') === 'new' || UUID.test(f('Match') ?? '') ? f('Match') : undefined;
    if (givenNames && familyName && relationship && (livesWith === 'yes' || livesWith === 'no')) {
      relatives.push({ row: n, match, givenNames, familyName, dateOfBirth, relationship, livesWithChild: livesWith === 'yes' });
    }
  }
  return { address, relatives };
}

/** The fields of the facts section, in page order. */
const FACT_FIELDS = [
  'addAddress',
  'addressLine1',
  'addressTown',
  'addressPostcode',
  ...RELATIVE_ROWS.flatMap((n) => ['Add', 'GivenNames', 'FamilyName', 'Relationship', 'Dob', 'LivesWith', 'Match'].map((f) => `r${n}${f}`)),
];

/** The triager's decision, every problem reported in page order. */
export const decisionForm = (today: LocalDate) => z
  .object({
    ...relativeFields,
    factsAsked: field,
    addAddress: field,
    addressLine1: field,
    addressTown: field,
    addressPostcode: field,
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
    const facts = readFacts(form, problem, today);
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
      facts,
    };
  });

export const DECISION_FIELDS = ['version', 'person', ...FACT_FIELDS, 'decision', 'urgent', 'leadUserId', 'primaryNeed', 'basis', 'consentBasis', 'reasons', 'childViews', 'familyViews'] as const;
