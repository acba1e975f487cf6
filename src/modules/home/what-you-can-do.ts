import type { Permission } from '../../platform/access/permissions.ts';
import { can, type Relationship, type Subject } from '../../platform/access/policy.ts';
import type { Role } from '../../platform/access/roles.ts';

/** A page a user can go to from My work, and what they do there. */
export interface Task {
  href: string;
  text: string;
  description: string;
  /** Shown only to those the policy lets use the page. */
  permission: Permission;
  /** The relationship the page is for (a partner's list of shares), when it is not 'any'. */
  relationship?: Relationship;
  /** Not shown to those who have this permission too (they get a task that says more). */
  unless?: Permission;
}

/**
 * Every page a home can point to, in the order a home lists them. (The front door and strategy
 * discussions are not here: My work shows what is waiting in them to everyone who may use them.)
 * Each link says what the user does there, in words of its own, so it is never mistaken for the
 * service navigation's link to the same page.
 */
export const TASKS: readonly Task[] = [
  {
    href: '/front-door/new',
    text: 'Record a request made by phone or in person',
    description: 'When a family or a professional asks for help by phone or in person, record it for the front door to decide on.',
    permission: 'requests.record',
  },
  {
    href: '/contexts',
    text: 'Map where children are harmed outside their homes',
    description: 'The places, groups and online spaces where children are harmed outside their homes, and the children linked to each.',
    permission: 'contexts.manage',
  },
  {
    href: '/team',
    text: 'See your teams’ cases',
    description: 'Every case your teams hold, who leads it and what is overdue.',
    permission: 'team.view',
  },
  {
    href: '/people',
    text: 'Check whether a child or family member is already known',
    description: 'Search by name, date of birth, NHS number, UPN or postcode; the spelling need not be exact.',
    permission: 'people.search',
  },
  {
    href: '/my-requests',
    text: 'Ask children’s services for help for a child',
    description: 'Tell children’s services about a child you are worried about, and see what was decided on each request you sent.',
    permission: 'requests.submit',
  },
  {
    href: '/shared',
    text: 'See what children’s services share with you',
    description: 'What is shared with you for a strategy discussion or a core group, for as long as it is shared.',
    permission: 'shares.view',
    relationship: 'shared',
  },
  {
    href: '/returns',
    text: 'Make the Children in Need census',
    description: 'Generate the census for a collection year from the record, check it against the Department for Education’s schema and validation rules, and download the file and its report.',
    permission: 'returns.view',
  },
  {
    href: '/users',
    text: 'Manage user accounts',
    description: 'The accounts of everyone who signs in to the service: their role, organisation and status.',
    permission: 'users.manage',
  },
  {
    href: '/users',
    text: 'See everyone who works in the service',
    description: 'Who works in the service, with their role and organisation.',
    permission: 'users.view',
    unless: 'users.manage',
  },
  {
    href: '/access-reviews',
    text: 'Review emergency access to records',
    description: 'Each time someone used emergency access to open a child’s record, for a manager to review.',
    permission: 'access_reviews.manage',
  },
  {
    href: '/record-access',
    text: 'Keep restricted and sealed records private',
    description: 'Which records are restricted or sealed, and who is on each one’s access list.',
    permission: 'record.seal',
  },
  {
    href: '/audit',
    text: 'Check who did what, and when',
    description: 'The audit trail: every action in the service and whether it was allowed; check that no event has been changed or removed.',
    permission: 'audit.view',
  },
];

/**
 * The tasks the policy lets this user do, leaving out any page My work already links to with
 * what is waiting there (`shown`).
 */
export function tasksFor(subject: Subject, shown: ReadonlySet<string> = new Set()): Task[] {
  return TASKS.filter(
    (t) =>
      !shown.has(t.href) &&
      can(subject, t.permission, t.relationship ? { relationships: [t.relationship] } : undefined) &&
      !(t.unless && can(subject, t.unless)),
  );
}

/**
 * What a role's home says in words: what the role does here, and (honestly) what is not in the
 * service yet. Words only: which links a home shows is the policy's (`tasksFor`).
 */
export const ROLE_HOME: Readonly<Record<Role, { about?: string; coming?: string }>> = {
  family_help_practitioner: {},
  social_worker: {},
  cp_lead_practitioner: {},
  team_manager: {},
  police_partner: {},
  health_partner: {},
  school_partner: {},
  independent_advocate: {
    coming:
      'Advocacy is not part of the service yet. When it is, this page will list the children and young people you support, with their meetings and reviews, and you will record here what they want said. Until then there is nothing for you to do in the service, and you cannot open children’s records.',
  },
  placements_officer: {
    coming:
      'Placements are not part of the service yet. When they are, this page will show the children who need a home, the homes that could take them and where each child lives now. Until then you can find out whether a child is already known and, in an emergency, open their record by giving a reason: a manager reviews every emergency access.',
  },
  data_analyst: {
    about: 'You make the statutory returns from what practitioners record. You do not open children’s records.',
    coming: 'The Children in Need census is the first return. The children looked after return (SSDA903) will follow when the service records children in care.',
  },
  administrator: {
    about: 'You look after who can sign in, and keep the record private: emergency access, restricted and sealed records, and the audit trail. You do not open children’s records.',
  },
};
