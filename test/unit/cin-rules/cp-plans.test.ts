// CIN validation rules about child protection plans: for each, a minimal census that breaks it and the same
// census fixed. Collection 2024-25 (census year 1 April 2024 to 31 March 2025).
import { describe } from 'vitest';
import { cinCensus, cpPlan, episode, NEED, NFA, s47 } from '../../builders/cin.ts';
import { itChecksEachRule, type RuleCases } from '../../support/cin-rules.ts';

/** A census with one referral (3 June 2024), a S47 enquiry whose conference is on 20 June 2024, and these plans. */
const plans = (...groups: string[]) => cinCensus({ episode: episode(NEED), details: s47('2024-06-03', '2024-06-20') + NFA + groups.join('') });
/** The same for a child who died on `death`. */
const died = (death: string, ...groups: string[]) =>
  cinCensus({ identifiers: `<PersonBirthDate>2015-05-05</PersonBirthDate><Sex>F</Sex><PersonDeathDate>${death}</PersonDeathDate>`, episode: episode(NEED), details: s47('2024-06-03', '2024-06-20') + NFA + groups.join('') });
/** Ends the builder's episode and opens a second one (referral 2 September 2024) with these groups. */
const secondEpisode = (...groups: string[]) => `</CINdetails><CINdetails>${episode(NEED).replace('2024-06-03', '2024-09-02')}${NFA}${groups.join('')}`;

const CASES: RuleCases = {
  '1105': { broken: cinCensus({ episode: episode(NEED), details: NFA + cpPlan('2024-05-31') }), fixed: cinCensus({ episode: episode(NEED), details: NFA + cpPlan('2024-06-20') }) },
  '2883': { broken: cinCensus({ episode: episode(NEED), details: NFA + cpPlan('2024-06-20') }), fixed: plans(cpPlan('2024-06-20')) },
  '2885': { broken: plans(cpPlan('2024-06-21')), fixed: plans(cpPlan('2024-06-20')) },
  '8720': { broken: plans(cpPlan('2025-04-01')), fixed: plans(cpPlan('2025-03-31')) },
  '8730': { broken: plans(cpPlan('2024-06-20').replace('<NumberOfPreviousCPP>0</NumberOfPreviousCPP>', '')), fixed: plans(cpPlan('2024-06-20')) },
  '8840': { broken: plans(cpPlan('2024-06-20', '2024-06-20')), fixed: plans(cpPlan('2024-06-20', '2024-06-21')) },
  '8841': { broken: plans(cpPlan('2024-06-20', undefined, ['2024-06-20'])), fixed: plans(cpPlan('2024-06-20', undefined, ['2024-09-19'])) },
  '8842Q': { broken: plans(cpPlan('2024-06-20', undefined, [''])), fixed: plans(cpPlan('2024-06-20', undefined, ['2024-09-19'])) },
  '8905': { broken: plans(cpPlan('2024-06-20').replace('<InitialCategoryOfAbuse>NEG', '<InitialCategoryOfAbuse>NEX')), fixed: plans(cpPlan('2024-06-20')) },
  '8910': { broken: plans(cpPlan('2024-06-20').replace('<LatestCategoryOfAbuse>NEG', '<LatestCategoryOfAbuse>neg')), fixed: plans(cpPlan('2024-06-20')) },
  '8915': { broken: died('2024-06-19', cpPlan('2024-06-20')), fixed: died('2024-06-20', cpPlan('2024-06-20')) },
  '8920': { broken: died('2024-07-01', cpPlan('2024-06-20', '2024-07-02')), fixed: died('2024-07-01', cpPlan('2024-06-20', '2024-07-01')) },
  '8925': { broken: plans(cpPlan('2024-06-20', '2024-06-19')), fixed: plans(cpPlan('2024-06-20', '2024-07-19')) },
  '8930': { broken: plans(cpPlan('2024-06-20', '2025-04-01')), fixed: plans(cpPlan('2024-06-20', '2025-03-31')) },
  // Open plans in two episodes.
  '8935': {
    broken: plans(cpPlan('2024-06-20'), secondEpisode(s47('2024-09-02', '2024-09-10'), cpPlan('2024-09-10'))),
    fixed: plans(cpPlan('2024-06-20', '2024-08-30'), secondEpisode(s47('2024-09-02', '2024-09-10'), cpPlan('2024-09-10'))),
  },
  '8940': {
    broken: plans(cpPlan('2024-06-20', '2024-09-30'), cpPlan('2024-08-01', '2024-10-31')),
    fixed: plans(cpPlan('2024-06-20', '2024-09-30'), cpPlan('2024-10-01', '2024-10-31')),
  },
};

/** Rules with a second way to fail. */
const OTHER_WAYS: RuleCases = {
  // Two open plans in one episode.
  '8935': { broken: plans(cpPlan('2024-06-20'), cpPlan('2024-09-10')), fixed: plans(cpPlan('2024-06-20', '2024-09-09'), cpPlan('2024-09-10')) },
  // An episode without S47s, whose own conference is on another day.
  '2885': {
    broken: cinCensus({ episode: episode(NEED + '<DateOfInitialCPC>2024-06-20</DateOfInitialCPC>'), details: NFA + cpPlan('2024-06-21') }),
    fixed: cinCensus({ episode: episode(NEED + '<DateOfInitialCPC>2024-06-20</DateOfInitialCPC>'), details: NFA + cpPlan('2024-06-20') }),
  },
  // A missing start date.
  '8720': { broken: plans(cpPlan('2024-06-20').replace('<CPPstartDate>2024-06-20</CPPstartDate>', '')), fixed: plans(cpPlan('2024-06-20')) },
  // A plan starting while another, still open, is ongoing.
  '8940': { broken: plans(cpPlan('2024-06-20'), cpPlan('2024-08-01', '2024-10-31')), fixed: plans(cpPlan('2024-06-20', '2024-07-31'), cpPlan('2024-08-01', '2024-10-31')) },
};

describe('CIN rules: child protection plans', () => itChecksEachRule(CASES));
describe('CIN rules: child protection plans, another way to fail', () => itChecksEachRule(OTHER_WAYS));
