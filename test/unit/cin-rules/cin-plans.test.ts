// CIN validation rules about child in need plans: for each, a minimal census that breaks it and the same
// census fixed. Collection 2024-25 (census year 1 April 2024 to 31 March 2025).
import { describe } from 'vitest';
import { cinCensus, cpPlan, episode, NEED, NFA } from '../../builders/cin.ts';
import { itChecksEachRule, type RuleCases } from '../../support/cin-rules.ts';

/** A CIN plan: its start and, once ended, its end. */
const cinPlan = (start: string, end?: string) =>
  `<CINPlanDates><CINPlanStartDate>${start}</CINPlanStartDate>${end ? `<CINPlanEndDate>${end}</CINPlanEndDate>` : ''}</CINPlanDates>`;
/** A census whose one episode (referred 3 June 2024) holds `details`. */
const census = (details: string, identifiers?: string) => cinCensus({ episode: episode(NEED), details: details + NFA, ...(identifiers ? { identifiers } : {}) });
const DIED = '<PersonBirthDate>2015-05-05</PersonBirthDate><Sex>F</Sex><PersonDeathDate>2024-08-01</PersonDeathDate>';

const CASES: RuleCases = {
  '4001': { broken: census(cinPlan('2024-06-03') + cpPlan('2024-07-01')), fixed: census(cinPlan('2024-06-03', '2024-06-30') + cpPlan('2024-07-01')) },
  '4003': {
    broken: census(cinPlan('2024-06-03', '2024-09-30') + cpPlan('2024-07-01', '2024-10-31', ['2024-08-01'])),
    fixed: census(cinPlan('2024-06-03', '2024-09-30') + cpPlan('2024-07-01', '2024-10-31', ['2024-09-30'])),
  },
  '4004': { broken: census(cinPlan('2024-06-03') + cinPlan('2024-07-01')), fixed: census(cinPlan('2024-06-03', '2024-06-30') + cinPlan('2024-07-01')) },
  '4008': { broken: census(cinPlan('2024-08-02'), DIED), fixed: census(cinPlan('2024-08-01'), DIED) },
  '4009Q': { broken: census(cinPlan('2024-06-03', '2024-08-02'), DIED), fixed: census(cinPlan('2024-06-03', '2024-08-01'), DIED) },
  '4010': { broken: census(cinPlan('2025-04-01')), fixed: census(cinPlan('2025-03-31')) },
  '4011': { broken: census(cinPlan('2024-07-01', '2024-06-30')), fixed: census(cinPlan('2024-06-03', '2024-06-30')) },
  '4012Q': { broken: census(cinPlan('2024-06-03', '2024-06-03')), fixed: census(cinPlan('2024-06-03', '2024-06-04')) },
  '4013': { broken: census(cinPlan('2024-06-03', '2025-04-01')), fixed: census(cinPlan('2024-06-03', '2025-03-31')) },
  // The end day is part of the plan: the next one may start the day after.
  '4014': { broken: census(cinPlan('2024-06-03', '2024-06-30') + cinPlan('2024-06-30')), fixed: census(cinPlan('2024-06-03', '2024-06-30') + cinPlan('2024-07-01')) },
  '4015': { broken: census(cinPlan('2024-05-31')), fixed: census(cinPlan('2024-06-03')) },
  // A CIN plan may start on the day a child protection plan ends, and the other way round (4017).
  '4016': { broken: census(cpPlan('2024-06-03', '2024-07-31') + cinPlan('2024-07-01')), fixed: census(cpPlan('2024-06-03', '2024-07-31') + cinPlan('2024-07-31')) },
  '4017': { broken: census(cinPlan('2024-06-03', '2024-07-31') + cpPlan('2024-07-01')), fixed: census(cinPlan('2024-06-03', '2024-07-31') + cpPlan('2024-07-31')) },
};

describe('CIN rules: child in need plans', () => itChecksEachRule(CASES));

describe('CIN rules: child in need plans, other ways to fail', () =>
  itChecksEachRule({
    '4010': { broken: census('<CINPlanDates><CINPlanEndDate>2024-06-30</CINPlanEndDate></CINPlanDates>'), fixed: census(cinPlan('2024-06-03', '2024-06-30')) },
  }));

describe('CIN rules: CIN plans, another way to fail', () =>
  itChecksEachRule({
    // A review while the CIN plan is still open.
    '4003': {
      broken: census(cinPlan('2024-06-03') + cpPlan('2024-07-01', '2024-10-31', ['2024-08-01'])),
      fixed: census(cinPlan('2024-06-03') + cpPlan('2024-07-01', '2024-10-31', ['2024-10-31'])),
    },
  }));
