import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { ROLES, ROLE_LABELS } from '../../../platform/access/roles.ts';
import { errorList, notFound } from '../../../platform/web/errors.ts';
import { choice, chosenId, chosenIds, text, type Earlier } from '../../../platform/web/form.ts';
import type { Problems } from '../service.ts';

/**
 * The fields of an account's role, organisation and teams, shared by the new-user and change
 * forms, and what those pages show of them.
 */

/** The teams they work in, and (if any) their profession in them. */
export const teamFields = {
  teams: chosenIds('Select teams from the list'),
  // Asked whenever teams were sent (well-formed or not); kept only when they work in some.
  profession: ({ teams }: Earlier) => {
    const inTeams = !Array.isArray(teams) || teams.length > 0;
    const profession = text('their profession in the team', { required: inTeams, max: 100, oneLine: true });
    return inTeams ? profession : profession.transform(() => undefined);
  },
};

/** The role, organisation and teams, each a well-formed choice (the service checks each is one the administrator may make). */
export const accountFields = {
  role: choice(ROLES, 'Select a role'),
  organisation: chosenId('Select an organisation'),
  ...teamFields,
};

type Options = Awaited<ReturnType<Deps['users']['formOptions']>>;

/** The form's choices, with what was chosen (`values`) checked. */
export function choices(options: Options, values: Record<string, unknown>) {
  const chosenTeams = new Set(typeof values['teams'] === 'string' ? [values['teams']] : Array.isArray(values['teams']) ? (values['teams'] as unknown[]) : []);
  return {
    roleItems: options.roles.map((role) => ({ value: role, text: ROLE_LABELS[role], checked: values['role'] === role })),
    organisationItems: [{ value: '', text: 'Select an organisation' }, ...options.organisations.map((o) => ({ value: o.id, text: o.name, selected: values['organisation'] === o.id }))],
    teamItems: options.teams.map((t) => ({ value: t.id, text: t.name, checked: chosenTeams.has(t.id) })),
  };
}

/** The service's own findings as the GOV.UK error summary and messages. */
export const problemErrors = (problems: Problems, fields: readonly string[]) =>
  errorList(
    Object.entries(problems).map(([path, message]) => ({ path: [path], message: message ?? '' })),
    fields,
  );

/** The form as sent, to show again: never the password. */
export const sentValues = (body: Record<string, unknown>) => {
  const { password: _password, _csrf: _token, _submission: _once, ...rest } = body;
  return rest;
};

const userId = z.object({ id: z.uuid() });

/** The account a page is about, from its path (anything but an id is not a page). */
export function accountId(params: unknown) {
  const parsed = userId.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.id;
}
