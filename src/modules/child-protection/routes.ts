import type { FastifyInstance, FastifyReply } from 'fastify';
import { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import type { Principal } from '../../platform/auth/service.ts';
import { todayInEngland } from '../../platform/clock.ts';
import { badForm, errorList, notFound } from '../../platform/web/errors.ts';
import { readVersion } from '../../platform/web/form-fields.ts';
import { pageForm } from '../../platform/web/page-form.ts';
import { acknowledgedCensusRules } from '../returns/cin/at-recording.ts';
import {
  ABUSE_CATEGORIES,
  AGENCIES,
  CHILD_VIEWS_HOW,
  CATEGORY_LABELS,
  CONSENT_STATES,
  ENQUIRY_OUTCOME_LABELS,
  HARM_CONTEXT_KIND_LABELS,
  INITIAL_DECISION_LABELS,
  LAWFUL_BASES,
  PLAN_END_REASONS,
  PLAN_KIND_LABELS,
  REVIEW_DECISION_LABELS,
  SHARE_PURPOSE_LABELS,
  STRATEGY_DECISION_LABELS,
} from './codes.ts';
import {
  conferenceForm,
  CONFERENCE_FIELDS,
  contributionForm,
  CONTRIBUTION_FIELDS,
  conveneForm,
  CONVENE_FIELDS,
  coreGroupForm,
  CORE_GROUP_FIELDS,
  discussionForm,
  DISCUSSION_FIELDS,
  endPlanForm,
  END_PLAN_FIELDS,
  enquiryForm,
  ENQUIRY_FIELDS,
  contextForm,
  CONTEXT_FIELDS,
  efhPlanForm,
  EFH_PLAN_FIELDS,
  linkContextForm,
  LINK_CONTEXT_FIELDS,
  shareForm,
  SHARE_FIELDS,
} from './forms.ts';

const idParams = z.object({ id: z.uuid() });
const options = (labels: Record<string, string | { text: string; hint?: string }>) =>
  Object.entries(labels).map(([value, l]) => (typeof l === 'string' ? { value, text: l } : { value, text: l.text, hint: l.hint }));
const LABELS = {
  agencyLabels: AGENCIES,
  categoryLabels: CATEGORY_LABELS,
  planKindLabels: PLAN_KIND_LABELS,
  contextKindLabels: HARM_CONTEXT_KIND_LABELS,
  decisionLabels: STRATEGY_DECISION_LABELS,
  outcomeLabels: ENQUIRY_OUTCOME_LABELS,
  purposeLabels: SHARE_PURPOSE_LABELS,
  lawfulBases: LAWFUL_BASES,
  consentStates: CONSENT_STATES,
  endReasons: PLAN_END_REASONS,
  viewsHow: CHILD_VIEWS_HOW,
};

type Overview = Awaited<ReturnType<Deps['childProtection']['overview']>>;

/** Everything that has happened, newest first: discussions held, enquiries completed, conferences, core groups, plans. */
function history(view: Overview) {
  const entries = [
    ...view.discussions.flatMap((item) => (item.heldOn ? [{ date: item.heldOn, kind: 'discussion', item }] : [])),
    ...view.enquiries.flatMap((item) => (item.completedOn ? [{ date: item.completedOn, kind: 'enquiry', item }] : [])),
    ...view.conferences.map((item) => ({ date: item.heldOn, kind: 'conference', item })),
    ...view.coreGroup.map((item) => ({ date: item.heldOn, kind: 'core_group', item })),
    ...view.plans.map((item) => ({ date: item.startedOn, kind: 'plan_started', item })),
    ...view.plans.flatMap((item) => (item.endedOn ? [{ date: item.endedOn, kind: 'plan_ended', item }] : [])),
  ];
  // Newest first; on one day, in the order things happen (the plan starts at its conference, ends at its review).
  const order = ['discussion', 'enquiry', 'conference', 'plan_started', 'core_group', 'plan_ended'];
  return entries.sort((a, b) => b.date.localeCompare(a.date) || order.indexOf(b.kind) - order.indexOf(a.kind));
}

/** What is open on a case now: the discussion waiting, the enquiry waiting for its conference, the plan. */
function current(view: Overview) {
  const discussion = view.discussions.find((d) => !d.decidedAt);
  const heldEnquiries = new Set(view.conferences.map((k) => k.enquiryId));
  const enquiry = view.enquiries.find((e) => (e.outcome === null || e.outcome === 'conference') && !heldEnquiries.has(e.id));
  const plan = view.plans.find((p) => !p.endedOn);
  // Sharing for a discussion lasts until its enquiry's conference: the agencies contribute to both.
  const sharingDiscussion = discussion ?? (enquiry?.discussionId ? view.discussions.find((d) => d.id === enquiry.discussionId) : undefined);
  return { discussion, enquiry, plan, sharingDiscussion };
}

/**
 * Child protection pages: the multi-agency team's queue, the case's child protection page and its
 * forms (by who may use them: the case's workers, or its Child Protection Lead Practitioner), and
 * partners' view of what is shared with them.
 */
export function childProtectionRoutes(app: FastifyInstance, deps: Deps) {
  const caseId = (params: unknown) => {
    const parsed = idParams.safeParse(params);
    if (!parsed.success) throw notFound();
    return parsed.data.id;
  };
  const today = () => todayInEngland(deps.clock);

  app.get('/child-protection', { config: { permission: 'cp.strategy', audit: 'strategy_discussions_listed' } }, async (request, reply) => {
    const waiting = await deps.childProtection.waiting(request.principal!);
    return reply.page('modules/child-protection/pages/queue.njk', { pageTitle: 'Strategy discussions', waiting, principalId: request.principal!.userId });
  });

  app.post('/child-protection/:id/take', { config: { permission: 'cp.strategy', audit: false } }, async (request, reply) => {
    const version = readVersion((request.body as Record<string, unknown> | undefined)?.['version']);
    if (version === undefined) throw badForm();
    const id = await deps.childProtection.take(request.principal!, caseId(request.params), version);
    return reply.redirect(`/cases/${id}/child-protection?saved=taken`, 303);
  });

  app.get('/cases/:id/child-protection', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const view = await deps.childProtection.overview(request.principal!, caseId(request.params));
    const saved = (request.query as Record<string, unknown>)['saved'];
    return reply.page('modules/child-protection/pages/overview.njk', {
      pageTitle: `Child protection: ${view.child.name}`,
      backLink: `/cases/${view.c.id}`,
      ...view,
      ...current(view),
      ...LABELS,
      history: history(view),
      saved: typeof saved === 'string' ? saved : undefined,
    });
  });

  /** A form on the case's child protection page, for its workers (record) or its Child Protection Lead Practitioner (decide). */
  function cpForm<T>(path: string, spec: {
    template: string;
    title: string;
    fields: readonly string[];
    right: 'canRecord' | 'canDecide';
    /** The open item the form is about (none: the form does not apply now, 404). */
    target: (view: Overview) => unknown;
    context?: (view: Overview, principal: Principal) => Promise<Record<string, unknown>> | Record<string, unknown>;
    schema: (view: Overview, context: Record<string, unknown>) => z.ZodType<T>;
    save: (principal: Principal, view: Overview, input: T) => Promise<unknown>;
    saved: string;
  }) {
    pageForm(app, {
      path: `/cases/:id/child-protection/${path}`,
      // A decision form is the Child Protection Lead Practitioner's: no other role reaches it at all.
      permission: spec.right === 'canDecide' ? 'cp.decide' : 'record.open',
      load: (principal, request) => deps.childProtection.overview(principal, caseId(request.params)),
      allowed: (view) => view[spec.right] && !!spec.target(view),
      template: `modules/child-protection/pages/${spec.template}.njk`,
      title: spec.title,
      fields: spec.fields,
      context: async (view, principal) => ({ backLink: `/cases/${view.c.id}/child-protection`, ...current(view), ...LABELS, ...(await spec.context?.(view, principal)) }),
      schema: spec.schema,
      save: spec.save,
      done: (view) => `/cases/${view.c.id}/child-protection?saved=${spec.saved}`,
    });
  }

  cpForm('convene', {
    template: 'convene',
    title: 'Convene a strategy discussion',
    fields: CONVENE_FIELDS,
    right: 'canRecord',
    target: (view) => !current(view).discussion,
    schema: () => conveneForm(),
    save: (principal, view, input) => deps.childProtection.conveneFromCase(principal, view.c.id, input),
    saved: 'convened',
  });

  for (const target of ['discussion', 'plan'] as const) {
    cpForm(`share-${target}`, {
      template: 'share',
      title: target === 'discussion' ? 'Share information for the strategy discussion' : 'Share information with the core group',
      fields: SHARE_FIELDS,
      right: 'canDecide',
      target: (view) => (target === 'discussion' ? current(view).sharingDiscussion : current(view).plan),
      context: async (_view, principal) => ({
        target,
        partners: await deps.childProtection.partners(principal),
        agencies: options(AGENCIES).filter((a) => a.value !== 'social_care'),
        bases: options(LAWFUL_BASES),
        consents: options(CONSENT_STATES),
      }),
      schema: (_view, context) => shareForm(context['partners'] as { id: string; agency: 'police' | 'health' | 'education' }[]),
      save: (principal, view, input) => {
        const { sharingDiscussion, plan } = current(view);
        return deps.childProtection.share(principal, target === 'discussion' ? { discussionId: sharingDiscussion!.id } : { planId: plan!.id }, input);
      },
      saved: 'shared',
    });
  }

  cpForm('discussion', {
    template: 'discussion',
    title: 'Record the strategy discussion',
    fields: DISCUSSION_FIELDS,
    right: 'canDecide',
    target: (view) => current(view).discussion?.chairUserId,
    context: () => ({ agencies: options(AGENCIES), decisions: options(STRATEGY_DECISION_LABELS) }),
    schema: (view) => discussionForm(current(view).discussion!.convenedOn, today()),
    save: (principal, view, input) => deps.childProtection.recordDiscussion(principal, current(view).discussion!.id, input),
    saved: 'discussion',
  });

  cpForm('enquiry', {
    template: 'enquiry',
    title: 'Record the outcome of the section 47 enquiry',
    fields: ENQUIRY_FIELDS,
    right: 'canDecide',
    target: (view) => { const e = current(view).enquiry; return e && !e.completedOn ? e : undefined; },
    context: () => ({ outcomes: options(ENQUIRY_OUTCOME_LABELS) }),
    schema: (view) => enquiryForm(current(view).enquiry!.startedOn, today()),
    save: (principal, view, input) => deps.childProtection.completeEnquiry(principal, current(view).enquiry!.id, input),
    saved: 'enquiry',
  });

  for (const kind of ['initial', 'review'] as const) {
    cpForm(`${kind}-conference`, {
      template: 'conference',
      title: kind === 'initial' ? 'Record the initial child protection conference' : 'Record the review conference',
      fields: CONFERENCE_FIELDS,
      right: 'canDecide',
      // An initial conference follows an enquiry whose outcome is to hold one: not one still under way.
      target: (view) => (kind === 'initial' ? (current(view).enquiry?.outcome === 'conference' ? current(view).enquiry : undefined) : current(view).plan),
      context: () => ({ kind, decisions: options(kind === 'initial' ? INITIAL_DECISION_LABELS : REVIEW_DECISION_LABELS), categories: options(ABUSE_CATEGORIES), hows: options(CHILD_VIEWS_HOW) }),
      schema: (view) =>
        conferenceForm(kind, kind === 'initial' ? current(view).enquiry!.startedOn : current(view).plan!.startedOn, today(), {
          eighteenth: view.child.dateOfBirth ? LocalDate.parse(view.child.dateOfBirth).plusYears(18).toString() : undefined,
          categorised: kind === 'initial' || current(view).plan!.kind === 'child_protection',
        }),
      // A conference confirmed as held at a weekend is recorded, though the census will show it (8875).
      save: (principal, view, { atWeekend, ...input }) => acknowledgedCensusRules.run(atWeekend ? ['8875'] : [], () => deps.childProtection.recordConference(principal, view.c.id, kind, input)),
      saved: `${kind}-conference`,
    });
  }

  cpForm('core-group', {
    template: 'core-group',
    title: 'Record a core group meeting',
    fields: CORE_GROUP_FIELDS,
    right: 'canRecord',
    target: (view) => current(view).plan,
    schema: (view) => coreGroupForm(current(view).plan!.startedOn, today()),
    save: (principal, view, input) => deps.childProtection.recordCoreGroup(principal, current(view).plan!.id, input),
    saved: 'core-group',
  });

  cpForm('end-plan', {
    template: 'end-plan',
    title: 'End the child protection plan',
    fields: END_PLAN_FIELDS,
    right: 'canDecide',
    target: (view) => current(view).plan,
    context: () => ({ reasons: options(PLAN_END_REASONS).filter((r) => r.value !== 'no_longer_at_risk') }),
    schema: (view) => endPlanForm(current(view).plan!.startedOn, today()),
    save: (principal, view, input) => deps.childProtection.endPlan(principal, current(view).plan!.id, input),
    saved: 'plan-ended',
  });

  cpForm('link-context', {
    template: 'link-context',
    title: 'Link to a context of harm outside the home',
    fields: LINK_CONTEXT_FIELDS,
    right: 'canRecord',
    target: (view) => view.openContexts.length > 0,
    schema: (view) => linkContextForm(view.openContexts.map((x) => x.id)),
    save: (principal, view, input) => deps.childProtection.linkToContext(principal, view.c.id, input),
    saved: 'linked',
  });

  cpForm('efh-plan', {
    template: 'efh-plan',
    title: 'Start an extra-familial harm plan',
    fields: EFH_PLAN_FIELDS,
    right: 'canDecide',
    // After a strategy discussion that decided on a plan for harm outside the home.
    target: (view) => !current(view).plan && !current(view).enquiry && view.discussions.filter((d) => d.decidedAt).at(-1)?.decision === 'extra_familial_harm',
    schema: (view) => {
      const held = view.discussions.flatMap((d) => (d.heldOn ? [d.heldOn] : [])).sort().at(-1)!;
      const twentyFifth = view.child.dateOfBirth ? LocalDate.parse(view.child.dateOfBirth).plusYears(25).toString() : '9999-12-31';
      return efhPlanForm(held, twentyFifth, today());
    },
    save: (principal, view, input) => deps.childProtection.startEfhPlan(principal, view.c.id, input),
    saved: 'efh-plan',
  });

  // Harm outside the home: the contexts that link children, for the multi-agency team.
  app.get('/contexts', { config: { permission: 'contexts.manage', audit: 'harm_contexts_listed' } }, async (request, reply) => {
    const contexts = await deps.childProtection.contexts(request.principal!);
    return reply.page('modules/child-protection/pages/contexts.njk', { pageTitle: 'Harm outside the home', contexts, kindLabels: HARM_CONTEXT_KIND_LABELS });
  });

  pageForm(app, {
    path: '/contexts/new',
    permission: 'contexts.manage',
    load: () => Promise.resolve({}),
    allowed: () => true,
    template: 'modules/child-protection/pages/context-new.njk',
    title: 'Add a context of harm outside the home',
    fields: CONTEXT_FIELDS,
    context: () => ({ backLink: '/contexts', kinds: options(HARM_CONTEXT_KIND_LABELS) }),
    schema: () => contextForm(today()),
    save: (principal, _view, input) => deps.childProtection.createContext(principal, input),
    done: (_view, id) => `/contexts/${id}?saved=1`,
  });

  app.get('/contexts/:id', { config: { permission: 'contexts.manage', audit: false } }, async (request, reply) => {
    const view = await deps.childProtection.context(request.principal!, caseId(request.params));
    const related = view.members.filter((m) => m.relatedTo).length;
    return reply.page('modules/child-protection/pages/context.njk', {
      pageTitle: view.context.name,
      backLink: '/contexts',
      ...view,
      unrelated: view.members.length - related,
      kindLabels: HARM_CONTEXT_KIND_LABELS,
      saved: (request.query as Record<string, unknown>)['saved'] === '1',
    });
  });

  // Partners: only what is shared with them, for its purpose, while it lasts.
  app.get('/shared', { config: { permission: 'shares.view', audit: 'shares_listed' } }, async (request, reply) => {
    const shares = await deps.childProtection.myShares(request.principal!);
    return reply.page('modules/child-protection/pages/shared-list.njk', { pageTitle: 'Shared with you', shares, purposeLabels: SHARE_PURPOSE_LABELS });
  });

  const showShare = async (reply: FastifyReply, principal: Principal, id: string, context: Record<string, unknown>) => {
    const view = await deps.childProtection.sharedView(principal, id);
    return reply.page('modules/child-protection/pages/shared.njk', { pageTitle: `Shared with you: ${view.child.name}`, backLink: '/shared', ...view, purposeLabels: SHARE_PURPOSE_LABELS, values: {}, ...context });
  };

  app.get('/shared/:id', { config: { permission: 'shares.view', audit: false } }, async (request, reply) => {
    const saved = (request.query as Record<string, unknown>)['saved'] === '1';
    return showShare(reply, request.principal!, caseId(request.params), { saved });
  });

  app.post('/shared/:id', { config: { permission: 'shares.view', audit: false } }, async (request, reply) => {
    const id = caseId(request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = contributionForm().safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, CONTRIBUTION_FIELDS);
      return showShare(reply.code(400), request.principal!, id, { values: body, errorList: list, errors: byField });
    }
    await deps.childProtection.contribute(request.principal!, id, parsed.data);
    return reply.redirect(`/shared/${id}?saved=1`, 303);
  });
}
