import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { badForm, errorList, notFound } from '../../../../platform/web/errors.ts';
import { readVersion } from '../../../../platform/web/form-fields.ts';
import { NOTE_KIND_LABELS } from '../../case-codes.ts';
import { caseId, type CaseView } from '../case-form.ts';
import { amendForm, noteForm, noteFrom } from './note-form.ts';
import { YES_NO_OPTIONS } from '../../../../platform/web/form.ts';

const noteIds = z.object({ id: z.uuid(), noteId: z.uuid() });

/** The case and note a page is about, from its path (anything but ids is not a page). */
export function notePath(params: unknown) {
  const parsed = noteIds.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** A saved note as its form's values. */
function noteValues(note: { version: number; kind: string; occurredOn: string; title: string; body: string; childSeen: boolean | null; childSeenAlone: boolean | null }) {
  const [year, month, day] = note.occurredOn.split('-');
  const yesNo = (v: boolean | null) => (v === null ? undefined : v ? 'yes' : 'no');
  return {
    version: String(note.version),
    kind: note.kind,
    'occurred-day': String(Number(day)),
    'occurred-month': String(Number(month)),
    'occurred-year': year,
    title: note.title,
    body: note.body,
    childSeen: yesNo(note.childSeen),
    childSeenAlone: yesNo(note.childSeenAlone),
  };
}

/**
 * Recording: notes, visits and management oversight; drafts carried on by their author; a stale
 * save gets both versions side by side; a final note amended, with why; the manager authorises.
 */
export function notePages(app: FastifyInstance, deps: Deps) {
  const forms = (c: { referralDate: string }) => [c.referralDate, todayInEngland(deps.clock), deps.clock.now()] as const;
  const show = (reply: FastifyReply, view: CaseView | { c: CaseView['c']; child?: CaseView['child'] }, context: Record<string, unknown>) =>
    reply.page('modules/family-help/pages/note/note.njk', {
      pageTitle: context['amend'] ? 'Amend the note' : 'Record a note',
      backLink: `/cases/${view.c.id}`,
      caseId: view.c.id,
      kindLabels: NOTE_KIND_LABELS,
      yesNo: YES_NO_OPTIONS,
      openedAt: deps.clock.now().getTime(),
      values: {},
      ...context,
    });
  /** Shows the form again with what was sent and its problems, in page order. */
  const refused = (reply: FastifyReply, view: Parameters<typeof show>[1], issues: readonly z.core.$ZodIssue[], fields: readonly string[], context: Record<string, unknown>) => {
    const { list, byField } = errorList(issues, fields);
    return show(reply.code(400), view, { ...context, openedAt: (context['values'] as Record<string, unknown>)['openedAt'], errorList: list, errors: byField });
  };

  /** Notes are the allocated workers'; management oversight is the manager's. Anyone else is told the form is not there. */
  const mayRecord = (view: CaseView, kind: unknown) => (kind === 'management_oversight' ? view.canAuthorise : view.canEdit);

  app.get('/cases/:id/notes/new', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const view = await deps.cases.view(request.principal!, caseId(request.params));
    const kind = (request.query as Record<string, unknown>)['kind'];
    const oversight = kind === 'management_oversight';
    if (!mayRecord(view, kind)) throw notFound();
    return show(reply, view, { values: { kind: oversight ? 'management_oversight' : kind === 'visit' ? 'visit' : 'case_note' } });
  });

  app.post('/cases/:id/notes', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const id = caseId(request.params);
    const view = await deps.cases.view(request.principal!, id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!mayRecord(view, body['kind'])) throw notFound();
    const form = noteForm(...forms(view.c));
    const parsed = form.safeParse(body);
    if (!parsed.success) return refused(reply, view, parsed.error.issues, form.fields, { values: body });
    await deps.cases.addNote(request.principal!, id, noteFrom(parsed.data, parsed.data.state));
    return reply.redirect(`/cases/${id}?saved=${parsed.data.state === 'final' ? 'note' : 'draft'}#notes`, 303);
  });

  app.get('/cases/:id/notes/:noteId', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const { id, noteId } = notePath(request.params);
    const { c, note } = await deps.cases.noteForEditing(request.principal!, id, noteId);
    return show(reply, { c }, { note, values: noteValues(note) });
  });

  app.post('/cases/:id/notes/:noteId', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const { id, noteId } = notePath(request.params);
    // Whatever became of the draft since this form was opened (saved as final in another tab), what was typed comes back.
    const { c, note } = await deps.cases.noteForSaving(request.principal!, id, noteId);
    const body = { ...((request.body ?? {}) as Record<string, unknown>), kind: note.kind };
    const form = noteForm(...forms(c));
    const parsed = form.safeParse(body);
    if (!parsed.success) return refused(reply, { c }, parsed.error.issues, form.fields, { note, values: body });
    const result = await deps.cases.saveNote(request.principal!, c.id, note.id, noteFrom(parsed.data, parsed.data.state));
    if ('saved' in result) return reply.redirect(`/cases/${c.id}?saved=${parsed.data.state === 'final' ? 'note' : 'draft'}#notes`, 303);
    // Both versions: what is saved now, and what this save would have written; the form carries the new version.
    return show(reply.code(409), { c }, { note: result.conflict, conflict: result.conflict, amend: result.conflict.state !== 'draft', values: { ...body, version: String(result.conflict.version) } });
  });

  // Correcting the record: a final note is amended (what it said is kept, with why), or marked as recorded in error (note-in-error/).
  app.get('/cases/:id/notes/:noteId/amend', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const { id, noteId } = notePath(request.params);
    const { c, note } = await deps.cases.noteForAmending(request.principal!, id, noteId);
    return show(reply, { c }, { note, amend: true, values: noteValues(note) });
  });

  app.post('/cases/:id/notes/:noteId/amend', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const { id, noteId } = notePath(request.params);
    const { c, note } = await deps.cases.noteForAmending(request.principal!, id, noteId);
    const body = { ...((request.body ?? {}) as Record<string, unknown>), kind: note.kind };
    const form = amendForm(...forms(c));
    const parsed = form.safeParse(body);
    if (!parsed.success) return refused(reply, { c }, parsed.error.issues, form.fields, { note, amend: true, values: body });
    const result = await deps.cases.amendNote(request.principal!, c.id, note.id, { ...noteFrom(parsed.data, 'final'), reason: parsed.data.reason });
    if ('saved' in result) return reply.redirect(`/cases/${c.id}?saved=amended#notes`, 303);
    return show(reply.code(409), { c }, { note: result.conflict, conflict: result.conflict, amend: true, values: { ...body, version: String(result.conflict.version) } });
  });

  app.post('/cases/:id/notes/:noteId/authorise', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const { id, noteId } = notePath(request.params);
    const version = readVersion(((request.body ?? {}) as Record<string, unknown>)['version']);
    if (version === undefined) throw badForm();
    await deps.cases.authoriseNote(request.principal!, id, noteId, version);
    return reply.redirect(`/cases/${id}?saved=authorised#notes`, 303);
  });
}
