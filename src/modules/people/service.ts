import { randomUUID } from 'node:crypto';
import type { AuditService } from '../../platform/audit/service.ts';
import { beyondAccessList, can, knowable, knowableFor, mayEver, mayShowAddress, permittedAmong, type ChildAccess, type Knowable, type Purpose, type RecordKind, type Relationship } from '../../platform/access/policy.ts';
import type { Permission } from '../../platform/access/permissions.ts';
import { todayInEngland, type Clock } from '../../platform/clock.ts';
import { actorOf, type Principal } from '../../platform/auth/service.ts';
import type { Database, Tx } from '../../platform/db/client.ts';
import { forbidden, HttpError, notFound } from '../../platform/web/errors.ts';
import { formatNhsNumber } from './identifiers.ts';
import { describeRelationship, inverseOf, isRelationshipType, RELATIONSHIP_TYPES } from './relationship-types.ts';
import { ETHNICITY_LABELS, LANGUAGE_NAMES } from './codes.ts';
import { disabilityLabels } from './disabilities.ts';
import * as repo from './repository.ts';
import { sortChronology, type ChronologyCategory, type RecordContributor } from './chronology.ts';
import type { SearchInput } from './search-form.ts';
import type { NewPerson } from './new-person-form.ts';
import type { IdentityForm } from './identity-form.ts';
import type { AccessChange } from './access-form.ts';
import { listAccounts } from '../../platform/auth/repository.ts';
import { describeSharing, IDENTITY_DETAIL_LABELS, maySeeIdentityDetail, type StoredIdentityDetail } from './identity.ts';
import { CP_LEAD_CAPACITY, IDENTITY_DETAIL_KINDS } from './tables.ts';

/** One search result, cut to what this user may see of it. */
export type SearchResult =
  | {
      kind: 'visible';
      id: string;
      name: string;
      legalName: string | undefined;
      dateOfBirth: string | null;
      expectedDateOfBirth: string | null;
      sex: string | null;
      /** Null when the child's location is withheld (never sent to the page). */
      postcode: string | null;
      locationWithheld: boolean;
      restricted: boolean;
      /** How closely the name matched what was typed, 0–1 (trigram similarity): for saying why it matched. */
      nameSimilarity: number;
    }
  /** A restricted record this user is not on the list for: it exists, and whom to ask. Nothing else. */
  | { kind: 'restricted'; contact: string };

/** Someone changed the record's access first: nothing was changed. */
const staleRecord = (personId: string) => new HttpError(409, 'stale_record', 'Someone else changed who can open this record while you were working on it', { backTo: `/people/${personId}/access` });

/** A save from a version someone else has already moved on from. */
class StaleSave extends Error {}

/**
 * Of a child's identity details, those a worker may change: the ones the child shares with
 * them (with their current values) and the kinds not yet recorded. A detail the worker may not
 * see is neither shown nor offered, so their save can never overwrite it.
 */
function editableIdentity(stored: readonly StoredIdentityDetail[], userId: string, relationships: readonly Relationship[]) {
  const offered = IDENTITY_DETAIL_KINDS.filter((kind) => {
    const d = stored.find((s) => s.kind === kind);
    return !d || maySeeIdentityDetail(d, { userId, relationships });
  });
  const values = Object.fromEntries(offered.flatMap((kind) => {
    const d = stored.find((s) => s.kind === kind);
    return d ? [[kind, d.value], [`${kind}-shared`, d.sharedWith]] : [];
  })) as Record<string, string>;
  return { offered, values };
}

/** How long emergency access lasts (reference/security.md §2.5: 4–8 hours). */
export const BREAK_GLASS_HOURS = 4;

/** Refused because the user has no relationship to the child: says whom to ask, and offers nothing else yet. */
export const notAllocated = (personId: string) => new HttpError(403, 'no_relationship', 'You are not allocated to this child', { personId });

/**
 * How a user stands to a child through another module's work (a case's lead, its team, the manager
 * of an allocated worker's team): the modules that hold cases and teams supply these, so this module
 * never reads their tables.
 */
export type RelationshipSource = (tx: Tx, about: { personId: string; userId: string; allocatedUserIds: readonly string[] }) => Promise<Relationship[]>;

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
async function listedAmong(tx: Tx, principal: Principal, records: readonly { id: string; recordKind: RecordKind }[]): Promise<Set<string>> {
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

export function createPeopleService(
  database: Database,
  audit: AuditService,
  clock: Clock,
  { contributors = [], relationshipSources = [] }: { contributors?: readonly RecordContributor[]; relationshipSources?: readonly RelationshipSource[] } = {},
) {
  const today = () => todayInEngland(clock).toString();

  /**
   * Opens a child's record for one purpose, in one tenant transaction: the access list for
   * restricted and sealed records, then the policy with the user's relationships to the child.
   * What `fn` does is audited with the child in the same transaction; a refusal is audited in its own.
   */
  async function withRecord<T>(
    principal: Principal,
    personId: string,
    permission: 'record.view' | 'record.identify' | 'record.edit' | 'record.access_log' | 'record.restrict' | 'notes.authorise' | 'case.manage' | 'cp.decide' | 'court.manage',
    fn: (tx: Tx, person: NonNullable<Awaited<ReturnType<typeof repo.findPerson>>>, relationships: Relationship[]) => Promise<T>,
    action = 'record_viewed',
    /** A relationship another module vouches for, with the purpose it brings (the front door's triage), audited with its details. */
    through?: { relationship: Relationship; purpose: Purpose; details: Record<string, unknown> },
  ) {
    // Anyone who may ask for a record is answered by their relationship to the child (and the refusal audited with it).
    if (!can(principal, 'record.open') && !mayEver(principal, permission)) throw forbidden();
    const refuse = async (reason: string, error: HttpError) => {
      await audit.recordNow({ laCode: principal.laCode, actor: actorOf(principal), action, outcome: 'denied', childId: personId, details: { reason } });
      return error;
    };
    type Person = NonNullable<Awaited<ReturnType<typeof repo.findPerson>>>;
    type Outcome =
      | { outcome: 'opened'; person: Person; relationships: Relationship[]; emergencyUntil: Date | undefined; value: T }
      | { outcome: 'missing' | 'sealed' | 'restricted' | 'no_relationship' };
    const result = await database.tenant<Outcome>(principal.laCode, async (tx) => {
      const person = await repo.findPerson(tx, principal.laCode, personId);
      if (!person) return { outcome: 'missing' };
      const known = knowableFor(principal, permission, person.recordKind, (await listedAmong(tx, principal, [person])).has(person.id));
      if (known !== 'named') return { outcome: known === 'exists' ? 'restricted' : 'sealed' };
      const { relationships, emergency } = await relationshipsTo(tx, principal, person);
      // 'any' lets rules that need no relationship to this child apply (the privacy officer's access log);
      // emergency access is its own purpose, which only the break-glass rule accepts.
      if (through) relationships.push(through.relationship);
      const purpose = emergency ? 'emergency' : through?.purpose;
      const context = { relationships: [...relationships, 'any' as const], ...(purpose ? { purpose } : {}) };
      if (!can(principal, permission, context)) return { outcome: 'no_relationship' };
      const value = await fn(tx, person, relationships);
      await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action, outcome: 'success', childId: person.id, details: { relationships, ...(through ? { purpose: through.purpose, ...through.details } : {}) } });
      const onlyByEmergency = emergency !== undefined && !can(principal, permission, { relationships: relationships.filter((r) => r !== 'break_glass') });
      return { outcome: 'opened', person, relationships, emergencyUntil: onlyByEmergency ? emergency.expiresAt : undefined, value };
    });
    if (result.outcome === 'restricted') throw await refuse('restricted', new HttpError(403, 'restricted', 'This is a restricted record'));
    if (result.outcome === 'no_relationship') throw await refuse('no_relationship', notAllocated(personId));
    // To the user a sealed record is "not found", exactly as one that does not exist; the audit trail knows which it was.
    if (result.outcome === 'sealed') throw await refuse('sealed', notFound());
    if (result.outcome !== 'opened') throw notFound();
    return { person: result.person, relationships: result.relationships, emergencyUntil: result.emergencyUntil, ...result.value };
  }

  /** How this user stands to a child today: allocated, their co-working lead, through a case or team, or by emergency access. */
  async function relationshipsTo(tx: Tx, principal: Principal, person: { id: string; recordKind: string }) {
    const allocations = await repo.activeAllocations(tx, person.id, today());
    const relationships: Relationship[] = [];
    const mine = allocations.filter((a) => a.userId === principal.userId);
    if (mine.length > 0) relationships.push('allocated');
    if (mine.some((a) => a.capacity === CP_LEAD_CAPACITY)) relationships.push('cp_lead');
    // The modules that hold cases and teams say how this user stands to the child through them.
    const allocatedUserIds = [...new Set(allocations.map((a) => a.userId))];
    for (const source of relationshipSources) {
      for (const r of await source(tx, { personId: person.id, userId: principal.userId, allocatedUserIds })) if (!relationships.includes(r)) relationships.push(r);
    }
    const emergency = person.recordKind === 'ordinary' ? await repo.activeBreakGlass(tx, person.id, principal.userId, clock.now()) : undefined;
    if (emergency) relationships.push('break_glass');
    return { relationships, emergency };
  }

  /**
   * Of these people, the records this user could open now (the access list, then the policy with
   * their relationships): a page links a name only when the link leads somewhere, never to a refusal.
   * Read in the page's own transaction; nothing is opened, so nothing is audited.
   */
  async function openableAmong(tx: Tx, principal: Principal, personIds: readonly string[]): Promise<Set<string>> {
    const children = new Map<string, ChildAccess>();
    if (!can(principal, 'record.open')) return new Set();
    for (const id of new Set(personIds)) {
      const person = await repo.findPerson(tx, principal.laCode, id);
      if (!person) continue;
      const onAccessList = (await listedAmong(tx, principal, [person])).has(id);
      const { relationships, emergency } = await relationshipsTo(tx, principal, person);
      children.set(id, { kind: person.recordKind, onAccessList, relationships, ...(emergency ? { purpose: 'emergency' as const } : {}) });
    }
    return permittedAmong(principal, 'record.view', children);
  }

  /**
   * The details the child asked to be said once, as this worker may change them: those the
   * child shares with them, and those not yet recorded. Opening the form is audited.
   */
  async function identityForEditing(principal: Principal, personId: string) {
    const { person, details } = await withRecord(
      principal,
      personId,
      'record.edit',
      async (tx, _person, relationships) => ({ details: editableIdentity(await repo.identityDetails(tx, personId), principal.userId, relationships) }),
      'identity_details_form_viewed',
    );
    return { id: person.id, name: `${person.givenNames} ${person.familyName}`, version: person.version, ...details };
  }

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

    /**
     * Emergency access to a record the user has no relationship to: read-only, for four hours,
     * with a reason; queued for a manager's review. Never for restricted or sealed records.
     */
    /** Refuses, as asking would, emergency access to a record it is not for: another authority's, sealed or restricted. */
    async checkEmergencyAccess(principal: Principal, personId: string) {
      if (!can(principal, 'record.break_glass')) throw forbidden();
      const kind = await database.tenant(principal.laCode, async (tx) => (await repo.findPerson(tx, principal.laCode, personId))?.recordKind);
      if (!kind || kind === 'sealed') throw notFound();
      if (kind === 'restricted') throw new HttpError(403, 'restricted', 'This is a restricted record');
    },

    async breakGlass(principal: Principal, personId: string, reason: { code: string; text: string }) {
      if (!can(principal, 'record.break_glass')) throw forbidden();
      const grantId = randomUUID();
      const outcome = await database.tenant(principal.laCode, async (tx) => {
        const person = await repo.findPerson(tx, principal.laCode, personId);
        if (!person || person.recordKind === 'sealed') return 'missing';
        if (person.recordKind === 'restricted') return 'restricted';
        const now = clock.now();
        await repo.insertBreakGlass(tx, {
          id: grantId,
          personId: person.id,
          userId: principal.userId,
          username: principal.username,
          laCode: principal.laCode,
          reasonCode: reason.code,
          reason: reason.text,
          grantedAt: now,
          expiresAt: new Date(now.getTime() + BREAK_GLASS_HOURS * 3_600_000),
        });
        await audit.record(tx, {
          laCode: principal.laCode,
          actor: actorOf(principal),
          action: 'break_glass',
          outcome: 'success',
          childId: person.id,
          details: { grantId, reasonCode: reason.code, hours: BREAK_GLASS_HOURS },
        });
        return 'granted';
      });
      if (outcome === 'missing') throw notFound();
      if (outcome === 'restricted') throw new HttpError(403, 'restricted', 'This is a restricted record');
    },

    /** Emergency accesses awaiting review in the manager's authority. */
    async accessReviews(principal: Principal) {
      if (!can(principal, 'access_reviews.manage')) throw forbidden();
      return database.tenant(principal.laCode, async (tx) => {
        const items = await repo.unreviewedBreakGlass(tx, principal.laCode);
        // A record restricted since its emergency access stays in the privacy officer's queue, and in a manager's only if they are on its list.
        return permittedOnly(tx, principal, 'access_reviews.manage', items, (i) => i.grant.personId);
      });
    },

    async reviewAccess(principal: Principal, grantId: string, review: { outcome: 'appropriate' | 'not_appropriate'; note: string | undefined }) {
      if (!can(principal, 'access_reviews.manage')) throw forbidden();
      const done = await database.tenant(principal.laCode, async (tx) => {
        const ok = await repo.reviewBreakGlass(tx, grantId, {
          reviewedAt: clock.now(),
          reviewedBy: principal.username,
          reviewOutcome: review.outcome,
          reviewNote: review.note ?? null,
        });
        if (ok) {
          await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'break_glass_reviewed', outcome: 'success', details: { grantId, outcome: review.outcome } });
        }
        return ok;
      });
      if (!done) throw notFound();
    },

    /**
     * Records a new person. Until the user has seen the likely duplicates and said none of them
     * is this person, nothing is created and the candidates come back instead.
     */
    async create(principal: Principal, input: NewPerson): Promise<{ created: string } | { candidates: SearchResult[] }> {
      if (!can(principal, 'people.create')) throw forbidden();
      if (!input.confirmed) {
        const candidates = (await this.search(principal, {
          name: `${input.givenNames} ${input.familyName}${input.preferredName ? ` ${input.preferredName}` : ''}`,
          ...(input.dateOfBirth ? { dateOfBirth: input.dateOfBirth } : {}),
        })).slice(0, 5);
        const byNhs = input.nhsNumber ? await this.search(principal, { nhsNumber: input.nhsNumber }) : [];
        const all = [...byNhs, ...candidates.filter((c) => c.kind === 'restricted' || !byNhs.some((b) => b.kind === 'visible' && b.id === c.id))];
        if (all.length > 0) return { candidates: all };
      }
      const id = randomUUID();
      await database.tenant(principal.laCode, async (tx) => {
        await repo.insertPerson(tx, {
          id,
          laCode: principal.laCode,
          laPersonId: await repo.nextLaPersonId(tx, principal.laCode, 'DB'),
          givenNames: input.givenNames,
          familyName: input.familyName,
          dateOfBirth: input.dateOfBirth ?? null,
          expectedDateOfBirth: input.expectedDateOfBirth ?? null,
          sex: input.sex,
          nhsNumber: input.nhsNumber ?? null,
          disabilities: [],
        });
        if (input.preferredName) {
          // Said once, shared with everyone: the usual wish; the child can narrow it from their record.
          await repo.upsertIdentityDetail(tx, {
            personId: id,
            laCode: principal.laCode,
            kind: 'preferred_name',
            value: input.preferredName,
            sharedWith: 'everyone',
            toldTo: principal.userId,
            toldToName: principal.displayName,
            recordedAt: clock.now(),
          });
        }
        // The person who recorded them is their duty worker until a case allocates someone.
        await repo.insertAllocations(tx, [{ id: randomUUID(), personId: id, userId: principal.userId, laCode: principal.laCode, capacity: 'Duty worker', fromDate: today() }]);
        await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'person_created', outcome: 'success', childId: id, details: { checkedDuplicates: true } });
      });
      return { created: id };
    },

    identityForEditing,

    /**
     * Saves the details a worker may change, from the version they saw. A stale save changes
     * nothing and comes back as a conflict with the details as they are now.
     */
    async saveIdentity(principal: Principal, personId: string, form: IdentityForm): Promise<{ saved: true } | { conflict: Awaited<ReturnType<typeof identityForEditing>> }> {
      try {
        await withRecord(
          principal,
          personId,
          'record.edit',
          async (tx, _person, relationships) => {
            if (!(await repo.bumpPersonVersion(tx, personId, form.version, clock.now()))) throw new StaleSave();
            const { offered } = editableIdentity(await repo.identityDetails(tx, personId), principal.userId, relationships);
            for (const kind of offered) {
              const detail = form.details[kind];
              if (detail === undefined) continue;
              if (detail === null) await repo.deleteIdentityDetail(tx, personId, kind);
              else {
                await repo.upsertIdentityDetail(tx, {
                  personId,
                  laCode: principal.laCode,
                  kind,
                  value: detail.value,
                  sharedWith: detail.sharedWith,
                  toldTo: principal.userId,
                  toldToName: principal.displayName,
                  recordedAt: clock.now(),
                });
              }
            }
          },
          'identity_details_changed',
        );
        return { saved: true };
      } catch (error) {
        if (!(error instanceof StaleSave)) throw error;
        return { conflict: await identityForEditing(principal, personId) };
      }
    },

    /** Refuses (as adding would) anyone who may not add to this child's chronology. */
    async checkCanAddSignificantEvent(principal: Principal, personId: string) {
      await withRecord(principal, personId, 'record.edit', async () => ({}), 'significant_event_form_viewed');
    },

    /**
     * Who may open a record: its kind and its access list, for the privacy officer (any record)
     * and the manager of the team holding the child's case (restricting only). Opening it is audited.
     */
    async accessSettings(principal: Principal, personId: string) {
      const { person, relationships, list, staff } = await withRecord(
        principal,
        personId,
        'record.restrict',
        async (tx, p) => ({ list: await repo.accessList(tx, p.id), staff: await listAccounts(tx, principal.laCode) }),
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
            const account = (await listAccounts(tx, principal.laCode)).map((u) => u.account).find((u) => u.id === change.userId && u.active);
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

    async search(principal: Principal, criteria: SearchInput): Promise<SearchResult[]> {
      if (!can(principal, 'people.search')) throw forbidden();
      return database.tenant(principal.laCode, async (tx) => {
        const rows = await repo.searchPeople(tx, principal.laCode, criteria);
        const listed = await listedAmong(tx, principal, rows);
        const results: SearchResult[] = [];
        for (const r of rows) {
          const known = knowableFor(principal, 'people.search', r.recordKind, listed.has(r.id));
          // Sealed (adoption) records never appear to anyone outside their list: not even that they exist.
          if (known === 'nothing') continue;
          if (known === 'exists') {
            results.push({ kind: 'restricted', contact: 'the Head of Service for Children’s Social Care' });
            continue;
          }
          const legal = `${r.givenNames} ${r.familyName}`;
          results.push({
            kind: 'visible',
            id: r.id,
            name: r.preferredName ? `${r.preferredName} ${r.familyName}` : legal,
            legalName: r.preferredName ? legal : undefined,
            dateOfBirth: r.dateOfBirth,
            expectedDateOfBirth: r.expectedDateOfBirth,
            sex: r.sex,
            postcode: r.locationWithheld ? null : r.postcode,
            locationWithheld: r.locationWithheld,
            restricted: r.recordKind !== 'ordinary',
            nameSimilarity: r.similarity,
          });
        }
        // Who searched, for what kind of thing, and how much they saw: never the words searched for.
        await audit.record(tx, {
          laCode: principal.laCode,
          actor: actorOf(principal),
          action: 'people_searched',
          outcome: 'success',
          details: { by: Object.keys(criteria), results: results.length },
        });
        return results;
      });
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
