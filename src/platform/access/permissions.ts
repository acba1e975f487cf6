import { ROLES, type Role } from './roles.ts';

/**
 * Permissions are activities (NHS RBAC "B codes"). Some include others: whoever may
 * manage users may also view them. `PUBLIC` marks a route anyone may use, signed in or not;
 * it is a declaration, never a default.
 */
export const PUBLIC = 'public' as const;

export const PERMISSIONS = [
  'session.own', // pages about the signed-in user's own session: sign out, My work
  'work.own.view',
  'users.view',
  'users.manage', // deactivate and reactivate accounts
  'users.create', // create a local account (username and password) in the administrator's own authority
  'users.change_role', // change an account's role, organisation and teams
  'users.unlock', // unlock an account locked after failed sign-ins
  'users.reset_password', // give a local account a new generated password, ending its sessions
  'users.give_role', // give an account any role but administrator, or take one away
  'users.give_administrator', // make an account an administrator, or take the role away
  'audit.view',
  'audit.verify',
  'people.search',
  'people.create',
  'record.open', // may open a child's record page at all; the service decides which, by relationship
  'record.access_log',
  'record.break_glass',
  'access_reviews.manage',
  'record.view',
  'record.identify', // who a person is (names, date of birth, postcode, relatives), to tell whether a request is about them
  'record.edit',
  'record.location', // where a location-withheld child lives (the S-flag): their allocated workers and manager only
  'record.restrict', // make a record restricted or ordinary again, and keep its access list
  'record.seal', // seal an adopted child's record (and unseal it)
  'returns.view',
  'returns.generate',
  'requests.submit', // a partner asks for help for a child, and sees what they sent and its outcome
  'requests.record', // staff record a request that came by phone or in person
  'requests.triage', // the front door: see the requests waiting and decide on them
  'team.view', // a manager's view of their teams' cases, overdue first
  'notes.authorise', // a manager authorises case notes and records oversight on their teams' cases
  'notes.draft', // read a draft case note: its author's alone until it is final
  'notes.change', // change a note one wrote: carry on with a draft, amend a final note, mark it recorded in error (see `mayChangeNote`)
  'notes.mark_in_error', // mark anyone's note on a case recorded in error (the wrong child, the wrong case)
  'case.manage', // the decisions that are the case lead's: change the basis, record support, close the case
  'cp.strategy', // the multi-agency child protection team: strategy discussions waiting for a Child Protection Lead Practitioner
  'cp.decide', // the Child Protection Lead Practitioner's decisions: strategy discussion, section 47, conferences, plan, sharing
  'court.manage', // pre-proceedings, the offer of family group decision making, issuing, hearings and outcomes
  'contexts.manage', // harm outside the home: contexts (places, peer groups, online spaces) linking children
  'shares.view', // a partner sees what was shared with them, for its purpose, and adds what their agency knows
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type RoutePermission = Permission | typeof PUBLIC;

/** A permission and everything it includes, so a rule never has to list both. */
export const INCLUDES: Partial<Record<Permission, readonly Permission[]>> = {
  'users.manage': ['users.view'],
  'audit.verify': ['audit.view'],
  'record.edit': ['record.view'],
  'record.view': ['record.identify'],
  'record.seal': ['record.restrict'],
  'returns.generate': ['returns.view'],
  'requests.triage': ['requests.record'],
};

/**
 * The permission needed to give an account each role, or to take it away: whoever creates an
 * account or changes its role must hold the permission for the role it had and the role it gets.
 */
export const GIVE_ROLE: Record<Role, Permission> = Object.fromEntries(
  ROLES.map((role) => [role, role === 'administrator' ? 'users.give_administrator' : 'users.give_role']),
) as Record<Role, Permission>;

export function expand(permission: Permission): Set<Permission> {
  const seen = new Set<Permission>();
  const stack: Permission[] = [permission];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    stack.push(...(INCLUDES[p] ?? []));
  }
  return seen;
}

export function isPermission(value: unknown): value is RoutePermission {
  return value === PUBLIC || (PERMISSIONS as readonly unknown[]).includes(value);
}
