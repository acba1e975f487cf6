import { expand, type Permission } from './permissions.ts';
import { ROLES, type Role } from './roles.ts';

/**
 * Access = role × relationship to the child × purpose (reference/security.md §2.1).
 *
 * The rules below are the whole policy: a request is allowed only when some rule names the
 * user's role, the permission (or one that includes it), a relationship the user has to the
 * child, and the purpose the user gave. Anything else is denied.
 *
 * Relationships are filled in by the modules that create them (allocation, team membership,
 * partner sharing, break-glass); until then only `any` rules — those that need no child — match.
 */
export type Relationship =
  | 'any' // the permission concerns no particular child (My work, user administration)
  | 'allocated' // the user is allocated to the child's case
  | 'case_lead' // the user is the lead practitioner of the child's open Family Help case
  | 'cp_lead' // the user is the child's co-allocated Child Protection Lead Practitioner
  | 'team' // the child's case belongs to the user's team
  | 'manages' // the user manages the team holding the child's open case
  | 'supervises' // the user manages a team one of the child's allocated workers belongs to (the child may have no case yet)
  | 'shared' // a live partner share covers this purpose
  | 'front_door' // the user is deciding a request for help that may be about this person, or names them
  | 'author' // the user wrote the entry concerned (a case note): see `towardsNote`
  | 'break_glass'; // emergency access with a reason, time-limited, reviewed

export type Purpose = 'direct_work' | 'management' | 'administration' | 'statutory_return' | 'emergency' | 'triage';

export interface Rule {
  roles: readonly Role[];
  permissions: readonly Permission[];
  relationships: readonly Relationship[];
  purposes?: readonly Purpose[];
  /** The permission is about the record, not in it, so it applies whoever is on a restricted or sealed record's access list. */
  beyondAccessList?: boolean;
  why: string;
}

const STAFF: readonly Role[] = ROLES.filter((r) => !r.endsWith('_partner'));
const PRACTITIONERS: readonly Role[] = ['family_help_practitioner', 'social_worker', 'cp_lead_practitioner'];
/** Everyone any rule lets read a child's record, one way or another (the data team and administrators never do). */
const RECORD_READERS: readonly Role[] = STAFF.filter((r) => r !== 'data_analyst' && r !== 'administrator');
/** Staff who may take emergency access to a child's record: those who may search for one. */
const CASE_STAFF: readonly Role[] = [...PRACTITIONERS, 'team_manager', 'placements_officer'];

export const RULES: readonly Rule[] = [
  {
    roles: ROLES,
    permissions: ['session.own', 'work.own.view'],
    relationships: ['any'],
    why: 'Everyone signed in can see their own work and end their own session.',
  },
  {
    roles: ['administrator'],
    permissions: ['users.manage'],
    relationships: ['any'],
    why: 'Administrators create, change and deactivate accounts.',
  },
  {
    roles: ['administrator'],
    permissions: ['users.create', 'users.change_role', 'users.unlock', 'users.reset_password', 'users.give_role'],
    relationships: ['any'],
    why: 'Administrators create local accounts, change roles and teams, unlock accounts and reset passwords, in their own authority, and may give any role but administrator.',
  },
  {
    roles: ['administrator'],
    permissions: ['users.give_administrator'],
    relationships: ['any'],
    why: 'Administrators make another administrator (an authority needs more than one) or take the role away; nobody else gives it, and nobody changes their own role.',
  },
  {
    roles: ['team_manager'],
    permissions: ['users.view'],
    relationships: ['any'],
    why: 'Managers see who is in the service, to allocate work.',
  },
  {
    roles: ['administrator', 'data_analyst'],
    permissions: ['audit.verify'],
    relationships: ['any'],
    why: 'The audit trail is checked by administrators and the data team.',
  },
  {
    roles: [...PRACTITIONERS, 'team_manager', 'placements_officer'],
    permissions: ['people.search'],
    relationships: ['any'],
    why: 'Staff must be able to find out whether a child is already known, before anything else.',
  },
  {
    roles: [...PRACTITIONERS, 'team_manager'],
    permissions: ['people.create'],
    relationships: ['any'],
    why: 'Practitioners and managers record a child or family member new to the service, after checking for duplicates.',
  },
  {
    roles: ROLES.filter((r) => r !== 'data_analyst' && r !== 'administrator'),
    permissions: ['record.open'],
    relationships: ['any'],
    why: 'Anyone who may work with a child may ask for a record; their relationship to the child decides the answer.',
  },
  {
    roles: PRACTITIONERS,
    permissions: ['record.edit'],
    relationships: ['allocated'],
    why: 'Allocated practitioners read and record on their children.',
  },
  {
    roles: RECORD_READERS,
    permissions: ['record.view'],
    relationships: ['team', 'manages'],
    why: 'Colleagues in the team, and its manager, can read its children\'s records.',
  },
  {
    roles: ['team_manager'],
    permissions: ['record.view'],
    relationships: ['supervises'],
    why: 'A manager reads the records of the children their workers are allocated to, whether or not a case holds them yet; changing a case stays with the manager of the team that holds it.',
  },
  {
    roles: ['team_manager'],
    permissions: ['record.access_log'],
    relationships: ['manages', 'supervises'],
    why: 'A manager can see who has looked at a child their team works with.',
  },
  {
    roles: ['administrator'],
    permissions: ['record.access_log', 'record.restrict', 'record.seal'],
    relationships: ['any'],
    beyondAccessList: true,
    why: 'The privacy officer reviews who looked at any record, and keeps which records are restricted or sealed and who is on their access lists, without seeing the records themselves.',
  },
  {
    roles: ['team_manager'],
    permissions: ['record.restrict'],
    relationships: ['manages'],
    why: 'A manager may restrict a record their team holds (a member of staff’s family, a case in the news) and keep its access list; sealing an adopted child’s record is the privacy officer’s.',
  },
  {
    roles: PRACTITIONERS,
    permissions: ['record.location'],
    relationships: ['allocated'],
    why: 'Where a child’s location is withheld, only the workers allocated to them see where they live.',
  },
  {
    roles: ['team_manager'],
    permissions: ['record.location'],
    relationships: ['manages', 'supervises'],
    why: 'And the manager of the team holding the case, or of the allocated worker; never emergency access.',
  },
  {
    roles: ['police_partner', 'health_partner', 'school_partner'],
    permissions: ['shares.view'],
    relationships: ['shared'],
    why: 'Partners never browse records: they see only what was shared with them, for the purpose it was shared, while it lasts.',
  },
  {
    roles: PRACTITIONERS,
    permissions: ['case.manage'],
    relationships: ['case_lead'],
    why: 'The family’s lead practitioner keeps the case: its basis, its support and its closure are theirs, whoever co-works.',
  },
  {
    roles: ['team_manager'],
    permissions: ['case.manage'],
    relationships: ['manages'],
    why: 'A manager can act for a lead who is away.',
  },
  {
    roles: ['cp_lead_practitioner'],
    permissions: ['cp.strategy'],
    relationships: ['any'],
    why: 'The multi-agency child protection team sees strategy discussions waiting for a Child Protection Lead Practitioner.',
  },
  {
    roles: ['cp_lead_practitioner'],
    permissions: ['cp.decide'],
    relationships: ['cp_lead'],
    why: 'The co-allocated Child Protection Lead Practitioner, a qualified and accredited social worker, holds the decisions on the enquiry and the plan.',
  },
  {
    roles: CASE_STAFF,
    permissions: ['record.break_glass'],
    relationships: ['any'],
    why: 'In an emergency, case staff may open a record they have no relationship to, giving a reason.',
  },
  {
    roles: CASE_STAFF,
    permissions: ['record.view'],
    relationships: ['break_glass'],
    purposes: ['emergency'],
    why: 'Emergency access: read-only, time-limited, reviewed by a manager.',
  },
  {
    roles: ['team_manager'],
    permissions: ['access_reviews.manage'],
    relationships: ['any'],
    why: 'Managers review every emergency access.',
  },
  {
    roles: ['administrator'],
    permissions: ['access_reviews.manage'],
    relationships: ['any'],
    beyondAccessList: true,
    why: 'The privacy officer reviews every emergency access, whatever has become of the record since.',
  },
  {
    roles: ['police_partner', 'health_partner', 'school_partner'],
    permissions: ['requests.submit'],
    relationships: ['any'],
    why: 'Partners ask for help for a child through their own form, and see what they sent and what was decided.',
  },
  {
    roles: [...PRACTITIONERS, 'team_manager'],
    permissions: ['requests.triage'],
    relationships: ['any'],
    why: 'Practitioners and managers at the front door decide on each request within a working day.',
  },
  {
    roles: [...PRACTITIONERS, 'team_manager'],
    permissions: ['record.identify'],
    relationships: ['front_door'],
    purposes: ['triage'],
    why: 'At the front door, before deciding, a triager checks who a likely match is — names, date of birth, postcode and relatives, never what is recorded about them — for the request they are deciding.',
  },
  {
    roles: ['team_manager'],
    permissions: ['team.view'],
    relationships: ['any'],
    why: 'A manager sees their teams’ cases and what is overdue.',
  },
  {
    roles: ['team_manager'],
    permissions: ['notes.authorise'],
    relationships: ['manages'],
    why: 'A manager authorises recording and adds management oversight on their teams’ cases.',
  },
  {
    roles: RECORD_READERS,
    permissions: ['notes.draft', 'notes.change'],
    relationships: ['author'],
    why: 'A draft note is its author’s alone until it is final: nobody else reads it. Only the author changes what they wrote — carries on with a draft, amends a final note, marks it recorded in error — and amending or marking only while they may still record that kind of note on the case (`mayChangeNote`).',
  },
  {
    roles: ['team_manager'],
    permissions: ['notes.mark_in_error'],
    relationships: ['manages'],
    why: 'The manager who oversees a case marks any final note on it recorded in error (the wrong child, the wrong case); it stays on the record, marked.',
  },
  {
    roles: ['cp_lead_practitioner'],
    permissions: ['court.manage'],
    relationships: ['cp_lead'],
    why: 'The Child Protection Lead Practitioner takes a child’s case through pre-proceedings and court.',
  },
  {
    roles: ['team_manager'],
    permissions: ['court.manage'],
    relationships: ['manages'],
    why: 'A manager agrees and records the legal steps for their teams’ children.',
  },
  {
    roles: ['cp_lead_practitioner', 'team_manager'],
    permissions: ['contexts.manage'],
    relationships: ['any'],
    why: 'The multi-agency team maps the places, groups and online spaces where children are harmed outside their homes.',
  },
  {
    roles: ['data_analyst', 'team_manager'],
    permissions: ['returns.generate'],
    relationships: ['any'],
    why: 'The data team and managers produce statutory returns.',
  },
];

/** Ordinary, restricted (a member of staff's family, a case in the news) or sealed (adoption). */
export type RecordKind = 'ordinary' | 'restricted' | 'sealed';

/**
 * What a user may know of a child from the record's kind alone, before any relationship: the
 * child by name; only that a restricted record exists, and whom to ask; or nothing at all
 * (reference/security.md §2.2, §2.4). Every page, list, share and diagram that names a child
 * goes through this rule: a list leaves out every child who is not `named`.
 */
export type Knowable = 'named' | 'exists' | 'nothing';

export function knowable(kind: RecordKind, onAccessList: boolean): Knowable {
  if (kind === 'ordinary' || onAccessList) return 'named';
  return kind === 'restricted' ? 'exists' : 'nothing';
}

/** Whether a permission reaches a record whose access list does not name the user (the privacy officer's). */
export function beyondAccessList(subject: Subject, permission: Permission): boolean {
  return decide(subject, permission, { relationships: ['any'] }).rule?.beyondAccessList === true;
}

export interface Subject {
  role: Role;
}

export interface AccessContext {
  /** Relationships this user has to the child concerned; omit when no child is concerned. */
  relationships?: readonly Relationship[];
  purpose?: Purpose;
}

export interface Decision {
  allowed: boolean;
  rule?: Rule;
}

/** Each rule with its permissions already expanded through the includes graph. */
const EXPANDED = RULES.map((rule) => ({
  rule,
  granted: new Set(rule.permissions.flatMap((p) => [...expand(p)])),
}));

export function decide(subject: Subject, permission: Permission, context: AccessContext = {}): Decision {
  const have = context.relationships ?? ['any'];
  for (const { rule, granted } of EXPANDED) {
    if (!rule.roles.includes(subject.role)) continue;
    if (!granted.has(permission)) continue;
    if (!rule.relationships.some((r) => have.includes(r))) continue;
    // A rule that names purposes applies only when the user has given one of them.
    if (rule.purposes && (!context.purpose || !rule.purposes.includes(context.purpose))) continue;
    return { allowed: true, rule };
  }
  return { allowed: false };
}

export function can(subject: Subject, permission: Permission, context?: AccessContext): boolean {
  return decide(subject, permission, context).allowed;
}

/**
 * Whether any rule could give this role the permission, with whatever relationship to a child.
 * It is the check a route makes before it knows which child is concerned; for a permission that
 * needs a relationship, the service then decides with the user's actual relationships.
 */
export function mayEver(subject: Subject, permission: Permission): boolean {
  return EXPANDED.some(({ rule, granted }) => rule.roles.includes(subject.role) && granted.has(permission));
}

/**
 * What the record's kind and access list leave a user to know of a child when they ask for a
 * permission: a permission about the record rather than in it (the privacy officer's,
 * `beyondAccessList`) reaches past the list; any other gets what `knowable` says.
 */
export function knowableFor(subject: Subject, permission: Permission, kind: RecordKind, onAccessList: boolean): Knowable {
  return beyondAccessList(subject, permission) ? 'named' : knowable(kind, onAccessList);
}

/** One child as the policy weighs them: their record's kind, whether its access list names the user, and how the user stands to them. */
export interface ChildAccess extends AccessContext {
  kind: RecordKind;
  onAccessList: boolean;
}

/** Whether the user holds a permission on one child: the record's kind and access list first (`knowableFor`), then the rules. */
export function canOnChild(subject: Subject, permission: Permission, child: ChildAccess): boolean {
  return knowableFor(subject, permission, child.kind, child.onAccessList) === 'named' && can(subject, permission, child);
}

/**
 * Of many children at once (a list, a page of links), those on whom the user holds the permission,
 * by child id: `canOnChild` for each. Every list that names or links children filters through this.
 */
export function permittedAmong(subject: Subject, permission: Permission, children: ReadonlyMap<string, ChildAccess>): Set<string> {
  const permitted = new Set<string>();
  for (const [id, child] of children) if (canOnChild(subject, permission, child)) permitted.add(id);
  return permitted;
}

/**
 * Whether a child's address may be shown to the user. Where the child's location is withheld (the
 * S-flag, reference/security.md §2.3) only `record.location` shows it, on the record itself; search,
 * the front door and the chronology never write a withheld location out, whoever is looking.
 */
export function mayShowAddress(subject: Subject, child: { locationWithheld: boolean }, context: AccessContext): boolean {
  return !child.locationWithheld || can(subject, 'record.location', context);
}

/** The permission that records a note of this kind on a case: management oversight is the manager’s (`notes.authorise`), any other note the allocated workers’ (`record.edit`). */
export function toRecordNote(kind: string): 'notes.authorise' | 'record.edit' {
  return kind === 'management_oversight' ? 'notes.authorise' : 'record.edit';
}

/** How a user stands to one note on a case: their relationships to the child, and `author` when they wrote it. */
export function towardsNote(note: { authorId: string }, userId: string, relationships: readonly Relationship[] = []): AccessContext {
  return { relationships: note.authorId === userId ? [...relationships, 'author'] : [...relationships] };
}

/**
 * Whether the user may change a final note — amend it, or mark it recorded in error — as its
 * author: they wrote it (`notes.change`) and may still record that kind of note on the case
 * (`toRecordNote`: an allocated worker no longer allocated, or a manager no longer over the case, may not).
 */
export function mayChangeNote(subject: Subject & { userId: string }, note: { kind: string; authorId: string }, relationships: readonly Relationship[]): boolean {
  return can(subject, 'notes.change', towardsNote(note, subject.userId, relationships)) && can(subject, toRecordNote(note.kind), { relationships });
}

/** Whether the user may mark a note recorded in error: its author while they may change it, or whoever may mark any note on the case (`notes.mark_in_error`). */
export function mayMarkNoteInError(subject: Subject & { userId: string }, note: { kind: string; authorId: string }, relationships: readonly Relationship[]): boolean {
  return mayChangeNote(subject, note, relationships) || can(subject, 'notes.mark_in_error', { relationships });
}
