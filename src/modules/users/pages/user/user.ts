import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { ROLE_LABELS, isRole } from '../../../../platform/access/roles.ts';
import { accountId } from '../account-form.ts';

/** What the user page says after a change, by the `done` in its address (never text from the address itself). */
const DONE: Record<string, string> = {
  created: 'The account has been created. Give them their username and first password.',
  role: 'The role and teams have been changed. A new role applies from their next page.',
};

/** One account, and what can be done to it: deactivate, reactivate, unlock (each audited by the service). */
export function userPage(app: FastifyInstance, deps: Deps) {
  const roleLabel = (role: string) => (isRole(role) ? ROLE_LABELS[role] : role);

  app.get<{ Querystring: { done?: string } }>('/users/:id', { config: { permission: 'users.view', audit: 'user_viewed' } }, async (request, reply) => {
    const id = accountId(request.params);
    const row = await deps.users.details(request.principal!, id);
    request.auditDetails = { userId: id };
    const done = request.query.done;
    return reply.page('modules/users/pages/user/user.njk', {
      pageTitle: row.account.displayName,
      backLink: '/users',
      user: { ...row.account, organisation: row.organisationName, roleLabel: roleLabel(row.account.role) },
      memberships: row.memberships,
      isSelf: row.account.id === request.principal!.userId,
      locked: row.account.lockedUntil !== null && row.account.lockedUntil > deps.clock.now(),
      done: typeof done === 'string' && Object.hasOwn(DONE, done) ? DONE[done] : undefined,
    });
  });

  // Deactivate, reactivate, unlock: each audited by the service, in its own transaction, with what changed.
  for (const [action, permission] of [['deactivate', 'users.manage'], ['reactivate', 'users.manage'], ['unlock', 'users.unlock']] as const) {
    app.post(`/users/:id/${action}`, { config: { permission, audit: false } }, async (request, reply) => {
      const id = accountId(request.params);
      await deps.users[action](request.principal!, id);
      return reply.redirect(`/users/${id}`, 303);
    });
  }
}
