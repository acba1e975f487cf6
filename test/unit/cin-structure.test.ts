// The CIN census schemas kept in the repository (src/modules/returns/cin/schema/CHANGES.md): each
// collection's structure accepts a well-formed census and refuses what changed.
import { describe, expect, it } from 'vitest';
import { checkStructure } from '../../src/modules/returns/cin/structure.ts';
import { cinCensus } from '../builders/cin.ts';

/** A census whose identifiers, id, year and details vary (details follow the default episode's ReferralNFA). */
const census = ({ year = '2025', identifiers = '<PersonBirthDate>2015-05-05</PersonBirthDate><Sex>F</Sex>', laChildId = 'DB000123', details = '' } = {}) =>
  cinCensus({ year, identifiers, laChildId, details });

describe('CIN census structure', () => {
  it('accepts a 2024-25 census with Sex, and refuses GenderCurrent, which it replaced', async () => {
    expect(await checkStructure(census(), '2024-25')).toEqual({ valid: true, problems: [] });
    const old = await checkStructure(census({ identifiers: '<PersonBirthDate>2015-05-05</PersonBirthDate><GenderCurrent>2</GenderCurrent>' }), '2024-25');
    expect(old.valid).toBe(false);
    expect(old.problems[0]?.message).toMatch(/GenderCurrent/);
    expect(old.problems[0]?.line).toBe(11); // where GenderCurrent is
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
