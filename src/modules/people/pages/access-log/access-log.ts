import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { ROLE_LABELS, isRole } from '../../../../platform/access/roles.ts';
import { personId } from '../person-id.ts';

/** Who viewed a child's record: for the child's manager and the privacy officer. */
export function accessLogPage(app: FastifyInstance, deps: Deps) {
  app.get('/people/:id/access-log', { config: { permission: 'record.access_log', audit: false } }, async (request, reply) => {
    const log = await deps.people.accessLog(request.principal!, personId(request.params));
    return reply.page('modules/people/pages/access-log/access-log.njk', {
      pageTitle: `Who viewed ${log.name}'s record`,
      backLink: `/people/${log.id}`,
      log,
      views: log.views.map((v) => ({ ...v, roleLabel: v.role && isRole(v.role) ? ROLE_LABELS[v.role] : v.role })),
    });
  });
}
