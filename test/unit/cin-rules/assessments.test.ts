// CIN validation rules about assessments and factors: for each, a minimal census that breaks it and the same
// census fixed. Collection 2024-25 (census year 1 April 2024 to 31 March 2025).
import { describe, expect, it } from 'vitest';
import { validateCensus } from '../../../src/modules/returns/cin/rules/engine.ts';
import { cinCensus, episode, NEED, NFA } from '../../builders/cin.ts';
import { itChecksEachRule, type RuleCases } from '../../support/cin-rules.ts';

/** An assessment: its start, its authorisation (completion) date if any, and the factors identified at it. */
const assessment = (start: string, authorised?: string, factors: string[] = []) =>
  `<Assessments><AssessmentActualStartDate>${start}</AssessmentActualStartDate>${authorised ? `<AssessmentAuthorisationDate>${authorised}</AssessmentAuthorisationDate>` : ''}${
    factors.length ? `<FactorsIdentifiedAtAssessment>${factors.map((f) => `<AssessmentFactors>${f}</AssessmentFactors>`).join('')}</FactorsIdentifiedAtAssessment>` : ''
  }</Assessments>`;
/** A census whose one episode (referred 3 June 2024) holds `details`; `fields` adds to the episode's opening fields. */
const census = (details: string, fields = '') => cinCensus({ episode: episode(NEED + fields), details: details + NFA });
const closed = (reason: string, on = '2024-06-28') => `<CINclosureDate>${on}</CINclosureDate><ReasonForClosure>${reason}</ReasonForClosure>`;
/** The same, for an episode referred on 1 March 2024, before the census year. */
const earlier = (details: string) => cinCensus({ episode: `<CINreferralDate>2024-03-01</CINreferralDate><ReferralSource>2A</ReferralSource>${NEED}`, details: details + NFA });
const done = (factors: string[]) => assessment('2024-06-03', '2024-06-20', factors);

const CASES: RuleCases = {
  '1103': { broken: census(assessment('2024-05-31', '2024-06-20', ['2A'])), fixed: census(assessment('2024-06-03', '2024-06-20', ['2A'])) },
  '8608': { broken: census(assessment('2024-06-20', '2024-06-10', ['2A'])), fixed: census(assessment('2024-06-10', '2024-06-20', ['2A'])) },
  '8614': { broken: census(assessment('2025-03-03', undefined, ['2A'])), fixed: census(assessment('2025-03-03')) },
  // 45 working days back from Monday 31 March 2025, counting the reference date itself: Tuesday 28 January.
  '8670Q': { broken: census(assessment('2025-01-27')), fixed: census(assessment('2025-01-28')) },
  '8696': { broken: census(assessment('2024-06-03', '2025-04-01', ['2A'])), fixed: census(assessment('2024-06-03', '2025-03-31', ['2A'])) },
  '8736': { broken: census(assessment('2025-04-01')), fixed: census(assessment('2025-03-31')) },
  '8863Q': {
    broken: census(done(['2A']) + assessment('2024-06-20', '2024-07-10', ['3A'])),
    fixed: census(done(['2A']) + assessment('2024-06-21', '2024-07-10', ['3A'])),
  },
  '8867': { broken: census(assessment('2025-03-03'), closed('RC1', '2025-03-20')), fixed: census(assessment('2025-03-03', '2025-03-10', ['2A']), closed('RC1', '2025-03-20')) },
  '8869': { broken: census(done(['21', '2A']), closed('RC8')), fixed: census(done(['21']), closed('RC8')) },
  '8873Q': { broken: census(done(['21']), closed('RC1')), fixed: census(done(['21']), closed('RC8')) },
  '8896': {
    broken: census(assessment('2025-03-03') + assessment('2025-03-10')),
    fixed: census(assessment('2025-03-03', '2025-03-07', ['2A']) + assessment('2025-03-10')),
  },
  '8897Q': { broken: census(done([])), fixed: census(done(['2A'])) },
  '8898': { broken: census(done(['2A', '2A'])), fixed: census(done(['2A', '3A'])) },
  '8945Q': { broken: census(done(['18A'])), fixed: census(done(['18B'])) },
  '8950Q': { broken: census(done(['19A'])), fixed: census(done(['19B'])) },
};

describe('CIN rules: assessments and factors', () => itChecksEachRule(CASES));

describe('CIN rules: assessments and factors, other ways to fail', () =>
  itChecksEachRule({
    // A completed assessment authorised before the census year, on an episode referred before it.
    '8696': { broken: earlier(assessment('2024-03-01', '2024-03-31', ['2A'])), fixed: earlier(assessment('2024-03-01', '2024-04-01', ['2A'])) },
    '8736': { broken: census('<Assessments><AssessmentInternalReviewDate>2025-03-10</AssessmentInternalReviewDate></Assessments>'), fixed: census(assessment('2025-03-10')) },
  }));

describe('CIN rules: assessments, as DfE’s text reads', () => {
  const codes = (xml: string) => validateCensus(xml, '2024-25').findings.map((f) => f.code);
  it('8873Q: only factor 21 is "no factors identified": 2B (a parent’s drug misuse) is not', () => {
    expect(codes(census(done(['2B']), closed('RC1')))).not.toContain('8873Q');
    expect(codes(census(done(['21']), closed('RC1')))).toContain('8873Q');
  });
});
