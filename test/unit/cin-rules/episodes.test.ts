// CIN validation rules about episodes: referral, need, closure: for each, a minimal census that breaks it and the same
// census fixed. Collection 2024-25 (census year 1 April 2024 to 31 March 2025).
import { describe } from 'vitest';
import { cinCensus, cpPlan, episode, NEED, NFA, s47 } from '../../builders/cin.ts';
import { itChecksEachRule, type RuleCases } from '../../support/cin-rules.ts';

const NFA_TRUE = '<ReferralNFA>true</ReferralNFA>';
const closed = (date: string, reason = 'RC7') => `${NEED}<CINclosureDate>${date}</CINclosureDate><ReasonForClosure>${reason}</ReasonForClosure>`;
const assessment = (start: string, authorised = start) =>
  `<Assessments><AssessmentActualStartDate>${start}</AssessmentActualStartDate><AssessmentAuthorisationDate>${authorised}</AssessmentAuthorisationDate></Assessments>`;
const cinPlan = (start: string) => `<CINPlanDates><CINPlanStartDate>${start}</CINPlanStartDate></CINPlanDates>`;
/** An episode's opening fields with its own referral date. */
const referredOn = (date: string, fields = '') => `<CINreferralDate>${date}</CINreferralDate><ReferralSource>2A</ReferralSource>${fields}`;
/** A child with two episodes: the builder's CINdetails is closed after the first and a second opened. */
const twoEpisodes = (first: string, second: string) => cinCensus({ episode: first, details: `</CINdetails><CINdetails>${second}` });
const born = (extra = '') => `<PersonBirthDate>2015-05-05</PersonBirthDate><Sex>F</Sex>${extra}`;

const CASES: RuleCases = {
  '2990': {
    broken: cinCensus({ episode: episode(closed('2024-09-01', 'RC8')), details: NFA + cinPlan('2024-06-10') }),
    fixed: cinCensus({ episode: episode(closed('2024-09-01', 'RC7')), details: NFA + cinPlan('2024-06-10') }),
  },
  '2991Q': { broken: cinCensus({ episode: episode(NEED), details: s47('2024-06-05') + NFA }), fixed: cinCensus({ episode: episode(NEED), details: assessment('2024-06-04') + s47('2024-06-05') + NFA }) },
  '4000': { broken: cinCensus({ episode: episode(NEED), details: cinPlan('2024-06-10') + NFA_TRUE }), fixed: cinCensus({ episode: episode(NEED), details: cinPlan('2024-06-10') + NFA }) },
  '8555Q': {
    broken: cinCensus({ identifiers: born('<PersonDeathDate>2024-06-02</PersonDeathDate>'), episode: episode(closed('2024-06-03', 'RC2')), details: NFA }),
    fixed: cinCensus({ identifiers: born('<PersonDeathDate>2024-06-03</PersonDeathDate>'), episode: episode(closed('2024-06-03', 'RC2')), details: NFA }),
  },
  '8565': { broken: cinCensus({ episode: episode(closed('2024-09-01')), details: assessment('2024-09-02') + NFA }), fixed: cinCensus({ episode: episode(closed('2024-09-02')), details: assessment('2024-09-02') + NFA }) },
  '8568': { broken: cinCensus({ episode: episode(NEED) }), fixed: cinCensus({ episode: episode(NEED), details: NFA }) },
  '8569Q': { broken: cinCensus({ episode: referredOn('2024-03-01'), details: NFA_TRUE }), fixed: cinCensus({ episode: referredOn('2024-03-01', NEED), details: NFA }) },
  '8585Q': {
    broken: cinCensus({ episode: episode(closed('2024-09-01', 'RC2')), details: NFA }),
    fixed: cinCensus({ identifiers: born('<PersonDeathDate>2024-09-01</PersonDeathDate>'), episode: episode(closed('2024-09-01', 'RC2')), details: NFA }),
  },
  '8600': { broken: cinCensus({ episode: referredOn('2025-04-01', NEED), details: NFA }), fixed: cinCensus({ episode: referredOn('2025-03-31', NEED), details: NFA }) },
  '8606': {
    broken: cinCensus({ identifiers: '<PersonBirthDate>2025-03-11</PersonBirthDate><Sex>F</Sex>', episode: episode(NEED), details: NFA }),
    fixed: cinCensus({ identifiers: '<PersonBirthDate>2025-03-10</PersonBirthDate><Sex>F</Sex>', episode: episode(NEED), details: NFA }),
  },
  '8610': { broken: cinCensus({ episode: episode(''), details: NFA }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N4</PrimaryNeedCode>'), details: NFA }) },
  '8620': { broken: cinCensus({ episode: episode(closed('2025-04-01')), details: NFA }), fixed: cinCensus({ episode: episode(closed('2025-03-31')), details: NFA }) },
  '8630': { broken: cinCensus({ episode: episode(closed('2024-06-02')), details: NFA }), fixed: cinCensus({ episode: episode(closed('2024-06-03')), details: NFA }) },
  '8640': { broken: cinCensus({ episode: episode(closed('2024-09-01', 'RC10')), details: NFA }), fixed: cinCensus({ episode: episode(closed('2024-09-01', 'RC1')), details: NFA }) },
  '8650': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N10</PrimaryNeedCode>'), details: NFA }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N0</PrimaryNeedCode>'), details: NFA }) },
  '8805': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode><CINclosureDate>2024-09-01</CINclosureDate>'), details: NFA }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode><CINclosureDate>2024-09-01</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>'), details: NFA }) },
  '8810': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode><ReasonForClosure>RC7</ReasonForClosure>'), details: NFA }), fixed: cinCensus({ episode: episode(NEED), details: NFA }) },
  '8815': { broken: twoEpisodes(episode(NEED) + NFA, referredOn('2024-09-02', NEED) + NFA), fixed: twoEpisodes(episode(closed('2024-09-02')) + NFA, referredOn('2024-09-02', NEED) + NFA) },
  '8816': {
    broken: twoEpisodes(episode(NEED) + NFA, referredOn('2024-09-02', closed('2024-10-01')) + NFA),
    fixed: twoEpisodes(episode(closed('2024-09-01')) + NFA, referredOn('2024-09-02', NEED) + NFA),
  },
  '8820': {
    broken: twoEpisodes(episode(closed('2024-09-02')) + NFA, referredOn('2024-09-01', closed('2024-10-01')) + NFA),
    fixed: twoEpisodes(episode(closed('2024-09-01')) + NFA, referredOn('2024-09-01', closed('2024-10-01')) + NFA),
  },
  '8825Q': { broken: cinCensus({ episode: episode(closed('2024-07-01', 'RC9')), details: NFA }), fixed: cinCensus({ episode: episode(closed('2024-07-01', 'RC9')), details: assessment('2024-06-04') + NFA }) },
  '8831': { broken: cinCensus({ episode: episode(''), details: assessment('2024-06-04') + NFA_TRUE }), fixed: cinCensus({ episode: episode(''), details: NFA_TRUE }) },
  '8832': { broken: cinCensus({ episode: episode(NEED), details: NFA_TRUE + cpPlan('2024-06-20') }), fixed: cinCensus({ episode: episode(NEED), details: NFA + cpPlan('2024-06-20') }) },
  '8866': { broken: cinCensus({ episode: '<CINreferralDate>2024-06-03</CINreferralDate><ReferralSource>11</ReferralSource>' + NEED, details: NFA }), fixed: cinCensus({ episode: episode(NEED), details: NFA }) },
};

/** Rules with a second way to fail. */
const OTHER_WAYS: RuleCases = {
  // A CP plan ended after the closure date.
  '8565': { broken: cinCensus({ episode: episode(closed('2024-09-01')), details: NFA + cpPlan('2024-06-20', '2024-09-02') }), fixed: cinCensus({ episode: episode(closed('2024-09-02')), details: NFA + cpPlan('2024-06-20', '2024-09-02') }) },
  // A value that is not a boolean.
  '8568': { broken: cinCensus({ episode: episode(NEED), details: '<ReferralNFA>no</ReferralNFA>' }), fixed: cinCensus({ episode: episode(NEED), details: '<ReferralNFA>FALSE</ReferralNFA>' }) },
  // The census starts on Easter Monday 2024, a bank holiday: a referral that day is before the first working day, 2 April.
  '8569Q': { broken: cinCensus({ episode: referredOn('2024-04-01'), details: NFA_TRUE }), fixed: cinCensus({ episode: referredOn('2024-04-02'), details: NFA_TRUE }) },
  // No referral date at all.
  '8600': { broken: cinCensus({ episode: `<ReferralSource>2A</ReferralSource>${NEED}`, details: NFA }), fixed: cinCensus({ episode: episode(NEED), details: NFA }) },
  // Activity on a no-further-action referral: an initial conference in the episode, or a section 47 enquiry.
  '8831': { broken: cinCensus({ episode: episode('<DateOfInitialCPC>2024-06-20</DateOfInitialCPC>'), details: s47('2024-06-05') + NFA_TRUE }), fixed: cinCensus({ episode: episode(''), details: NFA_TRUE }) },
  // No referral source.
  '8866': { broken: cinCensus({ episode: `<CINreferralDate>2024-06-03</CINreferralDate>${NEED}`, details: NFA }), fixed: cinCensus({ episode: episode(NEED), details: NFA }) },
};

describe('CIN rules: episodes: referral, need, closure', () => itChecksEachRule(CASES));
describe('CIN rules: episodes: the other ways to fail', () => itChecksEachRule(OTHER_WAYS));
