// Importing an authority's previous CIN census into the record: the census generated afterwards
// for the same year gives the same children and episodes back; importing again changes nothing;
// a child the record already holds is matched, not duplicated; a bad file imports nothing.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/platform/access/roles.ts';
import { createAuditService } from '../../src/platform/audit/service.ts';
import type { Principal } from '../../src/platform/auth/service.ts';
import { findAccountByUsername, insertAccount } from '../../src/platform/auth/repository.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { insertAuthority, insertOrganisation } from '../../src/platform/tenancy/repository.ts';
import { courtEvent, courtProceedings } from '../../src/modules/court/tables.ts';
import { buildCinCensus } from '../../src/modules/returns/cin/census.ts';
import { importCinCensus } from '../../src/modules/returns/cin/import.ts';
import { readCensus } from '../../src/modules/returns/cin/rules/census-model.ts';
import { checkStructure, type CinCollection } from '../../src/modules/returns/cin/structure.ts';
import { DEMO_AUTHORITY, seedDemoAuthority } from '../../src/seed/demo.ts';
import { seedSyntheticAuthority } from '../../src/seed/synthetic/authority.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';

const A = DEMO_AUTHORITY.code;
/** Authorities that arrive from another system: empty until they import their censuses. */
const B = '901';
const C = '902';
let t: TestDatabase;
let audit: ReturnType<typeof createAuditService>;
const analysts = new Map<string, Principal>();
/** Authority A's own censuses, generated from its synthetic record. */
const fromA = new Map<CinCollection, string>();

const census = async (laCode: string, collection: CinCollection) => (await buildCinCensus(t.database, laCode, collection, { now: new Date('2026-04-02T09:00:00Z'), release: 'test' })).xml;
const importInto = (laCode: string, xml: string, collection: CinCollection) => importCinCensus(t.database, audit, analysts.get(laCode)!, xml, collection);
const count = async (laCode: string, query: ReturnType<typeof sql>) => t.database.tenant(laCode, async (tx) => ((await tx.execute(query)) as { rows: { n: number }[] }).rows[0]!.n);
const peopleIn = (laCode: string) => count(laCode, sql`select count(*)::int as n from person`);
/** Everything a census says of its children, every element (the header's DateTime and LEA aside). */
const REPEATING = new Set(['Child', 'CINdetails', 'Assessments', 'CINPlanDates', 'Section47', 'ChildProtectionPlans', 'CPPreviewDate', 'AssessmentFactors', 'Disability', 'PreProceedingsandFGDM']);
const childrenOf = (xml: string) => (new XMLParser({ isArray: (name) => REPEATING.has(name), parseTagValue: false }).parse(xml) as { Message: { Children: unknown } }).Message.Children;
const childBlocks = (xml: string) => xml.match(/<Child>[\s\S]*?<\/Child>/g) ?? [];
/** A census file with only these children, under the same header. */
const withChildren = (xml: string, blocks: string[]) => xml.replace(/<Children>[\s\S]*<\/Children>/, `<Children>\n${blocks.join('\n')}\n</Children>`);

async function newAuthority(code: string) {
  const organisationId = randomUUID();
  const userId = randomUUID();
  await t.database.tenant(code, async (tx) => {
    await insertAuthority(tx, { code, name: `Authority ${code}` });
    await insertOrganisation(tx, { id: organisationId, laCode: code, name: `Authority ${code} Children’s Services`, kind: 'local_authority' });
    await insertAccount(tx, { id: userId, laCode: code, organisationId, username: `data.analyst.${code}`, displayName: `Data analyst ${code}`, role: 'data_analyst', passwordHash: null });
  });
  analysts.set(code, principal({ userId, username: `data.analyst.${code}`, displayName: `Data analyst ${code}`, role: 'data_analyst', laCode: code }));
}
const principal = (p: { userId: string; username: string; displayName: string; role: Role; laCode: string }): Principal => ({ ...p, organisation: 'Children’s Services', sessionHash: 'test' });
async function demoUser(username: string) {
  const { account } = (await findAccountByUsername(t.database.db, username))!;
  return principal({ userId: account.id, username, displayName: account.displayName, role: account.role as Role, laCode: A });
}

beforeAll(async () => {
  t = await testDatabase();
  audit = createAuditService(t.database, systemClock);
  await seedDemoAuthority(t.database, audit, { password: 'import-test-password' });
  await seedSyntheticAuthority(t.database, audit, { laCode: A, population: 2_000, years: 3, seed: 11, asOf: '2026-03-31' });
  analysts.set(A, await demoUser('data.analyst'));
  // Pre-proceedings for a child on a plan (the small synthetic authority may have none), so the census has them too.
  await t.database.tenant(A, async (tx) => {
    const [plan] = ((await tx.execute(sql`select case_id, person_id from cp_plan where ended_on is null and started_on < '2026-01-01' order by started_on limit 1`)) as { rows: { case_id: string; person_id: string }[] }).rows;
    const proceedingsId = randomUUID();
    const who = { recordedBy: analysts.get(A)!.userId, recordedByName: 'Wei Chen' };
    await tx.insert(courtProceedings).values({ id: proceedingsId, laCode: A, caseId: plan!.case_id, personId: plan!.person_id, letterSentOn: '2026-01-12', fgdmOfferedOn: '2026-01-14', startedBy: who.recordedBy, startedByName: who.recordedByName });
    await tx.insert(courtEvent).values({ id: randomUUID(), laCode: A, proceedingsId, kind: 'pre_proceedings_meeting', heldOn: '2026-01-26', summary: 'Parents and their solicitor attended', ...who, recordedAt: new Date('2026-01-26T16:00:00Z') });
  });
  await newAuthority(B);
  await newAuthority(C);
  for (const collection of ['2024-25', '2025-26'] as const) fromA.set(collection, await census(A, collection));
});
afterAll(() => t.close());

describe('importing a CIN census', () => {
  it('gives back the same census: the same children, with the same identifiers, characteristics and episodes', async () => {
    const xml = fromA.get('2025-26')!;
    const source = readCensus(xml);
    const episodes = source.children.reduce((n, c) => n + c.episodes.length, 0);
    expect(source.children.length).toBeGreaterThan(30);
    // The file has every kind of fact in it.
    const all = source.children.flatMap((c) => c.episodes);
    expect(all.some((e) => e.fields['ReferralNFA'] === 'true')).toBe(true);
    expect(all.some((e) => e.section47.some((s) => s['DateOfInitialCPC']))).toBe(true);
    expect(all.some((e) => e.plans.some((p) => p.reviews.length > 0))).toBe(true);
    expect(all.some((e) => e.plans.some((p) => Number(p.fields['NumberOfPreviousCPP']) > 0))).toBe(true);
    expect(xml).toContain('<InitialPPMeetingDate>2026-01-26</InitialPPMeetingDate>');

    expect(await importInto(B, xml, '2025-26')).toEqual({ collection: '2025-26', children: source.children.length, matched: 0, created: source.children.length, episodes, added: 0, skipped: 0 });
    const again = await census(B, '2025-26');
    expect(readCensus(again).children).toEqual(source.children);
    expect(childrenOf(again)).toEqual(childrenOf(xml));
    expect(await checkStructure(again, '2025-26')).toEqual({ valid: true, problems: [] });
    // Some plan counts earlier plans that ended before the year, which the file does not hold.
    expect(await count(B, sql`select count(*)::int as n from cp_plan where earlier_plans_not_held > 0`)).toBeGreaterThan(0);

    // Each child recorded anew is audited, and so is the import.
    expect(await count(B, sql`select count(*)::int as n from audit_event where action = 'person_created'`)).toBe(source.children.length);
    const [event] = await t.database.tenant(B, async (tx) => ((await tx.execute(sql`select details, user_id from audit_event where action = 'cin_census_imported'`)) as { rows: { details: Record<string, unknown>; user_id: string }[] }).rows);
    expect(event).toEqual({ user_id: analysts.get(B)!.userId, details: { collection: '2025-26', children: source.children.length, matched: 0, created: source.children.length, episodes, added: 0, skipped: 0 } });
    // A child recorded from the census has no name until someone adds it.
    const laId = source.children[0]!.ids['LAchildID']!;
    expect(await t.database.tenant(B, async (tx) => ((await tx.execute(sql`select given_names, family_name from person where la_person_id = ${laId}`)) as { rows: unknown[] }).rows)).toEqual([
      { given_names: 'Not recorded', family_name: `(CIN census ${laId})` },
    ]);
  });

  it('in the 2024-25 format too, and a year at a time: a later year adds to the episodes an earlier one began', async () => {
    const earlier = fromA.get('2024-25')!;
    expect(await importInto(C, earlier, '2024-25')).toMatchObject({ created: readCensus(earlier).children.length, added: 0 });
    expect(childrenOf(await census(C, '2024-25'))).toEqual(childrenOf(earlier));

    // Episodes that run on into 2025-26 are closed, and given the plans, reviews and conferences of that year.
    const later = fromA.get('2025-26')!;
    const result = await importInto(C, later, '2025-26');
    expect(result.matched).toBeGreaterThan(0);
    expect(result.added).toBeGreaterThan(0);
    expect(childrenOf(await census(C, '2025-26'))).toEqual(childrenOf(later));
    expect(childrenOf(await census(C, '2024-25'))).toEqual(childrenOf(earlier));
    // Either year again changes nothing.
    expect(await importInto(C, later, '2025-26')).toMatchObject({ created: 0, episodes: 0, added: 0 });
    expect(await importInto(C, earlier, '2024-25')).toMatchObject({ created: 0, episodes: 0, added: 0 });
    expect(childrenOf(await census(C, '2025-26'))).toEqual(childrenOf(later));
  });

  it('changes nothing when the same file is imported again', async () => {
    const xml = fromA.get('2025-26')!;
    const before = await census(B, '2025-26');
    const rows = async () => count(B, sql`select ((select count(*) from person) + (select count(*) from family_help_case) + (select count(*) from request_for_help) + (select count(*) from cp_conference))::int as n`);
    const rowsBefore = await rows();
    const children = readCensus(xml).children;
    expect(await importInto(B, xml, '2025-26')).toEqual({
      collection: '2025-26',
      children: children.length,
      matched: children.length,
      created: 0,
      episodes: 0,
      added: 0,
      skipped: children.reduce((n, c) => n + c.episodes.length, 0),
    });
    expect(await rows()).toBe(rowsBefore);
    expect(await census(B, '2025-26')).toBe(before);
  });

  it('matches a child the record already holds by LAchildID or UPN, never by date of birth and sex alone', async () => {
    // The authority's own census, imported into its own record: every child is there already.
    const xml = fromA.get('2025-26')!;
    const people = await peopleIn(A);
    const result = await importInto(A, xml, '2025-26');
    expect(result).toMatchObject({ matched: result.children, created: 0, episodes: 0, added: 0 });
    expect(await peopleIn(A)).toBe(people);
    expect(await census(A, '2025-26')).toBe(xml);

    // Another system's ids: one child with a UPN the record holds, one with neither id known.
    const blocks = childBlocks(xml);
    const withUpn = blocks.find((b) => b.includes('<UPN>'))!;
    const other = blocks.find((b) => b !== withUpn)!;
    const upn = /<UPN>(.*)<\/UPN>/.exec(withUpn)![1]!;
    const renamed = (block: string, laId: string) => block.replace(/<LAchildID>.*<\/LAchildID>/, `<LAchildID>${laId}</LAchildID>`).replace(/\s*<UPN>.*<\/UPN>/, (m) => (laId === 'OTHER2' ? '' : m));
    const file = withChildren(xml, [renamed(withUpn, 'OTHER1'), renamed(other, 'OTHER2')]);
    const peopleInB = await peopleIn(B);
    expect(await importInto(B, file, '2025-26')).toMatchObject({ children: 2, matched: 1, created: 1 });
    expect(await peopleIn(B)).toBe(peopleInB + 1);
    const found = await t.database.tenant(B, async (tx) => ((await tx.execute(sql`select la_person_id as "laId" from person where upn = ${upn} or la_person_id like 'OTHER%'`)) as { rows: { laId: string }[] }).rows);
    // The child with the known UPN keeps the LA id the record has; the other is recorded anew, beside the child with the same birthday and sex.
    expect(found.map((p) => p.laId).sort()).toEqual(['OTHER2', /<LAchildID>(.*)<\/LAchildID>/.exec(withUpn)![1]!].sort());
  });

  it('refuses an invalid file, says why, and imports nothing', async () => {
    const xml = fromA.get('2025-26')!;
    const people = await peopleIn(C);
    const broken = xml.replace(/<Sex>[MFU]<\/Sex>/, '<Sex>X</Sex>');
    await expect(importInto(C, broken, '2025-26')).rejects.toThrow(/not a valid 2025-26 CIN census, so nothing was imported\. line \d+: .*Sex/);
    await expect(importInto(C, xml, '2024-25')).rejects.toMatchObject({ statusCode: 422 });
    await expect(importInto(C, fromA.get('2024-25')!, '2025-26')).rejects.toThrow(/the census for 2025 .*not the 2025-26 collection/);
    expect(await peopleIn(C)).toBe(people);
  });

  it('writes through each module’s own checks: a file that is valid but breaks a rule the record keeps imports nothing, and says which', async () => {
    const D = '903';
    await newAuthority(D);
    const xml = fromA.get('2025-26')!;
    // A plan that ends before it starts is schema-valid; Family Help never holds one.
    const block = childBlocks(xml).find((b) => /<CINPlanEndDate>/.test(b))!;
    const broken = withChildren(xml, [block.replace(/<CINPlanEndDate>[^<]*<\/CINPlanEndDate>/, '<CINPlanEndDate>2001-01-01</CINPlanEndDate>')]);
    expect((await checkStructure(broken, '2025-26')).valid).toBe(true);
    await expect(importInto(D, broken, '2025-26')).rejects.toMatchObject({ statusCode: 422, id: 'invalid_history', message: expect.stringMatching(/^A plan started on \d{4}-\d{2}-\d{2} ends before it started$/) });
    expect(await peopleIn(D)).toBe(0);
    // The same child, as the census had them, imports.
    expect((await importInto(D, withChildren(xml, [block]), '2025-26')).created).toBe(1);
  });

  it('is for the data team and managers only', async () => {
    const socialWorker = await demoUser('social.worker');
    const people = await peopleIn(A);
    await expect(importCinCensus(t.database, audit, socialWorker, fromA.get('2025-26')!, '2025-26')).rejects.toMatchObject({ statusCode: 403 });
    expect(await peopleIn(A)).toBe(people);
  });
});

