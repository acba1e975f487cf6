import { randomInt, randomUUID } from 'node:crypto';
import { LocalDate } from '@js-joda/core';
import { can } from '../../platform/access/policy.ts';
import { actorOf, type Principal } from '../../platform/auth/service.ts';
import { NOBODY, type AuditService } from '../../platform/audit/service.ts';
import { dateInEngland, todayInEngland, type Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/client.ts';
import { dueDate, timescaleState } from '../../platform/timescales/rules.ts';
import { forbidden, HttpError, notFound } from '../../platform/web/errors.ts';
import { howKnown, type PeopleService } from '../people/service.ts';
import { allocate } from '../people/allocations.ts';
import { matchedRecord, recordChildFromRequest, recordFactsFromRequest, siblingsOf } from '../people/from-request.ts';
import type { RelativeChoice } from '../people/relationship-types.ts';
import type { ReferralSource } from './codes.ts';
import type { ConsentBasis, FAMILY_KNOWS, PrimaryNeedChoice, PUBLIC_ASKERS, RequestDecision } from './front-door-codes.ts';
import { teamForArea } from './cases-read-model.ts';
import * as repo from './repository.ts';
import type { StatutoryBasis } from './tables.ts';

/** The capacity a lead practitioner is allocated to the child in: it opens the child's record to them. */
export const LEAD_CAPACITY = 'Lead practitioner (Family Help)';

/** Letters and digits no one misreads on the phone (no I, O, 0 or 1). */
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const REFERENCE_FORMAT = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

/** A reference a family can quote: eight characters in two fours, about a trillion of them. */
function newReference(): string {
  const pick = () => Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `${pick()}-${pick()}`;
}

/** Days between two ISO dates. */
const daysApart = (a: string, b: string) => Math.abs(LocalDate.parse(a).toEpochDay() - LocalDate.parse(b).toEpochDay());

/**
 * Who the request might be about, best first, each with why: the name as typed and as it sounds,
 * and the date of birth — the same day, the day and month swapped, close, or the same year. Someone
 * born years apart from the child asked about is not them, however alike the name.
 */
export function likelyMatches<T extends { nameSimilarity: number; dateOfBirth: string | null; expectedDateOfBirth: string | null }>(found: readonly T[], dateOfBirth: string | null) {
  const scored = found.flatMap((m) => {
    const why: string[] = [m.nameSimilarity >= 0.99 ? 'the same name' : m.nameSimilarity >= 0.5 ? 'a similar name' : 'a name that sounds alike'];
    let score = m.nameSimilarity * 10;
    const born = m.dateOfBirth ?? m.expectedDateOfBirth;
    if (dateOfBirth && born) {
      const [y1, m1, d1] = dateOfBirth.split('-');
      const [y2, m2, d2] = born.split('-');
      const apart = daysApart(dateOfBirth, born);
      const years = Math.round(apart / 365.25);
      const [points, said] =
        apart === 0 ? [10, 'the same date of birth']
        : y1 === y2 && m1 === d2 && d1 === m2 ? [7, 'the date of birth with the day and month swapped']
        : apart <= 31 ? [5, `born ${apart} ${apart === 1 ? 'day' : 'days'} apart`]
        : y1 === y2 ? [3, 'born the same year']
        : [0, `born ${years} ${years === 1 ? 'year' : 'years'} apart`];
      if (apart > 5 * 365) return [];
      score += points;
      why.push(said);
    } else if (dateOfBirth) why.push('no date of birth recorded');
    return [{ ...m, score, why: `Matched on ${why.join(', ')}` }];
  });
  return scored.sort((a, b) => b.score - a.score);
}

/**
 * The people who could lead, by team, each with their caseload: the team that helps most families
 * in the child's postcode district first (the team for the child's area), the rest by name.
 */
function byTeam(leads: readonly { userId: string; teamId: string; teamName: string; displayName: string; profession: string; caseload: number }[], localTeamId: string | undefined, district: string | undefined) {
  const teams = new Map<string, { teamId: string; teamName: string; local: boolean; district: string | undefined; leads: typeof leads[number][] }>();
  for (const lead of leads) {
    const local = lead.teamId === localTeamId;
    const group = teams.get(lead.teamId) ?? { teamId: lead.teamId, teamName: lead.teamName, local, district: local ? district : undefined, leads: [] };
    group.leads.push(lead);
    teams.set(lead.teamId, group);
  }
  return [...teams.values()].sort((a, b) => Number(b.local) - Number(a.local) || a.teamName.localeCompare(b.teamName));
}

/** Someone decided on this request first. */
export const alreadyDecided = (requestId: string) => new HttpError(409, 'already_decided', 'This request has already been decided', { backTo: `/front-door/${requestId}` });

/** A request for help, as a front-door form sends it. */
export interface RequestDetails {
  source: ReferralSource | undefined;
  asker: keyof typeof PUBLIC_ASKERS | undefined;
  submitterName: string | undefined;
  submitterOrganisation: string | undefined;
  submitterPhone: string | undefined;
  submitterEmail: string | undefined;
  childGivenNames: string;
  childFamilyName: string;
  childDateOfBirth: string | undefined;
  childAddress: string | undefined;
  childPostcode: string | undefined;
  otherChildren: string | undefined;
  concerns: string;
  helpWanted: string | undefined;
  familyKnows: keyof typeof FAMILY_KNOWS | undefined;
  /** The public page's honeypot: a field people never see. Filled in, the request is dropped. */
  honeypot: boolean;
}

/** A person named in the request, as the triager would record them; `match` is unset until they choose. */
export interface RelativeAnswer {
  row: number;
  /** 'new', or the id of the record they were matched to. */
  match: string | undefined;
  givenNames: string;
  familyName: string;
  dateOfBirth: string | undefined;
  relationship: RelativeChoice;
  livesWithChild: boolean;
}

export interface FactsAnswer {
  address: { line1: string; town: string; postcode: string } | undefined;
  relatives: RelativeAnswer[];
}

export interface DecisionInput {
  version: number;
  /** An existing person the triager matched, or 'new' to record the child from the request. */
  person: string;
  decision: RequestDecision;
  reasons: string;
  childViews: string | undefined;
  familyViews: string | undefined;
  consentBasis: ConsentBasis;
  /** For Family Help: who leads, in which team, why, and on what basis. */
  leadUserId?: string | undefined;
  primaryNeed?: PrimaryNeedChoice | undefined;
  basis?: StatutoryBasis | undefined;
  /** For a strategy discussion: held the same or next working day. */
  urgent?: boolean | undefined;
  /** What the request told us that the triager decided to put on the record. */
  facts?: FactsAnswer | undefined;
}

type LikelyMatch = ReturnType<typeof likelyMatches<Extract<Awaited<ReturnType<PeopleService['search']>>[number], { kind: 'visible' }>>>[number];

/** Who asked, when they are a relative or friend the record could hold: not a professional, not the child themselves. */
export function askerCouldBeRecorded(request: { channel: string; submitterName: string | null; submitterRelationship: string | null; source: string }) {
  if (!request.submitterName) return false;
  if (request.channel === 'public') return request.submitterRelationship !== 'young_person';
  return request.channel === 'staff' && ['1A', '1B', '1D'].includes(request.source);
}

/** "21 Bank Street, Dunbridge" as a first line and a town, for the triager to check. */
function splitAddress(address: string | null) {
  const parts = (address ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 ? { line1: parts.slice(0, -1).join(', '), town: parts.at(-1)! } : { line1: parts[0] ?? '', town: '' };
}

/** "Anna Maria Nowak" as first names and a last name. */
function splitName(name: string) {
  const words = name.trim().split(/\s+/);
  return words.length > 1 ? { givenNames: words.slice(0, -1).join(' '), familyName: words.at(-1)! } : { givenNames: words[0] ?? '', familyName: '' };
}

/** Convenes a strategy discussion on the case a decision has just opened or joined (the child protection module). */
export type ConveneStrategyDiscussion = (tx: Tx, principal: Principal, input: { caseId: string; requestId: string; urgent: boolean; concerns: string }) => Promise<string>;

/**
 * The one front door: requests for help from partners, families and staff; the queue, with the
 * one-working-day clock; the triager's view with likely matches; the decision, which opens (or
 * joins) the child's one continuous Family Help case.
 */
export function createFrontDoorService(database: Database, audit: AuditService, clock: Clock, peopleService: PeopleService, conveneStrategyDiscussion?: ConveneStrategyDiscussion) {
  const now = () => clock.now();
  const today = () => todayInEngland(clock);

  function requestRow(laCode: string, channel: 'public' | 'partner' | 'staff', details: RequestDetails, submitter: Partial<repo.RequestInsert>): repo.RequestInsert {
    const receivedAt = now();
    return {
      id: randomUUID(),
      laCode,
      receivedAt,
      receivedOn: dateInEngland(receivedAt),
      channel,
      source: details.source ?? '10',
      submitterName: details.submitterName ?? null,
      submitterOrganisation: details.submitterOrganisation ?? null,
      submitterRelationship: details.asker ?? null,
      submitterPhone: details.submitterPhone ?? null,
      submitterEmail: details.submitterEmail ?? null,
      childGivenNames: details.childGivenNames,
      childFamilyName: details.childFamilyName,
      childDateOfBirth: details.childDateOfBirth ?? null,
      childAddress: details.childAddress ?? null,
      childPostcode: details.childPostcode ?? null,
      otherChildren: details.otherChildren ?? null,
      concerns: details.concerns,
      helpWanted: details.helpWanted ?? null,
      familyKnows: details.familyKnows ?? null,
      ...submitter,
    };
  }

  /** The decision's clock, for a request received on a date. */
  const decisionClock = (receivedOn: string, decidedAt: Date | null) => {
    const due = dueDate('request_decision', LocalDate.parse(receivedOn));
    return timescaleState(due, today(), decidedAt ? LocalDate.parse(dateInEngland(decidedAt)) : undefined);
  };

  return {
    decisionClock,
    likelyRelatives,
    matchesToChoose,

    /** A parent, relative or young person asking on the public page. Nobody is signed in; the request is audited. */
    async submitPublic(laCode: string, details: RequestDetails, meta: { ip: string }): Promise<{ reference: string }> {
      if (details.honeypot) {
        // A form filled in by a machine: nothing kept, and the sender is told nothing different.
        await audit.recordNow({ laCode, actor: NOBODY, action: 'public_request_discarded', outcome: 'denied', details: { reason: 'honeypot', ip: meta.ip } });
        return { reference: newReference() };
      }
      const row = requestRow(laCode, 'public', details, { reference: newReference() });
      await database.tenant(laCode, async (tx) => {
        await repo.insertRequest(tx, row);
        await audit.record(tx, { laCode, actor: NOBODY, action: 'request_received', outcome: 'success', details: { requestId: row.id, channel: 'public', source: row.source } });
      });
      return { reference: row.reference! };
    },

    /** A partner (school, health, police) or staff member recording a request. */
    async submit(principal: Principal, channel: 'partner' | 'staff', details: RequestDetails): Promise<string> {
      if (!can(principal, channel === 'partner' ? 'requests.submit' : 'requests.record')) throw forbidden();
      const row = requestRow(principal.laCode, channel, details, {
        submittedBy: principal.userId,
        ...(channel === 'partner' ? { submitterName: principal.displayName, submitterOrganisation: principal.organisation } : {}),
      });
      await database.tenant(principal.laCode, async (tx) => {
        await repo.insertRequest(tx, row);
        await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'request_received', outcome: 'success', details: { requestId: row.id, channel, source: row.source } });
      });
      return row.id;
    },

    /** What a partner has sent, and what was decided: nothing else of the child's record. */
    async submittedBy(principal: Principal) {
      if (!can(principal, 'requests.submit')) throw forbidden();
      return database.tenant(principal.laCode, async (tx) => {
        const rows = await repo.requestsSubmittedBy(tx, principal.userId);
        return rows.map((r) => ({
          id: r.id,
          receivedAt: r.receivedAt,
          child: `${r.childGivenNames} ${r.childFamilyName}`,
          childDateOfBirth: r.childDateOfBirth,
          concerns: r.concerns,
          decision: r.decision,
          decidedAt: r.decidedAt,
        }));
      });
    },

    /** Requests waiting for a decision, oldest first, each with its one-working-day clock. */
    async queue(principal: Principal) {
      if (!can(principal, 'requests.triage')) throw forbidden();
      const rows = await database.tenant(principal.laCode, (tx) => repo.undecidedRequests(tx, principal.laCode));
      return rows.map((r) => ({ ...r, clock: decisionClock(r.receivedOn, null) }));
    },

    /** One request, with the people it might be about and whether any has an open case. Audited. */
    async forTriage(principal: Principal, requestId: string) {
      if (!can(principal, 'requests.triage')) throw forbidden();
      const request = await database.tenant(principal.laCode, async (tx) => {
        const row = await repo.findRequest(tx, principal.laCode, requestId);
        // A request decided about a child whose record is now restricted or sealed is as closed as the record.
        const known = row?.personId ? await howKnown(tx, principal, row.personId) : 'named';
        if (known === 'exists') throw new HttpError(403, 'restricted', 'This is a restricted record');
        if (known === 'nothing') return undefined;
        if (row) {
          await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'request_viewed', outcome: 'success', ...(row.personId ? { childId: row.personId } : {}), details: { requestId } });
        }
        return row;
      });
      if (!request) throw notFound();
      const matches = request.decidedAt
        ? []
        : await peopleService.search(principal, { name: `${request.childGivenNames} ${request.childFamilyName}`, ...(request.childDateOfBirth ? { dateOfBirth: request.childDateOfBirth } : {}) });
      const visible = likelyMatches(
        matches.flatMap((m) => (m.kind === 'visible' ? [m] : [])),
        request.childDateOfBirth,
      ).slice(0, 5);
      const openCases = await database.tenant(principal.laCode, async (tx) => {
        const found = new Map<string, { leadPractitionerName: string; openedOn: string }>();
        for (const m of visible) {
          const open = await repo.openCaseFor(tx, m.id);
          if (open) found.set(m.id, { leadPractitionerName: open.leadPractitionerName, openedOn: open.openedOn });
        }
        return found;
      });
      // What the request told us, offered for the record: the address, and the person who asked.
      const factsAsked = request.decidedAt ? [] : [...(request.childAddress || request.childPostcode ? ['address'] : []), ...(askerCouldBeRecorded(request) ? ['asker'] : [])];
      const address = splitAddress(request.childAddress);
      const asker = factsAsked.includes('asker') ? splitName(request.submitterName!) : undefined;
      const factDefaults: Record<string, string> = {
        addressLine1: address.line1,
        addressTown: address.town,
        addressPostcode: request.childPostcode ?? '',
        ...(asker ? { r1GivenNames: asker.givenNames, r1FamilyName: asker.familyName } : {}),
      };
      const askerMatches = asker?.familyName ? await likelyRelatives(principal, [{ row: 1, ...asker, dateOfBirth: undefined }]) : new Map<number, LikelyMatch[]>();
      const district = request.childPostcode?.split(' ')[0];
      const { leads, localTeamId, leadName, caseOpenable } = await database.tenant(principal.laCode, async (tx) => ({
        leads: await repo.possibleLeads(tx, principal.laCode),
        localTeamId: district ? await teamForArea(tx, principal.laCode, district) : undefined,
        leadName: request.caseId ? (await repo.findCase(tx, principal.laCode, request.caseId))?.leadPractitionerName : undefined,
        // Linked only when the triager could open it (in the lead's team, say): never a link to a refusal.
        caseOpenable: request.caseId && request.personId ? (await peopleService.openableAmong(tx, principal, [request.personId])).has(request.personId) : false,
      }));
      return {
        leadName,
        caseOpenable,
        request,
        clock: decisionClock(request.receivedOn, request.decidedAt),
        matches: visible.map((m) => ({ ...m, openCase: openCases.get(m.id) })),
        restrictedMatch: matches.some((m) => m.kind === 'restricted'),
        leadTeams: byTeam(leads, localTeamId, district),
        factsAsked,
        factDefaults,
        relativeMatches: askerMatches,
      };
    },

    /**
     * Who a likely match is, for the triager deciding a request: the people module shows their
     * identity (never what is recorded about them) under the front door's purpose; this module
     * adds the earlier requests about them and their open case. Only while the request waits.
     */
    async checkIdentity(principal: Principal, requestId: string, personId: string) {
      if (!can(principal, 'requests.triage')) throw forbidden();
      const request = await database.tenant(principal.laCode, (tx) => repo.findRequest(tx, principal.laCode, requestId));
      if (!request) throw notFound();
      if (request.decidedAt) throw alreadyDecided(requestId);
      const person = await peopleService.identityForTriage(principal, personId, requestId);
      const { earlier, openCase } = await database.tenant(principal.laCode, async (tx) => ({
        earlier: await repo.requestsForPerson(tx, personId),
        openCase: await repo.openCaseFor(tx, personId),
      }));
      return {
        request: { id: request.id, child: `${request.childGivenNames} ${request.childFamilyName}` },
        person,
        earlierRequests: earlier.map((r) => ({ receivedAt: r.receivedAt, decision: r.decision })),
        openCase: openCase ? { leadPractitionerName: openCase.leadPractitionerName, openedOn: openCase.openedOn } : undefined,
      };
    },

    /**
     * The decision: advice and signposting, Family Help, or a strategy discussion. Family Help
     * opens the child's case with its lead practitioner (or joins the case already open: one
     * continuous case), allocates the lead, and starts the assessment clock from the request.
     */
    async decide(principal: Principal, requestId: string, input: DecisionInput): Promise<{ personId: string; caseId: string | undefined }> {
      if (!can(principal, 'requests.triage')) throw forbidden();
      // Everyone named is matched to a record or confirmed new (matchesToChoose) before anything is written.
      const relatives = input.facts?.relatives ?? [];
      if (relatives.some((r) => r.match === undefined)) throw new HttpError(400, 'bad_request', 'Say who each person named is before recording the decision');
      const decidedAt = now();
      return database.tenant(principal.laCode, async (tx) => {
        const request = await repo.findRequestForDecision(tx, principal.laCode, requestId);
        if (!request) throw notFound();
        if (request.decidedAt || request.version !== input.version) throw alreadyDecided(requestId);
        const personId =
          input.person === 'new'
            ? await recordChildFromRequest(tx, principal.laCode, { givenNames: request.childGivenNames, familyName: request.childFamilyName, dateOfBirth: request.childDateOfBirth }, today())
            : await matchedRecord(tx, principal, input.person);
        // What the family told us first: a brother or sister named with an open case brings the new case into their family.
        if (input.facts && (input.facts.address || relatives.length > 0)) await recordFacts(tx, principal, request, personId, input.facts);

        let caseId: string | undefined;
        // Family Help and a strategy discussion both happen on the child's one case: opened now, or joined.
        if (input.decision !== 'advice') caseId = await openOrJoinCase(tx, principal, request, personId, input);
        if (input.decision === 'strategy_discussion') {
          if (!conveneStrategyDiscussion) throw new HttpError(500, 'internal', 'Strategy discussions are not available');
          await conveneStrategyDiscussion(tx, principal, { caseId: caseId!, requestId: request.id, urgent: input.urgent ?? true, concerns: request.concerns });
        }

        const lastClosure = await repo.lastClosureBefore(tx, personId, request.receivedOn);
        const reReferral = lastClosure !== undefined && !LocalDate.parse(lastClosure).isBefore(LocalDate.parse(request.receivedOn).minusMonths(12));
        const decided = await repo.decideRequest(tx, request.id, input.version, {
          personId,
          decision: input.decision,
          decisionReasons: input.reasons,
          childViews: input.childViews ?? null,
          familyViews: input.familyViews ?? null,
          consentBasis: input.consentBasis,
          reReferral,
          decidedAt,
          decidedBy: principal.userId,
          decidedByName: principal.displayName,
          caseId: caseId ?? null,
        });
        if (!decided) throw alreadyDecided(requestId);
        await audit.record(tx, {
          laCode: principal.laCode,
          actor: actorOf(principal),
          action: 'request_decided',
          outcome: 'success',
          childId: personId,
          details: { requestId, decision: input.decision, caseId, reReferral, met: decisionClock(request.receivedOn, decidedAt).state === 'met' },
        });
        return { personId, caseId };
      });
    },
  };

  /** Records a person named in a request might already have, best first: at most three each. */
  async function likelyRelatives(principal: Principal, rows: readonly Pick<RelativeAnswer, 'row' | 'givenNames' | 'familyName' | 'dateOfBirth'>[], childId?: string) {
    const found = new Map<number, LikelyMatch[]>();
    for (const r of rows) {
      const results = await peopleService.search(principal, { name: `${r.givenNames} ${r.familyName}`, ...(r.dateOfBirth ? { dateOfBirth: r.dateOfBirth } : {}) });
      const visible = results.flatMap((m) => (m.kind === 'visible' && m.id !== childId ? [m] : []));
      found.set(r.row, likelyMatches(visible, r.dateOfBirth ?? null).slice(0, 3));
    }
    return found;
  }

  /**
   * The rows still to be matched: a person with likely matches and no choice yet, or a choice
   * that is no longer among the matches for the name as typed now. A person with no likely
   * match is someone new: their answer is set to it here.
   */
  async function matchesToChoose(principal: Principal, relatives: RelativeAnswer[], childId: string | undefined) {
    const toChoose = new Map<number, LikelyMatch[]>();
    if (relatives.length === 0) return toChoose;
    const found = await likelyRelatives(principal, relatives, childId);
    for (const r of relatives) {
      const matches = found.get(r.row) ?? [];
      if (r.match === undefined && matches.length === 0) r.match = 'new';
      else if (r.match === undefined || (r.match !== 'new' && !matches.some((m) => m.id === r.match))) toChoose.set(r.row, matches);
    }
    return toChoose;
  }

  /** The request's facts the triager chose, written to the record and audited on each record written. */
  async function recordFacts(tx: Tx, principal: Principal, request: repo.RequestRow, childId: string, facts: FactsAnswer) {
    const recorded = await recordFactsFromRequest(
      tx,
      principal,
      childId,
      { address: facts.address, relatives: facts.relatives.map((r) => ({ ...r, personId: r.match === 'new' ? undefined : r.match })) },
      request.receivedOn,
    );
    const actor = actorOf(principal);
    await audit.record(tx, { laCode: principal.laCode, actor, action: 'record_updated_from_request', outcome: 'success', childId, details: { requestId: request.id, address: recorded.address ?? 'not_added', people: recorded.relatives.length } });
    for (const r of recorded.relatives) {
      await audit.record(tx, { laCode: principal.laCode, actor, action: r.created ? 'person_created' : 'record_updated_from_request', outcome: 'success', childId: r.id, details: { requestId: request.id, relatedTo: childId, related: r.related, joinedHousehold: r.joinedHousehold } });
    }
  }

  async function openOrJoinCase(tx: Tx, principal: Principal, request: repo.RequestRow, personId: string, input: DecisionInput): Promise<string> {
    const open = await repo.openCaseFor(tx, personId);
    if (open) return open.id; // one continuous case: the request joins it, the lead stays
    const lead = (await repo.possibleLeads(tx, principal.laCode)).find((l) => l.userId === input.leadUserId);
    if (!lead || !input.primaryNeed || !input.basis) throw new HttpError(400, 'bad_request', 'Opening a case needs a lead practitioner, a primary need and a basis');
    const id = randomUUID();
    const openedOn = today().toString();
    await repo.insertCase(tx, {
      id,
      laCode: principal.laCode,
      personId,
      familyId: (await siblingsFamilyId(tx, personId)) ?? randomUUID(),
      requestId: request.id,
      referralDate: request.receivedOn,
      openedOn,
      leadPractitionerId: lead.userId,
      leadPractitionerName: lead.displayName,
      leadProfession: lead.profession,
      teamId: lead.teamId,
      primaryNeed: input.primaryNeed,
    });
    await repo.insertBasis(tx, { id: randomUUID(), caseId: id, laCode: principal.laCode, basis: input.basis, fromDate: request.receivedOn, recordedBy: principal.userId });
    await allocate(tx, { personId, userId: lead.userId, laCode: principal.laCode, capacity: LEAD_CAPACITY, fromDate: openedOn });
    return id;
  }

  /** Brothers and sisters helped together share a family: the family id of a sibling's open case. */
  async function siblingsFamilyId(tx: Tx, personId: string): Promise<string | undefined> {
    for (const sibling of await siblingsOf(tx, personId)) {
      const open = await repo.openCaseFor(tx, sibling);
      if (open) return open.familyId;
    }
    return undefined;
  }
}

export type FrontDoorService = ReturnType<typeof createFrontDoorService>;
