// CIN validation rules about the header and the child: for each, a minimal census that breaks it and the same
// census fixed. Collection 2024-25 (census year 1 April 2024 to 31 March 2025).
import { describe, expect, it } from 'vitest';
import { validateCensus } from '../../../src/modules/returns/cin/rules/engine.ts';
import { cinCensus, episode, NEED, NFA } from '../../builders/cin.ts';
import { itChecksEachRule, type RuleCases } from '../../support/cin-rules.ts';

type Options = Parameters<typeof cinCensus>[0];
const BORN = '<PersonBirthDate>2015-05-05</PersonBirthDate>';
/** The default child (born 2015, sex F) with more identifiers. */
const ids = (more: string, options: Options = {}) => cinCensus({ ...options, identifiers: `${BORN}<Sex>F</Sex>${more}` });
const withUpn = (upn: string) => ids(`<UPN>${upn}</UPN>`);
/** A valid UPN: check letter B, LA 381, then digits. */
const UPN = 'B381200015001';
/** The default child's characteristics: white British, and these disability codes (none listed: no Disabilities element). */
const disabled = (codes: string[]) => `<Ethnicity>WBRI</Ethnicity>${codes.length ? `<Disabilities>${codes.map((code) => `<Disability>${code}</Disability>`).join('')}</Disabilities>` : ''}`;
const withDisabilities = (codes: string[], options: Options = {}) => cinCensus({ ...options, characteristics: disabled(codes) });
/** The census of the first options with the child of the second added. */
const twoChildren = (first: Options, second: Options) => {
  const child = /<Child>[\s\S]*<\/Child>/.exec(cinCensus(second))![0];
  return cinCensus(first).replace('</Children>', `${child}\n  </Children>`);
};
/** An episode going on to further action (ReferralNFA false). */
const FURTHER: Options = { episode: episode(NEED + NFA) };
const codes = (xml: string) => validateCensus(xml, '2024-25').findings.map((f) => f.code);

const CASES: RuleCases = {
  '100': { broken: cinCensus({ referenceDate: '2025-03-30' }), fixed: cinCensus() },
  '1510': { broken: withUpn('A381200015001'), fixed: withUpn(UPN) },
  '1520': { broken: twoChildren({ identifiers: `${BORN}<Sex>F</Sex><UPN>${UPN}</UPN>` }, { laChildId: 'DB000124', identifiers: `${BORN}<Sex>M</Sex><UPN>${UPN}</UPN>` }), fixed: twoChildren({ identifiers: `${BORN}<Sex>F</Sex><UPN>${UPN}</UPN>` }, { laChildId: 'DB000124' }) },
  '1530': { broken: withUpn('C999200015001'), fixed: withUpn(UPN) },
  '1540': { broken: withUpn('B3812X0015001'), fixed: withUpn(UPN) },
  '1550': { broken: withUpn('B38120001500I'), fixed: withUpn('B38120001500A') },
  '1560Q': { broken: ids(`<UPN>${UPN}</UPN><FormerUPN>B38120001500</FormerUPN>`), fixed: ids(`<UPN>${UPN}</UPN><FormerUPN>A381200015002</FormerUPN>`) },
  '1570': { broken: cinCensus({ laChildId: 'A'.repeat(21) }), fixed: cinCensus({ laChildId: 'A'.repeat(20) }) },
  '1580': { broken: cinCensus({ laChildId: 'DB-0001' }), fixed: cinCensus({ laChildId: 'DB0001' }) },
  '2886Q': { broken: cinCensus({ identifiers: `${BORN}<Sex>U</Sex>` }), fixed: cinCensus() },
  // Different codes, NONE aside: eight NONEs are none; eight different codes pass.
  '2887Q': {
    broken: twoChildren({ characteristics: disabled(Array(4).fill('NONE')) }, { laChildId: 'DB000124', characteristics: disabled(Array(4).fill('NONE')) }),
    fixed: twoChildren({ characteristics: disabled(['MOB', 'HAND', 'PC', 'INC']) }, { laChildId: 'DB000124', characteristics: disabled(['COMM', 'LD', 'HEAR', 'VIS']) }),
  },
  '2888Q': { broken: withDisabilities(['MOB']), fixed: withDisabilities(['MOB', 'HAND']) },
  '4180': { broken: cinCensus({ identifiers: `${BORN}<Sex>X</Sex>` }), fixed: cinCensus() },
  '4220': { broken: cinCensus().replace('WBRI', 'WBR'), fixed: cinCensus() },
  '8500': { broken: cinCensus({ laChildId: '' }), fixed: cinCensus() },
  '8510': { broken: twoChildren({}, {}), fixed: twoChildren({}, { laChildId: 'DB000124' }) },
  '8520': { broken: cinCensus({ identifiers: '<PersonBirthDate>2025-04-01</PersonBirthDate><Sex>F</Sex>' }), fixed: cinCensus({ identifiers: '<PersonBirthDate>2025-03-31</PersonBirthDate><Sex>F</Sex>' }) },
  '8525Q': { broken: ids('<ExpectedPersonBirthDate>2015-05-01</ExpectedPersonBirthDate>'), fixed: cinCensus() },
  '8530Q': {
    broken: cinCensus({ identifiers: '<ExpectedPersonBirthDate>2025-12-31</ExpectedPersonBirthDate><Sex>U</Sex>' }),
    fixed: cinCensus({ identifiers: '<ExpectedPersonBirthDate>2025-12-30</ExpectedPersonBirthDate><Sex>U</Sex>' }),
  },
  '8535Q': { broken: ids('<PersonDeathDate>2015-05-04</PersonDeathDate>'), fixed: ids('<PersonDeathDate>2015-05-05</PersonDeathDate>') },
  '8540': { broken: withDisabilities([], FURTHER), fixed: withDisabilities(['NONE'], FURTHER) },
  // The validator's census year for this rule starts on the reference date less one year.
  // The census year starts on 1 April 2024: a death on 31 March 2024 is before it.
  '8545Q': { broken: ids('<PersonDeathDate>2024-03-31</PersonDeathDate>'), fixed: ids('<PersonDeathDate>2024-04-01</PersonDeathDate>') },
  '8590': { broken: cinCensus().replace(/<CINdetails>[\s\S]*<\/CINdetails>/, ''), fixed: cinCensus() },
  '8750': {
    broken: cinCensus({ identifiers: '<ExpectedPersonBirthDate>2025-06-01</ExpectedPersonBirthDate><Sex>F</Sex>' }),
    fixed: cinCensus({ identifiers: '<ExpectedPersonBirthDate>2025-06-01</ExpectedPersonBirthDate><Sex>U</Sex>' }),
  },
  // UN1 (not of school age) does not excuse a missing UPN for a child born in 2015.
  '8770Q': { broken: ids('<UPNunknown>UN1</UPNunknown>', FURTHER), fixed: ids('<UPNunknown>UN2</UPNunknown>', FURTHER) },
  '8772': { broken: ids('<UPNunknown>UN7</UPNunknown>', FURTHER), fixed: ids('<UPNunknown>UN7</UPNunknown>', { episode: episode(`${NEED}<ReferralNFA>true</ReferralNFA>`) }) },
  '8775Q': { broken: cinCensus({ identifiers: '<PersonBirthDate>2000-03-30</PersonBirthDate><Sex>F</Sex>' }), fixed: cinCensus({ identifiers: '<PersonBirthDate>2000-03-31</PersonBirthDate><Sex>F</Sex>' }) },
  '8790': { broken: withDisabilities(['NONE', 'MOB']), fixed: withDisabilities(['MOB']) },
  '8794': { broken: withDisabilities(['MOB', 'MOB']), fixed: withDisabilities(['MOB', 'HAND']) },
};

// The other way to fail some rules.
const OTHER_WAYS: RuleCases = {
  '8525Q': { broken: cinCensus({ identifiers: '<Sex>F</Sex>' }), fixed: cinCensus() },
  '8530Q': {
    broken: cinCensus({ identifiers: '<ExpectedPersonBirthDate>2025-03-01</ExpectedPersonBirthDate><Sex>U</Sex>' }),
    fixed: cinCensus({ identifiers: '<ExpectedPersonBirthDate>2025-03-02</ExpectedPersonBirthDate><Sex>U</Sex>' }),
  },
  '8535Q': { broken: cinCensus({ identifiers: '<Sex>F</Sex><PersonDeathDate>2024-06-01</PersonDeathDate>' }), fixed: cinCensus({ identifiers: `${BORN}<Sex>F</Sex><PersonDeathDate>2024-06-01</PersonDeathDate>` }) },
  '8540': { broken: withDisabilities(['MOB', 'DEAF'], FURTHER), fixed: withDisabilities(['MOB', 'HEAR'], FURTHER) },
  '8545Q': { broken: ids('<PersonDeathDate>2025-04-01</PersonDeathDate>'), fixed: ids('<PersonDeathDate>2025-03-31</PersonDeathDate>') },
  '8775Q': {
    broken: cinCensus({ identifiers: '<PersonBirthDate>1999-05-05</PersonBirthDate><Sex>F</Sex>', details: '<CINclosureDate>2024-06-10</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>' }),
    fixed: cinCensus({ identifiers: '<PersonBirthDate>1999-06-10</PersonBirthDate><Sex>F</Sex>', details: '<CINclosureDate>2024-06-10</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>' }),
  },
};

describe('CIN rules: the header and the child', () => {
  itChecksEachRule(CASES);
  describe('the other way to fail', () => itChecksEachRule(OTHER_WAYS));

  it('1560Q: a temporary former UPN (a letter, 11 digits, a letter) is well formed', () => {
    expect(codes(ids(`<UPN>${UPN}</UPN><FormerUPN>A12345678901B</FormerUPN>`))).not.toContain('1560Q');
    expect(codes(ids(`<UPN>${UPN}</UPN><FormerUPN>A1234567890BB</FormerUPN>`))).toContain('1560Q');
  });

  it('8770Q: school age is born on or before 31 August 2019 for the 2024-25 census', () => {
    const census = (born: string) => cinCensus({ ...FURTHER, identifiers: `<PersonBirthDate>${born}</PersonBirthDate><Sex>F</Sex>` });
    expect(codes(census('2019-08-31'))).toContain('8770Q');
    expect(codes(census('2019-09-01'))).not.toContain('8770Q');
  });
});
