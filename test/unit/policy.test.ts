import { describe, expect, it } from 'vitest';
import { GIVE_ROLE, INCLUDES, PERMISSIONS, PUBLIC, expand, isPermission, type Permission } from '../../src/platform/access/permissions.ts';
import {
  RULES,
  beyondAccessList,
  can,
  canOnChild,
  decide,
  knowable,
  knowableFor,
  mayChangeNote,
  mayEver,
  mayMarkNoteInError,
  mayShowAddress,
  permittedAmong,
  toRecordNote,
  towardsNote,
  type ChildAccess,
  type Relationship,
} from '../../src/platform/access/policy.ts';
import { ROLES, type Role } from '../../src/platform/access/roles.ts';

const PARTNERS: readonly Role[] = ['police_partner', 'health_partner', 'school_partner'];
const PRACTITIONERS: readonly Role[] = ['family_help_practitioner', 'social_worker', 'cp_lead_practitioner'];
const STAFF: readonly Role[] = ROLES.filter((r) => !PARTNERS.includes(r));
const CASE_STAFF: readonly Role[] = ['family_help_practitioner', 'social_worker', 'cp_lead_practitioner', 'team_manager', 'placements_officer'];

/**
 * What each role may do with the `any` relationship (no particular child), written out by hand so
 * a change to RULES or INCLUDES has to be made here too. Anything not listed is denied.
 */
const ANY_GRANTS: Record<Role, readonly Permission[]> = {
  family_help_practitioner: ['session.own', 'work.own.view', 'people.search', 'record.open', 'record.break_glass', 'people.create', 'requests.triage', 'requests.record'],
  social_worker: ['session.own', 'work.own.view', 'people.search', 'record.open', 'record.break_glass', 'people.create', 'requests.triage', 'requests.record'],
  cp_lead_practitioner: ['session.own', 'work.own.view', 'people.search', 'record.open', 'record.break_glass', 'people.create', 'requests.triage', 'requests.record', 'cp.strategy', 'contexts.manage'],
  team_manager: ['session.own', 'work.own.view', 'users.view', 'returns.generate', 'returns.view', 'people.search', 'record.open', 'record.break_glass', 'access_reviews.manage', 'people.create', 'requests.triage', 'requests.record', 'team.view', 'contexts.manage'],
  police_partner: ['session.own', 'work.own.view', 'record.open', 'requests.submit'],
  health_partner: ['session.own', 'work.own.view', 'record.open', 'requests.submit'],
  school_partner: ['session.own', 'work.own.view', 'record.open', 'requests.submit'],
  independent_advocate: ['session.own', 'work.own.view', 'record.open'],
  placements_officer: ['session.own', 'work.own.view', 'people.search', 'record.open', 'record.break_glass'],
  data_analyst: ['session.own', 'work.own.view', 'audit.verify', 'audit.view', 'returns.generate', 'returns.view'],
  administrator: [
    'session.own',
    'work.own.view',
    'users.manage',
    'users.view',
    'users.create',
    'users.change_role',
    'users.unlock',
    'users.reset_password',
    'users.give_role',
    'users.give_administrator',
    'audit.verify',
    'audit.view',
    'record.access_log',
    'record.restrict',
    'record.seal',
    'access_reviews.manage',
  ],
};

const matrix = ROLES.flatMap((role) =>
  PERMISSIONS.map((permission) => ({ role, permission, allowed: ANY_GRANTS[role].includes(permission) })),
);

describe('role × permission with no particular child (relationship "any")', () => {
  it('the expected table covers every role', () => {
    expect(Object.keys(ANY_GRANTS).sort()).toEqual([...ROLES].sort());
  });

  it.each(matrix)('$role → $permission: $allowed', ({ role, permission, allowed }) => {
    expect(can({ role }, permission)).toBe(allowed);
    expect(can({ role }, permission, { relationships: ['any'] })).toBe(allowed);
  });

  it.each(ROLES)('%s can see their own work and end their own session', (role) => {
    expect(can({ role }, 'work.own.view')).toBe(true);
    expect(can({ role }, 'session.own')).toBe(true);
  });

  it('only administrators manage users', () => {
    expect(ROLES.filter((role) => can({ role }, 'users.manage'))).toEqual(['administrator']);
  });

  it('team managers view users but do not manage them', () => {
    expect(can({ role: 'team_manager' }, 'users.view')).toBe(true);
    expect(can({ role: 'team_manager' }, 'users.manage')).toBe(false);
  });

  it.each(['users.create', 'users.change_role', 'users.unlock', 'users.reset_password', 'users.give_role', 'users.give_administrator'] as const)(
    'only administrators hold %s, and it does not come with viewing or deactivating users',
    (permission) => {
      expect(ROLES.filter((role) => can({ role }, permission))).toEqual(['administrator']);
      expect(expand('users.manage').has(permission)).toBe(false);
      expect(expand('users.view').has(permission)).toBe(false);
    },
  );

  it('says, for every role, which permission gives it: administrator its own, every other role the same one', () => {
    expect(Object.keys(GIVE_ROLE).sort()).toEqual([...ROLES].sort());
    expect(GIVE_ROLE.administrator).toBe('users.give_administrator');
    for (const role of ROLES.filter((r) => r !== 'administrator')) expect(GIVE_ROLE[role], role).toBe('users.give_role');
  });

  it('administrators may give every role, including another administrator; nobody else may give any', () => {
    for (const role of ROLES) {
      const givable = ROLES.filter((r) => can({ role }, GIVE_ROLE[r]));
      expect(givable, role).toEqual(role === 'administrator' ? ROLES : []);
    }
  });

  it('administrators and data analysts verify the audit trail and, through INCLUDES, view it', () => {
    expect(ROLES.filter((role) => can({ role }, 'audit.verify')).sort()).toEqual(['administrator', 'data_analyst']);
    expect(ROLES.filter((role) => can({ role }, 'audit.view')).sort()).toEqual(['administrator', 'data_analyst']);
  });

  it.each(PARTNERS)('%s has no users.*, audit.* or returns.* permission', (role) => {
    const admin = PERMISSIONS.filter((p) => /^(users|audit|returns)\./.test(p));
    expect(admin.length).toBeGreaterThan(0);
    for (const permission of admin) expect(can({ role }, permission), permission).toBe(false);
  });

  it('names the rule that allowed a request, and none when denied', () => {
    const yes = decide({ role: 'administrator' }, 'users.view');
    expect(yes.allowed).toBe(true);
    expect(yes.rule?.permissions).toContain('users.manage');
    expect(decide({ role: 'social_worker' }, 'users.view')).toEqual({ allowed: false });
  });
});

describe('purpose', () => {
  it('a rule that names purposes applies only when one of them is given', () => {
    const relationships = ['break_glass'] as const;
    expect(can({ role: 'social_worker' }, 'record.view', { relationships, purpose: 'emergency' })).toBe(true);
    expect(can({ role: 'social_worker' }, 'record.view', { relationships })).toBe(false);
    expect(can({ role: 'social_worker' }, 'record.view', { relationships, purpose: 'management' })).toBe(false);
  });

  it('a rule that names no purpose applies whatever the purpose', () => {
    expect(can({ role: 'administrator' }, 'users.manage')).toBe(true);
    expect(can({ role: 'administrator' }, 'users.manage', { purpose: 'administration' })).toBe(true);
  });
});

describe('children\'s records need a relationship to the child', () => {
  it.each(ROLES)('%s cannot view or edit a record with no relationship', (role) => {
    expect(can({ role }, 'record.view')).toBe(false);
    expect(can({ role }, 'record.edit')).toBe(false);
    expect(can({ role }, 'record.view', { relationships: [] })).toBe(false);
    expect(can({ role }, 'record.view', { relationships: ['any'] })).toBe(false);
  });

  it.each(ROLES)('%s: allocated', (role) => {
    const practitioner = PRACTITIONERS.includes(role);
    expect(can({ role }, 'record.edit', { relationships: ['allocated'] })).toBe(practitioner);
    // record.edit includes record.view
    expect(can({ role }, 'record.view', { relationships: ['allocated'] })).toBe(practitioner);
    expect(can({ role }, 'record.edit', { relationships: ['allocated'], purpose: 'direct_work' })).toBe(practitioner);
  });

  it.each(ROLES)('%s: shared', (role) => {
    // Partners never browse a record: a share shows them only what it holds.
    expect(can({ role }, 'shares.view', { relationships: ['shared'] })).toBe(PARTNERS.includes(role));
    expect(can({ role }, 'record.view', { relationships: ['shared'] })).toBe(false);
    expect(can({ role }, 'record.edit', { relationships: ['shared'] })).toBe(false);
  });

  it.each(ROLES)('%s: co-working on child protection', (role) => {
    // The Child Protection Lead Practitioner decides on the enquiry and the plan; the family's
    // lead keeps the case. Neither holds the other's decisions.
    expect(can({ role }, 'cp.decide', { relationships: ['cp_lead', 'allocated'] })).toBe(role === 'cp_lead_practitioner');
    expect(can({ role }, 'cp.decide', { relationships: ['case_lead', 'allocated', 'team', 'manages'] })).toBe(false);
    expect(can({ role }, 'case.manage', { relationships: ['case_lead'] })).toBe(PRACTITIONERS.includes(role));
    expect(can({ role }, 'case.manage', { relationships: ['cp_lead', 'allocated'] })).toBe(false);
    expect(can({ role }, 'case.manage', { relationships: ['manages'] })).toBe(role === 'team_manager');
    expect(can({ role }, 'cp.strategy')).toBe(role === 'cp_lead_practitioner');
    expect(can({ role }, 'court.manage', { relationships: ['cp_lead'] })).toBe(role === 'cp_lead_practitioner');
    expect(can({ role }, 'court.manage', { relationships: ['manages'] })).toBe(role === 'team_manager');
    expect(can({ role }, 'court.manage', { relationships: ['case_lead', 'allocated', 'team'] })).toBe(false);
  });

  it.each(ROLES)('%s: break_glass', (role) => {
    // Case staff only: those who may search for a child (not the data team, administrators or advocates).
    const staff = CASE_STAFF.includes(role);
    expect(can({ role }, 'record.view', { relationships: ['break_glass'], purpose: 'emergency' })).toBe(staff);
    expect(can({ role }, 'record.break_glass')).toBe(staff);
    expect(can({ role }, 'record.edit', { relationships: ['break_glass'], purpose: 'emergency' })).toBe(false);
    expect(can({ role }, 'record.edit', { relationships: ['break_glass'] })).toBe(false);
  });

  it('break-glass access is only for an emergency', () => {
    expect(can({ role: 'social_worker' }, 'record.view', { relationships: ['break_glass'], purpose: 'direct_work' })).toBe(false);
  });

  it.each(['team', 'manages'] as const)('through "%s", team staff view but nobody edits', (relationship: Relationship) => {
    for (const role of ROLES) {
      const allowed = STAFF.includes(role) && role !== 'data_analyst' && role !== 'administrator';
      expect(can({ role }, 'record.view', { relationships: [relationship] }), role).toBe(allowed);
      expect(can({ role }, 'record.edit', { relationships: [relationship] }), role).toBe(false);
    }
  });

  it('data analysts and administrators cannot view records through the team', () => {
    for (const role of ['data_analyst', 'administrator'] as const) {
      expect(can({ role }, 'record.view', { relationships: ['team', 'manages'] })).toBe(false);
    }
  });

  it.each(ROLES)('%s: supervises (a worker in their team is allocated to the child) reads, never changes', (role) => {
    const manager = role === 'team_manager';
    const relationships = ['supervises'] as const;
    expect(can({ role }, 'record.view', { relationships })).toBe(manager);
    expect(can({ role }, 'record.access_log', { relationships })).toBe(manager);
    expect(can({ role }, 'record.location', { relationships })).toBe(manager);
    for (const change of ['record.edit', 'case.manage', 'notes.authorise', 'court.manage', 'cp.decide', 'record.restrict'] as const) {
      expect(can({ role }, change, { relationships }), change).toBe(false);
    }
  });

  it('a withheld location: the allocated workers and their managers, never emergency access or the team', () => {
    expect(ROLES.filter((role) => can({ role }, 'record.location', { relationships: ['allocated'] }))).toEqual(PRACTITIONERS);
    expect(ROLES.filter((role) => can({ role }, 'record.location', { relationships: ['manages'] }))).toEqual(['team_manager']);
    for (const role of ROLES) {
      expect(can({ role }, 'record.location', { relationships: ['break_glass'], purpose: 'emergency' }), role).toBe(false);
      expect(can({ role }, 'record.location', { relationships: ['team', 'case_lead', 'shared'] }), role).toBe(false);
    }
  });

  it('restricting a record is for the manager of the team holding the case and the privacy officer; sealing for the privacy officer only', () => {
    expect(ROLES.filter((role) => can({ role }, 'record.restrict', { relationships: ['manages', 'any'] }))).toEqual(['team_manager', 'administrator']);
    expect(ROLES.filter((role) => can({ role }, 'record.seal', { relationships: ['manages', 'allocated', 'case_lead', 'any'] }))).toEqual(['administrator']);
    expect(can({ role: 'team_manager' }, 'record.restrict', { relationships: ['supervises', 'team'] })).toBe(false);
  });

  it('any one matching relationship is enough', () => {
    expect(can({ role: 'social_worker' }, 'record.edit', { relationships: ['team', 'allocated'] })).toBe(true);
    expect(can({ role: 'social_worker' }, 'record.edit', { relationships: ['team', 'shared'] })).toBe(false);
  });
});

describe('record kinds and access lists', () => {
  it('an ordinary record is named to anyone; a restricted one only to its list (others learn it exists); a sealed one only to its list', () => {
    expect(knowable('ordinary', false)).toBe('named');
    expect(knowable('restricted', true)).toBe('named');
    expect(knowable('restricted', false)).toBe('exists');
    expect(knowable('sealed', true)).toBe('named');
    expect(knowable('sealed', false)).toBe('nothing');
  });

  it('only the privacy officer’s permissions reach past an access list: who viewed a record, its kind and list, the access reviews', () => {
    const beyond = ROLES.flatMap((role) => PERMISSIONS.filter((p) => beyondAccessList({ role }, p)).map((p) => `${role} ${p}`));
    expect(beyond).toEqual(['administrator record.access_log', 'administrator access_reviews.manage', 'administrator record.restrict', 'administrator record.seal']);
  });
});

describe('expand', () => {
  it('includes the permission itself', () => {
    for (const p of PERMISSIONS) expect(expand(p).has(p)).toBe(true);
  });

  it('follows INCLUDES', () => {
    expect(expand('users.manage')).toEqual(new Set(['users.manage', 'users.view']));
    expect(expand('audit.verify')).toEqual(new Set(['audit.verify', 'audit.view']));
    expect(expand('record.edit')).toEqual(new Set(['record.edit', 'record.view', 'record.identify']));
    expect(expand('record.seal')).toEqual(new Set(['record.seal', 'record.restrict']));
    expect(expand('returns.generate')).toEqual(new Set(['returns.generate', 'returns.view']));
    expect(expand('users.view')).toEqual(new Set(['users.view']));
  });

  it('follows INCLUDES transitively, and terminates on cycles', () => {
    const saved = { ...INCLUDES };
    const includes = INCLUDES;
    try {
      includes['record.edit'] = ['record.view'];
      includes['record.view'] = ['work.own.view'];
      includes['work.own.view'] = ['record.edit'];
      expect(expand('record.edit')).toEqual(new Set(['record.edit', 'record.view', 'work.own.view']));
    } finally {
      for (const key of Object.keys(includes) as Permission[]) delete includes[key];
      Object.assign(includes, saved);
    }
    expect(expand('record.edit')).toEqual(new Set(['record.edit', 'record.view', 'record.identify']));
  });

  it('every INCLUDES entry names known permissions', () => {
    for (const [from, to] of Object.entries(INCLUDES)) {
      expect(PERMISSIONS).toContain(from);
      for (const p of to ?? []) expect(PERMISSIONS).toContain(p);
    }
  });
});

describe('the rules themselves', () => {
  it.each(RULES.map((rule, i) => ({ i, rule })))('rule $i names roles, permissions, relationships and why', ({ rule }) => {
    expect(rule.roles.length).toBeGreaterThan(0);
    expect(rule.permissions.length).toBeGreaterThan(0);
    expect(rule.relationships.length).toBeGreaterThan(0);
    expect(rule.why.trim().length).toBeGreaterThan(0);
    for (const role of rule.roles) expect(ROLES).toContain(role);
    for (const p of rule.permissions) expect(PERMISSIONS).toContain(p);
    if (rule.purposes) expect(rule.purposes.length).toBeGreaterThan(0);
  });

  it('every permission is granted by some rule (no dead permissions)', () => {
    const granted = new Set(RULES.flatMap((rule) => rule.permissions.flatMap((p) => [...expand(p)])));
    expect(PERMISSIONS.filter((p) => !granted.has(p))).toEqual([]);
  });

  it('isPermission accepts the permissions and PUBLIC, nothing else', () => {
    for (const p of PERMISSIONS) expect(isPermission(p)).toBe(true);
    expect(isPermission(PUBLIC)).toBe(true);
    expect(isPermission('users')).toBe(false);
    expect(isPermission(undefined)).toBe(false);
  });
});

describe('the check a route makes before the child is known (mayEver)', () => {
  it('lets a manager reach "who viewed this record", which the service then decides by relationship', () => {
    expect(mayEver({ role: 'team_manager' }, 'record.access_log')).toBe(true);
    expect(can({ role: 'team_manager' }, 'record.access_log')).toBe(false);
    expect(can({ role: 'team_manager' }, 'record.access_log', { relationships: ['manages'] })).toBe(true);
  });

  it.each(ROLES)('%s may ever hold a permission exactly when some relationship would give it', (role) => {
    const relationships = ['any', 'allocated', 'case_lead', 'cp_lead', 'team', 'manages', 'supervises', 'shared', 'break_glass', 'author'] as const;
    for (const permission of PERMISSIONS) {
      const somehow = relationships.some((r) => can({ role }, permission, { relationships: [r], purpose: 'emergency' }) || can({ role }, permission, { relationships: [r] }));
      expect(mayEver({ role }, permission), permission).toBe(somehow);
    }
  });
});

describe('case notes: drafts, changing and marking in error', () => {
  const READERS: readonly Role[] = STAFF.filter((r) => r !== 'data_analyst' && r !== 'administrator');
  const note = (kind: string, authorId: string) => ({ kind, authorId });

  it('says which permission records each kind of note: oversight is the manager’s, every other note the allocated workers’', () => {
    expect(toRecordNote('management_oversight')).toBe('notes.authorise');
    for (const kind of ['case_note', 'visit']) expect(toRecordNote(kind)).toBe('record.edit');
  });

  it('relates the user to a note as its author only when they wrote it, keeping their relationships to the child', () => {
    expect(towardsNote({ authorId: 'u1' }, 'u1', ['allocated'])).toEqual({ relationships: ['allocated', 'author'] });
    expect(towardsNote({ authorId: 'u1' }, 'u2', ['allocated'])).toEqual({ relationships: ['allocated'] });
    expect(towardsNote({ authorId: 'u1' }, 'u1')).toEqual({ relationships: ['author'] });
  });

  it.each(ROLES)('%s: a draft is read, and any note changed, only by its author', (role) => {
    const reader = READERS.includes(role);
    for (const permission of ['notes.draft', 'notes.change'] as const) {
      expect(can({ role }, permission, { relationships: ['author'] }), permission).toBe(reader);
      // Nobody else, however they stand to the child: not the team, the manager, the lead or emergency access.
      expect(can({ role }, permission, { relationships: ['allocated', 'case_lead', 'cp_lead', 'team', 'manages', 'supervises', 'shared', 'any'] }), permission).toBe(false);
      expect(can({ role }, permission, { relationships: ['break_glass'], purpose: 'emergency' }), permission).toBe(false);
    }
  });

  it('a note is marked in error by the manager over the case, through the team that holds it only', () => {
    expect(ROLES.filter((role) => can({ role }, 'notes.mark_in_error', { relationships: ['manages'] }))).toEqual(['team_manager']);
    for (const role of ROLES) {
      expect(can({ role }, 'notes.mark_in_error', { relationships: ['supervises', 'team', 'allocated', 'case_lead', 'cp_lead', 'author', 'any'] }), role).toBe(false);
    }
  });

  it('the author changes a note while they may still record that kind of note on the case, and nobody else does', () => {
    const worker = { role: 'social_worker' as const, userId: 'w' };
    const manager = { role: 'team_manager' as const, userId: 'm' };
    expect(mayChangeNote(worker, note('case_note', 'w'), ['allocated'])).toBe(true);
    expect(mayChangeNote(worker, note('case_note', 'w'), ['team'])).toBe(false); // no longer allocated
    expect(mayChangeNote(worker, note('case_note', 'someone else'), ['allocated'])).toBe(false);
    expect(mayChangeNote(manager, note('management_oversight', 'm'), ['manages'])).toBe(true);
    expect(mayChangeNote(manager, note('management_oversight', 'm'), ['supervises'])).toBe(false); // no longer over the case
    expect(mayChangeNote(manager, note('case_note', 'm'), ['manages'])).toBe(false); // a manager records no case notes
    expect(mayChangeNote(manager, note('case_note', 'w'), ['manages'])).toBe(false);
    expect(mayChangeNote({ role: 'social_worker', userId: 'w' }, note('management_oversight', 'w'), ['allocated'])).toBe(false);
  });

  it('a note is marked in error by its author while they may change it, or by the manager over the case', () => {
    const worker = { role: 'social_worker' as const, userId: 'w' };
    const manager = { role: 'team_manager' as const, userId: 'm' };
    expect(mayMarkNoteInError(worker, note('case_note', 'w'), ['allocated'])).toBe(true);
    expect(mayMarkNoteInError(worker, note('case_note', 'w'), ['team'])).toBe(false);
    expect(mayMarkNoteInError(worker, note('case_note', 'other'), ['allocated', 'team'])).toBe(false);
    expect(mayMarkNoteInError(manager, note('case_note', 'w'), ['manages'])).toBe(true);
    expect(mayMarkNoteInError(manager, note('case_note', 'w'), ['supervises'])).toBe(false);
    expect(mayMarkNoteInError({ role: 'cp_lead_practitioner', userId: 'c' }, note('case_note', 'w'), ['allocated', 'cp_lead'])).toBe(false);
  });
});

describe('a withheld location', () => {
  it('shows an address that is not withheld to anyone the record opens to', () => {
    expect(mayShowAddress({ role: 'social_worker' }, { locationWithheld: false }, { relationships: ['team'] })).toBe(true);
    expect(mayShowAddress({ role: 'placements_officer' }, { locationWithheld: false }, { relationships: ['break_glass'], purpose: 'emergency' })).toBe(true);
  });

  it('shows a withheld one only to those `record.location` names: the allocated workers and their managers, never the team or emergency access', () => {
    const withheld = { locationWithheld: true };
    expect(mayShowAddress({ role: 'social_worker' }, withheld, { relationships: ['allocated'] })).toBe(true);
    expect(mayShowAddress({ role: 'team_manager' }, withheld, { relationships: ['manages'] })).toBe(true);
    expect(mayShowAddress({ role: 'team_manager' }, withheld, { relationships: ['supervises'] })).toBe(true);
    expect(mayShowAddress({ role: 'social_worker' }, withheld, { relationships: ['team', 'case_lead'] })).toBe(false);
    expect(mayShowAddress({ role: 'placements_officer' }, withheld, { relationships: ['break_glass'], purpose: 'emergency' })).toBe(false);
    expect(mayShowAddress({ role: 'police_partner' }, withheld, { relationships: ['shared'] })).toBe(false);
  });
});

describe('many children at once (lists)', () => {
  const child = (kind: ChildAccess['kind'], onAccessList: boolean, relationships: readonly Relationship[], purpose?: 'emergency'): ChildAccess => ({ kind, onAccessList, relationships, ...(purpose ? { purpose } : {}) });

  it('the access list comes first: only the privacy officer’s permissions reach past it', () => {
    expect(knowableFor({ role: 'team_manager' }, 'record.view', 'restricted', false)).toBe('exists');
    expect(knowableFor({ role: 'team_manager' }, 'record.view', 'sealed', false)).toBe('nothing');
    expect(knowableFor({ role: 'team_manager' }, 'record.view', 'sealed', true)).toBe('named');
    expect(knowableFor({ role: 'team_manager' }, 'access_reviews.manage', 'restricted', false)).toBe('exists');
    expect(knowableFor({ role: 'administrator' }, 'access_reviews.manage', 'sealed', false)).toBe('named');
    expect(knowableFor({ role: 'administrator' }, 'record.access_log', 'restricted', false)).toBe('named');
    expect(knowableFor({ role: 'administrator' }, 'record.view', 'restricted', false)).toBe('exists');
  });

  it('one child: the access list, then the rules with the relationships and purpose', () => {
    const manager = { role: 'team_manager' as const };
    expect(canOnChild(manager, 'record.view', child('ordinary', false, ['manages']))).toBe(true);
    expect(canOnChild(manager, 'record.view', child('restricted', false, ['manages']))).toBe(false);
    expect(canOnChild(manager, 'record.view', child('restricted', true, ['manages']))).toBe(true);
    expect(canOnChild(manager, 'record.view', child('ordinary', false, []))).toBe(false);
    expect(canOnChild({ role: 'social_worker' }, 'record.view', child('ordinary', false, ['break_glass']))).toBe(false);
    expect(canOnChild({ role: 'social_worker' }, 'record.view', child('ordinary', false, ['break_glass'], 'emergency'))).toBe(true);
    expect(canOnChild({ role: 'police_partner' }, 'shares.view', child('ordinary', false, ['shared']))).toBe(true);
    expect(canOnChild({ role: 'police_partner' }, 'shares.view', child('restricted', false, ['shared']))).toBe(false);
    expect(canOnChild({ role: 'police_partner' }, 'shares.view', child('ordinary', false, []))).toBe(false);
  });

  it('gives the ids of the children on whom the user holds the permission, each decided as one child alone would be', () => {
    const children = new Map<string, ChildAccess>([
      ['ordinary-team', child('ordinary', false, ['team'])],
      ['ordinary-none', child('ordinary', false, [])],
      ['restricted-listed', child('restricted', true, ['allocated'])],
      ['restricted-unlisted', child('restricted', false, ['allocated'])],
      ['sealed-unlisted', child('sealed', false, ['manages'])],
      ['emergency', child('ordinary', false, ['break_glass'], 'emergency')],
    ]);
    for (const role of ROLES) {
      const permitted = permittedAmong({ role }, 'record.view', children);
      expect([...permitted].sort(), role).toEqual([...children].filter(([, c]) => canOnChild({ role }, 'record.view', c)).map(([id]) => id).sort());
    }
    expect([...permittedAmong({ role: 'social_worker' }, 'record.view', children)].sort()).toEqual(['emergency', 'ordinary-team', 'restricted-listed']);
    expect(permittedAmong({ role: 'data_analyst' }, 'record.view', children).size).toBe(0);
    expect(permittedAmong({ role: 'social_worker' }, 'record.view', new Map()).size).toBe(0);
  });

  it('a list of the user’s own work names every child the access list allows, and a privacy officer’s review queue every child', () => {
    const children = new Map<string, ChildAccess>([
      ['a', child('ordinary', false, ['any'])],
      ['b', child('restricted', false, ['any'])],
      ['c', child('sealed', true, ['any'])],
    ]);
    expect([...permittedAmong({ role: 'team_manager' }, 'team.view', children)].sort()).toEqual(['a', 'c']);
    expect([...permittedAmong({ role: 'team_manager' }, 'access_reviews.manage', children)].sort()).toEqual(['a', 'c']);
    expect([...permittedAmong({ role: 'administrator' }, 'access_reviews.manage', children)].sort()).toEqual(['a', 'b', 'c']);
    expect(permittedAmong({ role: 'social_worker' }, 'team.view', children).size).toBe(0);
  });
});
