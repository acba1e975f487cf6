import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { openNow } from '../../open-now.ts';
import { idOf, LABELS, type Overview } from '../cp-form.ts';

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

/** Who is the child's Child Protection Lead Practitioner now, as the page says it. */
function cpLead(view: Overview, open: ReturnType<typeof openNow>) {
  const lead = open.plan?.cpLeadName ?? open.sharingDiscussion?.chairName;
  if (lead) return `${lead}. They hold the decisions on the enquiry and the plan.`;
  const lastPlan = view.plans.at(-1);
  return lastPlan ? `None now (${lastPlan.cpLeadName} until the last plan ended)` : 'None yet';
}

/** The case's child protection page: what is open, what is due, what was shared, and the history. */
export function overviewPage(app: FastifyInstance, deps: Deps) {
  app.get('/cases/:id/child-protection', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const view = await deps.childProtection.overview(request.principal!, idOf(request.params));
    const open = openNow(view);
    const saved = (request.query as Record<string, unknown>)['saved'];
    return reply.page('modules/child-protection/pages/overview/overview.njk', {
      pageTitle: `Child protection: ${view.child.name}`,
      backLink: `/cases/${view.c.id}`,
      ...view,
      ...open,
      ...LABELS,
      cpLead: cpLead(view, open),
      history: history(view),
      saved: typeof saved === 'string' ? saved : undefined,
    });
  });
}
