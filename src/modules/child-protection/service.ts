import { randomUUID } from 'node:crypto';
import { LocalDate } from '@js-joda/core';
import { can } from '../../platform/access/policy.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { actorOf, type Principal } from '../../platform/auth/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/client.ts';
import { forbidden, HttpError, notFound } from '../../platform/web/errors.ts';
import { allocateOnce, CP_LEAD_CAPACITY, endAllocation } from '../people/allocations.ts';
import { permittedOnly, type PeopleService } from '../people/service.ts';
import * as cases from '../family-help/for-layers.ts';
import { byUrgency } from '../family-help/due.ts';
import { EXTRA_FAMILIAL_HARM } from './codes.ts';
import { protectionLayer } from './case-layer.ts';
import { discussionClock, protectionDueItems } from './due.ts';
import { harmContexts } from './harm-contexts.ts';
import * as read from './protection-read-model.ts';
import * as repo from './repository.ts';
import { closed, serviceContext, stale, type ConferenceInput } from './service-context.ts';
import { sharing } from './sharing.ts';
import type { StrategyDecision } from './tables.ts';

export type { ConferenceInput, ShareInput } from './service-context.ts';

/**
 * Child protection, as layers on the child's one Family Help case: strategy discussion, section
 * 47 enquiry, conferences and the plan, with a Child Protection Lead Practitioner co-allocated
 * beside the family's lead practitioner, who stays. Partners see only what is shared with them.
 * The work on a case is here; information sharing (sharing.ts), harm outside the home
 * (harm-contexts.ts) and the layer on the Family Help case (case-layer.ts) are its other parts.
 */
export function createChildProtectionService(database: Database, audit: AuditService, clock: Clock, peopleService: PeopleService) {
  const context = serviceContext(database, audit, clock, peopleService);
  const { today, withCase, caseOf } = context;

  /** The CP lead's co-allocation ends when the last of their child protection work on the case does. */
  async function endCpLeadIfDone(tx: Tx, c: cases.CaseRow, userId: string) {
    const open = (await read.protectionFacts(tx, { caseId: c.id }))[0];
    if (open?.discussionConvenedOn || open?.enquiryStartedOn || open?.planStartedOn) return;
    await endAllocation(tx, { personId: c.personId, userId, capacity: CP_LEAD_CAPACITY }, today().toString());
  }

  async function convene(tx: Tx, principal: Principal, c: cases.CaseRow, input: { urgent: boolean; concerns: string; requestId?: string }) {
    if ((await repo.discussionsForCase(tx, c.id)).some((d) => !d.decidedAt)) {
      throw new HttpError(409, 'already_convened', 'A strategy discussion is already waiting for this child', { reason: 'A strategy discussion is already waiting for this child: add to it instead.', backTo: `/cases/${c.id}/child-protection` });
    }
    const id = randomUUID();
    await repo.insertDiscussion(tx, {
      id,
      laCode: c.laCode,
      caseId: c.id,
      personId: c.personId,
      convenedFrom: input.requestId ? 'request' : 'case',
      requestId: input.requestId ?? null,
      convenedOn: today().toString(),
      convenedBy: principal.userId,
      convenedByName: principal.displayName,
      urgent: input.urgent,
      concerns: input.concerns,
    });
    return id;
  }

  return {
    /**
     * For the front door: a strategy discussion convened by the request's decision, inside the
     * decision's own transaction (the case has just been opened or joined).
     */
    async conveneFromRequest(tx: Tx, principal: Principal, input: { caseId: string; requestId: string; urgent: boolean; concerns: string }) {
      const c = await cases.findCase(tx, principal.laCode, input.caseId);
      if (!c) throw notFound();
      return convene(tx, principal, c, input);
    },

    /** The case's workers convene a strategy discussion when they suspect significant harm. */
    async conveneFromCase(principal: Principal, caseId: string, input: { urgent: boolean; concerns: string }) {
      const { value } = await withCase(principal, caseId, 'record.edit', 'strategy_discussion_convened', async ({ tx, c }) => {
        if (c.closedOn) throw closed(c.id);
        return convene(tx, principal, c, input);
      });
      return value;
    },

    /** The multi-agency child protection team's queue: discussions waiting, urgent first. */
    async waiting(principal: Principal) {
      if (!can(principal, 'cp.strategy')) throw forbidden();
      const rows = await database.tenant(principal.laCode, async (tx) => permittedOnly(tx, principal, 'cp.strategy', await read.undecidedDiscussions(tx, principal.laCode), (d) => d.personId));
      const now = today();
      return rows.map((r) => ({ ...r, ...discussionClock(r.urgent, r.convenedOn, now) }));
    },

    /**
     * A Child Protection Lead Practitioner takes a discussion: they chair it and are co-allocated
     * to the child, beside the family's lead practitioner, who stays.
     */
    async take(principal: Principal, discussionId: string, version: number) {
      if (!can(principal, 'cp.strategy')) throw forbidden();
      return database.tenant(principal.laCode, async (tx) => {
        const d = await repo.findDiscussion(tx, principal.laCode, discussionId);
        if (!d) throw notFound();
        if (d.decidedAt || (d.chairUserId && d.chairUserId !== principal.userId) || d.version !== version) {
          throw new HttpError(409, 'already_decided', 'Another Child Protection Lead Practitioner has taken this strategy discussion', { backTo: '/child-protection' });
        }
        if (!d.chairUserId) {
          if (!(await repo.updateDiscussion(tx, d.id, version, { chairUserId: principal.userId, chairName: principal.displayName }))) throw stale(d.caseId);
          await allocateOnce(tx, { personId: d.personId, userId: principal.userId, laCode: principal.laCode, capacity: CP_LEAD_CAPACITY, fromDate: today().toString() });
          await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'strategy_discussion_taken', outcome: 'success', childId: d.personId, details: { discussionId: d.id } });
        }
        return d.caseId;
      });
    },

    /** Everything child protection on a case: what the page shows, and what this user may do. */
    async overview(principal: Principal, caseId: string) {
      const { person, relationships, value } = await withCase(principal, caseId, 'record.view', 'child_protection_viewed', async ({ tx, c }) => {
        const shares = await repo.sharesForCase(tx, c.id);
        const plans = await repo.plansForCase(tx, c.id);
        return {
          c,
          discussions: await repo.discussionsForCase(tx, c.id),
          enquiries: await repo.enquiriesForCase(tx, c.id),
          conferences: await repo.conferencesForCase(tx, c.id),
          // One query at a time: a transaction is one connection.
          plans: await (async () => {
            const counted = [];
            for (const p of plans) counted.push({ ...p, previousPlans: await repo.plansBefore(tx, c.personId, p.startedOn) });
            return counted;
          })(),
          coreGroup: await repo.coreGroupMeetings(tx, plans.map((p) => p.id)),
          shares,
          contributions: await repo.contributionsForShares(tx, shares.map((s) => s.id)),
          facts: (await read.protectionFacts(tx, { caseId: c.id }))[0],
          contexts: await repo.contextsForPerson(tx, c.personId),
          // The contexts the child could be linked to: open, and not linked already.
          openContexts: await (async () => {
            const linked = new Set((await repo.contextsForPerson(tx, c.personId)).map((x) => x.id));
            return (await repo.contexts(tx, c.laCode)).filter((x) => !x.closedOn && !linked.has(x.id)).map((x) => ({ id: x.id, name: x.name }));
          })(),
        };
      });
      const open = !value.c.closedOn;
      return {
        ...value,
        child: { id: person.id, name: `${person.preferredName ?? person.givenNames} ${person.familyName}`, dateOfBirth: person.dateOfBirth },
        due: value.facts ? protectionDueItems(value.facts, today()).sort(byUrgency) : [],
        canDecide: open && can(principal, 'cp.decide', { relationships }),
        canRecord: open && can(principal, 'record.edit', { relationships }),
      };
    },

    /** The discussion as held, and its decision: a section 47 enquiry, Family Help, or no further action. */
    async recordDiscussion(principal: Principal, discussionId: string, input: { version: number; heldOn: string; agencies: string[]; decision: StrategyDecision; reasons: string }) {
      const caseId = await caseOf(principal, (tx) => repo.findDiscussion(tx, principal.laCode, discussionId));
      await withCase(principal, caseId, 'cp.decide', 'strategy_discussion_recorded', async ({ tx, c }) => {
        if (c.closedOn) throw closed(c.id);
        const d = await repo.findDiscussion(tx, c.laCode, discussionId);
        if (!d || d.decidedAt) throw stale(c.id);
        const done = await repo.updateDiscussion(tx, d.id, input.version, { heldOn: input.heldOn, agencies: input.agencies, decision: input.decision, reasons: input.reasons, decidedAt: clock.now() });
        if (!done) throw stale(c.id);
        if (input.decision === 'section_47') {
          await repo.insertEnquiry(tx, { id: randomUUID(), laCode: c.laCode, caseId: c.id, personId: c.personId, discussionId: d.id, startedOn: input.heldOn });
          await toChildInNeed(tx, principal, c, input.heldOn);
        } else {
          await repo.endShares(tx, { discussionId: d.id }, clock.now(), 'The strategy discussion decided on no enquiry');
          // For harm outside the home the Child Protection Lead Practitioner stays, to lead the joint plan.
          if (input.decision !== 'extra_familial_harm') await endCpLeadIfDone(tx, c, principal.userId);
        }
      });
      return caseId;
    },

    /** The enquiry's outcome. Without a conference, what was shared for it ends now. */
    async completeEnquiry(principal: Principal, enquiryId: string, input: { version: number; completedOn: string; outcome: 'conference' | 'family_help' | 'no_further_action'; findings: string }) {
      const caseId = await caseOf(principal, (tx) => repo.findEnquiry(tx, enquiryId));
      await withCase(principal, caseId, 'cp.decide', 'section_47_completed', async ({ tx, c }) => {
        if (c.closedOn) throw closed(c.id);
        const e = await repo.findEnquiry(tx, enquiryId);
        if (!e || e.completedOn) throw stale(c.id);
        if (!(await repo.updateEnquiry(tx, e.id, input.version, { completedOn: input.completedOn, outcome: input.outcome, findings: input.findings }))) throw stale(c.id);
        if (input.outcome !== 'conference') {
          if (e.discussionId) await repo.endShares(tx, { discussionId: e.discussionId }, clock.now(), 'The enquiry ended without a conference');
          await endCpLeadIfDone(tx, c, principal.userId);
        }
      });
      return caseId;
    },

    /**
     * An initial conference (the enquiry's) or a review conference (the plan's). An initial
     * conference that decides on a plan starts it, with this user as its Child Protection Lead
     * Practitioner; a review that ends the plan ends its sharing and the co-allocation.
     */
    async recordConference(principal: Principal, caseId: string, kind: 'initial' | 'review', input: ConferenceInput) {
      await withCase(principal, caseId, 'cp.decide', kind === 'initial' ? 'initial_conference_recorded' : 'review_conference_recorded', async ({ tx, c, person }) => {
        if (c.closedOn) throw closed(c.id);
        const base = { id: randomUUID(), laCode: c.laCode, caseId: c.id, personId: c.personId, kind, recordedBy: principal.userId, recordedByName: principal.displayName, ...input, parentsRepresentative: input.parentsRepresentative ?? null, category: input.category ?? null };
        if (kind === 'initial') {
          const enquiry = await awaitingConference(tx, c.id);
          if (!enquiry) throw stale(c.id);
          let planId: string | null = null;
          if (input.decision === 'plan') {
            if (person.dateOfBirth && input.heldOn >= LocalDate.parse(person.dateOfBirth).plusYears(18).toString()) throw stale(c.id); // the form says why
            planId = randomUUID();
            await repo.insertPlan(tx, { id: planId, laCode: c.laCode, caseId: c.id, personId: c.personId, startedOn: input.heldOn, initialCategory: input.category!, latestCategory: input.category!, cpLeadUserId: principal.userId, cpLeadName: principal.displayName });
            // A child protection plan replaces the Family Help (child in need) plan: the two never run together (CIN rule 4001).
            await cases.endFamilyHelpPlan(tx, c.id, input.heldOn);
          }
          await repo.insertConference(tx, { ...base, enquiryId: enquiry.id, planId });
          if (enquiry.discussionId) await repo.endShares(tx, { discussionId: enquiry.discussionId }, clock.now(), 'The initial conference was held');
          if (!planId) await endCpLeadIfDone(tx, c, principal.userId);
        } else {
          const plan = (await repo.plansForCase(tx, c.id)).find((p) => !p.endedOn);
          if (!plan) throw stale(c.id);
          await repo.insertConference(tx, { ...base, planId: plan.id });
          const ends = input.decision === 'end';
          const changes = ends ? { endedOn: input.heldOn, endReason: 'no_longer_at_risk' } : { latestCategory: input.category ?? plan.latestCategory };
          if (!(await repo.updatePlan(tx, plan.id, plan.version, changes))) throw stale(c.id);
          if (ends) await planEnded(tx, c, plan, principal.userId, 'The plan ended at its review conference');
        }
      });
    },

    /**
     * An extra-familial harm plan, from a single joint assessment (with the youth justice service
     * for a child known to both). It can continue past 18, to 25; the case's lead stays.
     */
    async startEfhPlan(principal: Principal, caseId: string, input: { startedOn: string; jointAssessment: string; youthJusticeWorker: string | undefined }) {
      await withCase(principal, caseId, 'cp.decide', 'extra_familial_harm_plan_started', async ({ tx, c, person }) => {
        if (c.closedOn) throw closed(c.id);
        if ((await repo.plansForCase(tx, c.id)).some((p) => !p.endedOn)) throw stale(c.id);
        if (person.dateOfBirth && input.startedOn >= LocalDate.parse(person.dateOfBirth).plusYears(25).toString()) throw stale(c.id);
        await repo.insertPlan(tx, {
          id: randomUUID(), laCode: c.laCode, caseId: c.id, personId: c.personId, kind: 'extra_familial_harm', startedOn: input.startedOn,
          initialCategory: EXTRA_FAMILIAL_HARM, latestCategory: EXTRA_FAMILIAL_HARM, cpLeadUserId: principal.userId, cpLeadName: principal.displayName,
          youthJusticeWorker: input.youthJusticeWorker ?? null, jointAssessment: input.jointAssessment,
        });
      });
    },

    /** A core group meeting: recorded by the family's lead practitioner or the Child Protection Lead Practitioner. */
    async recordCoreGroup(principal: Principal, planId: string, input: { heldOn: string; attendees: string[]; progress: string }) {
      const caseId = await caseOf(principal, (tx) => repo.findPlanById(tx, planId));
      await withCase(principal, caseId, 'record.edit', 'core_group_recorded', async ({ tx, c }) => {
        const plan = await repo.findPlanById(tx, planId);
        if (!plan || plan.endedOn || c.closedOn) throw stale(c.id);
        await repo.insertCoreGroupMeeting(tx, { id: randomUUID(), laCode: c.laCode, planId, ...input, recordedBy: principal.userId, recordedByName: principal.displayName });
      });
      return caseId;
    },

    /** A plan ending other than at a review: the child became looked after, moved away, turned 18. */
    async endPlan(principal: Principal, planId: string, input: { version: number; endedOn: string; reason: string }) {
      const caseId = await caseOf(principal, (tx) => repo.findPlanById(tx, planId));
      await withCase(principal, caseId, 'cp.decide', 'child_protection_plan_ended', async ({ tx, c }) => {
        const plan = await repo.findPlanById(tx, planId);
        if (!plan || plan.endedOn || c.closedOn) throw stale(c.id);
        if (!(await repo.updatePlan(tx, plan.id, input.version, { endedOn: input.endedOn, endReason: input.reason }))) throw stale(c.id);
        await planEnded(tx, c, plan, principal.userId, 'The child protection plan ended');
      });
      return caseId;
    },

    ...harmContexts(context),
    ...sharing(context),
    layer: protectionLayer,
  };

  /** A plan has ended: its core group's sharing ends, and the co-allocation if nothing else is open. */
  async function planEnded(tx: Tx, c: cases.CaseRow, plan: repo.PlanRow, userId: string, reason: string) {
    await repo.endShares(tx, { planId: plan.id }, clock.now(), reason);
    await endCpLeadIfDone(tx, c, plan.cpLeadUserId);
    if (plan.cpLeadUserId !== userId) await endCpLeadIfDone(tx, c, userId);
  }

  /** The enquiry waiting for its initial conference: its outcome was to hold one, and it has not been held. */
  async function awaitingConference(tx: Tx, caseId: string) {
    const enquiries = await repo.enquiriesForCase(tx, caseId);
    const held = new Set((await repo.conferencesForCase(tx, caseId)).map((k) => k.enquiryId));
    return enquiries.find((e) => e.outcome === 'conference' && !held.has(e.id));
  }

  /** A section 47 enquiry makes the child a child in need: early help becomes section 17 from that day, with the same worker. */
  async function toChildInNeed(tx: Tx, principal: Principal, c: cases.CaseRow, from: string) {
    await cases.becomeChildInNeed(tx, c, from, 'A section 47 enquiry started', principal.userId);
  }
}

export type ChildProtectionService = ReturnType<typeof createChildProtectionService>;
