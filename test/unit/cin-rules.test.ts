// The CIN validation rules implemented so far: for each, a minimal census that breaks it and the
// same census fixed, which does not. Collection 2024-25 (census year 1 April 2024 to 31 March 2025).
import { describe, expect, it } from 'vitest';
import { validateCensus } from '../../src/modules/returns/cin/rules/engine.ts';
import { rulesetFor } from '../../src/modules/returns/cin/rules/ruleset.ts';
import { cinCensus } from '../builders/cin.ts';

const episode = (fields: string) => `<CINreferralDate>2024-06-03</CINreferralDate><ReferralSource>2A</ReferralSource>${fields}`;
const s47 = (start: string, icpc?: string, target = '2024-06-24') =>
  `<Section47><S47ActualStartDate>${start}</S47ActualStartDate><InitialCPCtarget>${target}</InitialCPCtarget>${icpc ? `<DateOfInitialCPC>${icpc}</DateOfInitialCPC>` : ''}<ICPCnotRequired>false</ICPCnotRequired></Section47>`;
const plan = (start: string, end?: string, reviews: string[] = []) =>
  `<ChildProtectionPlans><CPPstartDate>${start}</CPPstartDate>${end ? `<CPPendDate>${end}</CPPendDate>` : ''}<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP>${reviews.length ? `<Reviews>${reviews.map((r) => `<CPPreviewDate>${r}</CPPreviewDate>`).join('')}</Reviews>` : ''}</ChildProtectionPlans>`;
const NFA = '<ReferralNFA>false</ReferralNFA>';

/** Each rule: a census that breaks it, and the same census fixed. */
const CASES: Record<string, { broken: string; fixed: string }> = {
  '100': { broken: cinCensus({ referenceDate: '2025-03-30' }), fixed: cinCensus() },
  '1104': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: s47('2024-06-03', '2024-05-31') + NFA }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: s47('2024-06-03', '2024-06-20') + NFA }) },
  '1105': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: NFA + plan('2024-05-31') }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: NFA + plan('2024-06-20') }) },
  '1570': { broken: cinCensus({ laChildId: 'A'.repeat(21) }), fixed: cinCensus({ laChildId: 'A'.repeat(20) }) },
  '1580': { broken: cinCensus({ laChildId: 'DB-0001' }), fixed: cinCensus({ laChildId: 'DB0001' }) },
  '2889': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: s47('2024-05-31') + NFA }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: s47('2024-06-03') + NFA }) },
  '8610': { broken: cinCensus({ episode: episode(''), details: NFA }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N4</PrimaryNeedCode>'), details: NFA }) },
  '8615': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: s47('2024-06-10', '2024-06-07') + NFA }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: s47('2024-06-10', '2024-06-20') + NFA }) },
  '8750': {
    broken: cinCensus({ identifiers: '<ExpectedPersonBirthDate>2025-06-01</ExpectedPersonBirthDate><Sex>F</Sex>' }),
    fixed: cinCensus({ identifiers: '<ExpectedPersonBirthDate>2025-06-01</ExpectedPersonBirthDate><Sex>U</Sex>' }),
  },
  '8805': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode><CINclosureDate>2024-09-01</CINclosureDate>'), details: NFA }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode><CINclosureDate>2024-09-01</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>'), details: NFA }) },
  '8810': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode><ReasonForClosure>RC7</ReasonForClosure>'), details: NFA }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: NFA }) },
  '8840': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: NFA + plan('2024-06-20', '2024-06-20') }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: NFA + plan('2024-06-20', '2024-06-21') }) },
  '8841': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: NFA + plan('2024-06-20', undefined, ['2024-06-20']) }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: NFA + plan('2024-06-20', undefined, ['2024-09-19']) }) },
  '8870Q': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: s47('2024-06-03', undefined, '2024-06-22') + NFA }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: s47('2024-06-03', undefined, '2024-06-24') + NFA }) },
  '8875': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: s47('2024-06-03', '2024-06-22') + NFA }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: s47('2024-06-03', '2024-06-24') + NFA }) },
  '8925': { broken: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: NFA + plan('2024-06-20', '2024-06-19') }), fixed: cinCensus({ episode: episode('<PrimaryNeedCode>N1</PrimaryNeedCode>'), details: NFA + plan('2024-06-20', '2024-07-19') }) },
};

const codes = (xml: string) => validateCensus(xml, '2024-25').findings.map((f) => f.code);

describe('CIN validation rules (2024-25)', () => {
  it.each(Object.entries(CASES))('rule %s: the broken census fails it, the fixed one does not', (code, { broken, fixed }) => {
    expect(codes(broken)).toContain(code);
    expect(codes(fixed)).not.toContain(code);
  });

  it('reports the child, the fields and the message from the ruleset', () => {
    const finding = validateCensus(CASES['8840']!.broken, '2024-25').findings.find((f) => f.code === '8840');
    expect(finding).toEqual({ code: '8840', severity: 'ERROR', child: 'DB000123', fields: ['ChildProtectionPlans', 'CPPstartDate', 'CPPendDate'], message: 'Child Protection Plan cannot start and end on the same day' });
  });

  it('uses the 2024-25 wording where a rule changed, and says which rules it has not checked yet', () => {
    expect(rulesetFor('2024-25').get('8750')?.message).toBe('Sex must equal U for an unborn child');
    const report = validateCensus(cinCensus(), '2024-25');
    expect(report.checked.map((r) => r.code).sort()).toEqual(Object.keys(CASES).sort());
    expect(report.checked.length + report.notYetChecked.length).toBe(rulesetFor('2024-25').size);
    expect(report.errors).toBe(0);
  });
});
