import { describe, expect, it } from 'vitest';
import { isSyntheticNhsNumber, isValidPostcodeFormat, validateUpn } from '../../src/modules/people/identifiers.ts';
import { ETHNICITY_MIX } from '../../src/seed/data/names.ts';
import { DEMO_BOROUGH_BOUNDS } from '../../src/seed/data/places.ts';
import { Random } from '../../src/seed/random.ts';
import { generatePeople, targetKnownChildren, type PeopleOptions } from '../../src/seed/synthetic/people.ts';
import { yearsBetween } from '../../src/seed/synthetic/dates.ts';

const OPTIONS: PeopleOptions = { laCode: '999', upnLaCode: '001', population: 60_000, years: 5, asOf: '2026-03-31' };
const world = generatePeople(new Random(1), OPTIONS);
const byId = new Map(world.people.map((p) => [p.id, p]));
const children = world.referredChildIds.map((id) => byId.get(id)!);
const born = children.filter((c) => c.dateOfBirth);

describe('the synthetic authority', () => {
  it('is the same for the same seed, down to every id, and different for another', () => {
    // A tenth of the population is as deterministic as the whole, and quick to compare.
    const small = { ...OPTIONS, population: 6_000 };
    const first = generatePeople(new Random(1), small);
    expect(generatePeople(new Random(1), small)).toEqual(first);
    const other = generatePeople(new Random(2), small);
    expect(other.people[0]!.id).not.toBe(first.people[0]!.id);
  });

  it('knows as many children as England\'s referral rate gives over the years of history (±10%)', () => {
    const target = targetKnownChildren(OPTIONS.population, OPTIONS.years);
    expect(target).toBe(Math.round(60_000 * (557_810 / 12_183_016) * 5 * (1 - 0.226)));
    expect(world.referredChildIds.length).toBeGreaterThanOrEqual(target);
    expect(world.referredChildIds.length).toBeLessThan(target * 1.1);
  });

  it('has children across England\'s ethnic mix (each main group within 3 points)', () => {
    const share = (codes: string[]) => born.filter((c) => codes.includes(c.ethnicity!)).length / born.length;
    const expected = (codes: string[]) => codes.reduce((sum, code) => sum + ETHNICITY_MIX[code as keyof typeof ETHNICITY_MIX], 0);
    for (const group of [['WBRI'], ['WIRI', 'WIRT', 'WOTH', 'WROM'], ['MWBC', 'MWBA', 'MWAS', 'MOTH'], ['AIND', 'APKN', 'ABAN', 'AOTH'], ['BCRB', 'BAFR', 'BOTH']]) {
      expect(Math.abs(share(group) - expected(group)), group.join()).toBeLessThan(0.03);
    }
  });

  it('has about as many boys as girls, every one a child when the family was referred', () => {
    const boys = born.filter((c) => c.sex === 'M').length / born.length;
    expect(boys).toBeGreaterThan(0.48);
    expect(boys).toBeLessThan(0.54);
    for (const c of born) {
      expect(c.dateOfBirth! <= OPTIONS.asOf).toBe(true);
      expect(yearsBetween(c.dateOfBirth!, OPTIONS.asOf)).toBeLessThan(18 + OPTIONS.years);
    }
  });

  it('gives unborn children an expected date of birth and sex U, and no date of birth', () => {
    const unborn = children.filter((c) => !c.dateOfBirth);
    expect(unborn.length).toBeGreaterThan(0);
    for (const c of unborn) {
      expect(c.expectedDateOfBirth! > OPTIONS.asOf).toBe(true);
      expect(c.sex).toBe('U');
    }
  });

  it('uses only synthetic NHS numbers, valid UPNs and unique ids', () => {
    for (const p of world.people) expect(isSyntheticNhsNumber(p.nhsNumber!)).toBe(true);
    for (const c of children.filter((c) => c.upn)) expect(validateUpn(c.upn!)).toMatchObject({ ok: true });
    expect(new Set(world.people.map((p) => p.id)).size).toBe(world.people.length);
    expect(new Set(world.people.map((p) => p.laPersonId)).size).toBe(world.people.length);
    expect(new Set(world.people.map((p) => p.nhsNumber)).size).toBe(world.people.length);
    const upns = children.flatMap((c) => (c.upn ? [c.upn] : []));
    expect(new Set(upns).size).toBe(upns.length);
  });

  it('gives every child a mother with parental responsibility, at least 16 years older', () => {
    const mothers = new Map(world.relationships.filter((r) => r.type === 'parent').map((r) => [`${r.toPersonId}:${byId.get(r.fromPersonId)!.sex}`, r]));
    for (const c of born) {
      const rel = mothers.get(`${c.id}:F`);
      expect(rel?.parentalResponsibility).toBe(true);
      expect(yearsBetween(byId.get(rel!.fromPersonId)!.dateOfBirth!, c.dateOfBirth!)).toBeGreaterThanOrEqual(16);
    }
  });

  it('puts every address in Demo Borough, with a well-formed DB postcode, one current address each', () => {
    for (const a of world.addresses) {
      expect(a.latitude!).toBeGreaterThan(DEMO_BOROUGH_BOUNDS.south - 0.05);
      expect(a.latitude!).toBeLessThan(DEMO_BOROUGH_BOUNDS.north + 0.05);
      expect(a.longitude!).toBeGreaterThan(DEMO_BOROUGH_BOUNDS.west - 0.08);
      expect(a.longitude!).toBeLessThan(DEMO_BOROUGH_BOUNDS.east + 0.08);
      expect(isValidPostcodeFormat(a.postcode), a.postcode).toBe(true);
      expect(a.postcode.startsWith('DB')).toBe(true);
    }
    const current = new Map<string, number>();
    for (const a of world.addresses) if (!a.toDate) current.set(a.personId, (current.get(a.personId) ?? 0) + 1);
    for (const c of born) expect(current.get(c.id), c.id).toBe(1);
  });

  it('dates nothing about a person before they were born: no address, household or relationship, and none at all for an unborn child', () => {
    const bornOn = new Map(world.people.map((p) => [p.id, p.dateOfBirth ?? undefined]));
    /** What is dated before the person's birth (or dated at all, for a child not yet born). */
    const early = (personId: string, from: string | null | undefined) => {
      const born = bornOn.get(personId);
      return !!from && (!born || from < born);
    };
    const problems = [
      ...world.addresses.filter((a) => early(a.personId, a.fromDate)).map((a) => `${a.personId}: at ${a.line1} from ${a.fromDate}, born ${bornOn.get(a.personId)}`),
      ...world.addresses.filter((a) => early(a.personId, a.toDate)).map((a) => `${a.personId}: left ${a.line1} on ${a.toDate}, born ${bornOn.get(a.personId)}`),
      ...world.members.filter((m) => early(m.personId, m.fromDate)).map((m) => `${m.personId}: in household ${m.householdId} from ${m.fromDate}`),
      ...world.relationships.filter((r) => early(r.fromPersonId, r.fromDate) || early(r.toPersonId, r.fromDate)).map((r) => `${r.type} from ${r.fromDate}`),
    ];
    expect(problems.slice(0, 5), `${problems.length} facts dated before a birth`).toEqual([]);
    // The rule is kept, not dodged: children born into a home that the family had before live there from their birthday.
    const firstHome = new Map<string, string>();
    for (const a of world.addresses) if (!firstHome.has(a.personId) || a.fromDate < firstHome.get(a.personId)!) firstHome.set(a.personId, a.fromDate);
    expect(born.filter((c) => firstHome.get(c.id) === c.dateOfBirth).length).toBeGreaterThan(born.length / 4);
    expect(world.addresses.filter((a) => !bornOn.get(a.personId))).toEqual([]);
  });

  it('relates brothers and sisters, and marks who matters to each child', () => {
    const siblings = world.relationships.filter((r) => r.type === 'sibling' || r.type === 'half_sibling');
    expect(siblings.length).toBeGreaterThan(world.referredChildIds.length * 0.5);
    const matters = world.relationships.filter((r) => r.mattersToChild).length / world.relationships.length;
    expect(matters).toBeGreaterThan(0.4);
    expect(world.relationships.some((r) => r.type === 'grandparent')).toBe(true);
    expect(world.relationships.some((r) => r.contactArrangement)).toBe(true);
  });
});
