// The synthetic authority's Family Help history against England's figures (reference/dashboard-indicators.md §5).
import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/seed/random.ts';
import { generateFamilyHelp } from '../../src/seed/synthetic/family-help.ts';
import { generatePeople } from '../../src/seed/synthetic/people.ts';

const POPULATION = 60_000;
const AS_OF = '2026-03-31';
const YEAR_START = LocalDate.parse(AS_OF).minusYears(1).plusDays(1).toString();
const world = generatePeople(new Random(1), { laCode: '999', upnLaCode: '001', population: POPULATION, years: 5, asOf: AS_OF });
const generateFor = (seed: number, people: typeof world, population: number) =>
  generateFamilyHelp(new Random(seed), {
    laCode: '999',
    asOf: AS_OF,
    population,
    families: people.families,
    names: new Map(people.people.map((p) => [p.id, `${p.givenNames} ${p.familyName}`])),
    staff: { organisationId: 'org', familyHelpUserId: 'priya', demoTeamId: 'team' },
    protectionStaff: { organisationId: 'org', cpLeadUserId: 'hannah', partners: [{ userId: 'police', agency: 'police', name: 'DC Police' }] },
  });
const help = generateFor(7, world, POPULATION);
const per10k = (n: number) => (n / POPULATION) * 10_000;
const within = (value: number, target: number, share = 0.1) => expect(Math.abs(value - target) / target, `${value} against ${target}`).toBeLessThanOrEqual(share);

describe('the synthetic Family Help history', () => {
  it('is the same for the same seed', () => {
    // A tenth of the population is as deterministic as the whole, and quick to compare.
    const small = generatePeople(new Random(1), { laCode: '999', upnLaCode: '001', population: 6_000, years: 5, asOf: AS_OF });
    expect(generateFor(7, small, 6_000)).toEqual(generateFor(7, small, 6_000));
  });

  it('has about 519 referrals per 10,000 children in the last year, 22.6% of them re-referrals (±10%)', () => {
    const lastYear = help.requests.filter((r) => r.receivedOn >= YEAR_START && r.receivedOn <= AS_OF);
    within(per10k(lastYear.length), 632_830 / 1_218.3016);
    const decided = lastYear.filter((r) => r.reReferral !== null);
    within(decided.filter((r) => r.reReferral).length / decided.length, 0.226);
    within(decided.filter((r) => r.decision === 'advice').length / decided.length, 0.065, 0.25);
  });

  it('has about 330 children in need per 10,000 at 31 March (±10%)', () => {
    const open = help.cases.filter((c) => c.openedOn <= AS_OF && (!c.closedOn || c.closedOn > AS_OF));
    const inNeed = new Set(
      open.filter((c) => help.bases.some((b) => b.caseId === c.id && b.basis === 'section_17' && b.fromDate <= AS_OF && (!b.toDate || b.toDate >= AS_OF))).map((c) => c.personId),
    );
    within(per10k(inNeed.size), 330);
  });

  it('gives every open case a lead practitioner allocated to the child; the demo practitioner has a full caseload', () => {
    const open = help.cases.filter((c) => !c.closedOn);
    expect(help.allocations).toHaveLength(open.length);
    const priya = open.filter((c) => c.leadPractitionerId === 'priya').length;
    expect(priya).toBeGreaterThanOrEqual(20);
    expect(priya).toBeLessThanOrEqual(25);
    expect(new Set(open.map((c) => c.personId)).size).toBe(open.length); // one open case per child
  });

  it('keeps its dates in order: request, decision, assessment, plan, reviews, closure', () => {
    for (const c of help.cases) {
      expect(c.openedOn >= c.referralDate).toBe(true);
      if (c.closedOn) expect(c.closedOn >= c.openedOn).toBe(true);
    }
    const byCase = new Map(help.cases.map((c) => [c.id, c]));
    for (const a of help.assessments) if (a.completedOn) expect(a.completedOn >= a.startedOn).toBe(true);
    for (const p of help.plans) expect(p.startedOn >= byCase.get(p.caseId)!.openedOn).toBe(true);
    expect(help.assessments.filter((a) => a.completedOn && a.factors!.includes('21') && a.factors!.length > 1)).toEqual([]);
  });
});
