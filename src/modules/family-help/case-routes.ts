import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import type { Principal } from '../../platform/auth/service.ts';
import { todayInEngland } from '../../platform/clock.ts';
import { badForm, errorList, notFound } from '../../platform/web/errors.ts';
import { readVersion } from '../../platform/web/form-fields.ts';
import { pageForm } from '../../platform/web/page-form.ts';
import { formatDate } from '../../platform/web/views.ts';
import { ASSESSMENT_FACTORS, CLOSURE_REASONS, PRIMARY_NEEDS, REFERRAL_SOURCES } from './codes.ts';
import {
  FINANCIAL_HELP_FIELDS,
  FINANCIAL_HELP_KINDS,
  financialHelpForm,
  SUPPORT_FIELDS,
  supportForm,
  NOTE_FIELDS,
  NOTE_KIND_LABELS,
  noteForm,
  noteReasonForm,
  ASSESSMENT_FIELDS,
  assessmentForm, ASSESSMENT_START_FIELDS, assessmentStartForm, BASIS_FIELDS, basisForm, CLOSE_FIELDS, closeForm, OWNER_LABELS, PLAN_FIELDS, PLAN_ROWS, planForm, REVIEW_FIELDS, reviewForm, type CaseDates } from './case-forms.ts';
import { BASIS_LABELS, DECISION_LABELS } from './decision-form.ts';

const idParams = z.object({ id: z.uuid() });
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, text]) => ({ value, text }));

/** The Family Help case page and its forms: assessment, plan, review, basis, closure, and recording. */
export function caseRoutes(app: FastifyInstance, deps: Deps) {
  const caseId = (params: unknown) => {
    const parsed = idParams.safeParse(params);
    if (!parsed.success) throw notFound();
    return parsed.data.id;
  };
  type CaseView = Awaited<ReturnType<Deps['cases']['view']>>;
  const datesFor = (view: CaseView, started?: string | null): CaseDates => ({
    today: todayInEngland(deps.clock),
    referralDate: view.c.referralDate,
    referralSays: formatDate(view.c.referralDate),
    startedOn: started ?? undefined,
    startedSays: started ? formatDate(started) : undefined,
  });
  /** The basis now, or for a closed case the one it closed on. */
  const currentBasisRow = (view: CaseView) => view.basis.find((b) => !b.toDate) ?? view.basis.at(-1);
  const currentBasis = (view: CaseView) => currentBasisRow(view)?.basis ?? 'early_help';
  const openAssessment = (view: CaseView) => view.assessments.find((a) => !a.completedOn);
  const lastCompleted = (view: CaseView) => view.assessments.filter((a) => a.completedOn).at(-1);

  app.get('/cases/:id', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const view = await deps.cases.view(request.principal!, caseId(request.params));
    const query = request.query as Record<string, unknown>;
    return reply.page('modules/family-help/pages/case.njk', {
      pageTitle: `Family Help: ${view.child.name}`,
      backLink: `/people/${view.child.id}`,
      ...view,
      currentBasis: currentBasis(view),
      openAssessment: openAssessment(view),
      basisLabels: BASIS_LABELS,
      needLabels: PRIMARY_NEEDS,
      closureLabels: CLOSURE_REASONS,
      factorLabels: ASSESSMENT_FACTORS,
      sourceLabels: REFERRAL_SOURCES,
      decisionLabels: DECISION_LABELS,
      ownerLabels: OWNER_LABELS,
      noteKinds: NOTE_KIND_LABELS,
      financialKinds: FINANCIAL_HELP_KINDS,
      saved: typeof query['saved'] === 'string' ? query['saved'] : undefined,
      opened: query['opened'] === '1',
    });
  });

  /** Each case form: one GET and one POST (`pageForm`), for the case's allocated workers or its lead. */
  function caseForm<T>(path: string, spec: {
    template: string;
    title: string;
    fields: readonly string[];
    context: (view: CaseView) => Record<string, unknown>;
    schema: (view: CaseView) => z.ZodType<T>;
    /** Saves; a form with more than one way to save (a draft) returns which, for the banner. */
    save: (deps: Deps, principal: Principal, id: string, input: T) => Promise<string | void>;
    saved: string;
    /** Whose form it is: the allocated workers' (the default), or the case lead's (basis, support, closure). */
    right?: 'canEdit' | 'canManage';
  }) {
    pageForm(app, {
      path: `/cases/:id/${path}`,
      permission: 'record.open',
      load: (principal, request) => deps.cases.view(principal, caseId(request.params)),
      allowed: (view) => view[spec.right ?? 'canEdit'],
      template: `modules/family-help/pages/${spec.template}.njk`,
      title: spec.title,
      fields: spec.fields,
      context: (view) => ({ backLink: `/cases/${view.c.id}`, ...spec.context(view) }),
      schema: (view) => spec.schema(view),
      save: (principal, view, input) => spec.save(deps, principal, view.c.id, input),
      done: (view, saved) => `/cases/${view.c.id}?saved=${typeof saved === 'string' ? saved : spec.saved}`,
    });
  }

  caseForm('assessment/start', {
    template: 'assessment-start',
    title: 'Start an assessment',
    fields: ASSESSMENT_START_FIELDS,
    context: () => ({}),
    schema: (view) => {
      if (openAssessment(view)) throw notFound(); // one open assessment at a time
      return assessmentStartForm(datesFor(view), currentBasis(view));
    },
    save: (d, principal, id, input) => d.cases.startAssessment(principal, id, input),
    saved: 'assessment-started',
  });

  caseForm('assessment', {
    template: 'assessment',
    title: 'Complete the assessment',
    fields: ASSESSMENT_FIELDS,
    context: (view) => ({ assessment: openAssessment(view), factors: options(ASSESSMENT_FACTORS), values: assessmentValues(openAssessment(view)) }),
    schema: (view) => {
      const open = openAssessment(view);
      if (!open) throw notFound();
      return assessmentForm(datesFor(view, open.startedOn));
    },
    save: async (d, principal, id, input) => {
      if (!input.draft) return d.cases.completeAssessment(principal, id, input);
      await d.cases.saveAssessmentDraft(principal, id, input);
      return 'assessment-draft';
    },
    saved: 'assessment',
  });

  caseForm('plan', {
    template: 'plan',
    title: 'Agree the Family Help plan',
    fields: PLAN_FIELDS,
    context: () => ({ rows: Array.from({ length: PLAN_ROWS }, (_, i) => i), owners: options(OWNER_LABELS) }),
    schema: (view) => planForm(datesFor(view, lastCompleted(view)?.completedOn)),
    save: (d, principal, id, input) => d.cases.agreePlan(principal, id, input),
    saved: 'plan',
  });

  caseForm('review', {
    template: 'review',
    title: 'Review the plan',
    fields: REVIEW_FIELDS,
    context: () => ({}),
    schema: (view) => {
      if (!view.plan) throw notFound();
      return reviewForm(datesFor(view, view.plan.startedOn));
    },
    save: (d, principal, id, input) => d.cases.reviewPlan(principal, id, input),
    saved: 'review',
  });

  caseForm('basis', {
    template: 'basis',
    title: 'Change the basis for the help',
    fields: BASIS_FIELDS,
    context: (view) => ({ bases: options(BASIS_LABELS), currentBasis: currentBasis(view) }),
    // A new basis starts after the current one began: the current one must last at least a day.
    schema: (view) => basisForm(datesFor(view, currentBasisRow(view)?.fromDate), currentBasis(view)),
    save: (d, principal, id, input) => d.cases.changeBasis(principal, id, input),
    saved: 'basis',
    right: 'canManage',
  });

  caseForm('support', {
    template: 'support',
    title: 'Disability and money',
    fields: SUPPORT_FIELDS,
    context: () => ({}),
    schema: () => supportForm(),
    save: (d, principal, id, input) => d.cases.updateSupport(principal, id, input),
    saved: 'support',
    right: 'canManage',
  });

  caseForm('financial-help', {
    template: 'financial-help',
    title: 'Record financial help',
    fields: FINANCIAL_HELP_FIELDS,
    context: () => ({ kinds: options(FINANCIAL_HELP_KINDS) }),
    schema: (view) => financialHelpForm(datesFor(view)),
    save: (d, principal, id, input) => d.cases.recordFinancialHelp(principal, id, input),
    saved: 'money',
  });

  caseForm('close', {
    template: 'close',
    title: 'Close the case',
    fields: CLOSE_FIELDS,
    context: () => ({ reasons: options(CLOSURE_REASONS) }),
    // Not before the case opened, nor before its current basis began.
    schema: (view) => {
      const basisFrom = currentBasisRow(view)?.fromDate ?? view.c.openedOn;
      return closeForm(datesFor(view, basisFrom > view.c.openedOn ? basisFrom : view.c.openedOn));
    },
    save: (d, principal, id, input) => d.cases.close(principal, id, input),
    saved: 'closed',
    right: 'canManage',
  });

  // Recording: notes, visits and management oversight; drafts carried on by their author; a stale
  // save gets both versions side by side; the manager authorises.
  const noteIds = z.object({ id: z.uuid(), noteId: z.uuid() });
  const showNote = (reply: FastifyReply, view: CaseView | { c: CaseView['c']; child?: CaseView['child'] }, context: Record<string, unknown>) =>
    reply.page('modules/family-help/pages/note.njk', {
      pageTitle: context['amend'] ? 'Amend the note' : 'Record a note',
      backLink: `/cases/${view.c.id}`,
      caseId: view.c.id,
      kindLabels: NOTE_KIND_LABELS,
      openedAt: deps.clock.now().getTime(),
      values: {},
      ...context,
    });

  /** Notes are the allocated workers'; management oversight is the manager's. Anyone else is told the form is not there. */
  const mayRecord = (view: CaseView, kind: unknown) => (kind === 'management_oversight' ? view.canAuthorise : view.canEdit);

  app.get('/cases/:id/notes/new', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const view = await deps.cases.view(request.principal!, caseId(request.params));
    const kind = (request.query as Record<string, unknown>)['kind'];
    const oversight = kind === 'management_oversight';
    if (!mayRecord(view, kind)) throw notFound();
    return showNote(reply, view, { values: { kind: oversight ? 'management_oversight' : kind === 'visit' ? 'visit' : 'case_note' } });
  });

  app.post('/cases/:id/notes', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const id = caseId(request.params);
    const view = await deps.cases.view(request.principal!, id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!mayRecord(view, body['kind'])) throw notFound();
    const parsed = noteForm(datesFor(view), deps.clock.now()).safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, NOTE_FIELDS);
      return showNote(reply.code(400), view, { values: body, openedAt: body['openedAt'], errorList: list, errors: byField });
    }
    await deps.cases.addNote(request.principal!, id, parsed.data);
    return reply.redirect(`/cases/${id}?saved=${parsed.data.state === 'final' ? 'note' : 'draft'}#notes`, 303);
  });

  app.get('/cases/:id/notes/:noteId', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const params = noteIds.safeParse(request.params);
    if (!params.success) throw notFound();
    const { c, note } = await deps.cases.noteForEditing(request.principal!, params.data.id, params.data.noteId);
    return showNote(reply, { c }, { note, values: noteValues(note) });
  });

  app.post('/cases/:id/notes/:noteId', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const params = noteIds.safeParse(request.params);
    if (!params.success) throw notFound();
    // Whatever became of the draft since this form was opened (saved as final in another tab), what was typed comes back.
    const { c, note } = await deps.cases.noteForSaving(request.principal!, params.data.id, params.data.noteId);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = noteForm({ today: todayInEngland(deps.clock), referralDate: c.referralDate, referralSays: formatDate(c.referralDate) }, deps.clock.now()).safeParse({ ...body, kind: note.kind });
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, NOTE_FIELDS);
      return showNote(reply.code(400), { c }, { note, values: { ...body, kind: note.kind }, openedAt: body['openedAt'], errorList: list, errors: byField });
    }
    const result = await deps.cases.saveNote(request.principal!, c.id, note.id, parsed.data);
    if ('saved' in result) return reply.redirect(`/cases/${c.id}?saved=${parsed.data.state === 'final' ? 'note' : 'draft'}#notes`, 303);
    // Both versions: what is saved now, and what this save would have written; the form carries the new version.
    return showNote(reply.code(409), { c }, { note: result.conflict, conflict: result.conflict, amend: result.conflict.state !== 'draft', values: { ...body, kind: note.kind, version: String(result.conflict.version) } });
  });

  // Correcting the record: a final note is amended (what it said is kept, with why), or marked as recorded in error.
  const notePath = (params: unknown) => {
    const parsed = noteIds.safeParse(params);
    if (!parsed.success) throw notFound();
    return parsed.data;
  };

  app.get('/cases/:id/notes/:noteId/amend', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const { id, noteId } = notePath(request.params);
    const { c, note } = await deps.cases.noteForAmending(request.principal!, id, noteId);
    return showNote(reply, { c }, { note, amend: true, values: noteValues(note) });
  });

  app.post('/cases/:id/notes/:noteId/amend', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const { id, noteId } = notePath(request.params);
    const { c, note } = await deps.cases.noteForAmending(request.principal!, id, noteId);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = noteForm({ today: todayInEngland(deps.clock), referralDate: c.referralDate, referralSays: formatDate(c.referralDate) }, deps.clock.now()).safeParse({ ...body, kind: note.kind, state: 'final' });
    const why = noteReasonForm('why you are amending the note').safeParse(body);
    if (!parsed.success || !why.success) {
      const { list, byField } = errorList([...(parsed.error?.issues ?? []), ...(why.error?.issues ?? [])], NOTE_FIELDS);
      return showNote(reply.code(400), { c }, { note, amend: true, values: { ...body, kind: note.kind }, openedAt: body['openedAt'], errorList: list, errors: byField });
    }
    const result = await deps.cases.amendNote(request.principal!, c.id, note.id, { ...parsed.data, reason: why.data.reason });
    if ('saved' in result) return reply.redirect(`/cases/${c.id}?saved=amended#notes`, 303);
    return showNote(reply.code(409), { c }, { note: result.conflict, conflict: result.conflict, amend: true, values: { ...body, kind: note.kind, version: String(result.conflict.version) } });
  });

  const showMarkInError = (reply: FastifyReply, c: { id: string }, note: { id: string; title: string; version: number; occurredOn: string }, context: Record<string, unknown>) =>
    reply.page('modules/family-help/pages/note-in-error.njk', { pageTitle: 'Mark a note as recorded in error', backLink: `/cases/${c.id}#notes`, caseId: c.id, note, values: { version: String(note.version) }, ...context });

  app.get('/cases/:id/notes/:noteId/in-error', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const { id, noteId } = notePath(request.params);
    const { c, note } = await deps.cases.noteForMarking(request.principal!, id, noteId);
    return showMarkInError(reply, c, note, {});
  });

  app.post('/cases/:id/notes/:noteId/in-error', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const { id, noteId } = notePath(request.params);
    const { c, note } = await deps.cases.noteForMarking(request.principal!, id, noteId);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = noteReasonForm('why the note was recorded in error').safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, ['reason'] as const);
      return showMarkInError(reply.code(400), c, note, { values: body, errorList: list, errors: byField });
    }
    await deps.cases.markNoteInError(request.principal!, c.id, note.id, parsed.data);
    return reply.redirect(`/cases/${c.id}?saved=in-error#notes`, 303);
  });

  app.post('/cases/:id/notes/:noteId/authorise', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const params = noteIds.safeParse(request.params);
    if (!params.success) throw notFound();
    const version = readVersion(((request.body ?? {}) as Record<string, unknown>)['version']);
    if (version === undefined) throw badForm();
    await deps.cases.authoriseNote(request.principal!, params.data.id, params.data.noteId, version);
    return reply.redirect(`/cases/${params.data.id}?saved=authorised#notes`, 303);
  });
}

/** What a draft assessment holds so far, as its form's values. */
function assessmentValues(a: { factors: string[]; childSeen: boolean | null; childSeenAlone: boolean | null; childViews: string | null; familyViews: string | null; analysis: string | null } | undefined) {
  if (!a) return {};
  const yesNo = (v: boolean | null) => (v === null ? undefined : v ? 'yes' : 'no');
  return { factors: a.factors, childSeen: yesNo(a.childSeen), childSeenAlone: yesNo(a.childSeenAlone), childViews: a.childViews ?? undefined, familyViews: a.familyViews ?? undefined, analysis: a.analysis ?? undefined };
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
