import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { errorList } from '../../../../platform/web/errors.ts';
import { defineForm, text } from '../../../../platform/web/form.ts';
import { versionOrNew } from '../fields.ts';
import { notePath } from '../note/note.ts';

/** Why a final note is marked as recorded in error: kept with it for anyone who reads it later. */
export const inErrorForm = () =>
  defineForm({
    version: versionOrNew,
    reason: text('why the note was recorded in error', { required: true, max: 2000 }),
  });

/** Marking a note as recorded in error (the wrong child, the wrong case): by its author, or the manager who oversees it. */
export function noteInErrorPage(app: FastifyInstance, deps: Deps) {
  const show = (reply: FastifyReply, c: { id: string }, note: { id: string; title: string; version: number; occurredOn: string }, context: Record<string, unknown>) =>
    reply.page('modules/family-help/pages/note-in-error/note-in-error.njk', { pageTitle: 'Mark a note as recorded in error', backLink: `/cases/${c.id}#notes`, caseId: c.id, note, values: { version: String(note.version) }, ...context });

  app.get('/cases/:id/notes/:noteId/in-error', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const { id, noteId } = notePath(request.params);
    const { c, note } = await deps.cases.noteForMarking(request.principal!, id, noteId);
    return show(reply, c, note, {});
  });

  app.post('/cases/:id/notes/:noteId/in-error', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const { id, noteId } = notePath(request.params);
    const { c, note } = await deps.cases.noteForMarking(request.principal!, id, noteId);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = inErrorForm();
    const parsed = form.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, form.fields);
      return show(reply.code(400), c, note, { values: body, errorList: list, errors: byField });
    }
    await deps.cases.markNoteInError(request.principal!, c.id, note.id, parsed.data);
    return reply.redirect(`/cases/${c.id}?saved=in-error#notes`, 303);
  });
}
