import { knowable, type Knowable } from '../../platform/access/policy.ts';
import type { Principal } from '../../platform/auth/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import * as repo from './repository.ts';

/**
 * Of the children a list would name, those this user may not know by name (policy `knowable`):
 * restricted and sealed records whose access list does not name them. Read in the list's own transaction.
 */
export async function unnameableAmong(tx: Tx, principal: Principal, personIds: readonly string[]): Promise<Set<string>> {
  const protectedRows = await repo.protectedAmong(tx, personIds);
  const listed = await repo.accessListed(tx, principal.userId, protectedRows.map((p) => p.id));
  return new Set(protectedRows.filter((p) => knowable(p.recordKind, listed.has(p.id)) !== 'named').map((p) => p.id));
}

/** What this user may know of one child by the record's kind and its access list (policy `knowable`). */
export async function howKnown(tx: Tx, principal: Principal, personId: string): Promise<Knowable> {
  const [row] = await repo.protectedAmong(tx, [personId]);
  if (!row) return 'named';
  return knowable(row.recordKind, (await repo.accessListed(tx, principal.userId, [personId])).has(personId));
}

/** A list cut to the children this user may know by name: every list that names children goes through this. */
export async function namedOnly<T>(tx: Tx, principal: Principal, rows: readonly T[], personIdOf: (row: T) => string): Promise<T[]> {
  const hidden = await unnameableAmong(tx, principal, rows.map(personIdOf));
  return hidden.size === 0 ? [...rows] : rows.filter((row) => !hidden.has(personIdOf(row)));
}
