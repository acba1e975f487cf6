import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { ROLE_LABELS, isRole } from '../../../../platform/access/roles.ts';
import { field } from '../../../../platform/web/form-fields.ts';
import { errorList, notFound } from '../../../../platform/web/errors.ts';
import { defineForm } from '../../../../platform/web/form.ts';
import { worksInTeams } from '../../service.ts';
import { accountFields, accountId, choices, problemErrors, sentValues, teamFields } from '../account-form.ts';

/** What the form was opened at (a fingerprint of the account): a change from an older one is refused. */
const was = field.transform((value) => value ?? '');

/** A change of role, organisation and teams, from the form opened at version `was`. */
export const changeAccountForm = defineForm({ ...accountFields, was });

/** The same change for a single sign-on account: the identity provider decides the role and organisation, so only the teams. */
export const changeTeamsForm = defineForm({ ...teamFields, was });

/** The change to make, from either form's answers. */
function accountChange(answers: z.infer<typeof changeAccountForm> | z.infer<typeof changeTeamsForm>) {
  const { teams, profession, was } = answers;
  return 'role' in answers ? { role: answers.role, organisationId: answers.organisation, teamIds: teams, profession, was } : { teamIds: teams, profession, was };
}

/** Changing another account's role, organisation and teams (for single sign-on, the teams only). */
export function rolePage(app: FastifyInstance, deps: Deps) {
  const roleLabel = (role: string) => (isRole(role) ? ROLE_LABELS[role] : role);

  const show = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: { values?: Record<string, unknown>; errorList?: unknown; errors?: unknown } = {}) => {
    const principal = request.principal!;
    const [row, options] = await Promise.all([deps.users.details(principal, id), deps.users.formOptions(principal)]);
    if (row.account.id === principal.userId) throw notFound(); // nobody changes their own role
    const current = {
      role: row.account.role,
      organisation: row.account.organisationId,
      teams: row.memberships.map((m) => m.teamId),
      profession: row.memberships[0]?.profession,
    };
    const values = { ...current, ...extra.values, was: row.version };
    return reply.page('modules/users/pages/role/role.njk', {
      pageTitle: `Change the role and teams of ${row.account.displayName}`,
      backLink: `/users/${id}`,
      user: { ...row.account, organisation: row.organisationName, roleLabel: roleLabel(row.account.role) },
      singleSignOn: row.account.oidcSubject !== null,
      inTeams: isRole(row.account.role) && worksInTeams(row.account.role),
      ...extra,
      values,
      ...choices(options, values),
    });
  };

  app.get('/users/:id/role', { config: { permission: 'users.change_role', audit: 'user_form_viewed' } }, async (request, reply) => {
    const id = accountId(request.params);
    request.auditDetails = { userId: id };
    return show(request, reply, id);
  });

  app.post('/users/:id/role', { config: { permission: 'users.change_role', audit: false } }, async (request, reply) => {
    const id = accountId(request.params);
    const principal = request.principal!;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const row = await deps.users.get(principal, id);
    const singleSignOn = row.account.oidcSubject !== null;
    const parsed = singleSignOn ? changeTeamsForm.safeParse(body) : changeAccountForm.safeParse(body);
    if (!parsed.success) {
      // Both forms' problems in the page's order (the teams form's fields are the account form's last ones).
      const { list, byField } = errorList(parsed.error.issues, changeAccountForm.fields);
      return show(request, reply.code(400), id, { values: sentValues(body), errorList: list, errors: byField });
    }
    const result = await deps.users.changeAccount(principal, id, accountChange(parsed.data));
    if (!result.ok) {
      const { list, byField } = problemErrors(result.problems, changeAccountForm.fields);
      // A stale form starts again from the account as it is now; otherwise what was sent is kept.
      return show(request, reply.code(result.stale ? 409 : 400), id, { ...(result.stale ? {} : { values: sentValues(body) }), errorList: list, errors: byField });
    }
    return reply.redirect(`/users/${id}?done=role`, 303);
  });
}
