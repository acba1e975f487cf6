import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { todayInEngland } from '../../platform/clock.ts';
import { errorList, notFound } from '../../platform/web/errors.ts';
import { formatDate } from '../../platform/web/views.ts';
import { ASSESSMENT_FACTORS, CLOSURE_REASONS, PRIMARY_NEEDS, REFERRAL_SOURCES } from './codes.ts';
import { ASSESSMENT_FIELDS, assessmentForm, BASIS_FIELDS, basisForm, CLOSE_FIELDS, closeForm, OWNER_LABELS, PLAN_FIELDS, PLAN_ROWS, planForm, REVIEW_FIELDS, reviewForm, type CaseDates } from './case-forms.ts';
import { BASIS_LABELS, DECISION_LABELS } from './decision-form.ts';

const idParams = z.object({ id: z.uuid() });
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, text]) => ({ value, text }));

/** The Family Help case page and its forms: assessment, plan, review, basis, closure; and the manager's team view. */
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
  const currentBasis = (view: CaseView) => view.basis.find((b) => !b.toDate)?.basis ?? 'early_help';
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
      saved: typeof query['saved'] === 'string' ? query['saved'] : undefined,
      opened: query['opened'] === '1',
    });
  });

  app.post('/cases/:id/assessment/start', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const id = caseId(request.params);
    await deps.cases.startAssessment(request.principal!, id);
    return reply.redirect(`/cases/${id}/assessment`, 303);
  });

  /** One GET and one POST for each case form: the form, its errors (400, nothing saved), or the save. */
  function caseForm<T>(path: string, spec: {
    template: string;
    title: string;
    fields: readonly string[];
    context: (view: CaseView) => Record<string, unknown>;
    schema: (view: CaseView) => z.ZodType<T>;
    save: (deps: Deps, principal: NonNullable<FastifyReplyPrincipal>, id: string, input: T) => Promise<void>;
    saved: string;
  }) {
    const show = (reply: FastifyReply, view: CaseView, context: Record<string, unknown>) =>
      reply.page(`modules/family-help/pages/${spec.template}.njk`, { pageTitle: spec.title, backLink: `/cases/${view.c.id}`, view, values: {}, ...spec.context(view), ...context });
    app.get(`/cases/:id/${path}`, { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
      const view = await deps.cases.view(request.principal!, caseId(request.params));
      if (!view.canEdit) throw notFound();
      return show(reply, view, {});
    });
    app.post(`/cases/:id/${path}`, { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
      const id = caseId(request.params);
      const view = await deps.cases.view(request.principal!, id);
      if (!view.canEdit) throw notFound();
      const body = (request.body ?? {}) as Record<string, unknown>;
      const parsed = spec.schema(view).safeParse(body);
      if (!parsed.success) {
        const { list, byField } = errorList(parsed.error.issues, spec.fields);
        return show(reply.code(400), view, { values: body, errorList: list, errors: byField });
      }
      await spec.save(deps, request.principal!, id, parsed.data);
      return reply.redirect(`/cases/${id}?saved=${spec.saved}`, 303);
    });
  }

  caseForm('assessment', {
    template: 'assessment',
    title: 'Complete the assessment',
    fields: ASSESSMENT_FIELDS,
    context: (view) => ({ assessment: openAssessment(view), factors: options(ASSESSMENT_FACTORS) }),
    schema: (view) => {
      const open = openAssessment(view);
      if (!open) throw notFound();
      return assessmentForm(datesFor(view, open.startedOn));
    },
    save: (d, principal, id, input) => d.cases.completeAssessment(principal, id, input),
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
    schema: (view) => basisForm(datesFor(view, view.basis.find((b) => !b.toDate)?.fromDate), currentBasis(view)),
    save: (d, principal, id, input) => d.cases.changeBasis(principal, id, input),
    saved: 'basis',
  });

  caseForm('close', {
    template: 'close',
    title: 'Close the case',
    fields: CLOSE_FIELDS,
    context: () => ({ reasons: options(CLOSURE_REASONS) }),
    schema: (view) => closeForm(datesFor(view, view.c.openedOn)),
    save: (d, principal, id, input) => d.cases.close(principal, id, input),
    saved: 'closed',
  });

  app.get('/team', { config: { permission: 'team.view', audit: 'team_viewed' } }, async (request, reply) => {
    const team = await deps.cases.teamView(request.principal!);
    return reply.page('modules/family-help/pages/team.njk', { pageTitle: 'Team', ...team });
  });
}

type FastifyReplyPrincipal = FastifyReply['request']['principal'];
