import { randomUUID } from 'node:crypto';
import { can, mayShowAddress } from '../../platform/access/policy.ts';
import type { Principal } from '../../platform/auth/service.ts';
import { formatNhsNumber } from './identifiers.ts';
import { describeRelationship, inverseOf, isRelationshipType, RELATIONSHIP_TYPES } from './relationship-types.ts';
import { ETHNICITY_LABELS, LANGUAGE_NAMES } from './codes.ts';
import { disabilityLabels } from './disabilities.ts';
import * as repo from './repository.ts';
import { sortChronology, type ChronologyCategory, type RecordContributor } from './chronology.ts';
import { describeSharing, IDENTITY_DETAIL_LABELS, maySeeIdentityDetail } from './identity.ts';
import { IDENTITY_DETAIL_KINDS } from './tables.ts';
import { namedOnly } from './named-only.ts';
import type { PeopleCore } from './open-record.ts';

/** A child's record as a page shows it, who a person is for triage, and the significant events added to their chronology. */
export function createRecordView({ clock, today, withRecord, openableAmong }: PeopleCore, contributors: readonly RecordContributor[]) {
  return {
    /**
     * The child's record, if this user has a relationship to the child that the policy accepts,
     * with its chronology (optionally one category). Sealed records outside their list are
     * "not found", exactly as a record that does not exist.
     */
    async record(principal: Principal, personId: string, category?: ChronologyCategory) {
      const opened = await withRecord(principal, personId, 'record.view', async (tx, person) => {
        // One after another: a transaction is one connection, which runs one query at a time.
        const address = await repo.currentAddress(tx, person.id);
        // Relatives are named only as their own records allow: a restricted or sealed brother is left out.
        const related = await namedOnly(tx, principal, await repo.relationshipsOf(tx, person.id), (r) => r.otherId);
        const openable = await openableAmong(tx, principal, related.map((r) => r.otherId));
        const allocations = await repo.allocatedWorkers(tx, person.id, today());
        const addresses = await repo.addressHistory(tx, person.id);
        const allocationRows = await repo.allocationHistory(tx, person.id);
        const events = await repo.significantEvents(tx, person.id);
        const identity = await repo.identityDetails(tx, person.id);
        const livingWith = await repo.livingWith(tx, person.id);
        const contributions = [];
        for (const contribute of contributors) contributions.push(await contribute(tx, person.id));
        return { address, related, openable, allocations, addresses, allocationRows, events, identity, livingWith, contributions };
      });
      const { person, relationships, emergencyUntil, address, related, allocations, addresses, allocationRows, events } = opened;
      // Only what the child chose to share with this viewer is sent to the page.
      const identity = opened.identity.filter((d) => maySeeIdentityDetail(d, { userId: principal.userId, relationships }));
      const preferredName = identity.find((d) => d.kind === 'preferred_name')?.value ?? null;
      const chronology = sortChronology([
        ...(person.dateOfBirth ? [{ date: person.dateOfBirth, category: 'birth' as const, title: 'Born' }] : []),
        ...addresses.map((a) => ({
          date: a.fromDate,
          category: 'home' as const,
          // A withheld location is never written out, not even in the chronology.
          title: person.locationWithheld ? 'Moved home (address withheld)' : `Moved to ${a.line1}, ${a.town}`,
        })),
        ...allocationRows.map((a) => ({ date: a.fromDate, category: 'worker' as const, title: `Allocated: ${a.capacity}` })),
        ...events.map((e) => ({ date: e.occurredOn, category: e.category as ChronologyCategory, title: e.title, details: e.details, recordedBy: e.recordedByName })),
        ...opened.contributions.flatMap((c) => c.chronology),
      ]).filter((e) => !category || e.category === category);
      return {
        id: person.id,
        name: `${preferredName ?? person.givenNames} ${person.familyName}`,
        legalName: `${person.givenNames} ${person.familyName}`,
        preferredName,
        identity: IDENTITY_DETAIL_KINDS.flatMap((kind) => {
          const d = identity.find((i) => i.kind === kind);
          return d ? [{ kind, label: IDENTITY_DETAIL_LABELS[kind], value: d.value, sharedWith: describeSharing(d) }] : [];
        }),
        dateOfBirth: person.dateOfBirth,
        expectedDateOfBirth: person.expectedDateOfBirth,
        sex: person.sex,
        ethnicity: person.ethnicity ? (ETHNICITY_LABELS as Record<string, string>)[person.ethnicity] ?? person.ethnicity : null,
        firstLanguage: person.firstLanguage ? (LANGUAGE_NAMES as Record<string, string>)[person.firstLanguage] ?? person.firstLanguage : null,
        disabilities: disabilityLabels(person.disabilities),
        nhsNumber: person.nhsNumber ? formatNhsNumber(person.nhsNumber) ?? person.nhsNumber : null,
        upn: person.upn,
        laPersonId: person.laPersonId,
        recordKind: person.recordKind,
        locationWithheld: person.locationWithheld,
        // A withheld location is for the allocated team and its manager, not for emergency access.
        address: address && mayShowAddress(principal, person, { relationships }) ? { line1: address.line1, town: address.town, postcode: address.postcode } : null,
        allocations: allocations.map((a) => ({ capacity: a.capacity, fromDate: a.fromDate, name: a.name })),
        involvements: opened.contributions.flatMap((c) => c.involvements),
        emergencyUntil,
        canAddEvents: can(principal, 'record.edit', { relationships }),
        canSeeAccessLog: can(principal, 'record.access_log', { relationships }),
        canRestrict: can(principal, 'record.restrict', { relationships }),
        chronology,
        related: related
          .filter((r) => r.recordKind !== 'sealed') // never link to a sealed identity from an open record, even for its list
          .map((r) => {
            const type = isRelationshipType(r.type) ? (r.outgoing ? inverseOf(r.type) : r.type) : undefined;
            return {
              id: r.otherId,
              /** Linked only when the link would open: never a path to a refusal. */
              openable: opened.openable.has(r.otherId),
              name: `${r.preferredName ?? r.givenNames} ${r.familyName}`,
              relationship: type ? describeRelationship(type, r.sex) : r.type,
              family: type ? RELATIONSHIP_TYPES[type].family : false,
              parentalResponsibility: !r.outgoing && r.parentalResponsibility,
              mattersToChild: r.mattersToChild,
              contactArrangement: r.contactArrangement,
              dateOfBirth: r.dateOfBirth,
              livesWith: opened.livingWith.has(r.otherId),
            };
          }),
      };
    },

    /**
     * Who a person is, for a triager telling whether a request is about them (the front door
     * vouches for the request): names, date of birth, sex, the postcode as search shows it,
     * relatives by name, who works with them. Nothing recorded about them. Audited with the request.
     */
    async identityForTriage(principal: Principal, personId: string, requestId: string) {
      const found = await withRecord(
        principal,
        personId,
        'record.identify',
        async (tx, person) => ({
          address: person.locationWithheld ? undefined : await repo.currentAddress(tx, person.id),
          related: await namedOnly(tx, principal, await repo.relationshipsOf(tx, person.id), (r) => r.otherId),
          livingWith: await repo.livingWith(tx, person.id),
          allocations: await repo.allocatedWorkers(tx, person.id, today()),
        }),
        'record_identity_checked',
        { relationship: 'front_door', purpose: 'triage', details: { requestId } },
      );
      const { person } = found;
      return {
        id: person.id,
        name: `${person.preferredName ?? person.givenNames} ${person.familyName}`,
        legalName: person.preferredName ? `${person.givenNames} ${person.familyName}` : undefined,
        dateOfBirth: person.dateOfBirth,
        expectedDateOfBirth: person.expectedDateOfBirth,
        sex: person.sex,
        laPersonId: person.laPersonId,
        postcode: found.address?.postcode,
        locationWithheld: person.locationWithheld,
        related: found.related
          .filter((r) => r.recordKind !== 'sealed')
          .map((r) => {
            const type = isRelationshipType(r.type) ? (r.outgoing ? inverseOf(r.type) : r.type) : undefined;
            return { name: `${r.preferredName ?? r.givenNames} ${r.familyName}`, relationship: type ? describeRelationship(type, r.sex) : r.type, dateOfBirth: r.dateOfBirth, livesWith: found.livingWith.has(r.otherId) };
          }),
        allocations: found.allocations.map((a) => ({ capacity: a.capacity, name: a.name, fromDate: a.fromDate })),
      };
    },

    /** A significant event added to the chronology by an allocated practitioner. */
    async addSignificantEvent(principal: Principal, personId: string, event: { occurredOn: string; category: string; title: string; details?: string | undefined }) {
      await withRecord(principal, personId, 'record.edit', async (tx, person) => {
        await repo.insertSignificantEvent(tx, {
          id: randomUUID(),
          personId: person.id,
          laCode: principal.laCode,
          occurredOn: event.occurredOn,
          category: event.category,
          title: event.title,
          details: event.details ?? null,
          recordedBy: principal.userId,
          recordedByName: principal.displayName,
          recordedAt: clock.now(),
        });
      }, 'significant_event_added');
    },

    /** Refuses (as adding would) anyone who may not add to this child's chronology. */
    async checkCanAddSignificantEvent(principal: Principal, personId: string) {
      await withRecord(principal, personId, 'record.edit', async () => ({}), 'significant_event_form_viewed');
    },
  };
}
