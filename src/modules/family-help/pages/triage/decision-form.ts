import type { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import { field, readVersion } from '../../../../platform/web/form-fields.ts';
import { choice, chosenId, defineForm, fromDateInput, notAsked, readFrom, refuse, text, yesNo, type Earlier } from '../../../../platform/web/form.ts';
import { RELATIVE_CHOICES, type RelativeChoice } from '../../../people/relationship-types.ts';
import { PRIMARY_NEEDS } from '../../codes.ts';
import { BASIS_LABELS, CONSENT_LABELS, DECISION_LABELS, type PrimaryNeedChoice, type RequestDecision } from '../../front-door-codes.ts';
import type { DecisionInput, RelativeAnswer } from '../../front-door.ts';
import { dateOfBirth, postcode, recordIdOrNew, recordIdOrNewIfChosen } from '../front-door-fields.ts';

/** Rows for the people a request names: the person who asked (when a relative or friend asked) and others. */
export const RELATIVE_ROWS = [1, 2, 3, 4] as const;

const PRIMARY_NEED_CHOICES = Object.keys(PRIMARY_NEEDS).filter((code) => code !== 'N0') as PrimaryNeedChoice[];
const RELATIONSHIPS = Object.keys(RELATIVE_CHOICES) as RelativeChoice[];

/** The version of the request the form was opened at (a hidden field). */
const requestVersion = field.transform((value, ctx) => {
  const version = readVersion(value) ?? 0;
  return version < 1 ? refuse(ctx, 'The form has expired: open the request again') : version;
});

/** What the page offered for the record (a hidden field): `address`, `asker`, both or neither. */
const factsAsked = field.transform((value) => (value ?? '').split(' '));
const offered = (earlier: Earlier, what: 'address' | 'asker') => Array.isArray(earlier['factsAsked']) && earlier['factsAsked'].includes(what);

/** A person's row, from both their names (gathered): whether a name is typed, and the first name as typed. */
/** A row's two names, read together: whether the row names anyone. */
const personRow = readFrom(
  (body, name) => ({ givenNames: body[`${name}GivenNames`], familyName: body[`${name}FamilyName`] }),
  z.object({ givenNames: field, familyName: field }).transform((names) => ({ named: Boolean(names.givenNames || names.familyName), givenNames: names.givenNames })),
);
type PersonRow = z.output<typeof personRow>;

/**
 * Row n's fields. Row 1 is the person who asked, when the page offered them: it is asked whether
 * to add them. Any other row is used when a name is typed in it.
 */
function relativeRow(n: number, today: LocalDate) {
  const isAsker = (e: Earlier) => n === 1 && offered(e, 'asker');
  const used = (e: Earlier) => (isAsker(e) ? e[`r${n}Add`] === true : (e[`r${n}`] as PersonRow | undefined)?.named === true);
  const who = (e: Earlier) => (isAsker(e) ? 'the person who asked' : (e[`r${n}`] as PersonRow | undefined)?.givenNames || 'this person');
  const ifUsed = (schema: (e: Earlier) => z.ZodType) => (e: Earlier) => (used(e) ? schema(e) : notAsked);
  return {
    [`r${n}`]: personRow,
    [`r${n}Add`]: (e: Earlier) => (isAsker(e) ? yesNo('Select whether to add the person who asked to the record') : notAsked),
    [`r${n}GivenNames`]: ifUsed((e) => text(`the first name of ${isAsker(e) ? who(e) : 'the person'}`, { required: true, max: 100, oneLine: true })),
    [`r${n}FamilyName`]: ifUsed((e) => text(`${who(e)}’s last name`, { required: true, max: 100, oneLine: true })),
    [`r${n}Relationship`]: ifUsed((e) => choice(RELATIONSHIPS, `Select how ${who(e)} is related to the child`)),
    [`r${n}Dob`]: ifUsed(() =>
      fromDateInput(dateOfBirth({ incomplete: 'Date of birth must include a day, month and year, or leave it empty', latest: { date: today, message: 'Date of birth must be today or in the past' } })),
    ),
    [`r${n}LivesWith`]: ifUsed((e) => yesNo(`Select whether ${who(e)} lives with the child`)),
    [`r${n}Match`]: ifUsed(() => recordIdOrNewIfChosen),
  };
}

/** Family Help and a strategy discussion both open the child's case (or join the one open), so both name who leads it. */
const opensCase = ({ decision }: Earlier) => decision === 'family_help' || decision === 'strategy_discussion';

/**
 * The triager's decision, every problem reported in page order: who the child is, what the request
 * told us that goes on the record (the address and the person who asked need an answer when
 * offered; the other rows are used when a name is typed in them), and the decision.
 */
export const decisionForm = (today: LocalDate) =>
  defineForm({
    version: requestVersion,
    person: recordIdOrNew('Select the child this request is about, or record them as new'),
    factsAsked,
    addAddress: (e: Earlier) => (offered(e, 'address') ? yesNo('Select whether to add the address to the child’s record') : notAsked),
    addressLine1: ({ addAddress }: Earlier) => (addAddress === true ? text('the first line of the address', { required: true, max: 200, oneLine: true }) : notAsked),
    addressTown: ({ addAddress }: Earlier) => (addAddress === true ? text('the town or city', { required: true, max: 100, oneLine: true }) : notAsked),
    addressPostcode: ({ addAddress }: Earlier) => (addAddress === true ? postcode({ required: true }) : notAsked),
    ...Object.assign({}, ...RELATIVE_ROWS.map((n) => relativeRow(n, today))) as ReturnType<typeof relativeRow>,
    decision: choice(Object.keys(DECISION_LABELS) as RequestDecision[], 'Select what happens next'),
    urgent: ({ decision }: Earlier) => (decision === 'strategy_discussion' ? yesNo('Select whether the strategy discussion is urgent') : notAsked),
    leadUserId: (e: Earlier) => (opensCase(e) ? chosenId('Select the lead practitioner') : notAsked),
    primaryNeed: (e: Earlier) => (opensCase(e) ? choice(PRIMARY_NEED_CHOICES, 'Select the main reason the family needs help') : notAsked),
    basis: (e: Earlier) => (opensCase(e) ? choice(BASIS_LABELS, 'Select the basis for the help') : notAsked),
    consentBasis: ({ decision }: Earlier) =>
      choice(CONSENT_LABELS, 'Select whether the family agreed').transform((consent, ctx) =>
        decision === 'family_help' && consent === 'consent_refused' ? refuse(ctx, 'Family Help is offered with the family’s agreement: choose another decision if they did not agree') : consent,
      ),
    reasons: text('the reasons for the decision', { required: true }),
    childViews: text('the child’s views'),
    familyViews: text('the family’s views'),
  });

export type DecisionAnswers = z.infer<ReturnType<typeof decisionForm>>;

/** The people a posted form names (a first and a last name typed), for their likely matches as the triager types. */
export const namedRows = (body: Record<string, unknown>) =>
  RELATIVE_ROWS.flatMap((row) => {
    const [givenNames, familyName] = [body[`r${row}GivenNames`], body[`r${row}FamilyName`]].map((v) => (typeof v === 'string' ? v.trim() : ''));
    return givenNames && familyName && (row !== 1 || body['r1Add'] !== 'no') ? [{ row, givenNames: givenNames.slice(0, 100), familyName: familyName.slice(0, 100), dateOfBirth: undefined }] : [];
  });

/** The decision as the front door records it: the facts chosen for the record gathered from their rows. */
export function decisionInput(answers: DecisionAnswers): DecisionInput {
  const a = answers as Record<string, unknown>;
  const relatives = RELATIVE_ROWS.flatMap((n): RelativeAnswer[] =>
    typeof a[`r${n}GivenNames`] === 'string'
      ? [
          {
            row: n,
            match: a[`r${n}Match`] as string | undefined,
            givenNames: a[`r${n}GivenNames`] as string,
            familyName: a[`r${n}FamilyName`] as string,
            dateOfBirth: a[`r${n}Dob`] as string | undefined,
            relationship: a[`r${n}Relationship`] as RelativeChoice,
            livesWithChild: a[`r${n}LivesWith`] === true,
          },
        ]
      : [],
  );
  return {
    version: answers.version,
    person: answers.person,
    decision: answers.decision,
    reasons: answers.reasons,
    childViews: answers.childViews,
    familyViews: answers.familyViews,
    consentBasis: answers.consentBasis,
    leadUserId: answers.leadUserId,
    primaryNeed: answers.primaryNeed,
    basis: answers.basis,
    urgent: answers.urgent,
    facts: {
      address: answers.addAddress === true ? { line1: answers.addressLine1!, town: answers.addressTown!, postcode: answers.addressPostcode! } : undefined,
      relatives,
    },
  };
}
