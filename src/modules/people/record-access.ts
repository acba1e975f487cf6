import { beyondAccessList, can, type RecordKind } from '../../platform/access/policy.ts';
import { accounts, actorOf, type Principal } from '../../platform/auth/service.ts';
import { forbidden, HttpError, notFound } from '../../platform/web/errors.ts';
import * as repo from './repository.ts';
import type { PeopleCore } from './open-record.ts';

/** One change to who may open a record: its kind, or one person on or off its access list. */
export type AccessChange =
  | { action: 'kind'; version: number; kind: RecordKind; reason: string }
  | { action: 'add'; version: number; userId: string; reason: string }
  | { action: 'remove'; version: number; userId: string };

/** Someone changed the record's access first: nothing was changed. */
const staleRecord = (personId: string) => new HttpError(409, 'stale_record', 'Someone else changed who can open this record while you were working on it', { backTo: `/people/${personId}/access` });

/** Who may open a record (its kind and access list), who has looked at it, and the privacy officer's lists. */
export function createRecordAccess({ database, audit, clock, today, withRecord }: PeopleCore) {
  return {
    /**
     * Who may open a record: its kind and its access list, for the privacy officer (any record)
     * and the manager of the team holding the child's case (restricting only). Opening it is audited.
     */
    async accessSettings(principal: Principal, personId: string) {
      const { person, relationships, list, staff } = await withRecord(
        principal,
        personId,
        'record.restrict',
        async (tx, p) => ({ list: await repo.accessList(tx, p.id), staff: await accounts.list(tx, principal.laCode) }),
        'record_access_settings_viewed',
      );
      const context = { relationships: [...relationships, 'any' as const] };
      const listed = new Set(list.map((l) => l.userId));
      return {
        id: person.id,
        name: `${person.preferredName ?? person.givenNames} ${person.familyName}`,
        laPersonId: person.laPersonId,
        kind: person.recordKind,
        version: person.version,
        list,
        // Anyone in the authority may be named, partners included (so a share can reach them); never someone who has left.
        candidates: staff.filter(({ account }) => account.active && !listed.has(account.id)).map(({ account, organisationName }) => ({ id: account.id, displayName: account.displayName, role: account.role, organisationName })),
        canSeal: can(principal, 'record.seal', context),
        // A manager changes a sealed record's list only if they could seal it.
        canChange: person.recordKind !== 'sealed' || can(principal, 'record.seal', context),
      };
    },

    /** One change to who may open a record, from the version the user saw; audited with what changed. */
    async changeAccess(principal: Principal, personId: string, change: AccessChange) {
      await withRecord(
        principal,
        personId,
        'record.restrict',
        async (tx, p, relationships) => {
          const touchesSealed = p.recordKind === 'sealed' || (change.action === 'kind' && change.kind === 'sealed');
          if (touchesSealed && !can(principal, 'record.seal', { relationships: [...relationships, 'any'] })) throw forbidden();
          if (!(await repo.bumpPersonVersion(tx, p.id, change.version, clock.now()))) throw staleRecord(p.id);
          const record = (action: string, details: Record<string, unknown>) =>
            audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action, outcome: 'success', childId: p.id, details });
          const grant = (userId: string, reason: string) =>
            repo.addToAccessList(tx, { personId: p.id, userId, laCode: principal.laCode, reason, grantedByName: principal.displayName, grantedAt: clock.now() });
          if (change.action === 'kind') {
            if (change.kind === p.recordKind) return;
            await repo.setRecordKind(tx, p.id, change.kind);
            await record('record_kind_changed', { from: p.recordKind, to: change.kind, reason: change.reason });
            // Restricting keeps the child's workers on it, and a manager who restricts does not lock themselves out.
            if (change.kind === 'restricted' && p.recordKind === 'ordinary') {
              const keep = new Set((await repo.activeAllocations(tx, p.id, today())).map((a) => a.userId));
              if (!beyondAccessList(principal, 'record.restrict')) keep.add(principal.userId);
              for (const userId of keep) await grant(userId, 'Working with the child when the record was restricted');
            }
          } else if (change.action === 'add') {
            const account = (await accounts.list(tx, principal.laCode)).map((u) => u.account).find((u) => u.id === change.userId && u.active);
            if (!account) throw notFound();
            await grant(account.id, change.reason);
            await record('access_list_added', { userId: account.id, reason: change.reason });
          } else {
            await repo.removeFromAccessList(tx, p.id, change.userId);
            await record('access_list_removed', { userId: change.userId });
          }
        },
        'record_access_changed',
      );
    },

    /** The authority's restricted and sealed records, for the privacy officer. */
    async protectedRecords(principal: Principal) {
      if (!can(principal, 'record.seal')) throw forbidden();
      return database.tenant(principal.laCode, (tx) => repo.protectedRecords(tx, principal.laCode));
    },

    /** Finds a record by the authority's id for the person, for the privacy officer; audited, found or not. */
    async findForPrivacyOfficer(principal: Principal, laPersonId: string) {
      if (!can(principal, 'record.seal')) throw forbidden();
      return database.tenant(principal.laCode, async (tx) => {
        const found = await repo.findByLaPersonId(tx, principal.laCode, laPersonId);
        await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'record_looked_up', outcome: found ? 'success' : 'failure', ...(found ? { childId: found.id } : {}) });
        return found?.id;
      });
    },

    /** Who viewed this record: for the child's manager and the privacy officer. Looking is itself recorded. */
    async accessLog(principal: Principal, personId: string) {
      const { person, views } = await withRecord(
        principal,
        personId,
        'record.access_log',
        async (tx, p) => ({ views: await audit.viewsOfChild(tx, principal.laCode, p.id) }),
        'record_access_log_viewed',
      );
      return { name: `${person.preferredName ?? person.givenNames} ${person.familyName}`, id: person.id, views };
    },
  };
}
