import { knowable, permittedAmong, type Knowable, type RecordKind, type Relationship } from '../../platform/access/policy.ts';
import type { Permission } from '../../platform/access/permissions.ts';
import type { Principal } from '../../platform/auth/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import * as repo from './repository.ts';

/**
 * Of the children a list would name, those this user may not know by name (policy `knowable`):
 * restricted and sealed records whose access list does not name them. Read in the list's own transaction.
 */
export async function unnameableAmong(tx: Tx, principal: Principal, personIds: readonly string[]): Promise<Set<string>> {
  const access = await accessAmong(tx, principal, personIds);
  return new Set([...access].filter(([, a]) => knowable(a.kind, a.onAccessList) !== 'named').map(([id]) => id));
}

/** What this user may know of one child by the record's kind and its access list (policy `knowable`). */
export async function howKnown(tx: Tx, principal: Principal, personId: string): Promise<Knowable> {
  const { kind, onAccessList } = (await accessAmong(tx, principal, [personId])).get(personId)!;
  return knowable(kind, onAccessList);
}

/** Of these records, those whose access list names this user: only restricted and sealed records have a list. The one place the lists are read. */
export async function listedAmong(tx: Tx, principal: Principal, records: readonly { id: string; recordKind: RecordKind }[]): Promise<Set<string>> {
  return repo.accessListed(tx, principal.userId, records.filter((r) => r.recordKind !== 'ordinary').map((r) => r.id));
}

/** Of these children, what the policy weighs before any relationship: each record's kind and whether its access list names this user. */
export async function accessAmong(tx: Tx, principal: Principal, personIds: readonly string[]): Promise<Map<string, { kind: RecordKind; onAccessList: boolean }>> {
  const protectedRows = await repo.protectedAmong(tx, personIds);
  const listed = await listedAmong(tx, principal, protectedRows);
  const kinds = new Map(protectedRows.map((p) => [p.id, p.recordKind]));
  return new Map(personIds.map((id) => [id, { kind: kinds.get(id) ?? 'ordinary', onAccessList: listed.has(id) }]));
}

/**
 * A list cut to the children on whom this user holds the list's permission (policy `permittedAmong`):
 * each record's kind and access list, then the rules, with the relationship the list itself gives
 * (`any` for a list of the user's own work or teams; `shared` for a partner's shares).
 */
export async function permittedOnly<T>(tx: Tx, principal: Principal, permission: Permission, rows: readonly T[], personIdOf: (row: T) => string, relationships: readonly Relationship[] = ['any']): Promise<T[]> {
  const access = await accessAmong(tx, principal, rows.map(personIdOf));
  const permitted = permittedAmong(principal, permission, new Map([...access].map(([id, a]) => [id, { ...a, relationships }])));
  return rows.filter((row) => permitted.has(personIdOf(row)));
}

/** A list cut to the children this user may know by name: every list that names children goes through this. */
export async function namedOnly<T>(tx: Tx, principal: Principal, rows: readonly T[], personIdOf: (row: T) => string): Promise<T[]> {
  const hidden = await unnameableAmong(tx, principal, rows.map(personIdOf));
  return hidden.size === 0 ? [...rows] : rows.filter((row) => !hidden.has(personIdOf(row)));
}
