import { createHash, randomUUID } from 'node:crypto';
import type { Database, Tx } from '../../platform/db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { GIVE_ROLE, type Permission } from '../../platform/access/permissions.ts';
import { can } from '../../platform/access/policy.ts';
import { ROLES, ROLE_LABELS, isRole, type Role } from '../../platform/access/roles.ts';
import { generatePassword, hashPassword } from '../../platform/auth/passwords.ts';
import { accounts as repo, actorOf, type Principal } from '../../platform/auth/service.ts';
import { badForm, forbidden, notFound } from '../../platform/web/errors.ts';
import { membershipsOf, setMemberships, teamsOf } from '../family-help/teams.ts';
import { lockAccountForChange, organisationsOf } from './repository.ts';

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

type OrganisationKind = 'local_authority' | 'police' | 'health' | 'school' | 'advocacy_service' | 'regional_care_cooperative';

/** Partners and advocates belong to their own agency; everyone else to the council (or a regional care cooperative). */
const AGENCY_OF: Partial<Record<Role, { kind: OrganisationKind; words: string }>> = {
  police_partner: { kind: 'police', words: 'a police force' },
  health_partner: { kind: 'health', words: 'a health organisation' },
  school_partner: { kind: 'school', words: 'a school' },
  independent_advocate: { kind: 'advocacy_service', words: 'an advocacy service' },
};
const STAFF_KINDS: readonly OrganisationKind[] = ['local_authority', 'regional_care_cooperative'];

export const organisationFits = (role: Role, kind: string) => {
  const agency = AGENCY_OF[role];
  return agency ? agency.kind === kind : (STAFF_KINDS as readonly string[]).includes(kind);
};

/** Only the authority's own staff work in its teams. */
export const worksInTeams = (role: Role) => AGENCY_OF[role] === undefined;

/** The roles the policy lets this user give (and take away). */
export const rolesGivableBy = (principal: Principal): Role[] => ROLES.filter((role) => can(principal, GIVE_ROLE[role]));

const mayGive = (principal: Principal, role: string) => isRole(role) && can(principal, GIVE_ROLE[role]);

/** Field problems the service found, shown on the form as Zod's are. */
export type Problems = Partial<Record<string, string>>;

/**
 * What the change form was opened at: role, organisation, teams and profession. A save from a
 * form opened before someone else's change is refused, so neither silently undoes the other.
 */
function fingerprint(account: { role: string; organisationId: string }, memberships: readonly { teamId: string; profession: string }[]): string {
  const teams = memberships.map((m) => `${m.teamId}:${m.profession}`).sort().join(',');
  return createHash('sha256').update(`${account.role}|${account.organisationId}|${teams}`).digest('hex').slice(0, 32);
}

/** Account administration within the administrator's own authority. */
export function createUserAdminService(database: Database, audit: AuditService, clock: Clock) {
  async function accountInMyAuthority(principal: Principal, userId: string) {
    const row = await repo.findById(database.db, userId);
    // Another authority's account is "not found", never "forbidden": no cross-tenant enumeration.
    if (!row || row.account.laCode !== principal.laCode) throw notFound();
    return row;
  }

  const CHANGES = {
    // Deactivation ends every session at once (ASVS 7.4.2), not at the next sign-in.
    deactivate: { permission: 'users.manage', action: 'user_deactivated', fields: (now: Date) => ({ active: false, deactivatedAt: now }), endSessions: true },
    reactivate: { permission: 'users.manage', action: 'user_reactivated', fields: () => ({ active: true, deactivatedAt: null, failedAttempts: 0, lockedUntil: null }), endSessions: false },
    unlock: { permission: 'users.unlock', action: 'user_unlocked', fields: () => ({ failedAttempts: 0, lockedUntil: null }), endSessions: false },
  } as const;

  async function change(principal: Principal, userId: string, kind: keyof typeof CHANGES) {
    const { permission, action, fields, endSessions } = CHANGES[kind];
    if (!can(principal, permission)) throw forbidden();
    const row = await accountInMyAuthority(principal, userId);
    if (row.account.id === principal.userId) throw forbidden(); // nobody locks themselves out
    const now = clock.now();
    await database.tenant(principal.laCode, async (tx) => {
      await repo.update(tx, userId, fields(now));
      if (endSessions) await repo.endSessions(tx, userId, now, 'deactivated');
      await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action, outcome: 'success', details: { userId } });
    });
  }


  /** The role, organisation and teams checked against the authority's own organisations and teams. */
  async function checkAccount(tx: Tx, principal: Principal, input: AccountInput): Promise<Problems> {
    const problems: Problems = {};
    const [organisations, teams] = await Promise.all([organisationsOf(tx, principal.laCode), teamsOf(tx, principal.laCode)]);
    const organisation = organisations.find((o) => o.id === input.organisationId);
    if (!organisation) problems['organisation'] = 'Select an organisation';
    else if (!organisationFits(input.role, organisation.kind)) {
      problems['organisation'] = `For the role ${ROLE_LABELS[input.role]}, select ${AGENCY_OF[input.role]?.words ?? 'the council or a regional care cooperative'}`;
    }
    if (input.teamIds.some((id) => !teams.some((t) => t.id === id))) problems['teams'] = 'Select teams from the list';
    else if (input.teamIds.length > 0 && !worksInTeams(input.role)) problems['teams'] = 'Partners and advocates are not in the authority’s teams: clear the teams';
    return problems;
  }

  /**
   * The role given (to a new account, or changed `from` another), then the organisation and teams.
   * A role the policy does not let this user give, or take away, is refused and audited as a refusal
   * with what was tried (`about`); anything else wrong comes back as a problem at its field.
   */
  async function checkRoleAndAccount(tx: Tx, principal: Principal, input: AccountInput, { from, about }: { from?: Role; about: Record<string, unknown> }): Promise<Problems> {
    const refused = from === undefined ? !mayGive(principal, input.role) : input.role !== from && (!mayGive(principal, from) || !mayGive(principal, input.role));
    if (refused) {
      await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'user_role_refused', outcome: 'denied', details: { ...about, reason: 'role_not_givable' } });
      const which = from === undefined || mayGive(principal, from) ? `give the role ${ROLE_LABELS[input.role]}` : `change the role of an account with the role ${ROLE_LABELS[from]}`;
      return { role: `You cannot ${which}` };
    }
    return checkAccount(tx, principal, input);
  }

  /** The account's teams (and profession in them) saved, and what was done audited as a success, in the same transaction. */
  async function saveTeams(tx: Tx, principal: Principal, userId: string, input: { teamIds: string[]; profession: string | undefined }, action: string, details: Record<string, unknown>) {
    await setMemberships(tx, principal.laCode, userId, input.teamIds, input.profession);
    await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action, outcome: 'success', details });
  }

  function mustHold(principal: Principal, permission: Permission) {
    if (!can(principal, permission)) throw forbidden();
  }

  return {
    async list(principal: Principal) {
      mustHold(principal, 'users.view');
      return repo.list(database.db, principal.laCode);
    },

    async get(principal: Principal, userId: string) {
      mustHold(principal, 'users.view');
      return accountInMyAuthority(principal, userId);
    },

    /** An account with its teams, and the version a change form is opened at. */
    async details(principal: Principal, userId: string) {
      mustHold(principal, 'users.view');
      const row = await accountInMyAuthority(principal, userId);
      const memberships = await database.tenant(principal.laCode, (tx) => membershipsOf(tx, principal.laCode, userId));
      return { ...row, memberships, version: fingerprint(row.account, memberships) };
    },

    /** What the create and change forms offer: the roles this user may give, the authority's organisations and teams. */
    async formOptions(principal: Principal) {
      if (!can(principal, 'users.create') && !can(principal, 'users.change_role')) throw forbidden();
      return database.tenant(principal.laCode, async (tx) => ({
        roles: rolesGivableBy(principal),
        organisations: await organisationsOf(tx, principal.laCode),
        teams: await teamsOf(tx, principal.laCode),
      }));
    },

    /**
     * Creates a local account (username and password) in the administrator's own authority, with
     * a first password they typed or one generated here, returned once to be shown once.
     */
    async create(principal: Principal, input: NewUserInput): Promise<{ ok: true; id: string; generatedPassword?: string } | { ok: false; problems: Problems }> {
      mustHold(principal, 'users.create');
      const password = input.password ?? generatePassword();
      const passwordHash = await hashPassword(password);
      return database.tenant(principal.laCode, async (tx) => {
        const problems = await checkRoleAndAccount(tx, principal, input, { about: { username: input.username, role: input.role } });
        if (Object.keys(problems).length > 0) return { ok: false, problems };
        const id = randomUUID();
        const created = await repo.insert(tx, {
          id,
          laCode: principal.laCode,
          organisationId: input.organisationId,
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          passwordHash,
        });
        if (!created) return { ok: false, problems: { username: 'This username is already in use: choose another' } };
        await saveTeams(tx, principal, id, input, 'user_created', {
          userId: id,
          username: input.username,
          role: input.role,
          organisationId: input.organisationId,
          teams: input.teamIds,
          passwordGenerated: input.password === undefined,
        });
        return input.password === undefined ? { ok: true, id, generatedPassword: password } : { ok: true, id };
      });
    },

    /**
     * Changes an account's role, organisation and teams; for a single sign-on account only its
     * teams (the identity provider's groups decide the rest at every sign-in). The new role takes
     * effect on the user's next request. Refused if the form was opened before another change.
     */
    async changeAccount(
      principal: Principal,
      userId: string,
      input: { role?: Role; organisationId?: string; teamIds: string[]; profession: string | undefined; was: string },
    ): Promise<{ ok: true } | { ok: false; problems: Problems; stale?: boolean }> {
      mustHold(principal, 'users.change_role');
      await accountInMyAuthority(principal, userId);
      if (userId === principal.userId) throw forbidden(); // nobody changes their own role
      return database.tenant(principal.laCode, async (tx) => {
        const current = await lockAccountForChange(tx, userId);
        if (!current || current.laCode !== principal.laCode) throw notFound();
        const memberships = await membershipsOf(tx, principal.laCode, userId);
        if (fingerprint(current, memberships) !== input.was) {
          return { ok: false, stale: true, problems: { role: 'Someone else changed this account while you were working on it: check its role and teams, then make your change again' } };
        }
        const singleSignOn = current.oidcSubject !== null;
        if (!isRole(current.role)) throw badForm();
        const role: Role = singleSignOn ? current.role : (input.role ?? current.role);
        const organisationId = singleSignOn ? current.organisationId : (input.organisationId ?? current.organisationId);
        const problems = await checkRoleAndAccount(tx, principal, { role, organisationId, teamIds: input.teamIds, profession: input.profession }, { from: current.role, about: { userId, roleFrom: current.role, roleTo: role } });
        if (Object.keys(problems).length > 0) return { ok: false, problems };
        if (role !== current.role || organisationId !== current.organisationId) await repo.update(tx, userId, { role, organisationId });
        await saveTeams(tx, principal, userId, input, 'user_role_changed', {
          userId,
          roleFrom: current.role,
          roleTo: role,
          organisationFrom: current.organisationId,
          organisationTo: organisationId,
          teamsFrom: memberships.map((m) => m.teamId),
          teamsTo: input.teamIds,
        });
        return { ok: true };
      });
    },

    /**
     * Gives a local account a new generated password, returned once to be shown once. The lock
     * is lifted and every session of the account ends at once. Whoever resets a password could
     * sign in as that person, so it needs the permission to give their role.
     */
    async resetPassword(principal: Principal, userId: string): Promise<string> {
      mustHold(principal, 'users.reset_password');
      const row = await accountInMyAuthority(principal, userId);
      if (userId === principal.userId || !mayGive(principal, row.account.role)) throw forbidden();
      if (row.account.oidcSubject !== null) throw badForm(); // single sign-on accounts have no password here
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      const now = clock.now();
      await database.tenant(principal.laCode, async (tx) => {
        await repo.update(tx, userId, { passwordHash, failedAttempts: 0, lockedUntil: null });
        const sessionsEnded = await repo.endSessions(tx, userId, now, 'password_reset');
        await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'user_password_reset', outcome: 'success', details: { userId, sessionsEnded } });
      });
      return password;
    },

    /** Whether this user may see a password just set for the account (the page that shows it once). */
    async mayShowNewPassword(principal: Principal, userId: string) {
      if (!can(principal, 'users.create') && !can(principal, 'users.reset_password')) throw forbidden();
      return accountInMyAuthority(principal, userId);
    },

    deactivate: (principal: Principal, userId: string) => change(principal, userId, 'deactivate'),
    reactivate: (principal: Principal, userId: string) => change(principal, userId, 'reactivate'),
    unlock: (principal: Principal, userId: string) => change(principal, userId, 'unlock'),
  };
}
