import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ROLE_LABELS, isRole } from '../../platform/access/roles.ts';

/** What each audit action means, in words; modules add theirs as they add actions. */
const ACTION_LABELS: Record<string, string> = {
  sign_in: 'Signed in',
  sign_out: 'Signed out',
  page_view: 'Viewed a page',
  request: 'Submitted a form',
  my_work_viewed: 'Viewed My work',
  users_listed: 'Viewed the list of users',
  user_viewed: 'Viewed a user',
  user_deactivated: 'Deactivated a user',
  user_reactivated: 'Reactivated a user',
  user_unlocked: 'Unlocked a user',
  user_provisioned: 'Account created by single sign-on',
  user_changed_by_identity_provider: 'Account changed by single sign-on',
  audit_trail_viewed: 'Viewed the audit trail',
  audit_chain_verified: 'Checked the audit trail',
  demo_authority_seeded: 'Created the demo authority',
  synthetic_authority_generated: 'Generated the synthetic authority',
  people_searched: 'Searched for a person',
  person_created: 'Added a person',
  record_viewed: 'Opened a child’s record',
  record_access_log_viewed: 'Viewed who viewed a record',
  significant_event_added: 'Added a significant event',
  significant_event_form_viewed: 'Started a significant event',
  break_glass: 'Took emergency access to a record',
  break_glass_reviewed: 'Reviewed an emergency access',
  access_reviews_viewed: 'Viewed access reviews',
};

const OUTCOME_LABELS: Record<string, { text: string; colour: string }> = {
  success: { text: 'Done', colour: 'green' },
  denied: { text: 'Refused', colour: 'red' },
  failure: { text: 'Failed', colour: 'orange' },
  error: { text: 'Error', colour: 'red' },
};

type EventRow = Awaited<ReturnType<Deps['audit']['recent']>>[number];

function forDisplay(event: EventRow) {
  return {
    ...event,
    actionLabel: ACTION_LABELS[event.action] ?? event.action.replaceAll('_', ' '),
    roleLabel: event.role && isRole(event.role) ? ROLE_LABELS[event.role] : event.role,
    outcomeLabel: OUTCOME_LABELS[event.outcome],
  };
}

/** The authority's own audit trail (NCSC cloud principle 13) and a check of its hash chain. */
export function auditTrailRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/audit', { config: { permission: 'audit.view', audit: 'audit_trail_viewed' } }, async (request, reply) => {
    const events = (await deps.audit.recent(request.principal!.laCode, 100)).map(forDisplay);
    return reply.page('modules/audit-trail/list.njk', { pageTitle: 'Audit trail', events });
  });

  app.post('/audit/verify', { config: { permission: 'audit.verify', audit: 'audit_chain_verified' } }, async (request, reply) => {
    const report = await deps.audit.verify(request.principal!.laCode);
    const events = (await deps.audit.recent(request.principal!.laCode, 100)).map(forDisplay);
    return reply.page('modules/audit-trail/list.njk', { pageTitle: 'Audit trail', events, report });
  });
}
