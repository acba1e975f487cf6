import { can, type Relationship } from '../../platform/access/policy.ts';
import type { Principal } from '../../platform/auth/service.ts';
import { todayInEngland, type Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/client.ts';
import { recordingCheck } from '../../platform/recording-check.ts';
import { forbidden, notFound } from '../../platform/web/errors.ts';
import type { PeopleService } from '../people/service.ts';
import * as repo from './repository.ts';

export type CasePermission = 'record.view' | 'record.edit' | 'notes.authorise' | 'case.manage' | 'cp.decide' | 'court.manage';

/** What opening a case gives a function: the transaction, the case, and the user's relationships to its child. */
export interface OpenedCase {
  tx: Tx;
  c: repo.CaseRow;
  /** The case's child, as their record holds them. */
  person: { id: string; dateOfBirth: string | null };
  relationships: Relationship[];
}

/**
 * Opens a case through its child's record, for the case and every layer on it (child protection,
 * court): the access list, the policy with the user's relationships, and the audit of `action`
 * in the same transaction. A case is exactly as open as its child's record is to the user. Every
 * change runs through the registered recording check (the CIN census rules, as it is made).
 */
export function caseOpener(database: Database, peopleService: PeopleService, clock: Clock) {
  return async function withCase<T>(principal: Principal, caseId: string, permission: CasePermission, action: string, fn: (o: OpenedCase) => Promise<T>) {
    if (!can(principal, 'record.open')) throw forbidden();
    const found = await database.tenant(principal.laCode, (tx) => repo.findCase(tx, principal.laCode, caseId));
    if (!found) throw notFound();
    return peopleService.withRecord(
      principal,
      found.personId,
      permission,
      async (tx, person, relationships) => {
        const c = await repo.findCase(tx, principal.laCode, caseId);
        if (!c) throw notFound();
        const run = () => fn({ tx, c, person, relationships });
        return { value: permission === 'record.view' ? await run() : await recordingCheck(tx, principal.laCode, c.personId, todayInEngland(clock).toString(), run) };
      },
      action,
    );
  };
}

export type CaseOpener = ReturnType<typeof caseOpener>;

/** A case opened for a function that needs only the transaction and the case. */
export const onCase =
  (openCase: CaseOpener) =>
  <T>(principal: Principal, caseId: string, permission: CasePermission, action: string, fn: (tx: Tx, c: repo.CaseRow) => Promise<T>) =>
    openCase(principal, caseId, permission, action, ({ tx, c }) => fn(tx, c));
