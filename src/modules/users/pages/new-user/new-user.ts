import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { passwordProblem } from '../../../../platform/auth/passwords.ts';
import { CONTROL_CHARACTERS, field } from '../../../../platform/web/form-fields.ts';
import { errorList } from '../../../../platform/web/errors.ts';
import { defineForm, refuse, type Earlier } from '../../../../platform/web/form.ts';
import type { NewUserInput } from '../../service.ts';
import { oneTimePasswords } from '../../one-time-password.ts';
import { accountFields, choices, problemErrors, sentValues } from '../account-form.ts';

/** Lower-case letters, digits, full stops, hyphens and underscores; starting and ending with a letter or digit. */
const USERNAME = /^[a-z0-9](?:[a-z0-9._-]{1,62})[a-z0-9]$/;

/** A username, as sign-in takes it: lower case. */
const username = field.transform((value, ctx) => {
  const name = value?.toLowerCase();
  if (!name) return refuse(ctx, 'Enter a username');
  if (name.length < 3 || name.length > 64) return refuse(ctx, 'The username must be between 3 and 64 characters');
  if (!USERNAME.test(name)) return refuse(ctx, 'The username must only include letters, numbers, full stops, hyphens and underscores, and start and end with a letter or number');
  return name;
});

/** Their full name, as the service shows it. */
const displayName = field.transform((value, ctx) => {
  if (!value) return refuse(ctx, 'Enter their full name');
  if (value.length > 100) return refuse(ctx, 'Their full name must be 100 characters or fewer');
  if (CONTROL_CHARACTERS.test(value) || !/\p{L}/u.test(value)) return refuse(ctx, 'Their full name must include letters');
  return value;
});

/**
 * A first password, taken exactly as typed: never trimmed or changed, as sign-in does not change
 * it. Left empty, one is generated (and shown once); typed, it must be a good one.
 */
const password = ({ username }: Earlier) =>
  z
    .string()
    .optional()
    .catch(undefined)
    .transform((value, ctx) => {
      if (!value) return undefined;
      const wrong = passwordProblem(value, typeof username === 'string' ? username : undefined);
      return wrong ? refuse(ctx, wrong) : value;
    });

/** A new local account, as the form sends it; every problem reported at its field, in page order. */
export const newUserForm = defineForm({ username, displayName, ...accountFields, password });

/** The account to create, from the form's answers. */
export const newUser = ({ organisation, teams, ...answers }: z.infer<typeof newUserForm>): NewUserInput => ({ ...answers, organisationId: organisation, teamIds: teams });

/** Adding a local account (username and password) in the administrator's own authority. */
export function newUserPage(app: FastifyInstance, deps: Deps) {
  const once = oneTimePasswords(deps.config.sessionSecret, deps.config.cookieSecure);

  const show = async (request: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, unknown>; errorList?: unknown; errors?: unknown } = {}) => {
    const options = await deps.users.formOptions(request.principal!);
    const values = extra.values ?? {};
    return reply.page('modules/users/pages/new-user/new-user.njk', { pageTitle: 'Add a user', backLink: '/users', ...extra, values, ...choices(options, values) });
  };

  app.get('/users/new', { config: { permission: 'users.create', audit: 'user_form_viewed' } }, (request, reply) => show(request, reply));

  app.post('/users/new', { config: { permission: 'users.create', audit: false } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = newUserForm.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, newUserForm.fields);
      return show(request, reply.code(400), { values: sentValues(body), errorList: list, errors: byField });
    }
    const principal = request.principal!;
    const result = await deps.users.create(principal, newUser(parsed.data));
    if (!result.ok) {
      const { list, byField } = problemErrors(result.problems, newUserForm.fields);
      return show(request, reply.code(400), { values: sentValues(body), errorList: list, errors: byField });
    }
    if (result.generatedPassword === undefined) return reply.redirect(`/users/${result.id}?done=created`, 303);
    reply.setCookie(once.name, once.seal(principal.sessionHash, { userId: result.id, password: result.generatedPassword, kind: 'created' }, deps.clock.now()), once.options);
    return reply.redirect(`/users/${result.id}/password`, 303);
  });
}
