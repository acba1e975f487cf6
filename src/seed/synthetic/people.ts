import { syntheticNhsNumber, syntheticUpn } from '../../modules/people/identifiers.ts';
import type {
  AddressInsert,
  HouseholdInsert,
  HouseholdMemberInsert,
  PersonInsert,
  RelationshipInsert,
} from '../../modules/people/repository.ts';
import type { RelationshipType } from '../../modules/people/relationship-types.ts';
import {
  ETHNICITY_MIX,
  FIRST_LANGUAGE_BY_TRADITION,
  NAME_POOLS,
  NAMING_TRADITIONS_BY_ETHNICITY,
  RELIGION_BY_ETHNICITY,
  type EthnicityCode,
  type NamingTradition,
} from '../data/names.ts';
import { CHILD_DISABILITIES } from '../../modules/people/disabilities.ts';
import { STREET_NAMES, TOWNS, type Town } from '../data/places.ts';
import type { Random } from '../random.ts';
import { addDays, addYears, yearsBetween } from './dates.ts';

/**
 * The people an authority's children's services know: children referred over the years of
 * history, and the families, households and addresses around them. Later modules add the
 * involvements (requests for help, plans, care) to these same children.
 */

/** Distinct children referred per child in the population per year (557,810 ÷ 12,183,016, England 2024-25). */
export const CHILDREN_REFERRED_PER_CHILD_PER_YEAR = 557_810 / 12_183_016;
/** Share of referrals that are re-referrals of a child already known (22.6%, England 2024-25). */
export const RE_REFERRAL_SHARE = 0.226;

/** Age at referral (CIN census, children referred in 2024-25, rounded). */
const AGE_AT_REFERRAL = { under1: 0.1, '1to4': 0.2, '5to9': 0.25, '10to15': 0.32, '16to17': 0.13 } as const;
const CHILDREN_IN_FAMILY = { '1': 0.35, '2': 0.32, '3': 0.18, '4': 0.1, '5': 0.05 } as const;
const CONTACT = {
  'Supervised contact every other week': 0.3,
  'Staying contact at weekends': 0.25,
  'Indirect contact: letters and cards': 0.15,
  'No contact at present': 0.3,
} as const;

export interface PeopleOptions {
  laCode: string;
  /** The LA code used in UPNs (characters 2–4): a DfE code, since UPNs are validated against that list. */
  upnLaCode: string;
  population: number;
  years: number;
  asOf: string;
}

export interface SyntheticPeople {
  people: PersonInsert[];
  households: HouseholdInsert[];
  members: HouseholdMemberInsert[];
  addresses: AddressInsert[];
  relationships: RelationshipInsert[];
  /** Children referred at some point in the history: the subjects later modules give involvements to. */
  referredChildIds: string[];
  /** Each family's first referral: the date, and the children (with their dates of birth) it was about. */
  families: { referralDate: string; children: { id: string; dateOfBirth: string }[] }[];
}

export function targetKnownChildren(population: number, years: number): number {
  return Math.round(population * CHILDREN_REFERRED_PER_CHILD_PER_YEAR * years * (1 - RE_REFERRAL_SHARE));
}

export function generatePeople(random: Random, options: PeopleOptions): SyntheticPeople {
  const out: SyntheticPeople = { people: [], households: [], members: [], addresses: [], relationships: [], referredChildIds: [], families: [] };
  const { laCode, asOf } = options;
  let personNumber = 0;
  let upnNumber = 0;
  let houseNumber = 0;
  const historyStart = addYears(asOf, -options.years);

  const town = (): Town => {
    // Involvement with children's services follows deprivation: weight the more deprived towns up.
    const weights: Record<string, number> = {};
    for (const t of TOWNS) weights[t.id] = t.populationWeight * (11 - t.deprivationDecile);
    const id = random.weighted(weights);
    return TOWNS.find((t) => t.id === id)!;
  };

  /** A run of addresses for a household, the last one current. */
  const addressHistory = (): Omit<AddressInsert, 'id' | 'personId' | 'laCode'>[] => {
    const moves = random.weighted({ '0': 0.6, '1': 0.28, '2': 0.12 });
    const history: Omit<AddressInsert, 'id' | 'personId' | 'laCode'>[] = [];
    let from = addDays(historyStart, -random.int(0, 3650));
    for (let i = 0; i <= Number(moves); i++) {
      const t = town();
      const km = t.radiusKm * Math.sqrt(random.float());
      const angle = random.float() * 2 * Math.PI;
      const until = i === Number(moves) ? null : addDays(from, random.int(200, 1500));
      houseNumber++;
      history.push({
        line1: `${1 + (houseNumber % 180)} ${random.pick(STREET_NAMES)}`,
        line2: null,
        town: t.name,
        postcode: `${t.postcodeDistrict} ${random.int(1, 9)}${random.pick(POSTCODE_LETTERS)}${random.pick(POSTCODE_LETTERS)}`,
        latitude: round6(t.latitude + (km / 111) * Math.sin(angle)),
        longitude: round6(t.longitude + (km / (111 * Math.cos((t.latitude * Math.PI) / 180))) * Math.cos(angle)),
        fromDate: from,
        toDate: until && until < asOf ? until : null,
      });
      if (!until || until >= asOf) break;
      from = until;
    }
    return history;
  };

  const newHousehold = (members: string[], history = addressHistory()) => {
    const householdId = random.uuid();
    out.households.push({ id: householdId, laCode });
    for (const personId of members) {
      // Nobody lives anywhere before they were born: a child born into the home arrives on their birthday.
      const own = sinceBirth(history, bornOn.get(personId));
      out.members.push({ householdId, personId, laCode, fromDate: own[0]?.fromDate ?? null, toDate: null });
      for (const address of own) out.addresses.push({ id: random.uuid(), personId, laCode, ...address });
    }
    return history;
  };

  const relate = (from: string, to: string, type: RelationshipType, extra: Partial<RelationshipInsert> = {}) => {
    out.relationships.push({ id: random.uuid(), laCode, fromPersonId: from, toPersonId: to, type, ...extra });
  };

  const name = (tradition: NamingTradition, sex: 'M' | 'F') => random.pick(sex === 'F' ? NAME_POOLS[tradition].girls : NAME_POOLS[tradition].boys);
  const surname = (tradition: NamingTradition) => random.pick(NAME_POOLS[tradition].surnames);
  const surnameFor = (familySurname: string, tradition: NamingTradition, sex: 'M' | 'F') =>
    sex === 'F' ? (NAME_POOLS[tradition].feminineSurnameForms?.[familySurname] ?? familySurname) : familySurname;

  /** Each person's date of birth, to keep every fact about them on or after it. */
  const bornOn = new Map<string, string>();
  const addPerson = (p: Omit<PersonInsert, 'id' | 'laCode' | 'laPersonId'>): string => {
    const id = random.uuid();
    personNumber++;
    if (p.dateOfBirth) bornOn.set(id, p.dateOfBirth);
    out.people.push({ id, laCode, laPersonId: `DB${String(personNumber).padStart(7, '0')}`, nhsNumber: syntheticNhsNumber(personNumber), ...p });
    return id;
  };

  const target = targetKnownChildren(options.population, options.years);
  let children = 0;
  while (children < target) {
    const ethnicity = random.weighted<EthnicityCode>(ETHNICITY_MIX);
    const naming = NAMING_TRADITIONS_BY_ETHNICITY[ethnicity];
    const surnameTradition = random.weighted(naming.surnames);
    const familySurname = surname(surnameTradition);
    const language = () => random.weighted(FIRST_LANGUAGE_BY_TRADITION[surnameTradition]);
    const religion = () => random.weighted(RELIGION_BY_ETHNICITY[ethnicity]);

    // The child whose referral brought the family in, and brothers and sisters around them.
    const referralDate = addDays(asOf, -random.int(0, Math.max(1, Math.round(options.years * 365.25) - 1)));
    const ageBand = random.weighted(AGE_AT_REFERRAL);
    const ageAtReferral = { under1: 0, '1to4': random.int(1, 4), '5to9': random.int(5, 9), '10to15': random.int(10, 15), '16to17': random.int(16, 17) }[ageBand];
    const indexBirth = addDays(addYears(referralDate, -ageAtReferral), -random.int(0, 364));
    const count = Number(random.weighted(CHILDREN_IN_FAMILY));
    const position = random.int(0, count - 1);
    const births: string[] = [];
    for (let i = 0; i < count; i++) {
      const gapYears = (i - position) * Math.max(1, random.normal(2.6, 1));
      const birth = addDays(indexBirth, Math.round(gapYears * 365.25));
      // Brothers and sisters still children when the family was referred, and born by now.
      if (birth <= asOf && birth > addYears(referralDate, -18)) births.push(birth);
    }
    births.sort();
    const eldest = births[0]!;

    const motherAge = Math.min(42, Math.max(16, Math.round(random.normal(25, 5))));
    const motherBirth = addDays(addYears(eldest, -motherAge), -random.int(0, 364));
    const mother = addPerson({
      givenNames: name(random.weighted(naming.firstNames), 'F'),
      familyName: surnameFor(familySurname, surnameTradition, 'F'),
      dateOfBirth: motherBirth,
      sex: 'F',
      ethnicity: parentEthnicity(ethnicity, 'mother'),
      firstLanguage: language(),
      religion: religion(),
      disabilities: [],
    });
    const father = random.chance(0.72)
      ? addPerson({
          givenNames: name(random.weighted(naming.firstNames), 'M'),
          familyName: familySurname,
          dateOfBirth: addDays(motherBirth, -random.int(-700, 2500)),
          sex: 'M',
          ethnicity: parentEthnicity(ethnicity, 'father'),
          firstLanguage: language(),
          religion: religion(),
          disabilities: [],
        })
      : undefined;
    // Younger children may have a different father: half-siblings.
    const splitAt = births.length >= 2 && random.chance(0.25) ? random.int(1, births.length - 1) : births.length;
    const secondFatherSurname = surname(random.weighted(naming.surnames));
    const secondFather =
      splitAt < births.length
        ? addPerson({
            givenNames: name('modern_british', 'M'),
            familyName: secondFatherSurname,
            dateOfBirth: addDays(motherBirth, -random.int(-1500, 3000)),
            sex: 'M',
            ethnicity: parentEthnicity(ethnicity, 'father'),
            firstLanguage: language(),
            religion: null,
            disabilities: [],
          })
        : undefined;

    // Who lives with whom: mother and children, with the father if together, or a new partner.
    const together = father !== undefined && !secondFather && random.chance(0.45);
    const contactWith = (parent: string | undefined) => (parent && !(together && parent === father) ? random.weighted(CONTACT) : null);

    const childIds: string[] = [];
    births.forEach((birth, i) => {
      const sex = random.chance(0.51) ? 'M' : 'F';
      const ownFather = i >= splitAt ? secondFather : father;
      const childSurname = i >= splitAt && random.chance(0.5) ? secondFatherSurname : familySurname;
      const age = yearsBetween(birth, asOf);
      const disabled = random.chance(0.09);
      const givenNames = name(random.weighted(naming.firstNames), sex);
      const id = addPerson({
        givenNames,
        familyName: surnameFor(childSurname, surnameTradition, sex),
        // A child who goes by another name (often a middle name): said once, used everywhere.
        preferredName: random.chance(0.04) ? name('modern_british', sex) : null,
        dateOfBirth: birth,
        sex,
        ethnicity,
        firstLanguage: language(),
        religion: random.chance(0.7) ? religion() : null,
        disabilities: disabled ? pickDistinct(random, CHILD_DISABILITIES, random.chance(0.3) ? 2 : 1) : ['NONE'],
        upn: age >= 4 && age < 19 && random.chance(0.95) ? syntheticUpn(options.upnLaCode, ++upnNumber) : null,
        locationWithheld: random.chance(0.004),
      });
      childIds.push(id);
      relate(mother, id, 'parent', { parentalResponsibility: true, mattersToChild: random.chance(0.85) });
      if (ownFather) {
        relate(ownFather, id, 'parent', {
          parentalResponsibility: random.chance(0.85),
          mattersToChild: random.chance(0.6),
          contactArrangement: contactWith(ownFather),
        });
      }
    });
    // Every child in the family is known to the service (brothers and sisters are assessed together).
    out.referredChildIds.push(...childIds);
    out.families.push({ referralDate, children: childIds.map((id, i) => ({ id, dateOfBirth: births[i]! })) });
    children += childIds.length;

    for (let i = 0; i < childIds.length; i++) {
      for (let j = i + 1; j < childIds.length; j++) {
        const half = (i < splitAt) !== (j < splitAt);
        relate(childIds[i]!, childIds[j]!, half ? 'half_sibling' : 'sibling', { mattersToChild: random.chance(0.9) });
      }
    }

    // An unborn brother or sister, expected in the next six months.
    if (random.chance(0.01)) {
      const unborn = addPerson({
        givenNames: 'Unborn',
        familyName: familySurname,
        expectedDateOfBirth: addDays(asOf, random.int(14, 180)),
        sex: 'U',
        ethnicity,
        disabilities: [],
      });
      relate(mother, unborn, 'parent', { parentalResponsibility: true });
      out.referredChildIds.push(unborn);
    }

    const stepParent =
      !together && random.chance(0.15)
        ? addPerson({
            givenNames: name(random.weighted(naming.firstNames), 'M'),
            familyName: surname(random.weighted(naming.surnames)),
            dateOfBirth: addDays(motherBirth, -random.int(-1000, 3000)),
            sex: 'M',
            ethnicity: parentEthnicity(ethnicity, 'father'),
            disabilities: [],
          })
        : undefined;
    newHousehold([mother, ...childIds, ...(together ? [father] : []), ...(stepParent ? [stepParent] : [])]);
    if (stepParent) {
      relate(stepParent, mother, 'partner');
      for (const c of childIds) relate(stepParent, c, 'step_parent', { mattersToChild: random.chance(0.4) });
    }
    for (const absent of [together ? undefined : father, secondFather]) {
      if (!absent) continue;
      newHousehold([absent]);
      relate(absent, mother, 'ex_partner');
    }

    // The wider family: grandparents, an aunt or uncle, a family friend.
    const wider: { type: RelationshipType; sex: 'M' | 'F'; born: string; matters: number }[] = [];
    if (random.chance(0.55)) wider.push({ type: 'grandparent', sex: 'F', born: addYears(motherBirth, -random.int(18, 32)), matters: 0.8 });
    if (random.chance(0.2)) wider.push({ type: 'grandparent', sex: 'M', born: addYears(motherBirth, -random.int(20, 36)), matters: 0.7 });
    if (random.chance(0.25)) wider.push({ type: 'aunt_uncle', sex: random.chance(0.6) ? 'F' : 'M', born: addYears(motherBirth, random.int(-8, 8)), matters: 0.55 });
    if (random.chance(0.08)) wider.push({ type: 'family_friend', sex: random.chance(0.7) ? 'F' : 'M', born: addYears(motherBirth, random.int(-10, 10)), matters: 0.6 });
    const grandparents: string[] = [];
    const livingAlone: string[] = [];
    for (const w of wider) {
      const id = addPerson({
        givenNames: name(w.type === 'grandparent' ? 'english' : random.weighted(naming.firstNames), w.sex),
        familyName: w.type === 'family_friend' ? surname('english') : surnameFor(familySurname, surnameTradition, w.sex),
        dateOfBirth: addDays(w.born, -random.int(0, 364)),
        sex: w.sex,
        ethnicity: w.type === 'family_friend' ? null : parentEthnicity(ethnicity, 'mother'),
        disabilities: [],
      });
      if (w.type === 'grandparent') {
        grandparents.push(id);
        relate(id, mother, 'parent');
      } else {
        livingAlone.push(id);
      }
      for (const c of childIds) relate(id, c, w.type, { mattersToChild: random.chance(w.matters) });
    }
    if (grandparents.length > 0) newHousehold(grandparents);
    for (const id of livingAlone) newHousehold([id]);
  }
  return out;
}

/**
 * A household's addresses as one member lived at them: none that ended by the day they were
 * born, and the one they were born into from their date of birth (someone with no date of birth
 * is given the whole history).
 */
export function sinceBirth<A extends { fromDate: string; toDate?: string | null | undefined }>(history: readonly A[], born: string | undefined): A[] {
  if (!born) return [...history];
  return history.filter((a) => !a.toDate || a.toDate > born).map((a) => (a.fromDate < born ? { ...a, fromDate: born } : a));
}

const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'.split(''); // the letters the inward code uses

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** The parents of a child of mixed heritage have different ethnicities; otherwise the child's. */
function parentEthnicity(child: EthnicityCode, parent: 'mother' | 'father'): EthnicityCode {
  const mixed: Partial<Record<EthnicityCode, [EthnicityCode, EthnicityCode]>> = {
    MWBC: ['WBRI', 'BCRB'],
    MWBA: ['WBRI', 'BAFR'],
    MWAS: ['WBRI', 'APKN'],
    MOTH: ['WOTH', 'OOTH'],
  };
  const pair = mixed[child];
  return pair ? (parent === 'mother' ? pair[0] : pair[1]) : child;
}

function pickDistinct<T>(random: Random, items: readonly T[], n: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < n) chosen.add(random.pick(items));
  return [...chosen];
}
