import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import type { Principal } from '../../platform/auth/service.ts';
import { todayInEngland } from '../../platform/clock.ts';
import { notFound } from '../../platform/web/errors.ts';
import { pageForm } from '../../platform/web/page-form.ts';
import { APPLICATIONS, FGDM_RESPONSES, HEARING_TYPES, OUTCOMES } from './codes.ts';
import { eventForm, EVENT_FIELDS, fgdmForm, FGDM_FIELDS, issueForm, ISSUE_FIELDS, letterForm, LETTER_FIELDS, outcomeForm, OUTCOME_FIELDS } from './forms.ts';

const idParams = z.object({ id: z.uuid() });
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, text]) => ({ value, text }));
const LABELS = { applications: APPLICATIONS, hearingTypes: HEARING_TYPES, outcomes: OUTCOMES, fgdmResponses: FGDM_RESPONSES };

type Overview = Awaited<ReturnType<Deps['court']['overview']>>;

/** Court work on a child's case: what is recorded, and the forms for whoever manages it. */
export function courtRoutes(app: FastifyInstance, deps: Deps) {
  const caseId = (params: unknown) => {
    const parsed = idParams.safeParse(params);
    if (!parsed.success) throw notFound();
    return parsed.data.id;
  };
  const today = () => todayInEngland(deps.clock);

  app.get('/cases/:id/court', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const view = await deps.court.overview(request.principal!, caseId(request.params));
    const saved = (request.query as Record<string, unknown>)['saved'];
    return reply.page('modules/court/pages/overview.njk', { pageTitle: `Court: ${view.child.name}`, backLink: `/cases/${view.c.id}`, ...view, ...LABELS, saved: typeof saved === 'string' ? saved : undefined });
  });

  function courtForm<T>(path: string, spec: {
    template: string;
    title: string;
    fields: readonly string[];
    /** Whether the form applies to the court work as it stands. */
    applies: (view: Overview) => boolean;
    context?: (view: Overview) => Record<string, unknown>;
    schema: (view: Overview) => z.ZodType<T>;
    save: (principal: Principal, view: Overview, input: T) => Promise<unknown>;
    saved: string;
  }) {
    pageForm(app, {
      path: `/cases/:id/court/${path}`,
      permission: 'court.manage',
      load: (principal, request) => deps.court.overview(principal, caseId(request.params)),
      allowed: (view) => view.canManage && spec.applies(view),
      template: `modules/court/pages/${spec.template}.njk`,
      title: spec.title,
      fields: spec.fields,
      context: (view) => ({ backLink: `/cases/${view.c.id}/court`, path, ...LABELS, ...spec.context?.(view) }),
      schema: spec.schema,
      save: spec.save,
      done: (view) => `/cases/${view.c.id}/court?saved=${spec.saved}`,
    });
  }

  courtForm('letter', {
    template: 'date-only',
    title: 'Send the letter before proceedings',
    fields: LETTER_FIELDS,
    applies: (view) => !view.current,
    context: () => ({ name: 'sent', legend: 'When was the letter before proceedings sent?', hint: 'Pre-proceedings start with the letter. Offer the family a family group meeting now, if you have not already.', button: 'Start pre-proceedings' }),
    schema: (view) => letterForm(view.c.referralDate, today()),
    save: (principal, view, input) => deps.court.sendLetter(principal, view.c.id, input),
    saved: 'letter',
  });

  courtForm('fgdm', {
    template: 'fgdm',
    title: 'Record the offer of family group decision making',
    fields: FGDM_FIELDS,
    applies: (view) => !!view.current && !view.current.issuedOn,
    context: () => ({ responses: options(FGDM_RESPONSES) }),
    schema: (view) => fgdmForm(view.c.referralDate, today()),
    save: (principal, view, input) => deps.court.recordFgdmOffer(principal, view.c.id, { ...input, version: view.current!.version }),
    saved: 'fgdm',
  });

  for (const kind of ['pre_proceedings_meeting', 'hearing'] as const) {
    courtForm(kind === 'hearing' ? 'hearing' : 'meeting', {
      template: 'event',
      title: kind === 'hearing' ? 'Record a hearing' : 'Record a pre-proceedings meeting',
      fields: EVENT_FIELDS,
      applies: (view) => (kind === 'hearing' ? !!view.current?.issuedOn : !!view.current && !view.current.issuedOn),
      context: () => ({ kind, types: options(HEARING_TYPES) }),
      schema: (view) => eventForm(kind, kind === 'hearing' ? { date: view.current!.issuedOn!, what: 'the application was issued' } : { date: view.current!.letterSentOn ?? view.c.referralDate, what: 'the letter was sent' }, today()),
      save: (principal, view, input) => deps.court.recordEvent(principal, view.c.id, kind, input),
      saved: kind,
    });
  }

  courtForm('issue', {
    template: 'issue',
    title: 'Issue care proceedings',
    fields: ISSUE_FIELDS,
    applies: (view) => !view.current?.issuedOn,
    context: (view) => ({ applicationOptions: options(APPLICATIONS), fgdmOffered: !!view.current?.fgdmOfferedOn }),
    schema: (view) => issueForm(view.current?.letterSentOn ? { date: view.current.letterSentOn, what: 'the letter was sent' } : { date: view.c.referralDate, what: 'the referral' }, !!view.current?.fgdmOfferedOn, today()),
    save: (principal, view, input) => deps.court.issue(principal, view.c.id, { ...input, version: view.current?.version }),
    saved: 'issued',
  });

  courtForm('outcome', {
    template: 'outcome',
    title: 'Record the outcome of the proceedings',
    fields: OUTCOME_FIELDS,
    applies: (view) => !!view.current?.issuedOn,
    context: () => ({ outcomeOptions: options(OUTCOMES) }),
    schema: (view) => outcomeForm(view.current!.issuedOn!, view.deadline!, today()),
    save: (principal, view, input) => deps.court.recordOutcome(principal, view.c.id, { ...input, version: view.current!.version }),
    saved: 'outcome',
  });
}
