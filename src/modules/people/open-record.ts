import type { AuditService } from '../../platform/audit/service.ts';
import { can, knowableFor, mayEver, permittedAmong, type ChildAccess, type Purpose, type Relationship } from '../../platform/access/policy.ts';
import { todayInEngland, type Clock } from '../../platform/clock.ts';
import { actorOf, type Principal } from '../../platform/auth/service.ts';
import type { Database, Tx } from '../../platform/db/client.ts';
import { forbidden, HttpError, notFound } from '../../platform/web/errors.ts';
import * as repo from './repository.ts';
import { CP_LEAD_CAPACITY } from './tables.ts';
import { listedAmong } from './named-only.ts';

/** Refused because the user has no relationship to the child: says whom to ask, and offers nothing else yet. */
export const notAllocated = (personId: string) => new HttpError(403, 'no_relationship', 'You are not allocated to this child', { personId });

/**
 * How a user stands to a child through another module's work (a case's lead, its team, the manager
 * of an allocated worker's team): the modules that hold cases and teams supply these, so this module
 * never reads their tables.
 */
export type RelationshipSource = (tx: Tx, about: { personId: string; userId: string; allocatedUserIds: readonly string[] }) => Promise<Relationship[]>;

/**
 * Opening a child's record: the access list, the policy with the user's relationships to the
 * child, and the audit. Every part of the people service (and every module that opens a record)
 * goes through `withRecord`.
 */
export function createRecordOpener(database: Database, audit: AuditService, clock: Clock, relationshipSources: readonly RelationshipSource[]) {
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

  return { database, audit, clock, today, withRecord, openableAmong };
}

/** What each part of the people service works with: the database, audit and clock, and opening a record. */
export type PeopleCore = ReturnType<typeof createRecordOpener>;
