import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ROLE_LABELS, isRole } from '../../platform/access/roles.ts';
import { notFound } from '../../platform/web/errors.ts';

const userId = z.object({ id: z.uuid() });

export function userRoutes(app: FastifyInstance, deps: Deps) {
  const roleLabel = (role: string) => (isRole(role) ? ROLE_LABELS[role] : role);

  app.get('/users', { config: { permission: 'users.view', audit: 'users_listed' } }, async (request, reply) => {
    const rows = await deps.users.list(request.principal!);
    return reply.page('modules/users/list.njk', {
      pageTitle: 'Users',
      users: rows.map((r) => ({ ...r.account, organisation: r.organisationName, roleLabel: roleLabel(r.account.role) })),
    });
  });

  app.get('/users/:id', { config: { permission: 'users.view', audit: 'user_viewed' } }, async (request, reply) => {
    const params = userId.safeParse(request.params);
    if (!params.success) throw notFound();
    const row = await deps.users.get(request.principal!, params.data.id);
    return reply.page('modules/users/show.njk', {
      pageTitle: row.account.displayName,
      backLink: '/users',
      user: { ...row.account, organisation: row.organisationName, roleLabel: roleLabel(row.account.role) },
      isSelf: row.account.id === request.principal!.userId,
      locked: row.account.lockedUntil !== null && row.account.lockedUntil > deps.clock.now(),
    });
  });

  // Each change is audited by the service, in its own transaction, with what changed.
  for (const action of ['deactivate', 'reactivate', 'unlock'] as const) {
    app.post(`/users/:id/${action}`, { config: { permission: 'users.manage', audit: false } }, async (request, reply) => {
      const params = userId.safeParse(request.params);
      if (!params.success) throw notFound();
      await deps.users[action](request.principal!, params.data.id);
      return reply.redirect(`/users/${params.data.id}`, 303);
    });
  }
}
