// The CIN census schemas kept in the repository (src/modules/returns/cin/schema/CHANGES.md): each
// collection's structure accepts a well-formed census and refuses what changed.
import { describe, expect, it } from 'vitest';
import { checkStructure } from '../../src/modules/returns/cin/structure.ts';

/** A minimal census with one child: what varies between collections is passed in. */
const census = ({ year = '2025', identifiers = '<Sex>F</Sex>', laChildId = 'DB000123', details = '' } = {}) => `<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>${year}</Year><ReferenceDate>${year}-03-31</ReferenceDate></CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>999</LEA><SoftwareCode>Stable Homes</SoftwareCode><Release>0.1.0</Release><SerialNo>001</SerialNo><DateTime>${year}-04-02T09:00:00</DateTime></Source>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers>
        <LAchildID>${laChildId}</LAchildID>
        <PersonBirthDate>2015-05-05</PersonBirthDate>
        ${identifiers}
      </ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>${Number(year) - 1}-06-01</CINreferralDate>
        <ReferralSource>2A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <ReferralNFA>false</ReferralNFA>
        ${details}
      </CINdetails>
    </Child>
  </Children>
</Message>`;

describe('CIN census structure', () => {
  it('accepts a 2024-25 census with Sex, and refuses GenderCurrent, which it replaced', async () => {
    expect(await checkStructure(census(), '2024-25')).toEqual({ valid: true, problems: [] });
    const old = await checkStructure(census({ identifiers: '<GenderCurrent>2</GenderCurrent>' }), '2024-25');
    expect(old.valid).toBe(false);
    expect(old.problems[0]?.message).toMatch(/GenderCurrent/);
    expect(old.problems[0]?.line).toBe(12); // where GenderCurrent is
  });

  it('refuses an LA child id that is not 1–20 letters and digits (rules 1570, 1580)', async () => {
    expect((await checkStructure(census({ laChildId: 'DB-000123' }), '2024-25')).valid).toBe(false);
    expect((await checkStructure(census({ laChildId: 'A'.repeat(21) }), '2024-25')).valid).toBe(false);
    expect((await checkStructure(census({ laChildId: 'A'.repeat(20) }), '2024-25')).valid).toBe(true);
  });

  it('accepts the pre-proceedings and family group decision making block from 2025-26 only', async () => {
    const details = '<PreProceedingsandFGDM><PPStartDate>2025-09-01</PPStartDate><LBPSentDate>2025-09-01</LBPSentDate><FGDMMeetingOffer>2025-09-03</FGDMMeetingOffer></PreProceedingsandFGDM>';
    expect((await checkStructure(census({ year: '2026', details }), '2025-26')).valid).toBe(true);
    expect((await checkStructure(census({ year: '2026', details }), '2024-25')).valid).toBe(false);
  });

  it('refuses a census that is not well formed, saying where', async () => {
    const broken = await checkStructure(census().replace('</Children>', ''), '2025-26');
    expect(broken.valid).toBe(false);
    expect(broken.problems.length).toBeGreaterThan(0);
  });
});
