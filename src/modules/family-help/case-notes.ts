import { randomUUID } from 'node:crypto';
import { can, mayMarkNoteInError, toRecordNote, towardsNote } from '../../platform/access/policy.ts';
import type { Principal } from '../../platform/auth/service.ts';
import type { Clock } from '../../platform/clock.ts';
import { HttpError, notFound } from '../../platform/web/errors.ts';
import { onCase, type CaseOpener } from './case-access.ts';
import type { NoteKind } from './case-codes.ts';
import { caseClosed, staleCase } from './case-errors.ts';
import * as repo from './repository.ts';

/**
 * Recording on a case: notes, visits and management oversight; drafts carried on by their author;
 * a stale save comes back with both versions; a final note amended (what it said kept, with why)
 * or marked as recorded in error; the manager authorises.
 */

/** A note as its form gives it: the kind, the date, what happened, for a visit whether the child was seen (and alone), and the time spent recording. */
export interface NoteInput {
  /** The version the author saw (0 for a new note). */
  version: number;
  kind: NoteKind;
  occurredOn: string;
  title: string;
  body: string;
  childSeen: boolean | undefined;
  childSeenAlone: boolean | undefined;
  state: 'draft' | 'final';
  recordingSeconds: number;
}

/** What a note says, as it is stored: its date, title and text, and for a visit whether the child was seen (and alone). */
const noteContent = (note: { occurredOn: string; title: string; body: string; childSeen?: boolean | null | undefined; childSeenAlone?: boolean | null | undefined }) => ({
  occurredOn: note.occurredOn,
  title: note.title,
  body: note.body,
  childSeen: note.childSeen ?? null,
  childSeenAlone: note.childSeenAlone ?? null,
});

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

/** The note functions of the case service (`createCaseService`). */
export function createCaseNotes(clock: Clock, openCase: CaseOpener) {
  const withCase = onCase(openCase);

  /** A note of the case by this user, in any state: nobody else's is theirs to open for changing. */
  async function authorsNote(principal: Principal, caseId: string, noteId: string) {
    const { value, relationships } = await withCase(principal, caseId, 'record.view', 'case_note_opened', async (tx, c) => ({ c, note: await repo.findNote(tx, noteId) }));
    const note = value.note;
    if (!note || note.caseId !== caseId || !can(principal, 'notes.change', towardsNote(note, principal.userId, relationships))) throw notFound();
    return { c: value.c, note };
  }

  return {
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
          ...noteContent(input),
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
            ...noteContent(note),
            amendedAt: at,
            amendedBy: principal.userId,
            amendedByName: principal.displayName,
            reason: input.reason,
          });
          const saved = await repo.updateNote(tx, note.id, input.version, {
            ...noteContent(input),
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
      if (!note || note.caseId !== caseId || note.state === 'draft' || note.recordedInErrorAt || !mayMarkNoteInError(principal, note, relationships)) throw notFound();
      return { c: value.c, note };
    },

    /**
     * Marks a note recorded in error (the wrong child, the wrong case): it stays on the record,
     * marked, with who marked it and why, and counts for nothing — not a visit, not in the chronology.
     */
    async markNoteInError(principal: Principal, caseId: string, noteId: string, input: { version: number; reason: string }) {
      await openCase(principal, caseId, 'record.view', 'case_note_recorded_in_error', async ({ tx, c, relationships }) => {
        const note = await repo.findNote(tx, noteId);
        if (!note || note.caseId !== c.id || note.state === 'draft' || !mayMarkNoteInError(principal, note, relationships)) throw notFound();
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
            ...noteContent(input),
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
  };
}
