import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/client.ts';
import * as repo from './repository.ts';

export { CP_LEAD_CAPACITY } from './tables.ts';

/**
 * Who works with a person, in what capacity: what other modules may change of it (a case's lead,
 * the Child Protection Lead Practitioner co-allocated). An allocation opens the record to them.
 */
export interface Allocation {
  personId: string;
  userId: string;
  laCode: string;
  capacity: string;
  fromDate: string;
}

export async function allocate(tx: Tx, row: Allocation) {
  await repo.insertAllocations(tx, [{ id: randomUUID(), ...row }]);
}

/** Allocates a worker unless they already are, in that capacity, on the date. */
export async function allocateOnce(tx: Tx, row: Allocation) {
  const current = await repo.activeAllocations(tx, row.personId, row.fromDate);
  if (!current.some((a) => a.userId === row.userId && a.capacity === row.capacity)) await allocate(tx, row);
}

/** Ends a worker's current allocation in a capacity, on a date. */
export async function endAllocation(tx: Tx, allocation: { personId: string; userId: string; capacity: string }, toDate: string) {
  await repo.endAllocation(tx, allocation.personId, allocation.userId, allocation.capacity, toDate);
}

/** A person's name and date of birth, as a partner's share shows them: nothing else of the record. */
export async function nameAndBirth(tx: Tx, laCode: string, personId: string) {
  const person = await repo.findPerson(tx, laCode, personId);
  return person ? { name: `${person.preferredName ?? person.givenNames} ${person.familyName}`, dateOfBirth: person.dateOfBirth } : undefined;
}
