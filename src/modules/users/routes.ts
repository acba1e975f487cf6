import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ROLE_LABELS, isRole } from '../../platform/access/roles.ts';
import { errorList, notFound } from '../../platform/web/errors.ts';
import { ACCOUNT_FIELDS, NEW_USER_FIELDS, changeAccountForm, changeTeamsForm, newUserForm } from './forms.ts';
import { oneTimePasswords } from './one-time-password.ts';
import { worksInTeams, type Problems } from './service.ts';

const userId = z.object({ id: z.uuid() });

/** What the user page says after a change, by the `done` in its address (never text from the address itself). */
const DONE: Record<string, string> = {
  created: 'The account has been created. Give them their username and first password.',
  role: 'The role and teams have been changed. A new role applies from their next page.',
};

type Options = Awaited<ReturnType<Deps['users']['formOptions']>>;

/** The form's choices, with what was chosen (`values`) checked. */
function choices(options: Options, values: Record<string, unknown>) {
  const chosenTeams = new Set(typeof values['teams'] === 'string' ? [values['teams']] : Array.isArray(values['teams']) ? (values['teams'] as unknown[]) : []);
  return {
    roleItems: options.roles.map((role) => ({ value: role, text: ROLE_LABELS[role], checked: values['role'] === role })),
    organisationItems: [{ value: '', text: 'Select an organisation' }, ...options.organisations.map((o) => ({ value: o.id, text: o.name, selected: values['organisation'] === o.id }))],
    teamItems: options.teams.map((t) => ({ value: t.id, text: t.name, checked: chosenTeams.has(t.id) })),
  };
}

/** The service's own findings as the GOV.UK error summary and messages. */
const problemErrors = (problems: Problems, fields: readonly string[]) =>
  errorList(
    Object.entries(problems).map(([path, message]) => ({ path: [path], message: message ?? '' })),
    fields,
  );

/** The form as sent, to show again: never the password. */
const sentValues = (body: Record<string, unknown>) => {
  const { password: _password, _csrf: _token, _submission: _once, ...rest } = body;
  return rest;
};

export function userRoutes(app: FastifyInstance, deps: Deps) {
  const roleLabel = (role: string) => (isRole(role) ? ROLE_LABELS[role] : role);
  const once = oneTimePasswords(deps.config.sessionSecret, deps.config.cookieSecure);
  const idOf = (params: unknown) => {
    const parsed = userId.safeParse(params);
    if (!parsed.success) throw notFound();
    return parsed.data.id;
  };

  app.get('/users', { config: { permission: 'users.view', audit: 'users_listed' } }, async (request, reply) => {
    const rows = await deps.users.list(request.principal!);
    return reply.page('modules/users/list.njk', {
      pageTitle: 'Users',
      users: rows.map((r) => ({ ...r.account, organisation: r.organisationName, roleLabel: roleLabel(r.account.role) })),
    });
  });

  // A new local account ------------------------------------------------------------------------------

  const showNew = async (request: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, unknown>; errorList?: unknown; errors?: unknown } = {}) => {
    const options = await deps.users.formOptions(request.principal!);
    const values = extra.values ?? {};
    return reply.page('modules/users/new.njk', { pageTitle: 'Add a user', backLink: '/users', ...extra, values, ...choices(options, values) });
  };

  app.get('/users/new', { config: { permission: 'users.create', audit: 'user_form_viewed' } }, (request, reply) => showNew(request, reply));

  app.post('/users/new', { config: { permission: 'users.create', audit: false } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = newUserForm.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, NEW_USER_FIELDS);
      return showNew(request, reply.code(400), { values: sentValues(body), errorList: list, errors: byField });
    }
    const principal = request.principal!;
    const result = await deps.users.create(principal, parsed.data);
    if (!result.ok) {
      const { list, byField } = problemErrors(result.problems, NEW_USER_FIELDS);
      return showNew(request, reply.code(400), { values: sentValues(body), errorList: list, errors: byField });
    }
    if (result.generatedPassword === undefined) return reply.redirect(`/users/${result.id}?done=created`, 303);
    reply.setCookie(once.name, once.seal(principal.sessionHash, { userId: result.id, password: result.generatedPassword, kind: 'created' }, deps.clock.now()), once.options);
    return reply.redirect(`/users/${result.id}/password`, 303);
  });

  // One account ----------------------------------------------------------------------------------------

  app.get<{ Querystring: { done?: string } }>('/users/:id', { config: { permission: 'users.view', audit: 'user_viewed' } }, async (request, reply) => {
    const id = idOf(request.params);
    const row = await deps.users.details(request.principal!, id);
    request.auditDetails = { userId: id };
    const done = request.query.done;
    return reply.page('modules/users/show.njk', {
      pageTitle: row.account.displayName,
      backLink: '/users',
      user: { ...row.account, organisation: row.organisationName, roleLabel: roleLabel(row.account.role) },
      memberships: row.memberships,
      isSelf: row.account.id === request.principal!.userId,
      locked: row.account.lockedUntil !== null && row.account.lockedUntil > deps.clock.now(),
      done: typeof done === 'string' && Object.hasOwn(DONE, done) ? DONE[done] : undefined,
    });
  });

  // Role, organisation and teams ---------------------------------------------------------------------

  const showChange = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: { values?: Record<string, unknown>; errorList?: unknown; errors?: unknown } = {}) => {
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
    return reply.page('modules/users/role.njk', {
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
    const id = idOf(request.params);
    request.auditDetails = { userId: id };
    return showChange(request, reply, id);
  });

  app.post('/users/:id/role', { config: { permission: 'users.change_role', audit: false } }, async (request, reply) => {
    const id = idOf(request.params);
    const principal = request.principal!;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const row = await deps.users.get(principal, id);
    const singleSignOn = row.account.oidcSubject !== null;
    const parsed = singleSignOn ? changeTeamsForm.safeParse(body) : changeAccountForm.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, ACCOUNT_FIELDS);
      return showChange(request, reply.code(400), id, { values: sentValues(body), errorList: list, errors: byField });
    }
    const result = await deps.users.changeAccount(principal, id, parsed.data);
    if (!result.ok) {
      const { list, byField } = problemErrors(result.problems, ACCOUNT_FIELDS);
      // A stale form starts again from the account as it is now; otherwise what was sent is kept.
      return showChange(request, reply.code(result.stale ? 409 : 400), id, { ...(result.stale ? {} : { values: sentValues(body) }), errorList: list, errors: byField });
    }
    return reply.redirect(`/users/${id}?done=role`, 303);
  });

  // Passwords ----------------------------------------------------------------------------------------

  app.post('/users/:id/reset-password', { config: { permission: 'users.reset_password', audit: false } }, async (request, reply) => {
    const id = idOf(request.params);
    const principal = request.principal!;
    const password = await deps.users.resetPassword(principal, id);
    reply.setCookie(once.name, once.seal(principal.sessionHash, { userId: id, password, kind: 'reset' }, deps.clock.now()), once.options);
    return reply.redirect(`/users/${id}/password`, 303);
  });

  /** The password just set, shown once: the cookie that carried it is cleared by the answer that shows it. */
  app.get('/users/:id/password', { config: { permission: 'users.view', audit: 'new_password_viewed' } }, async (request, reply) => {
    const id = idOf(request.params);
    const principal = request.principal!;
    const row = await deps.users.mayShowNewPassword(principal, id);
    const sealed = request.cookies[once.name];
    const shown = once.open(principal.sessionHash, sealed, id, deps.clock.now());
    if (shown) reply.clearCookie(once.name, once.options);
    request.auditDetails = { userId: id, shown: shown !== undefined };
    return reply.page('modules/users/password.njk', {
      pageTitle: shown ? (shown.kind === 'created' ? 'Account created' : 'Password reset') : 'There is no new password to show',
      user: { ...row.account, organisation: row.organisationName, roleLabel: roleLabel(row.account.role) },
      shown,
    });
  });

  // Deactivate, reactivate, unlock: each audited by the service, in its own transaction, with what changed.
  for (const [action, permission] of [['deactivate', 'users.manage'], ['reactivate', 'users.manage'], ['unlock', 'users.unlock']] as const) {
    app.post(`/users/:id/${action}`, { config: { permission, audit: false } }, async (request, reply) => {
      const id = idOf(request.params);
      await deps.users[action](request.principal!, id);
      return reply.redirect(`/users/${id}`, 303);
    });
  }
}
