import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** The authority's own audit trail (NCSC cloud principle 13) and a check of its hash chain. */
export function auditTrailRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/audit', { config: { permission: 'audit.view', audit: 'audit_trail_viewed' } }, async (request, reply) => {
    const events = await deps.audit.recent(request.principal!.laCode, 100);
    return reply.page('modules/audit-trail/list.njk', { pageTitle: 'Audit trail', events });
  });

  app.post('/audit/verify', { config: { permission: 'audit.verify', audit: 'audit_chain_verified' } }, async (request, reply) => {
    const reports = await deps.audit.verifyAll();
    const mine = reports.find((r) => r.laCode === request.principal!.laCode);
    const events = await deps.audit.recent(request.principal!.laCode, 100);
    return reply.page('modules/audit-trail/list.njk', { pageTitle: 'Audit trail', events, report: mine });
  });
}
