import { randomUUID } from 'node:crypto';
import { LocalDate } from '@js-joda/core';
import { can, mayChangeNote, mayMarkNoteInError, toRecordNote, towardsNote, type Relationship } from '../../platform/access/policy.ts';
import type { Principal } from '../../platform/auth/service.ts';
import { todayInEngland, type Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/client.ts';
import { forbidden, HttpError, notFound } from '../../platform/web/errors.ts';
import { endAllocation } from '../people/allocations.ts';
import { permittedOnly, type PeopleService } from '../people/service.ts';
import type { ClosureReason } from './codes.ts';
import { byUrgency, dueItems, withLayers, type DueItem } from './due.ts';
import { LEAD_CAPACITY } from './front-door.ts';
import { familyCases, openCaseFacts } from './cases-read-model.ts';
import * as repo from './repository.ts';
import type { StatutoryBasis } from './tables.ts';
import type { AssessmentInput, NoteInput } from './case-forms.ts';
import { caseOpener, type CasePermission } from './case-access.ts';
import { readTeamView, type TeamQuery } from './team-view.ts';

/** Someone saved this case first: the page shows what changed. */
export const staleCase = (caseId: string) => new HttpError(409, 'stale_case', 'Someone else changed this case while you were working on it', { backTo: `/cases/${caseId}` });

/** A note saved by someone else since the editor opened it: the conflict page shows both. */
class StaleNote extends Error {
  constructor(readonly current: repo.NoteRow) {
    super('stale note');
  }
}

/** Runs a save of a note: a stale one comes back as the conflict, with the note as it is saved now. */
async function orConflict(save: () => Promise<unknown>): Promise<{ saved: true } | { conflict: repo.NoteRow }> {
  try {
    await save();
    return { saved: true };
  } catch (error) {
    if (error instanceof StaleNote) return { conflict: error.current };
    throw error;
  }
}

/** The case is closed: nothing more is recorded on it. */
const caseClosed = (caseId: string) => new HttpError(409, 'case_closed', 'This case is closed', { backTo: `/cases/${caseId}` });

/**
 * The Family Help case: one continuous case for one child, from the first request to closure.
 * Every read and write goes through the child's record (its access list, the policy and the
 * audit), so a case is exactly as open as the child's record is to the user.
 */
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

export function createCaseService(database: Database, clock: Clock, peopleService: PeopleService, layers: readonly CaseLayer[] = []) {
  const today = () => todayInEngland(clock);

  const openCase = caseOpener(database, peopleService, clock);
  /** The case's child, opened for a purpose: view (allocated, manager) or edit (allocated practitioners). */
  const withCase = <T>(principal: Principal, caseId: string, permission: CasePermission, action: string, fn: (tx: Tx, c: repo.CaseRow) => Promise<T>) =>
    openCase(principal, caseId, permission, action, ({ tx, c }) => fn(tx, c));

  /** Brothers' and sisters' cases, each linked only if this user could open it (never a link to a refusal). */
  async function linkable<T extends { personId: string }>(tx: Tx, principal: Principal, rows: readonly T[]) {
    const openable = await peopleService.openableAmong(tx, principal, rows.map((r) => r.personId));
    return rows.map((r) => ({ ...r, openable: openable.has(r.personId) }));
  }

  /** A note of the case by this user, in any state: nobody else's is theirs to open for changing. */
  async function authorsNote(principal: Principal, caseId: string, noteId: string) {
    const { value, relationships } = await withCase(principal, caseId, 'record.view', 'case_note_opened', async (tx, c) => ({ c, note: await repo.findNote(tx, noteId) }));
    const note = value.note;
    if (!note || note.caseId !== caseId || !can(principal, 'notes.change', towardsNote(note, principal.userId, relationships))) throw notFound();
    return { c: value.c, note };
  }

  /** A wrong note is marked by whoever wrote it (while they may still record on the case) or by the manager who oversees it. */
  const mayMarkInError = (principal: Principal, note: repo.NoteRow, relationships: Relationship[]) =>
    mayMarkNoteInError(principal, note, relationships);

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
      const current = (await repo.assessments(tx, c.id)).find((a) => !a.completedOn);
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
            mayMarkInError: n.state !== 'draft' && !n.recordedInErrorAt && mayMarkInError(principal, n, relationships),
          })),
        canAuthorise: can(principal, 'notes.authorise', { relationships }) && !value.c.closedOn,
        child: { id: person.id, name: `${person.preferredName ?? person.givenNames} ${person.familyName}`, dateOfBirth: person.dateOfBirth },
        due: withLayers(value.facts ? dueItems(value.facts, today()) : [], value.layers.flatMap((l) => l.due)).sort(byUrgency),
        canEdit: can(principal, 'record.edit', { relationships }) && !value.c.closedOn,
        canManage: can(principal, 'case.manage', { relationships }) && !value.c.closedOn,
      };
    },

    async startAssessment(principal: Principal, caseId: string, input: { startedOn: string } = { startedOn: today().toString() }) {
      await withCase(principal, caseId, 'record.edit', 'assessment_started', async (tx, c) => {
        if (c.closedOn) throw caseClosed(c.id);
        if ((await repo.assessments(tx, c.id)).some((a) => !a.completedOn)) return; // already under way
        await repo.insertAssessment(tx, { id: randomUUID(), caseId: c.id, laCode: c.laCode, startedOn: input.startedOn });
      });
    },

    /** Completes the open assessment: its date and what it found. */
    async completeAssessment(principal: Principal, caseId: string, input: Extract<AssessmentInput, { draft: false }>) {
      const { completedOn, factors, childSeen, childSeenAlone, childViews, familyViews, analysis } = input;
      await updateOpenAssessment(principal, caseId, input.version, 'assessment_completed', { completedOn, factors, childSeen, childSeenAlone, childViews, familyViews: familyViews ?? null, analysis });
    },

    /** What the assessment holds so far, kept while it is written over the weeks it takes; it stays open. */
    async saveAssessmentDraft(principal: Principal, caseId: string, input: Extract<AssessmentInput, { draft: true }>) {
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

    /**
     * A case note, visit or (for the manager) management oversight, as a draft or final, with the
     * time spent recording it. Oversight is the manager's; the rest is the allocated workers'.
     */
    async addNote(principal: Principal, caseId: string, input: NoteInput): Promise<string> {
      const id = randomUUID();
      const permission = toRecordNote(input.kind);
      await withCase(principal, caseId, permission, 'case_note_added', async (tx, c) => {
        if (c.closedOn) throw caseClosed(c.id);
        const at = clock.now();
        await repo.insertNote(tx, {
          id,
          caseId: c.id,
          laCode: c.laCode,
          kind: input.kind,
          occurredOn: input.occurredOn,
          title: input.title,
          body: input.body,
          childSeen: input.childSeen ?? null,
          childSeenAlone: input.childSeenAlone ?? null,
          state: input.state,
          authorId: principal.userId,
          authorName: principal.displayName,
          createdAt: at,
          updatedAt: at,
          finalisedAt: input.state === 'final' ? at : null,
          recordingSeconds: input.recordingSeconds,
        });
      });
      return id;
    },

    /** A draft, for its author to carry on with. Nobody else edits it, and a final note is not edited. */
    async noteForEditing(principal: Principal, caseId: string, noteId: string) {
      const found = await authorsNote(principal, caseId, noteId);
      if (found.note.state !== 'draft') throw notFound();
      return found;
    },

    /**
     * The note a save was made to, whatever became of it since the form was opened: a draft saved
     * as final in another tab still takes the author to the conflict page with what they typed.
     */
    noteForSaving: (principal: Principal, caseId: string, noteId: string) => authorsNote(principal, caseId, noteId),

    /** A final note for its author to amend, with what it said before. Not one recorded in error. */
    async noteForAmending(principal: Principal, caseId: string, noteId: string) {
      const found = await authorsNote(principal, caseId, noteId);
      if (found.note.state === 'draft' || found.note.recordedInErrorAt) throw notFound();
      return found;
    },

    /**
     * Amends a final note: what it said is kept, with who amended it, when and why, and shown in
     * its history. An authorised note amended is final again, for its manager to authorise anew.
     */
    async amendNote(principal: Principal, caseId: string, noteId: string, input: NoteInput & { reason: string }): Promise<{ saved: true } | { conflict: repo.NoteRow }> {
      const permission = toRecordNote(input.kind);
      return orConflict(() =>
        withCase(principal, caseId, permission, 'case_note_amended', async (tx, c) => {
          if (c.closedOn) throw caseClosed(c.id);
          const note = await repo.findNote(tx, noteId);
          if (!note || note.caseId !== c.id || !can(principal, 'notes.change', towardsNote(note, principal.userId)) || note.state === 'draft' || note.recordedInErrorAt) throw notFound();
          if (note.version !== input.version) throw new StaleNote(note);
          const at = clock.now();
          await repo.insertNoteAmendment(tx, {
            id: randomUUID(),
            laCode: c.laCode,
            noteId: note.id,
            replacedVersion: note.version,
            occurredOn: note.occurredOn,
            title: note.title,
            body: note.body,
            childSeen: note.childSeen,
            childSeenAlone: note.childSeenAlone,
            amendedAt: at,
            amendedBy: principal.userId,
            amendedByName: principal.displayName,
            reason: input.reason,
          });
          const saved = await repo.updateNote(tx, note.id, input.version, {
            occurredOn: input.occurredOn,
            title: input.title,
            body: input.body,
            childSeen: input.childSeen ?? null,
            childSeenAlone: input.childSeenAlone ?? null,
            state: 'final',
            authorisedAt: null,
            authorisedBy: null,
            authorisedByName: null,
            updatedAt: at,
            amendedAt: at,
            recordingSeconds: note.recordingSeconds + input.recordingSeconds,
          });
          if (!saved) throw new StaleNote((await repo.findNote(tx, noteId))!);
        }),
      );
    },

    /** A final note for its author, or the manager, to mark as recorded in error. */
    async noteForMarking(principal: Principal, caseId: string, noteId: string) {
      const { value, relationships } = await withCase(principal, caseId, 'record.view', 'case_note_opened', async (tx, c) => ({ c, note: await repo.findNote(tx, noteId) }));
      const note = value.note;
      if (!note || note.caseId !== caseId || note.state === 'draft' || note.recordedInErrorAt || !mayMarkInError(principal, note, relationships)) throw notFound();
      return { c: value.c, note };
    },

    /**
     * Marks a note recorded in error (the wrong child, the wrong case): it stays on the record,
     * marked, with who marked it and why, and counts for nothing — not a visit, not in the chronology.
     */
    async markNoteInError(principal: Principal, caseId: string, noteId: string, input: { version: number; reason: string }) {
      await openCase(principal, caseId, 'record.view', 'case_note_recorded_in_error', async ({ tx, c, relationships }) => {
        const note = await repo.findNote(tx, noteId);
        if (!note || note.caseId !== c.id || note.state === 'draft' || !mayMarkInError(principal, note, relationships)) throw notFound();
        if (note.recordedInErrorAt || note.version !== input.version) throw staleCase(c.id);
        const done = await repo.updateNote(tx, note.id, input.version, {
          recordedInErrorAt: clock.now(),
          recordedInErrorBy: principal.userId,
          recordedInErrorByName: principal.displayName,
          recordedInErrorReason: input.reason,
        });
        if (!done) throw staleCase(c.id);
      });
    },

    /** Saves a draft from the version its author saw: a stale save changes nothing and comes back with both versions. */
    async saveNote(principal: Principal, caseId: string, noteId: string, input: NoteInput): Promise<{ saved: true } | { conflict: repo.NoteRow }> {
      const permission = toRecordNote(input.kind);
      return orConflict(() =>
        withCase(principal, caseId, permission, 'case_note_saved', async (tx, c) => {
          const note = await repo.findNote(tx, noteId);
          if (!note || note.caseId !== c.id || !can(principal, 'notes.change', towardsNote(note, principal.userId))) throw notFound();
          if (note.version !== input.version || note.state !== 'draft') throw new StaleNote(note);
          const at = clock.now();
          const saved = await repo.updateNote(tx, note.id, input.version, {
            occurredOn: input.occurredOn,
            title: input.title,
            body: input.body,
            childSeen: input.childSeen ?? null,
            childSeenAlone: input.childSeenAlone ?? null,
            state: input.state,
            updatedAt: at,
            finalisedAt: input.state === 'final' ? at : null,
            recordingSeconds: note.recordingSeconds + input.recordingSeconds,
          });
          if (!saved) throw new StaleNote((await repo.findNote(tx, noteId))!);
        }),
      );
    },

    /** The manager authorises a final note on their team's case. */
    async authoriseNote(principal: Principal, caseId: string, noteId: string, version: number) {
      await withCase(principal, caseId, 'notes.authorise', 'case_note_authorised', async (tx, c) => {
        const note = await repo.findNote(tx, noteId);
        if (!note || note.caseId !== c.id) throw notFound();
        if (note.state !== 'final' || note.recordedInErrorAt) throw new HttpError(409, 'stale_case', 'Only a final note can be authorised', { backTo: `/cases/${c.id}` });
        const done = await repo.updateNote(tx, note.id, version, { state: 'authorised', authorisedAt: clock.now(), authorisedBy: principal.userId, authorisedByName: principal.displayName });
        if (!done) throw staleCase(c.id);
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
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
