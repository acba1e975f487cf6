import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { ROLE_LABELS, isRole } from '../../../../platform/access/roles.ts';
import { oneTimePasswords } from '../../one-time-password.ts';
import { accountId } from '../account-form.ts';

/** A new password (reset, or the first one generated): set, then shown once. */
export function passwordPage(app: FastifyInstance, deps: Deps) {
  const once = oneTimePasswords(deps.config.sessionSecret, deps.config.cookieSecure);

  app.post('/users/:id/reset-password', { config: { permission: 'users.reset_password', audit: false } }, async (request, reply) => {
    const id = accountId(request.params);
    const principal = request.principal!;
    const password = await deps.users.resetPassword(principal, id);
    reply.setCookie(once.name, once.seal(principal.sessionHash, { userId: id, password, kind: 'reset' }, deps.clock.now()), once.options);
    return reply.redirect(`/users/${id}/password`, 303);
  });

  /** The password just set, shown once: the cookie that carried it is cleared by the answer that shows it. */
  app.get('/users/:id/password', { config: { permission: 'users.view', audit: 'new_password_viewed' } }, async (request, reply) => {
    const id = accountId(request.params);
    const principal = request.principal!;
    const row = await deps.users.mayShowNewPassword(principal, id);
    const sealed = request.cookies[once.name];
    const shown = once.open(principal.sessionHash, sealed, id, deps.clock.now());
    if (shown) reply.clearCookie(once.name, once.options);
    request.auditDetails = { userId: id, shown: shown !== undefined };
    return reply.page('modules/users/pages/password/password.njk', {
      pageTitle: shown ? (shown.kind === 'created' ? 'Account created' : 'Password reset') : 'There is no new password to show',
      user: { ...row.account, organisation: row.organisationName, roleLabel: isRole(row.account.role) ? ROLE_LABELS[row.account.role] : row.account.role },
      shown,
    });
  });
}
