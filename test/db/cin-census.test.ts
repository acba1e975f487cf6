// The CIN census generated from the record of a synthetic authority: valid against its
// collection's schema, with every child in need in the year and each fact in its episode.
import { XMLParser } from 'fast-xml-parser';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../../src/platform/audit/service.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { buildCinCensus, censusPeriod } from '../../src/modules/returns/cin/census.ts';
import { checkStructure } from '../../src/modules/returns/cin/structure.ts';
import { validateCensus } from '../../src/modules/returns/cin/rules/engine.ts';
import { DEMO_AUTHORITY, seedDemoAuthority } from '../../src/seed/demo.ts';
import { seedSyntheticAuthority } from '../../src/seed/synthetic/authority.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';

const LA = DEMO_AUTHORITY.code;
let t: TestDatabase;
/** Elements that can repeat, always read as lists. */
const REPEATING = new Set(['Child', 'CINdetails', 'Assessments', 'CINPlanDates', 'Section47', 'ChildProtectionPlans', 'CPPreviewDate', 'AssessmentFactors', 'Disability', 'PreProceedingsandFGDM']);
const parse = (xml: string) => new XMLParser({ isArray: (name) => REPEATING.has(name), parseTagValue: false }).parse(xml) as { Message: { Header: { CollectionDetails: Record<string, string> }; Children: { Child: Child[] } } };
interface Child {
  ChildIdentifiers: Record<string, string>;
  CINdetails: (Record<string, unknown> & { CINreferralDate: string; Section47?: Record<string, string>[]; ChildProtectionPlans?: Record<string, unknown>[] })[];
}
const census = (collection: '2024-25' | '2025-26') => buildCinCensus(t.database, LA, collection, { now: new Date('2026-04-02T09:00:00Z'), release: 'test' });
const count = async (query: ReturnType<typeof sql>) => t.database.tenant(LA, async (tx) => ((await tx.execute(query)) as { rows: { n: number }[] }).rows[0]!.n);

beforeAll(async () => {
  t = await testDatabase();
  const audit = createAuditService(t.database, systemClock);
  await seedDemoAuthority(t.database, audit, { password: 'census-test-password' });
  await seedSyntheticAuthority(t.database, audit, { laCode: LA, population: 4_000, years: 3, seed: 5, asOf: '2026-03-31' });
});
afterAll(() => t.close());

describe('the CIN census from the record', () => {
  it('is valid against each collection’s schema', async () => {
    for (const collection of ['2024-25', '2025-26'] as const) {
      const { xml, counts } = await census(collection);
      expect(counts.children).toBeGreaterThan(100);
      expect(await checkStructure(xml, collection), collection).toEqual({ valid: true, problems: [] });
      // No error from any rule checked so far (the rest are listed as not yet checked).
      const report = validateCensus(xml, collection);
      expect(report.findings.filter((f) => f.severity === 'ERROR'), collection).toEqual([]);
    }
  });

  it('has every child helped under section 17 in the year, and every referral that ended with advice', async () => {
    const { from, to } = censusPeriod('2025-26');
    const message = parse((await census('2025-26')).xml).Message;
    expect(message.Header.CollectionDetails).toMatchObject({ Collection: 'CIN', Year: '2026', ReferenceDate: '2026-03-31' });
    const expected = await count(sql`
      select count(distinct person_id)::int as n from (
        select c.person_id from case_basis b join family_help_case c on c.id = b.case_id
         where b.basis = 'section_17' and b.from_date <= ${to} and (b.to_date is null or b.to_date >= ${from})
        union select person_id from request_for_help where decision = 'advice' and received_on between ${from} and ${to}) x`);
    expect(message.Children.Child).toHaveLength(expected);
    for (const child of message.Children.Child) {
      expect(child.ChildIdentifiers['LAchildID']).toMatch(/^[A-Za-z0-9]{1,20}$/);
      expect(['M', 'F', 'U']).toContain(child.ChildIdentifiers['Sex']);
      // Episodes in date order; no episode starts after the reference date.
      const dates = child.CINdetails.map((d) => d.CINreferralDate);
      expect([...dates].sort()).toEqual(dates);
      for (const d of dates) expect(d <= to).toBe(true);
    }
  });

  it('puts section 47 enquiries, conferences and child protection plans in their episodes, with the previous plans counted', async () => {
    const { from, to } = censusPeriod('2025-26');
    const children = parse((await census('2025-26')).xml).Message.Children.Child;
    const episodes = children.flatMap((c) => c.CINdetails);
    const enquiries = episodes.flatMap((d) => d.Section47 ?? []);
    const plans = episodes.flatMap((d) => d.ChildProtectionPlans ?? []);
    const inYear = await count(sql`select count(*)::int as n from section47_enquiry where started_on between ${from} and ${to}`);
    expect(enquiries.filter((s) => s['S47ActualStartDate']! >= from).length).toBe(inYear);
    for (const s of enquiries) {
      if (s['DateOfInitialCPC']) expect(s['DateOfInitialCPC'] >= s['S47ActualStartDate']!).toBe(true); // 8615
      expect(s['InitialCPCtarget']! > s['S47ActualStartDate']!).toBe(true);
    }
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.some((p) => Number(p['NumberOfPreviousCPP']) > 0)).toBe(true);
    for (const p of plans) expect(String(p['CPPstartDate']) <= to).toBe(true);
  });
});
