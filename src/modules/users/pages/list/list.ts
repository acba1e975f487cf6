import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { ROLE_LABELS, isRole } from '../../../../platform/access/roles.ts';

/** The authority's accounts. */
export function listPage(app: FastifyInstance, deps: Deps) {
  app.get('/users', { config: { permission: 'users.view', audit: 'users_listed' } }, async (request, reply) => {
    const rows = await deps.users.list(request.principal!);
    return reply.page('modules/users/pages/list/list.njk', {
      pageTitle: 'Users',
      users: rows.map((r) => ({ ...r.account, organisation: r.organisationName, roleLabel: isRole(r.account.role) ? ROLE_LABELS[r.account.role] : r.account.role })),
    });
  });
}
