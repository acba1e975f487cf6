import { LocalDate } from '@js-joda/core';
import { englandAndWales } from '../../../../../platform/timescales/working-days.ts';
import type { CensusChild, Episode } from '../census-model.ts';
import { before, eachEpisode, isDate, isFalse, isTrue, period, plusDays, type Check } from './check.ts';

const REFERRAL_SOURCES = ['1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10'];
const PRIMARY_NEEDS = ['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9'];
const CLOSURE_REASONS = ['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9'];
/** RC8 and RC9: closed after assessment (no further action, or referred to early help). */
const closedAfterAssessment = (e: Episode) => ['RC8', 'RC9'].includes(e.fields['ReasonForClosure'] ?? '');

// The validator reads every date with errors coerced, so a value that is not a date counts as absent.
const referral = (e: Episode) => e.fields['CINreferralDate'];
const closure = (e: Episode) => e.fields['CINclosureDate'];
const isOpen = (e: Episode) => !isDate(closure(e));
/** Open and not a referral with no further action (ReferralNFA false or 0). */
const openCase = (e: Episode) => isOpen(e) && isFalse(e.fields['ReferralNFA']);
/** a is after b, both dates present. */
const after = (a: string | undefined, b: string | undefined) => before(b, a);
const minusDays = (date: string | undefined, days: number) => plusDays(date, -days);

/** The child's latest referral: the first episode with the latest CINreferralDate (pandas idxmax). */
const latestReferral = (child: CensusChild) =>
  child.episodes.filter((e) => isDate(referral(e))).reduce<Episode | undefined>((latest, e) => (!latest || before(referral(latest), referral(e)) ? e : latest), undefined);

/** Any activity in the episode dated after its closure date (8565). */
const activityAfterClosure = (e: Episode) => {
  const dates = [
    e.fields['DateOfInitialCPC'],
    ...e.assessments.flatMap((a) => [a.fields['AssessmentActualStartDate'], a.fields['AssessmentAuthorisationDate']]),
    ...e.section47.flatMap((s) => [s['S47ActualStartDate'], s['DateOfInitialCPC']]),
    ...e.plans.map((p) => p.fields['CPPendDate']),
    ...e.cinPlans.flatMap((p) => [p['CINPlanStartDate'], p['CINPlanEndDate']]),
  ];
  return dates.some((date) => after(date, closure(e)));
};

/** Episode a's referral falls within episode b: from b's referral to its closure, or to the reference date while b is an open case (8820). */
const startsWithin = (a: Episode, b: Episode, referenceDate: string) => {
  if (a === b || !isDate(referral(a)) || !isDate(referral(b)) || before(referral(a), referral(b))) return false;
  return isDate(closure(b)) ? before(referral(a), closure(b)) : before(referral(a), referenceDate) && isFalse(b.fields['ReferralNFA']);
};

/** Rules about a CINdetails episode: referral, source, need, closure and reason, no further action. */
export const EPISODE_CHECKS: Record<string, Check> = {
  '2990': (c) => eachEpisode(c, (e) => closedAfterAssessment(e) && (isDate(e.fields['DateOfInitialCPC']) || e.section47.length > 0 || e.plans.length > 0 || e.cinPlans.length > 0)),
  '2991Q': (c) => eachEpisode(c, (e) => e.section47.length > 0 && e.assessments.length === 0),
  '4000': (c) => eachEpisode(c, (e) => isTrue(e.fields['ReferralNFA']) && e.cinPlans.length > 0),
  '8555Q': (c) => eachEpisode(c, (e, ch) => before(ch.ids['PersonDeathDate'], referral(e))),
  // CPPendDate is checked as the rule says; the validator's code compares a leftover sample plan instead of the census's.
  '8565': (c) => eachEpisode(c, (e) => !isOpen(e) && activityAfterClosure(e)),
  '8568': (c) => eachEpisode(c, (e) => !['true', 'false', '1', '0'].includes((e.fields['ReferralNFA'] ?? '').toLowerCase())),
  // The validator's "one working day prior" offset is zero days: the census start, or the next working day when it is not one.
  '8569Q': (c) => {
    const { from } = period(c);
    const start = isDate(from) ? englandAndWales.addWorkingDays(LocalDate.parse(from), 0).toString() : undefined;
    return eachEpisode(c, (e) => before(referral(e), start) && !isFalse(e.fields['ReferralNFA']));
  },
  '8585Q': (c) => eachEpisode(c, (e, ch) => e.fields['ReasonForClosure'] === 'RC2' && !isDate(ch.ids['PersonDeathDate'])),
  '8600': (c) => eachEpisode(c, (e) => !isDate(referral(e)) || after(referral(e), c.referenceDate)),
  '8606': (c) => eachEpisode(c, (e, ch) => before(referral(e), minusDays(ch.ids['PersonBirthDate'], 280)) || before(referral(e), minusDays(ch.ids['ExpectedPersonBirthDate'], 280))),
  '8610': (c) => eachEpisode(c, (e) => isFalse(e.fields['ReferralNFA']) && !e.fields['PrimaryNeedCode']),
  '8620': (c) => {
    const { from, to } = period(c);
    return eachEpisode(c, (e) => before(closure(e), from) || after(closure(e), to));
  },
  '8630': (c) => eachEpisode(c, (e) => before(closure(e), referral(e))),
  '8640': (c) => eachEpisode(c, (e) => !!e.fields['ReasonForClosure'] && !CLOSURE_REASONS.includes(e.fields['ReasonForClosure'])),
  '8650': (c) => eachEpisode(c, (e) => !!e.fields['PrimaryNeedCode'] && !PRIMARY_NEEDS.includes(e.fields['PrimaryNeedCode'])),
  '8805': (c) => eachEpisode(c, (e) => isDate(closure(e)) && !e.fields['ReasonForClosure']),
  '8810': (c) => eachEpisode(c, (e) => !!e.fields['ReasonForClosure'] && !isDate(closure(e))),
  // More than one open case for the child: every open episode of that child is reported, as the validator does.
  '8815': (c) => eachEpisode(c, (e, ch) => isOpen(e) && ch.episodes.filter(openCase).length > 1),
  '8816': (c) => eachEpisode(c, (e, ch) => openCase(e) && isDate(referral(e)) && e !== latestReferral(ch)),
  '8820': (c) => eachEpisode(c, (e, ch) => ch.episodes.some((other) => startsWithin(e, other, c.referenceDate))),
  '8825Q': (c) => eachEpisode(c, (e) => closedAfterAssessment(e) && e.assessments.length === 0),
  '8831': (c) =>
    eachEpisode(
      c,
      (e) =>
        isTrue(e.fields['ReferralNFA']) &&
        (isDate(e.fields['DateOfInitialCPC']) ||
          e.section47.some((s) => isDate(s['S47ActualStartDate'])) ||
          e.assessments.some((a) => isDate(a.fields['AssessmentActualStartDate']) || isDate(a.fields['AssessmentAuthorisationDate']))),
    ),
  '8832': (c) => eachEpisode(c, (e) => isTrue(e.fields['ReferralNFA']) && e.plans.length > 0),
  '8866': (c) => eachEpisode(c, (e) => !before(referral(e), '2013-04-01') && isDate(referral(e)) && !REFERRAL_SOURCES.includes(e.fields['ReferralSource'] ?? '')),
};
