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
    staff: { organisationId: 'org', familyHelpUserId: 'priya', demoTeamId: 'team', socialWorker: { userId: 'tom', name: 'Tom Okafor', teamId: 'team' } },
    protectionStaff: { organisationId: 'org', cpLeadUserId: 'hannah', partners: [{ userId: 'police', agency: 'police', name: 'DC Police' }] },
  });
const help = generateFor(7, world, POPULATION);
const per10k = (n: number) => (n / POPULATION) * 10_000;
/** The day each person turns 18: help as a child ends the day before. */
const eighteenOn = new Map(world.people.flatMap((p) => (p.dateOfBirth ? [[p.id, LocalDate.parse(p.dateOfBirth).plusYears(18).toString()] as const] : [])));
const bornOn = new Map(world.people.map((p) => [p.id, p.dateOfBirth]));
const caseById = new Map(help.cases.map((c) => [c.id, c]));
const planCase = new Map(help.plans.map((p) => [p.id, p.caseId]));
/** Every dated Family Help fact, with the child it is about. */
const facts = [
  ...help.requests.map((r) => ({ what: `request ${r.id}`, personId: r.personId!, date: r.receivedOn })),
  ...help.cases.flatMap((c) => [
    { what: `case ${c.id} referred`, personId: c.personId, date: c.referralDate },
    { what: `case ${c.id} opened`, personId: c.personId, date: c.openedOn },
    ...(c.closedOn ? [{ what: `case ${c.id} closed`, personId: c.personId, date: c.closedOn }] : []),
  ]),
  ...help.bases.flatMap((b) => [b.fromDate, b.toDate].flatMap((date) => (date ? [{ what: `basis ${b.basis} of case ${b.caseId}`, personId: caseById.get(b.caseId)!.personId, date }] : []))),
  ...help.assessments.flatMap((a) => [a.startedOn, a.completedOn].flatMap((date) => (date ? [{ what: `assessment on case ${a.caseId}`, personId: caseById.get(a.caseId)!.personId, date }] : []))),
  ...help.plans.map((p) => ({ what: `plan on case ${p.caseId}`, personId: caseById.get(p.caseId)!.personId, date: p.startedOn })),
  ...help.reviews.map((r) => ({ what: `plan review`, personId: caseById.get(planCase.get(r.planId)!)!.personId, date: r.reviewedOn })),
  ...help.notes.map((n) => ({ what: `visit on case ${n.caseId}`, personId: caseById.get(n.caseId)!.personId, date: n.occurredOn })),
  ...help.allocations.map((a) => ({ what: `allocation to ${a.userId}`, personId: a.personId, date: a.fromDate })),
];

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

  it('dates nothing about a child before they were born: requests, cases, bases, assessments, plans, reviews, visits, allocations', () => {
    const early = facts.filter((f) => !bornOn.get(f.personId) || f.date < bornOn.get(f.personId)!).map((f) => `${f.what} on ${f.date}, born ${bornOn.get(f.personId)}`);
    expect(early.slice(0, 5), `${early.length} facts before a birth`).toEqual([]);
  });

  it('ends help by the 18th birthday: no request and nothing on a case from that day, and no one of 18 or over has an open case at the as-of date', () => {
    const late = facts.filter((f) => f.date >= eighteenOn.get(f.personId)!).map((f) => `${f.what} on ${f.date}, 18 on ${eighteenOn.get(f.personId)}`);
    expect(late.slice(0, 5), `${late.length} facts on a case from the 18th birthday`).toEqual([]);
    const adults = help.cases.filter((c) => !c.closedOn && eighteenOn.get(c.personId)! <= AS_OF).map((c) => `case ${c.id} open, 18 on ${eighteenOn.get(c.personId)}`);
    expect(adults.slice(0, 5), `${adults.length} open cases of adults`).toEqual([]);
    // Requests waiting for a decision are about children too.
    expect(help.requests.filter((r) => !r.decidedAt && eighteenOn.get(r.personId!)! <= AS_OF)).toEqual([]);
    // And the rule binds: some young people's help ends on the eve of their 18th birthday.
    expect(help.cases.filter((c) => c.closedOn && LocalDate.parse(c.closedOn).plusDays(1).toString() === eighteenOn.get(c.personId)).length).toBeGreaterThan(0);
  });

  it("keeps each case to its own child: its requests and allocations are about that child, and a child's earlier case is never in the family of a later one", () => {
    const leads = new Set(help.cases.filter((c) => !c.closedOn).map((c) => `${c.personId}:${c.leadPractitionerId}`));
    const elsewhere = [
      ...help.requests.filter((r) => r.caseId && caseById.get(r.caseId)!.personId !== r.personId).map((r) => `request ${r.id} about ${r.personId} joins case ${r.caseId}`),
      ...help.allocations.filter((a) => !leads.has(`${a.personId}:${a.userId}`)).map((a) => `allocation of ${a.userId} to ${a.personId}, who has no open case they lead`),
    ];
    expect(elsewhere.slice(0, 5), `${elsewhere.length} facts about another child`).toEqual([]);
    // Brothers and sisters helped together share a family; "brothers and sisters helped with the family" is every other case in it.
    const childrenInFamily = new Map<string, string[]>();
    for (const c of help.cases) childrenInFamily.set(c.familyId, [...(childrenInFamily.get(c.familyId) ?? []), c.personId]);
    const twice = [...childrenInFamily].filter(([, children]) => new Set(children).size !== children.length).map(([family]) => family);
    expect(twice.slice(0, 5), `${twice.length} families holding two cases of one child`).toEqual([]);
    // Brothers and sisters are still helped together.
    expect([...childrenInFamily.values()].filter((children) => children.length > 1).length).toBeGreaterThan(help.cases.length / 10);
  });

  it('gives the demo social worker a caseload of real cases, and no child without one', () => {
    const toms = help.cases.filter((c) => !c.closedOn && c.leadPractitionerId === 'tom');
    expect(toms).toHaveLength(12);
    for (const c of toms) expect(c).toMatchObject({ leadPractitionerName: 'Tom Okafor', leadProfession: 'Social worker', teamId: 'team' });
    expect(help.allocations.filter((a) => a.userId === 'tom').map((a) => a.personId).sort()).toEqual(toms.map((c) => c.personId).sort());
    // Closed cases stay with the synthetic workers, as the demo practitioner's do.
    expect(help.cases.filter((c) => c.closedOn && c.leadPractitionerId === 'tom')).toEqual([]);
  });
});
