import { LocalDate } from '@js-joda/core';
import { can } from '../../platform/access/policy.ts';
import { actorOf, type Principal } from '../../platform/auth/service.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { dateInEngland, todayInEngland, type Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import { dueDate, timescaleState } from '../../platform/timescales/rules.ts';
import { forbidden, HttpError, notFound } from '../../platform/web/errors.ts';
import { howKnown, type PeopleService } from '../people/service.ts';
import { teamForArea } from './cases-read-model.ts';
import { alreadyDecided, type RelativeAnswer } from './front-door-decision.ts';
import { likelyMatches } from './likely-matches.ts';
import * as repo from './repository.ts';

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

/** The decision's one-working-day clock, for a request received on a date (and decided, or not yet). */
export function createDecisionClock(clock: Clock) {
  const today = () => todayInEngland(clock);
  const decisionClock = (receivedOn: string, decidedAt: Date | null) => {
    const due = dueDate('request_decision', LocalDate.parse(receivedOn));
    return timescaleState(due, today(), decidedAt ? LocalDate.parse(dateInEngland(decidedAt)) : undefined);
  };
  return decisionClock;
}

/** The front door's queue, a request as the triager sees it, and the records the people it names might already have. */
export function createTriage(database: Database, audit: AuditService, clock: Clock, peopleService: PeopleService) {
  const decisionClock = createDecisionClock(clock);

  return {
    decisionClock,
    likelyRelatives,
    matchesToChoose,

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
}
