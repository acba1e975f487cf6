import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/platform/db/client.ts';
import { insertMany, peopleTables, type AddressInsert, type PersonInsert, type RelationshipInsert } from '../../src/modules/people/repository.ts';
import { syntheticNhsNumber } from '../../src/modules/people/identifiers.ts';

let counter = 800_000;

/** A person with good defaults; tests override what they care about. Unique each time. */
export function buildPerson(overrides: Partial<PersonInsert> = {}): PersonInsert {
  counter++;
  return {
    id: randomUUID(),
    laCode: '999',
    laPersonId: `T${counter}`,
    givenNames: 'Test',
    familyName: `Person${counter}`,
    dateOfBirth: '2015-03-03',
    sex: 'F',
    ethnicity: 'WBRI',
    disabilities: ['NONE'],
    nhsNumber: syntheticNhsNumber(counter),
    ...overrides,
  };
}

export function buildAddress(personId: string, overrides: Partial<AddressInsert> = {}): AddressInsert {
  return {
    id: randomUUID(),
    personId,
    laCode: '999',
    line1: '1 Test Street',
    town: 'Ashby Marsh',
    postcode: 'DB1 1AA',
    fromDate: '2020-01-01',
    ...overrides,
  };
}

/** "A is B's <type>", stored once, as the people module stores it. */
export function buildRelationship(from: string, to: string, type: string, extra: Partial<RelationshipInsert> = {}): RelationshipInsert {
  return { id: randomUUID(), laCode: '999', fromPersonId: from, toPersonId: to, type, ...extra };
}

export async function insertPeople(database: Database, people: PersonInsert[], addresses: AddressInsert[] = []) {
  await database.tenant(people[0]?.laCode ?? '999', async (tx) => {
    await insertMany(tx, peopleTables.person, people);
    await insertMany(tx, peopleTables.personAddress, addresses);
    // A preferred name lives in identity_detail (shared with everyone here); a trigger copies it to person.
    await insertMany(
      tx,
      peopleTables.identityDetail,
      people.flatMap((p) => (p.preferredName ? [{ personId: p.id, laCode: p.laCode, kind: 'preferred_name' as const, value: p.preferredName, sharedWith: 'everyone' as const, recordedAt: new Date() }] : [])),
    );
  });
  await database.analyze();
}
