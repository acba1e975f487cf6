import type { SaveCheck } from '../../../platform/web/page-form.ts';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Executor } from '../../../platform/db/client.ts';
import { HttpError } from '../../../platform/web/errors.ts';
import { formatDate } from '../../../platform/web/views.ts';
import { censusPeriod, childCensus, collectionYearOf } from './census.ts';
import { shortMessage } from './report.ts';
import { validateCensus, type Finding } from './rules/engine.ts';
import { rulesetFor } from './rules/ruleset.ts';
import { CIN_COLLECTIONS, isCinCollection, type CinCollection } from './structure.ts';
import { acknowledgedRules } from '../../../platform/recording-check.ts';

/** The latest collection this platform knows: its rules apply to years not yet supported. */
const LATEST = Object.keys(CIN_COLLECTIONS).sort().at(-1) as CinCollection;

/**
 * The census rules in words a practitioner uses at the moment of recording, for the rules a form
 * can break; any other rule shows DfE's own message.
 */
const PLAIN: Record<string, string> = {
  '1103': 'An assessment cannot start before the referral',
  '1104': 'The initial child protection conference cannot be before the referral',
  '1105': 'A child protection plan cannot start before the referral',
  '2889': 'A section 47 enquiry cannot start before the referral',
  '2990': 'The case cannot close as ‘after assessment’ (RC8 or RC9) when there has been a plan or a section 47 enquiry: choose another reason',
  '4011': 'A child in need plan cannot end before it started',
  '4015': 'A child in need plan cannot start before the referral',
  '8565': 'The case cannot close before work recorded on it: check the closure date',
  '8608': 'An assessment cannot be completed before it started',
  '8615': 'The initial child protection conference cannot be before the section 47 enquiry started',
  '8585Q': 'The case was closed because the child died, but their record has no date of death',
  '8630': 'The case cannot close before the referral',
  '8736': 'An assessment still open must have started in this census year',
  '8840': 'A child protection plan cannot start and end on the same day',
  '8841': 'A review conference must be after the child protection plan started',
  '8867': 'The case cannot close while an assessment is still open',
  '8869': '‘No factors identified’ cannot be chosen with other factors',
  '8896': 'Only one assessment can be open at a time',
  '8925': 'A child protection plan cannot end before it started',
};

/** The form fields that hold each census element, by the names the forms use. */
const FIELD_FOR: Record<string, string> = {
  AssessmentActualStartDate: 'started',
  AssessmentAuthorisationDate: 'completed',
  AssessmentFactors: 'factors',
  CINPlanStartDate: 'started',
  CINclosureDate: 'closed',
  ReasonForClosure: 'reason',
  CPPstartDate: 'held',
  CPPendDate: 'ended',
  CPPreviewDate: 'held',
  DateOfInitialCPC: 'held',
};

export interface CensusProblem {
  code: string;
  severity: Finding['severity'];
  message: string;
  /** The census elements the rule reads, to find the form field to link to. */
  fields: readonly string[];
}

/** A save that would break a census error rule: nothing is saved, and the form says why. */
export class CensusRuleBroken extends HttpError {
  constructor(readonly problems: readonly CensusProblem[]) {
    super(400, 'census_rule', problems.map((p) => p.message).join('; '));
  }
}

/** The census queries a save raised (it was saved), collected for the page that follows. */
export const censusQueries = new AsyncLocalStorage<CensusProblem[]>();

const problemOf = (f: Finding): CensusProblem => ({
  code: f.code,
  severity: f.severity,
  message: `${PLAIN[f.code] ?? f.message}${f.referral ? ` (the referral of ${formatDate(f.referral)})` : ''}`,
  fields: f.fields,
});

/**
 * One child's census findings as the census would see them if it were taken today: the year so far,
 * to today as its reference date (so "not yet done 45 working days on" means today, not next March),
 * read in the caller's transaction.
 */
async function findingsFor(tx: Executor, laCode: string, personId: string, today: string) {
  const year = collectionYearOf(today);
  const collection = isCinCollection(year) ? year : LATEST;
  const census = await childCensus(tx, personId, { ...censusPeriod(year), to: today }, collection, laCode);
  return validateCensus(census, collection).findings.filter((f) => f.child !== undefined);
}

const key = (f: Finding) => `${f.code}|${f.referral ?? ''}`;

/**
 * Runs a change to a child's record with the census rules checked as it is made: the child's
 * census before and after, in the same transaction. An error rule the change breaks stops it (the
 * transaction rolls back, the form shows the problem at its field); a query it raises is saved and
 * told on the next page. Findings the child already had are not this change's: they are left to
 * the Returns page, so an old problem never blocks new work.
 */
export async function checkedAgainstCensus<T>(tx: Executor, laCode: string, personId: string, today: string, change: () => Promise<T>): Promise<T> {
  const before = new Map<string, number>();
  for (const f of await findingsFor(tx, laCode, personId, today)) before.set(key(f), (before.get(key(f)) ?? 0) + 1);
  const value = await change();
  const introduced = (await findingsFor(tx, laCode, personId, today)).filter((f) => {
    const left = before.get(key(f)) ?? 0;
    before.set(key(f), left - 1);
    return left <= 0;
  });
  // Error rules the user confirmed are true of what happened are saved, for the census to show and the authority to explain.
  const acknowledged = acknowledgedRules();
  const errors = introduced.filter((f) => f.severity === 'ERROR' && !acknowledged.includes(f.code));
  if (errors.length > 0) throw new CensusRuleBroken(errors.map(problemOf));
  censusQueries.getStore()?.push(...introduced.map(problemOf));
  return value;
}

/** The form field a problem is about: the first census element it reads that the form holds. */
export const fieldFor = (problem: CensusProblem, formFields: readonly string[]) =>
  problem.fields.map((f) => FIELD_FOR[f]).find((f): f is string => !!f && formFields.includes(f));

/** The GOV.UK error list for a broken rule: each problem linked to the form's field for it, or its first field. */
export function censusErrors(error: CensusRuleBroken, formFields: readonly string[]) {
  const byField: Record<string, { text: string }> = {};
  const list = error.problems.map((p) => {
    const field = fieldFor(p, formFields) ?? formFields[0] ?? '';
    byField[field] ??= { text: p.message };
    return { text: p.message, href: `#${field}` };
  });
  return { list, byField };
}

/** The queries named in a page's `check` parameter, for the page after a save. */
export function queriesNamed(codes: unknown): string[] {
  if (typeof codes !== 'string') return [];
  const rules = rulesetFor(LATEST);
  return codes.split(',').flatMap((code) => {
    const rule = rules.get(code);
    return rule && rule.severity === 'QUERY' ? [PLAIN[code] ?? shortMessage(rule.message)] : [];
  });
}

/** The page after a save, told which census queries the save raised. */
const withQueries = (url: string, queries: readonly CensusProblem[]) =>
  queries.length === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}check=${[...new Set(queries.map((q) => q.code))].join(',')}`;

/**
 * The census checked around every form's save (the platform's form pages run it): a broken error
 * rule (nothing saved) comes back to show on the form; queries about what this form holds come
 * back for the next page (a query about something else, such as an assessment not yet recorded
 * while an enquiry starts, is for the Returns page, not for this moment).
 */
export const censusSaveCheck: SaveCheck = {
  async run(save, formFields) {
    const queries: CensusProblem[] = [];
    try {
      const saved = await censusQueries.run(queries, save);
      const about = queries.filter((q) => fieldFor(q, formFields) !== undefined);
      return { saved, next: (url: string) => withQueries(url, about) };
    } catch (error) {
      if (error instanceof CensusRuleBroken) return { errors: censusErrors(error, formFields) };
      throw error;
    }
  },
};
