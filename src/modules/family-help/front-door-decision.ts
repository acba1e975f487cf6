import { randomUUID } from 'node:crypto';
import { LocalDate } from '@js-joda/core';
import { can } from '../../platform/access/policy.ts';
import { actorOf, type Principal } from '../../platform/auth/service.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { todayInEngland, type Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/client.ts';
import type { timescaleState } from '../../platform/timescales/rules.ts';
import { forbidden, HttpError, notFound } from '../../platform/web/errors.ts';
import { allocate } from '../people/allocations.ts';
import { matchedRecord, recordChildFromRequest, recordFactsFromRequest, siblingsOf } from '../people/from-request.ts';
import type { RelativeChoice } from '../people/relationship-types.ts';
import type { ConsentBasis, PrimaryNeedChoice, RequestDecision } from './front-door-codes.ts';
import * as repo from './repository.ts';
import type { StatutoryBasis } from './tables.ts';

/** The capacity a lead practitioner is allocated to the child in: it opens the child's record to them. */
export const LEAD_CAPACITY = 'Lead practitioner (Family Help)';

/** Someone decided on this request first. */
export const alreadyDecided = (requestId: string) => new HttpError(409, 'already_decided', 'This request has already been decided', { backTo: `/front-door/${requestId}` });

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

/** Convenes a strategy discussion on the case a decision has just opened or joined (the child protection module). */
export type ConveneStrategyDiscussion = (tx: Tx, principal: Principal, input: { caseId: string; requestId: string; urgent: boolean; concerns: string }) => Promise<string>;

/**
 * The decision on a request, which opens (or joins) the child's one continuous Family Help case,
 * and writes to the child's record what the request told us that the triager chose.
 */
export function createDecisions(
  database: Database,
  audit: AuditService,
  clock: Clock,
  decisionClock: (receivedOn: string, decidedAt: Date | null) => ReturnType<typeof timescaleState>,
  conveneStrategyDiscussion?: ConveneStrategyDiscussion,
) {
  const now = () => clock.now();
  const today = () => todayInEngland(clock);

  return {
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
