// CIN validation rules about section 47 enquiries and initial conferences: for each, a minimal census that breaks it and the same
// census fixed. Collection 2024-25 (census year 1 April 2024 to 31 March 2025).
import { describe, expect, it } from 'vitest';
import { validateCensus } from '../../../src/modules/returns/cin/rules/engine.ts';
import { cinCensus, episode, NEED, NFA, s47 } from '../../builders/cin.ts';
import { itChecksEachRule, type RuleCases } from '../../support/cin-rules.ts';

/** A census with one referral (3 June 2024) and these S47 enquiries. */
const enquiries = (...groups: string[]) => cinCensus({ episode: episode(NEED), details: groups.join('') + NFA });
/** The same, the episode closed on 30 September 2024. */
const closed = (...groups: string[]) =>
  cinCensus({ episode: episode(NEED + '<CINclosureDate>2024-09-30</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>'), details: groups.join('') + NFA });
/** A S47 group written out, for what s47() cannot write (a missing start, ICPCnotRequired true). */
const section47 = (fields: string) => `<Section47>${fields}</Section47>`;

const CASES: RuleCases = {
  '1104': { broken: enquiries(s47('2024-06-03', '2024-05-31')), fixed: enquiries(s47('2024-06-03', '2024-06-20')) },
  '2884': {
    broken: cinCensus({ episode: episode(NEED + '<DateOfInitialCPC>2024-06-20</DateOfInitialCPC>'), details: s47('2024-06-03', '2024-06-20') + NFA }),
    fixed: enquiries(s47('2024-06-03', '2024-06-20')),
  },
  '2889': { broken: enquiries(s47('2024-05-31')), fixed: enquiries(s47('2024-06-03')) },
  '8615': { broken: enquiries(s47('2024-06-10', '2024-06-07')), fixed: enquiries(s47('2024-06-10', '2024-06-20')) },
  // 15 working days before 31 March 2025, counting the reference date, is 11 March 2025.
  '8675Q': { broken: enquiries(s47('2025-03-10')), fixed: enquiries(s47('2025-03-11')) },
  '8715': { broken: enquiries(s47('2024-06-03', '2025-04-01')), fixed: enquiries(s47('2024-06-03', '2025-03-31')) },
  '8740': { broken: enquiries(s47('2025-04-01')), fixed: enquiries(s47('2025-03-31')) },
  '8839': { broken: enquiries(s47('2024-06-03'), s47('2024-07-01')), fixed: enquiries(s47('2024-06-03', '2024-06-20'), s47('2024-07-01')) },
  '8868': { broken: closed(s47('2024-06-03')), fixed: closed(s47('2024-06-03', '2024-06-20')) },
  '8870Q': { broken: enquiries(s47('2024-06-03', undefined, '2024-06-22')), fixed: enquiries(s47('2024-06-03', undefined, '2024-06-24')) },
  '8875': { broken: enquiries(s47('2024-06-03', '2024-06-22')), fixed: enquiries(s47('2024-06-03', '2024-06-24')) },
  '8890': { broken: enquiries(s47('2024-06-03', '2024-06-20'), s47('2024-06-10', '2024-06-24')), fixed: enquiries(s47('2024-06-03', '2024-06-20'), s47('2024-06-21', '2024-07-01')) },
};

/** Rules with a second way to fail. */
const OTHER_WAYS: RuleCases = {
  // A conference date with no S47 start date.
  '8615': {
    broken: enquiries(section47('<DateOfInitialCPC>2024-06-20</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired>')),
    fixed: enquiries(section47('<S47ActualStartDate>2024-06-03</S47ActualStartDate><DateOfInitialCPC>2024-06-20</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired>')),
  },
  // An enquiry awaiting its conference that started before the census year (ICPCnotRequired written 0).
  '8740': {
    broken: cinCensus({ episode: episode(NEED).replace('2024-06-03', '2024-03-01'), details: section47('<S47ActualStartDate>2024-03-28</S47ActualStartDate><ICPCnotRequired>0</ICPCnotRequired>') + NFA }),
    fixed: cinCensus({ episode: episode(NEED).replace('2024-06-03', '2024-03-01'), details: section47('<S47ActualStartDate>2024-04-01</S47ActualStartDate><ICPCnotRequired>0</ICPCnotRequired>') + NFA }),
  },
  // A conference date recorded together with ICPCnotRequired true.
  // An enquiry that needs no conference, with the flag false.
  '8868': {
    broken: closed(section47('<S47ActualStartDate>2024-06-03</S47ActualStartDate><ICPCnotRequired>false</ICPCnotRequired>')),
    fixed: closed(section47('<S47ActualStartDate>2024-06-03</S47ActualStartDate><ICPCnotRequired>true</ICPCnotRequired>')),
  },
  // An enquiry starting while another, still open (no conference, one required), is ongoing.
  '8890': { broken: enquiries(s47('2024-06-03'), s47('2024-06-10', '2024-06-24')), fixed: enquiries(s47('2024-06-03', '2024-06-07'), s47('2024-06-10', '2024-06-24')) },
};

describe('CIN rules: section 47 enquiries and initial conferences', () => itChecksEachRule(CASES));
describe('CIN rules: section 47 enquiries and initial conferences, another way to fail', () => itChecksEachRule(OTHER_WAYS));

describe('CIN rules: section 47, as DfE’s text reads', () => {
  it('8868: a conference date recorded with ICPCnotRequired true shows the enquiry completed', () => {
    const both = closed(section47('<S47ActualStartDate>2024-06-03</S47ActualStartDate><DateOfInitialCPC>2024-06-20</DateOfInitialCPC><ICPCnotRequired>true</ICPCnotRequired>'));
    expect(validateCensus(both, '2024-25').findings.map((f) => f.code)).not.toContain('8868');
  });
});
