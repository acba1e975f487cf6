import { z } from 'zod';
import { isRole, type Role } from '../../platform/access/roles.ts';
import { passwordProblem } from '../../platform/auth/passwords.ts';
import { CONTROL_CHARACTERS, field, list, textAnswer } from '../../platform/web/form-fields.ts';

/** Lower-case letters, digits, full stops, hyphens and underscores; starting and ending with a letter or digit. */
const USERNAME = /^[a-z0-9](?:[a-z0-9._-]{1,62})[a-z0-9]$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The fields of the role, organisation and teams, in page order. */
export const ACCOUNT_FIELDS = ['role', 'organisation', 'teams', 'profession'] as const;
export const NEW_USER_FIELDS = ['username', 'displayName', ...ACCOUNT_FIELDS, 'password'] as const;

export interface AccountInput {
  role: Role;
  organisationId: string;
  teamIds: string[];
  profession: string | undefined;
}

export interface NewUserInput extends AccountInput {
  username: string;
  displayName: string;
  /** The first password the administrator typed; undefined to generate one. */
  password: string | undefined;
}

type Problem = (path: string, message: string) => void;

const accountShape = { role: field, organisation: field, teams: list, profession: field };

/** The role, organisation and teams as sent: each a well-formed choice (the service checks each is one the administrator may make). */
function readAccount(problem: Problem, form: { role?: string | undefined; organisation?: string | undefined; teams: string[]; profession?: string | undefined }): AccountInput {
  const role = form.role && isRole(form.role) ? form.role : undefined;
  if (!role) problem('role', 'Select a role');
  const organisationId = form.organisation && UUID.test(form.organisation) ? form.organisation : undefined;
  if (!organisationId) problem('organisation', 'Select an organisation');
  const teamIds = [...new Set(form.teams)];
  if (teamIds.some((id) => !UUID.test(id))) problem('teams', 'Select teams from the list');
  const profession = textAnswer(problem, form.profession, 'profession', 'their profession in the team', { required: teamIds.length > 0, max: 100, oneLine: true });
  return { role: role ?? 'family_help_practitioner', organisationId: organisationId ?? '', teamIds, profession: teamIds.length > 0 ? profession : undefined };
}

/** A new local account, as the form sends it; every problem reported at its field. */
export const newUserForm = z
  .object({
    username: field,
    displayName: field,
    ...accountShape,
    // A password is taken exactly as typed: never trimmed or changed, as sign-in does not change it.
    password: z.string().optional().catch(undefined),
  })
  .transform((form, ctx): NewUserInput => {
    const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
    const username = form.username?.toLowerCase();
    if (!username) problem('username', 'Enter a username');
    else if (username.length < 3 || username.length > 64) problem('username', 'The username must be between 3 and 64 characters');
    else if (!USERNAME.test(username)) problem('username', 'The username must only include letters, numbers, full stops, hyphens and underscores, and start and end with a letter or number');
    let displayName = form.displayName;
    if (!displayName) problem('displayName', 'Enter their full name');
    else if (displayName.length > 100) problem('displayName', 'Their full name must be 100 characters or fewer');
    else if (CONTROL_CHARACTERS.test(displayName) || !/\p{L}/u.test(displayName)) problem('displayName', 'Their full name must include letters');
    displayName ??= '';
    const account = readAccount(problem, form);
    // Left empty, a password is generated (and shown once); typed, it must be a good one.
    let password: string | undefined;
    if (form.password) {
      const wrong = passwordProblem(form.password, username);
      if (wrong) problem('password', wrong);
      else password = form.password;
    }
    return { username: username ?? '', displayName, ...account, password };
  });

/** A change of role, organisation and teams, from the form opened at version `was`. */
export const changeAccountForm = z
  .object({ ...accountShape, was: field })
  .transform((form, ctx) => {
    const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
    const account = readAccount(problem, form);
    return { ...account, was: form.was ?? '' };
  });

/** The same change for a single sign-on account: the identity provider decides the role and organisation, so only the teams. */
export const changeTeamsForm = z
  .object({ teams: list, profession: field, was: field })
  .transform((form, ctx) => {
    const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
    const teamIds = [...new Set(form.teams)];
    if (teamIds.some((id) => !UUID.test(id))) problem('teams', 'Select teams from the list');
    const profession = textAnswer(problem, form.profession, 'profession', 'their profession in the team', { required: teamIds.length > 0, max: 100, oneLine: true });
    return { teamIds, profession: teamIds.length > 0 ? profession : undefined, was: form.was ?? '' };
  });
