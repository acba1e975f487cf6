// The world the access tests run in (reference/security.md §8, properties 2–4, 6–8, 26): the demo
// authorities with a second Family Help team under another manager, and children of every record
// kind, each carrying unique canary strings in their name, their address and a case note. Each child
// states, in plain data, how each user stands to them; the tests compare what the app shows with
// what the policy says those relationships allow.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { Principal } from '../../src/platform/auth/service.ts';
import type { RecordKind } from '../../src/platform/access/policy.ts';
import type { Role } from '../../src/platform/access/roles.ts';
import { DEMO_USERS, NEIGHBOUR_AUTHORITY, NEIGHBOUR_USERS } from '../../src/seed/demo.ts';
import { buildAddress, buildPerson, buildRelationship, insertPeople } from '../builders/people.ts';
import { insertMany, peopleTables } from '../../src/modules/people/repository.ts';
import { TEST_PASSWORD, type TestApp } from './app.ts';
import { rowsOf } from './records.ts';

export const HOME = '999';
export const NEIGHBOUR = NEIGHBOUR_AUTHORITY.code;

/** The second team in the home authority: its own manager and worker, nobody else's. */
export const EASTGATE = { team: 'Eastgate Family Help team', manager: 'eastgate.manager', worker: 'eastgate.worker' } as const;

export interface Persona {
  username: string;
  role: Role;
  laCode: string;
}

/** Every user the matrix signs in as: each demo user of both authorities, and the second team's two. */
export const PERSONAS: readonly Persona[] = [
  ...DEMO_USERS.map((u) => ({ username: u.username, role: u.role, laCode: HOME })),
  { username: EASTGATE.manager, role: 'team_manager', laCode: HOME },
  { username: EASTGATE.worker, role: 'family_help_practitioner', laCode: HOME },
  ...NEIGHBOUR_USERS.map((u) => ({ username: u.username, role: u.role, laCode: NEIGHBOUR })),
];

/** A child of the world: its record kind, who works with it and how, and the canaries it carries. */
export interface WorldChild {
  key: string;
  laCode: string;
  kind: RecordKind;
  locationWithheld: boolean;
  /** Usernames on a restricted or sealed record's access list. */
  accessList: readonly string[];
  /** The child's open Family Help case, if any: its lead and team. */
  case?: { lead: string; team: string };
  /** Other workers allocated to the child (the lead is allocated by the case). */
  allocated: readonly string[];
  /** Partners the child's information is shared with now. */
  sharedWith: readonly string[];
  /** Users holding emergency access to the record now. */
  emergencyAccess: readonly string[];
  /** Filled in when built. */
  personId: string;
  caseId?: string;
  shareIds: string[];
  noteId?: string;
  canary: { name: string; address: string; note: string };
}

const token = (what: string) => `ZZ${what.toUpperCase()}${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;

function child(key: string, spec: Partial<Omit<WorldChild, 'key' | 'personId' | 'shareIds' | 'canary'>>): WorldChild {
  return {
    key,
    laCode: HOME,
    kind: 'ordinary',
    locationWithheld: false,
    accessList: [],
    allocated: [],
    sharedWith: [],
    emergencyAccess: [],
    personId: '',
    shareIds: [],
    canary: { name: token(`N${key}`), address: token(`A${key}`), note: token(`C${key}`) },
    ...spec,
  };
}

const NORTHFIELD = 'Northfield Family Help team';

/**
 * The children: one of each kind a role may or may not reach. The restricted and sealed ones
 * mirror what an independent tester found (issue 12): workers allocated but not on the list, a
 * share to a partner not on the list, a brother whose record is opened in an emergency.
 */
export function worldChildren(): WorldChild[] {
  return [
    child('allocated', { case: { lead: 'family.help', team: NORTHFIELD }, sharedWith: ['police.partner'] }),
    child('eastgate', { case: { lead: EASTGATE.worker, team: EASTGATE.team } }),
    // Co-worked by the home child protection team's lead: their manager supervises, nobody else of the home team relates.
    child('coworked', { case: { lead: EASTGATE.worker, team: EASTGATE.team }, allocated: ['cp.lead'] }),
    child('noCase', { allocated: ['social.worker'] }),
    child('withheld', { locationWithheld: true, case: { lead: 'family.help', team: NORTHFIELD } }),
    child('restricted', { kind: 'restricted', accessList: ['cp.lead'], case: { lead: 'family.help', team: NORTHFIELD }, allocated: ['social.worker'], sharedWith: ['police.partner'] }),
    child('sealed', { kind: 'sealed', accessList: ['family.help'], case: { lead: 'family.help', team: NORTHFIELD }, allocated: ['social.worker'], sharedWith: ['health.partner'] }),
    child('sibling', { emergencyAccess: ['placements.officer'] }),
    child('unknown', {}),
    child('neighbour', { laCode: NEIGHBOUR, case: { lead: 'valley.family.help', team: 'Valley Family Help team' } }),
  ];
}

/** A signed-in principal for calling services directly, in the user's own authority. */
export async function principalFor(t: TestApp, username: string): Promise<Principal> {
  const [u] = await rowsOf(t, 'select u.id, u.display_name, u.role, u.la_code, o.name as org from user_account u join organisation o on o.id = u.organisation_id where u.username = $1', [username]);
  if (!u) throw new Error(`No user ${username}`);
  return { userId: String(u['id']), username, displayName: String(u['display_name']), role: u['role'] as Role, laCode: String(u['la_code']), organisation: String(u['org']), sessionHash: 'x' };
}

/** Builds the world into a fresh test app: the second team, then each child, its case, list, shares and emergency access. */
export async function buildWorld(t: TestApp, today: string): Promise<WorldChild[]> {
  const sql = (text: string, params: unknown[] = []) => t.db.superuser((c) => c.query(text, params));
  // Eastgate: a second Family Help team in the home authority, with its own manager.
  const [council] = await rowsOf(t, "select id from organisation where la_code = $1 and kind = 'local_authority'", [HOME]);
  const hash = await hashPassword(TEST_PASSWORD);
  const ids = { manager: randomUUID(), worker: randomUUID(), team: randomUUID() };
  for (const [id, username, name, role] of [
    [ids.manager, EASTGATE.manager, 'Dev Malhotra', 'team_manager'],
    [ids.worker, EASTGATE.worker, 'Nia Campbell', 'family_help_practitioner'],
  ] as const) {
    await sql('insert into user_account (id, la_code, organisation_id, username, display_name, role, password_hash, is_demo) values ($1, $2, $3, $4, $5, $6, $7, true)', [id, HOME, council!['id'], username, name, role, hash]);
  }
  await sql("insert into team (id, la_code, name, kind, base, base_name, manager_user_id) values ($1, $2, $3, 'family_help', 'family_hub', 'Eastgate Family Hub', $4)", [ids.team, HOME, EASTGATE.team, ids.manager]);
  await sql("insert into team_member (team_id, user_id, la_code, profession) values ($1, $2, $3, 'Family support worker')", [ids.team, ids.worker, HOME]);

  const children = worldChildren();
  const userId = async (username: string) => (await principalFor(t, username)).userId;
  for (const c of children) {
    const person = buildPerson({ laCode: c.laCode, givenNames: 'Ash', familyName: c.canary.name, dateOfBirth: '2014-06-01', sex: 'M', locationWithheld: c.locationWithheld });
    c.personId = person.id;
    await insertPeople(t.db.database, [person], [buildAddress(person.id, { laCode: c.laCode, line1: `1 ${c.canary.address} Road`, postcode: 'DB1 1AA' })]);
  }
  // The sibling is brother to the restricted, sealed and withheld children: his network must not name the first two.
  const sibling = children.find((c) => c.key === 'sibling')!;
  await t.db.database.tenant(HOME, (tx) =>
    insertMany(
      tx,
      peopleTables.relationship,
      children.filter((c) => ['restricted', 'sealed', 'withheld'].includes(c.key)).map((c) => buildRelationship(sibling.personId, c.personId, 'sibling', { mattersToChild: true })),
    ),
  );

  for (const c of children) {
    if (c.case) {
      const triager = await principalFor(t, c.laCode === HOME ? 'social.worker' : 'valley.family.help');
      const requestId = await t.deps.frontDoor.submit(triager, 'staff', {
        source: '2A', asker: undefined, submitterName: 'Head teacher', submitterOrganisation: 'School', submitterPhone: undefined, submitterEmail: undefined,
        childGivenNames: 'Ash', childFamilyName: c.canary.name, childDateOfBirth: '2014-06-01', childAddress: undefined, childPostcode: undefined, otherChildren: undefined,
        concerns: 'Worried about Ash', helpWanted: undefined, familyKnows: 'yes', honeypot: false,
      });
      const decided = await t.deps.frontDoor.decide(triager, requestId, {
        version: 1, person: c.personId, decision: 'family_help', reasons: 'Needs help', childViews: undefined, familyViews: undefined, consentBasis: 'consent_given',
        leadUserId: await userId(c.case.lead), primaryNeed: 'N4', basis: 'section_17',
      });
      c.caseId = decided.caseId!;
      c.noteId = await t.deps.cases.addNote(await principalFor(t, c.case.lead), c.caseId, {
        version: 0, kind: 'case_note', occurredOn: today, title: 'Home visit', body: `Talked with Ash. ${c.canary.note}`, childSeen: undefined, childSeenAlone: undefined, state: 'final', recordingSeconds: 60,
      });
    }
    for (const username of c.allocated) {
      const capacity = username === 'cp.lead' ? 'Child Protection Lead Practitioner' : 'Social worker';
      await sql('insert into allocation (id, person_id, user_id, la_code, capacity, from_date) values (gen_random_uuid(), $1, $2, $3, $4, $5)', [c.personId, await userId(username), c.laCode, capacity, today]);
    }
    for (const username of c.sharedWith) {
      const shareId = randomUUID();
      const partner = await principalFor(t, username);
      const discussionId = randomUUID();
      const lead = await userId('cp.lead');
      await sql(
        "insert into strategy_discussion (id, la_code, person_id, case_id, convened_from, convened_on, convened_by, convened_by_name, urgent, concerns, chair_user_id, chair_name) values ($1, $2, $3, $4, 'case', $5, $6, 'Hannah Price', true, 'Bruises', $6, 'Hannah Price')",
        [discussionId, c.laCode, c.personId, c.caseId, today, lead],
      );
      await sql(
        "insert into information_share (id, la_code, person_id, case_id, purpose, discussion_id, agency, partner_user_id, partner_name, decision, what, reasons, lawful_basis, consent, decided_by, decided_by_name, decided_at) values ($1, $2, $3, $4, 'strategy_discussion', $5, $6, $7, $8, 'share', $9, 'To protect Ash', 'public_task', 'not_sought', $10, 'Hannah Price', now())",
        [shareId, c.laCode, c.personId, c.caseId, discussionId, partner.role.replace('_partner', ''), partner.userId, partner.displayName, `What the police need to know about ${c.key}`, lead],
      );
      c.shareIds.push(shareId);
    }
    if (c.kind !== 'ordinary') {
      await sql('update person set record_kind = $1 where id = $2', [c.kind, c.personId]);
      for (const username of c.accessList) {
        await sql("insert into person_access (person_id, user_id, la_code, reason) values ($1, $2, $3, 'Named by the privacy officer')", [c.personId, await userId(username), c.laCode]);
      }
    }
    for (const username of c.emergencyAccess) {
      await t.deps.people.breakGlass(await principalFor(t, username), c.personId, { code: 'child_missing', text: 'Police report Ash missing since this evening, need the family contacts.' });
    }
  }
  // A context of harm outside the home linking an ordinary child with the restricted and sealed ones, in each authority.
  for (const laCode of [HOME, NEIGHBOUR]) {
    const contextId = randomUUID();
    const by = await principalFor(t, laCode === HOME ? 'cp.lead' : 'valley.family.help');
    await sql("insert into harm_context (id, la_code, kind, name, description, identified_on, created_by, created_by_name) values ($1, $2, 'place', 'The underpass', 'Older boys gather here', $3, $4, $5)", [contextId, laCode, today, by.userId, by.displayName]);
    for (const c of children.filter((w) => w.laCode === laCode && ['allocated', 'restricted', 'sealed', 'neighbour'].includes(w.key))) {
      await sql("insert into harm_context_member (id, la_code, context_id, person_id, linked_on, why, linked_by, linked_by_name) values (gen_random_uuid(), $1, $2, $3, $4, 'Seen there', $5, $6)", [laCode, contextId, c.personId, today, by.userId, by.displayName]);
    }
  }
  return children;
}
