import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Principal } from '../../platform/auth/service.ts';
import type { Database } from '../../platform/db/client.ts';
import * as repo from './repository.ts';
import type { RecordContributor } from './chronology.ts';
import { permittedOnly } from './named-only.ts';
import { createRecordOpener, type RelationshipSource } from './open-record.ts';
import { createRecordView } from './record-view.ts';
import { createIdentityDetails } from './identity-details.ts';
import { createEmergencyAccess } from './emergency-access.ts';
import { createRecordAccess } from './record-access.ts';
import { createSearch } from './search.ts';

export { namedOnly, unnameableAmong, howKnown, permittedOnly, accessAmong } from './named-only.ts';
export { notAllocated, type RelationshipSource } from './open-record.ts';
export { BREAK_GLASS_HOURS } from './emergency-access.ts';
export type { SearchResult, SearchInput, NewPerson } from './search.ts';
export type { IdentityForm, IdentityDetailInput } from './identity-details.ts';
export type { AccessChange } from './record-access.ts';

/**
 * The people service: a child's record and everything about who may open it. Each part lives in
 * its own file (opening a record, the record page, identity details, emergency access, who may
 * open a record, search and new people); this puts them together.
 */
export function createPeopleService(
  database: Database,
  audit: AuditService,
  clock: Clock,
  { contributors = [], relationshipSources = [] }: { contributors?: readonly RecordContributor[]; relationshipSources?: readonly RelationshipSource[] } = {},
) {
  const core = createRecordOpener(database, audit, clock, relationshipSources);
  const { today, withRecord, openableAmong } = core;

  return {
    /**
     * Opens a child's record for another module (a case, a plan): the same access list, policy,
     * relationships and audit as the record page.
     */
    withRecord,
    openableAmong,

    /**
     * Records by their identifiers, for the audit trail (which holds record ids): an LA person ID's
     * record id, and each record id's LA person ID. Identifiers only, never a name; not audited here,
     * as the audit trail's own view is.
     */
    async recordIdOf(laCode: string, laPersonId: string): Promise<string | undefined> {
      return database.tenant(laCode, async (tx) => (await repo.findByLaPersonId(tx, laCode, laPersonId))?.id);
    },
    laPersonIdsOf: (laCode: string, ids: readonly string[]) => database.tenant(laCode, (tx) => repo.laPersonIdsOf(tx, laCode, ids)),

    /** The children allocated to this worker today, for My work. */
    async myChildren(principal: Principal) {
      return database.tenant(principal.laCode, async (tx) => permittedOnly(tx, principal, 'work.own.view', await repo.allocatedTo(tx, principal.userId, today()), (c) => c.id));
    },

    ...createRecordView(core, contributors),
    ...createIdentityDetails(core),
    ...createEmergencyAccess(core),
    ...createRecordAccess(core),
    ...createSearch(core),
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
