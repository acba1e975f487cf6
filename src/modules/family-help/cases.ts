import { randomUUID } from 'node:crypto';
import { LocalDate } from '@js-joda/core';
import { can, mayChangeNote, mayMarkNoteInError, towardsNote } from '../../platform/access/policy.ts';
import type { Principal } from '../../platform/auth/service.ts';
import { todayInEngland, type Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/client.ts';
import { forbidden, HttpError, notFound } from '../../platform/web/errors.ts';
import { endAllocation } from '../people/allocations.ts';
import { permittedOnly, type PeopleService } from '../people/service.ts';
import type { AssessmentFactor, ClosureReason } from './codes.ts';
import { byUrgency, dueItems, withLayers, type DueItem } from './due.ts';
import { LEAD_CAPACITY } from './front-door.ts';
import { familyCases, openCaseFacts } from './cases-read-model.ts';
import * as repo from './repository.ts';
import type { StatutoryBasis } from './tables.ts';
import { caseOpener, onCase } from './case-access.ts';
import { caseClosed, staleCase } from './case-errors.ts';
import { createCaseNotes } from './case-notes.ts';
import { readTeamView, type TeamQuery } from './team-view.ts';

/** Runs one after another: a transaction is one connection, which must not be sent queries at once. */
async function inTurn<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

/**
 * Another module's layer on the case (child protection, later family networks and care): what the
 * case page shows of it, what is due in it, and why the case cannot close while it is open.
 * Read inside the case's own transaction, so under the same access check and audit.
 */
export interface CaseLayer {
  summary(tx: Tx, c: repo.CaseRow, today: LocalDate): Promise<{ id: string; title: string; href: string; lines: string[]; due: DueItem[] } | undefined>;
  closeBlocker(tx: Tx, caseId: string): Promise<string | undefined>;
  /** What is due in the layer for a worker's My work (cases they lead or co-work) or a manager's teams. */
  due(tx: Tx, where: { userId: string } | { teamIds: readonly string[] }, today: LocalDate): Promise<DueItem[]>;
}

/** The case's open assessment, if one is under way (one at a time): the case page, its forms and the service all read it here. */
export const openAssessmentOf = <A extends { completedOn: string | null }>(assessments: readonly A[]) => assessments.find((a) => !a.completedOn);

/** The statutory basis the help is on now, or for a closed case the one it closed on. */
export const basisNowOf = <B extends { toDate: string | null }>(history: readonly B[]) => history.find((b) => !b.toDate) ?? history.at(-1);

/** A completed assessment, as the service takes it. */
export interface CompletedAssessment {
  version: number;
  completedOn: string;
  factors: AssessmentFactor[];
  childSeen: boolean;
  childSeenAlone: boolean;
  childViews: string;
  familyViews: string | undefined;
  analysis: string;
}

/** What an assessment holds so far, kept as a draft: nothing is required yet. */
export interface AssessmentDraft {
  version: number;
  factors: AssessmentFactor[];
  childSeen: boolean | undefined;
  childSeenAlone: boolean | undefined;
  childViews: string | undefined;
  familyViews: string | undefined;
  analysis: string | undefined;
}

/**
 * The Family Help case: one continuous case for one child, from the first request to closure.
 * Every read and write goes through the child's record (its access list, the policy and the
 * audit), so a case is exactly as open as the child's record is to the user. Recording on the
 * case (notes, visits, oversight) is in `case-notes.ts`.
 */
export function createCaseService(database: Database, clock: Clock, peopleService: PeopleService, layers: readonly CaseLayer[] = []) {
  const today = () => todayInEngland(clock);

  const openCase = caseOpener(database, peopleService, clock);
  /** The case's child, opened for a purpose: view (allocated, manager) or edit (allocated practitioners). */
  const withCase = onCase(openCase);

  /** Brothers' and sisters' cases, each linked only if this user could open it (never a link to a refusal). */
  async function linkable<T extends { personId: string }>(tx: Tx, principal: Principal, rows: readonly T[]) {
    const openable = await peopleService.openableAmong(tx, principal, rows.map((r) => r.personId));
    return rows.map((r) => ({ ...r, openable: openable.has(r.personId) }));
  }

  /** Changes to an open case that are its lead's to make (or their manager's), from the version the editor saw. */
  async function changeCase(principal: Principal, caseId: string, version: number, action: string, fn: (tx: Tx, c: repo.CaseRow) => Promise<Partial<repo.CaseInsert>>) {
    await withCase(principal, caseId, 'case.manage', action, async (tx, c) => {
      if (c.closedOn) throw caseClosed(c.id);
      const changes = await fn(tx, c);
      if (!(await repo.updateCase(tx, c.id, version, changes))) throw staleCase(c.id);
    });
  }

  /** Changes the case's open assessment from the version the practitioner saw: a stale save changes nothing. */
  async function updateOpenAssessment(principal: Principal, caseId: string, version: number, action: string, changes: Parameters<typeof repo.updateAssessment>[3]) {
    await withCase(principal, caseId, 'record.edit', action, async (tx, c) => {
      if (c.closedOn) throw caseClosed(c.id);
      const current = openAssessmentOf(await repo.assessments(tx, c.id));
      if (!current) throw notFound();
      if (!(await repo.updateAssessment(tx, current.id, version, changes))) throw staleCase(c.id);
    });
  }

  return {
    /** Everything on the case page. Audited as a view of the child's record. */
    async view(principal: Principal, caseId: string) {
      const { person, relationships, value } = await withCase(principal, caseId, 'record.view', 'case_viewed', async (tx, c) => {
        const assessments = await repo.assessments(tx, c.id);
        const plan = await repo.currentPlan(tx, c.id);
        return {
          c,
          basis: await repo.basisHistory(tx, c.id),
          assessments,
          plan: plan ? { ...plan, ...(await repo.planDetails(tx, plan.id)) } : undefined,
          notes: await repo.notes(tx, c.id),
          amendments: await repo.noteAmendments(tx, c.id),
          financialHelp: await repo.financialHelpGiven(tx, c.id),
          requests: await repo.requestsForPerson(tx, c.personId),
          team: await repo.findTeam(tx, c.teamId),
          family: await linkable(tx, principal, await familyCases(tx, c.familyId, c)),
          facts: (await openCaseFacts(tx, { caseId: c.id }))[0],
          layers: (await inTurn(layers, (l) => l.summary(tx, c, today()))).filter((l) => l !== undefined),
        };
      });
      return {
        ...value,
        // A draft is its author's until it is final; a final note carries what it said before each amendment.
        notes: value.notes
          .filter((n) => n.state !== 'draft' || can(principal, 'notes.draft', towardsNote(n, principal.userId, relationships)))
          .map((n) => ({
            ...n,
            history: value.amendments.filter((a) => a.noteId === n.id),
            mayAmend: !value.c.closedOn && n.state !== 'draft' && !n.recordedInErrorAt && mayChangeNote(principal, n, relationships),
            mayCarryOn: n.state === 'draft' && can(principal, 'notes.change', towardsNote(n, principal.userId, relationships)),
            mayMarkInError: n.state !== 'draft' && !n.recordedInErrorAt && mayMarkNoteInError(principal, n, relationships),
          })),
        canAuthorise: can(principal, 'notes.authorise', { relationships }) && !value.c.closedOn,
        child: { id: person.id, name: `${person.preferredName ?? person.givenNames} ${person.familyName}`, dateOfBirth: person.dateOfBirth },
        due: withLayers(value.facts ? dueItems(value.facts, today()) : [], value.layers.flatMap((l) => l.due)).sort(byUrgency),
        canEdit: can(principal, 'record.edit', { relationships }) && !value.c.closedOn,
        canManage: can(principal, 'case.manage', { relationships }) && !value.c.closedOn,
        // What is open now, read once here for the case page and its forms.
        openAssessment: openAssessmentOf(value.assessments),
        lastCompletedAssessment: value.assessments.filter((a) => a.completedOn).at(-1),
        basisNow: basisNowOf(value.basis),
        currentBasis: basisNowOf(value.basis)?.basis ?? 'early_help',
      };
    },

    async startAssessment(principal: Principal, caseId: string, input: { startedOn: string } = { startedOn: today().toString() }) {
      await withCase(principal, caseId, 'record.edit', 'assessment_started', async (tx, c) => {
        if (c.closedOn) throw caseClosed(c.id);
        if (openAssessmentOf(await repo.assessments(tx, c.id))) return; // already under way
        await repo.insertAssessment(tx, { id: randomUUID(), caseId: c.id, laCode: c.laCode, startedOn: input.startedOn });
      });
    },

    /** Completes the open assessment: its date and what it found. */
    async completeAssessment(principal: Principal, caseId: string, input: CompletedAssessment) {
      const { completedOn, factors, childSeen, childSeenAlone, childViews, familyViews, analysis } = input;
      await updateOpenAssessment(principal, caseId, input.version, 'assessment_completed', { completedOn, factors, childSeen, childSeenAlone, childViews, familyViews: familyViews ?? null, analysis });
    },

    /** What the assessment holds so far, kept while it is written over the weeks it takes; it stays open. */
    async saveAssessmentDraft(principal: Principal, caseId: string, input: AssessmentDraft) {
      const { factors, childSeen, childSeenAlone, childViews, familyViews, analysis } = input;
      await updateOpenAssessment(principal, caseId, input.version, 'assessment_draft_saved', {
        factors,
        childSeen: childSeen ?? null,
        childSeenAlone: childSeenAlone ?? null,
        childViews: childViews ?? null,
        familyViews: familyViews ?? null,
        analysis: analysis ?? null,
      });
    },

    async agreePlan(principal: Principal, caseId: string, input: { startedOn: string; goals: string[]; actions: { action: string; ownerKind: 'family' | 'practitioner' | 'partner'; ownerName: string }[] }) {
      await withCase(principal, caseId, 'record.edit', 'plan_agreed', async (tx, c) => {
        if (c.closedOn) throw caseClosed(c.id);
        await repo.endPlans(tx, c.id, input.startedOn); // a new plan replaces the old one
        const planId = randomUUID();
        await repo.insertPlan(
          tx,
          { id: planId, caseId: c.id, laCode: c.laCode, startedOn: input.startedOn },
          input.goals.map((goal, position) => ({ id: randomUUID(), planId, laCode: c.laCode, position, goal })),
          input.actions.map((a, position) => ({ id: randomUUID(), planId, laCode: c.laCode, position, ...a })),
        );
      });
    },

    async reviewPlan(principal: Principal, caseId: string, input: { reviewedOn: string; progress: string; childViews: string | undefined; familyViews: string | undefined }) {
      await withCase(principal, caseId, 'record.edit', 'plan_reviewed', async (tx, c) => {
        if (c.closedOn) throw caseClosed(c.id);
        const plan = await repo.currentPlan(tx, c.id);
        if (!plan) throw notFound();
        await repo.insertReview(tx, {
          id: randomUUID(),
          planId: plan.id,
          laCode: c.laCode,
          reviewedOn: input.reviewedOn,
          progress: input.progress,
          childViews: input.childViews ?? null,
          familyViews: input.familyViews ?? null,
          recordedBy: principal.userId,
          recordedByName: principal.displayName,
        });
      });
    },

    /** Early help ↔ child in need: the case stays open and the lead practitioner stays. */
    async changeBasis(principal: Principal, caseId: string, input: { version: number; basis: StatutoryBasis; fromDate: string; reason: string }) {
      await changeCase(principal, caseId, input.version, 'case_basis_changed', async (tx, c) => {
        await repo.endCurrentBasis(tx, c.id, LocalDate.parse(input.fromDate).minusDays(1).toString());
        await repo.insertBasis(tx, { id: randomUUID(), caseId: c.id, laCode: c.laCode, basis: input.basis, fromDate: input.fromDate, reason: input.reason, recordedBy: principal.userId });
        return {};
      });
    },

    async updateSupport(principal: Principal, caseId: string, input: { version: number; disabilityNeeds: string | null; moneyWorries: boolean }) {
      await changeCase(principal, caseId, input.version, 'case_support_changed', () => Promise.resolve({ disabilityNeeds: input.disabilityNeeds, moneyWorries: input.moneyWorries }));
    },

    async recordFinancialHelp(principal: Principal, caseId: string, input: { givenOn: string; amountPence: number; kind: string; note: string | undefined }) {
      await withCase(principal, caseId, 'record.edit', 'financial_help_recorded', async (tx, c) => {
        if (c.closedOn) throw caseClosed(c.id);
        await repo.insertFinancialHelp(tx, { id: randomUUID(), caseId: c.id, laCode: c.laCode, givenOn: input.givenOn, amountPence: input.amountPence, kind: input.kind, note: input.note ?? null, recordedBy: principal.userId });
      });
    },

    async close(principal: Principal, caseId: string, input: { version: number; closedOn: string; reason: ClosureReason }) {
      await changeCase(principal, caseId, input.version, 'case_closed', async (tx, c) => {
        for (const layer of layers) {
          const reason = await layer.closeBlocker(tx, c.id);
          if (reason) throw new HttpError(409, 'case_open_work', reason, { reason, backTo: `/cases/${c.id}` });
        }
        await repo.endCurrentBasis(tx, c.id, input.closedOn);
        await repo.endPlans(tx, c.id, input.closedOn);
        // The lead's allocation ends the day the closure is recorded (the help may have ended earlier).
        await endAllocation(tx, { personId: c.personId, userId: c.leadPractitionerId, capacity: LEAD_CAPACITY }, today().toString());
        return { closedOn: input.closedOn, closureReason: input.reason };
      });
    },

    /** A practitioner's open cases and what is due on each, overdue first. */
    async myWork(principal: Principal) {
      return database.tenant(principal.laCode, async (tx) => {
        const facts = await openCaseFacts(tx, { leadPractitionerId: principal.userId });
        const now = today();
        const layered = await inTurn(layers, (l) => l.due(tx, { userId: principal.userId }, now));
        const due = await permittedOnly(tx, principal, 'work.own.view', withLayers(facts.flatMap((f) => dueItems(f, now)), layered.flat()), (d) => d.personId);
        return { cases: facts, due: due.sort(byUrgency) };
      });
    },

    /** A manager's teams: their open cases, filtered, sorted and paged (`team-view.ts`; the route audits the view). */
    async teamView(principal: Principal, query: TeamQuery) {
      if (!can(principal, 'team.view')) throw forbidden();
      return database.tenant(principal.laCode, (tx) => readTeamView(tx, principal, query, today(), layers));
    },

    ...createCaseNotes(clock, openCase),
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
