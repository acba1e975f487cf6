// The synthetic authority's child protection history against England's figures
// (reference/dashboard-indicators.md §5, 2025), and the CIN census rules its dates must keep.
import { DayOfWeek, LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/seed/random.ts';
import { generateFamilyHelp } from '../../src/seed/synthetic/family-help.ts';
import { generatePeople } from '../../src/seed/synthetic/people.ts';

const POPULATION = 60_000;
const AS_OF = '2026-03-31';
const YEAR_START = LocalDate.parse(AS_OF).minusYears(1).plusDays(1).toString();
const world = generatePeople(new Random(1), { laCode: '999', upnLaCode: '001', population: POPULATION, years: 5, asOf: AS_OF });
const help = generateFamilyHelp(new Random(7), {
  laCode: '999',
  asOf: AS_OF,
  population: POPULATION,
  families: world.families,
  names: new Map(world.people.map((p) => [p.id, `${p.givenNames} ${p.familyName}`])),
  staff: { organisationId: 'org', familyHelpUserId: 'priya', demoTeamId: 'team' },
  protectionStaff: { organisationId: 'org', cpLeadUserId: 'hannah', partners: [{ userId: 'police', agency: 'police', name: 'DC Police' }] },
});
const cp = help.protection;
const per10k = (n: number) => (n / POPULATION) * 10_000;
const within = (value: number, target: number, share: number) => expect(Math.abs(value - target) / target, `${value} against ${target}`).toBeLessThanOrEqual(share);
const inYear = (d: string | null | undefined) => !!d && d >= YEAR_START && d <= AS_OF;
const weekend = (d: string) => [DayOfWeek.SATURDAY, DayOfWeek.SUNDAY].includes(LocalDate.parse(d).dayOfWeek());
const cases = new Map(help.cases.map((c) => [c.id, c]));
const bornOn = new Map(world.people.map((p) => [p.id, p.dateOfBirth]));
/** The day each person turns 18: help as a child, child protection with it, ends the day before. */
const eighteenOn = new Map(world.people.flatMap((p) => (p.dateOfBirth ? [[p.id, LocalDate.parse(p.dateOfBirth).plusYears(18).toString()] as const] : [])));
const plans = new Map(cp.plans.map((p) => [p.id, p]));
const proceedings = new Map(cp.proceedings.map((p) => [p.id, p]));
const day = (d: Date) => d.toISOString().slice(0, 10);
interface Fact {
  what: string;
  personId: string;
  /** The case the fact is on, if it is on one. */
  caseId: string | undefined;
  date: string;
}
/** One fact for each of the dates a row holds. */
const dated = (what: string, personId: string, caseId: string | undefined, dates: readonly (string | null | undefined)[]): Fact[] =>
  dates.flatMap((date) => (date ? [{ what, personId, caseId, date }] : []));
/** Every dated child protection fact: the child it names, and the case it belongs to. */
const facts: Fact[] = [
  ...cp.discussions.flatMap((d) => dated(`strategy discussion ${d.id}`, d.personId, d.caseId, [d.convenedOn, d.heldOn])),
  ...cp.enquiries.flatMap((e) => dated(`section 47 enquiry ${e.id}`, e.personId, e.caseId, [e.startedOn, e.completedOn])),
  ...cp.conferences.flatMap((k) => dated(`${k.kind} conference ${k.id}`, k.personId, k.caseId, [k.heldOn])),
  ...cp.plans.flatMap((p) => dated(`plan ${p.id}`, p.personId, p.caseId, [p.startedOn, p.endedOn])),
  ...cp.coreGroups.flatMap((g) => dated(`core group ${g.id}`, plans.get(g.planId)!.personId, plans.get(g.planId)!.caseId, [g.heldOn])),
  ...cp.shares.flatMap((s) => dated(`share ${s.id}`, s.personId, s.caseId ?? undefined, [day(s.decidedAt)])),
  ...cp.proceedings.flatMap((p) => dated(`proceedings ${p.id}`, p.personId, p.caseId, [p.letterSentOn, p.fgdmOfferedOn, p.issuedOn])),
  ...cp.courtEvents.flatMap((e) => dated(`court event ${e.id}`, proceedings.get(e.proceedingsId)!.personId, proceedings.get(e.proceedingsId)!.caseId, [e.heldOn])),
  ...cp.visits.flatMap((v) => dated(`visit ${v.id}`, cases.get(v.caseId)!.personId, v.caseId, [v.occurredOn])),
  ...cp.allocations.flatMap((a) => dated(`allocation ${a.id}`, a.personId, undefined, [a.fromDate])),
  ...cp.contextMembers.flatMap((m) => dated(`link to a context ${m.id}`, m.personId, undefined, [m.linkedOn])),
];

describe('the synthetic child protection history', () => {
  it('has about 189 section 47 enquiries and 59 initial conferences per 10,000 children a year (±15%: a few hundred events a year at 60,000 children vary by about a tenth from seed to seed)', () => {
    within(per10k(cp.enquiries.filter((e) => inYear(e.startedOn)).length), 189, 0.15);
    within(per10k(cp.conferences.filter((k) => k.kind === 'initial' && inYear(k.heldOn)).length), 59, 0.15);
    within(per10k(cp.plans.filter((p) => inYear(p.startedOn)).length), 51, 0.15);
  });

  it('has about 41 children on plans per 10,000 at 31 March, and about 24.5% of plans second or subsequent', () => {
    within(per10k(new Set(cp.plans.filter((p) => p.startedOn <= AS_OF && (!p.endedOn || p.endedOn > AS_OF)).map((p) => p.personId)).size), 40.6, 0.15);
    const starts = cp.plans.filter((p) => inYear(p.startedOn));
    const subsequent = starts.filter((p) => cp.plans.some((q) => q.personId === p.personId && q.startedOn < p.startedOn));
    within(subsequent.length / starts.length, 0.245, 0.2);
  });

  it('keeps the CIN census rules: enquiries after the referral, conferences on weekdays, plans from their conference', () => {
    const initial = new Map(cp.conferences.filter((k) => k.kind === 'initial').map((k) => [k.enquiryId, k]));
    for (const e of cp.enquiries) {
      const c = cases.get(e.caseId)!;
      expect(e.startedOn >= c.referralDate, 'S47 ≥ referral (2889)').toBe(true);
      if (c.closedOn) expect(e.startedOn <= c.closedOn).toBe(true);
      const k = initial.get(e.id);
      if (k) expect(k.heldOn >= e.startedOn, 'S47 start ≤ ICPC (8615)').toBe(true);
    }
    for (const k of cp.conferences) expect(weekend(k.heldOn), `conference on ${k.heldOn} (8875)`).toBe(false);
    for (const p of cp.plans) {
      const k = cp.conferences.find((x) => x.kind === 'initial' && x.planId === p.id);
      expect(k?.heldOn, 'plan starts on its conference (2885)').toBe(p.startedOn);
      if (p.endedOn) expect(p.endedOn > p.startedOn, 'not the same day (8840)').toBe(true);
      const c = cases.get(p.caseId)!;
      if (p.endedOn && c.closedOn) expect(p.endedOn <= c.closedOn).toBe(true);
      if (!p.endedOn) expect(c.closedOn).toBeNull();
      for (const r of cp.conferences.filter((x) => x.kind === 'review' && x.planId === p.id)) expect(r.heldOn > p.startedOn, 'review after start (8841)').toBe(true);
    }
    const open = cp.plans.filter((p) => !p.endedOn).map((p) => p.personId);
    expect(new Set(open).size, 'one open plan per child (8935)').toBe(open.length);
  });

  it('co-allocates a Child Protection Lead Practitioner to open work; the demo lead holds a caseload and the demo partners share in its core groups', () => {
    for (const p of cp.plans.filter((x) => !x.endedOn)) expect(cp.allocations.some((a) => a.personId === p.personId && a.userId === p.cpLeadUserId)).toBe(true);
    // Twelve pieces of open work: plans, and enquiries waiting for their conference.
    const hannahs = cp.plans.filter((p) => !p.endedOn && p.cpLeadUserId === 'hannah').length;
    expect(hannahs).toBeGreaterThanOrEqual(8);
    expect(hannahs).toBeLessThanOrEqual(12);
    expect(cp.shares.filter((s) => s.partnerUserId === 'police' && !s.endedAt).length).toBeGreaterThan(0);
    // Discussions not yet held wait in the queue, untaken.
    const waiting = cp.discussions.filter((d) => !d.decidedAt);
    expect(waiting.length).toBeGreaterThan(0);
    for (const d of waiting) expect(d.chairUserId).toBeNull();
  });

  it('has contexts of harm outside the home, each linking at least three children from different families', () => {
    expect(cp.contexts.length).toBe(4);
    expect(cp.proceedings.length).toBeGreaterThan(0);
    const familyOf = new Map(help.cases.map((c) => [c.personId, c.familyId]));
    for (const context of cp.contexts) {
      const members = cp.contextMembers.filter((m) => m.contextId === context.id);
      expect(members.length).toBeGreaterThanOrEqual(3);
      expect(new Set(members.map((m) => familyOf.get(m.personId))).size).toBe(members.length);
    }
  });

  it('dates nothing before the child was born, after the as-of date, or on or after their 18th birthday: no one of 18 or over is on a plan at the as-of date', () => {
    const early = facts.filter((f) => !bornOn.get(f.personId) || f.date < bornOn.get(f.personId)!).map((f) => `${f.what} on ${f.date}, born ${bornOn.get(f.personId)}`);
    expect(early.slice(0, 5), `${early.length} facts before a birth`).toEqual([]);
    const future = facts.filter((f) => f.date > AS_OF).map((f) => `${f.what} on ${f.date}`);
    expect(future.slice(0, 5), `${future.length} facts after the as-of date`).toEqual([]);
    const late = facts.filter((f) => f.date >= eighteenOn.get(f.personId)!).map((f) => `${f.what} on ${f.date}, 18 on ${eighteenOn.get(f.personId)}`);
    expect(late.slice(0, 5), `${late.length} facts from an 18th birthday`).toEqual([]);
    const open = [
      ...cp.plans.filter((p) => !p.endedOn && eighteenOn.get(p.personId)! <= AS_OF).map((p) => `plan ${p.id}`),
      ...cp.enquiries.filter((e) => !e.completedOn && eighteenOn.get(e.personId)! <= AS_OF).map((e) => `enquiry ${e.id}`),
      ...cp.discussions.filter((d) => !d.decidedAt && eighteenOn.get(d.personId)! <= AS_OF).map((d) => `discussion ${d.id}`),
    ];
    expect(open.slice(0, 5), `${open.length} open for an adult`).toEqual([]);
  });

  it("names in each piece of work the child whose case it is on, never a brother's or sister's", () => {
    const elsewhere = facts.filter((f) => f.caseId !== undefined && cases.get(f.caseId)?.personId !== f.personId).map((f) => `${f.what} names ${f.personId}, on the case of ${cases.get(f.caseId!)?.personId}`);
    expect(elsewhere.slice(0, 5), `${elsewhere.length} facts about another child than the case's`).toEqual([]);
    const conferencesOfPlans = cp.conferences.filter((k) => k.planId && plans.get(k.planId)!.caseId !== k.caseId);
    expect(conferencesOfPlans).toEqual([]);
  });
});
