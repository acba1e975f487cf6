// What the policy says each persona may do with each child of the access world, worked out from
// the world's own description of who works with whom — never from the app's answers.
import { beyondAccessList, can, knowable, type Purpose, type Relationship } from '../../src/platform/access/policy.ts';
import type { Permission } from '../../src/platform/access/permissions.ts';
import { DEMO_TEAMS, NEIGHBOUR_TEAMS } from '../../src/seed/demo.ts';
import { EASTGATE, type Persona, type WorldChild } from './access-world.ts';

const TEAMS: readonly { name: string; manager: string; members: readonly string[] }[] = [
  ...[...DEMO_TEAMS, ...NEIGHBOUR_TEAMS].map((t) => ({ name: t.name, manager: t.manager, members: t.members.map(([u]) => u) })),
  { name: EASTGATE.team, manager: EASTGATE.manager, members: [EASTGATE.worker] },
];

/** How a persona stands to a child, from the world's description. */
export function relationshipsOf(persona: Persona, child: WorldChild): Relationship[] {
  if (persona.laCode !== child.laCode) return [];
  const me = persona.username;
  const allocated = [...(child.case ? [child.case.lead] : []), ...child.allocated];
  const caseTeam = child.case ? TEAMS.find((t) => t.name === child.case!.team) : undefined;
  const out: Relationship[] = [];
  if (allocated.includes(me)) out.push('allocated');
  if (child.allocated.includes(me) && me === 'cp.lead') out.push('cp_lead');
  if (child.case?.lead === me) out.push('case_lead');
  if (caseTeam?.members.includes(me)) out.push('team');
  if (caseTeam?.manager === me) out.push('manages');
  if (TEAMS.some((t) => t.manager === me && t.members.some((m) => allocated.includes(m)))) out.push('supervises');
  if (child.sharedWith.includes(me)) out.push('shared');
  if (child.emergencyAccess.includes(me) && child.kind === 'ordinary') out.push('break_glass');
  return out;
}

export type Answer = 'allowed' | 'refused' | 'restricted' | 'missing';

/** The answer the policy gives a persona asking for a permission on a child's record. */
export function answer(persona: Persona, child: WorldChild, permission: Permission, through?: { relationship: Relationship; purpose: Purpose }): Answer {
  if (persona.laCode !== child.laCode) return 'missing'; // another authority's child does not exist here
  const subject = { role: persona.role };
  const known = knowable(child.kind, child.kind === 'ordinary' || child.accessList.includes(persona.username));
  if (known !== 'named' && !beyondAccessList(subject, permission)) return known === 'exists' ? 'restricted' : 'missing';
  const relationships = [...relationshipsOf(persona, child), ...(through ? [through.relationship] : [])];
  const purpose = relationships.includes('break_glass') ? 'emergency' : through?.purpose;
  const context = { relationships: [...relationships, 'any' as const], ...(purpose ? { purpose } : {}) };
  return can(subject, permission, context) ? 'allowed' : 'refused';
}

const named = (persona: Persona, child: WorldChild) =>
  persona.laCode === child.laCode && knowable(child.kind, child.kind === 'ordinary' || child.accessList.includes(persona.username)) === 'named';

/**
 * Which of a child's canaries a persona may meet anywhere in the service: the name wherever the
 * child may be named to them (search, their lists, a share, the privacy officer's views); the
 * address and the case notes only with the record itself (a withheld address only to those the
 * policy lets see it).
 */
export function mayMeet(persona: Persona, child: WorldChild): { name: boolean; address: boolean; note: boolean } {
  const subject = { role: persona.role };
  const relationships = relationshipsOf(persona, child);
  const view = answer(persona, child, 'record.view') === 'allowed';
  const privacyOfficer = persona.laCode === child.laCode && answer(persona, child, 'record.access_log') === 'allowed' && beyondAccessList(subject, 'record.access_log');
  const name =
    privacyOfficer ||
    (named(persona, child) &&
      (can(subject, 'people.search') ||
        view ||
        relationships.includes('shared') ||
        answer(persona, child, 'record.access_log') === 'allowed' ||
        (child.emergencyAccess.length > 0 && can(subject, 'access_reviews.manage'))));
  const address = view && (!child.locationWithheld || answer(persona, child, 'record.location') === 'allowed');
  return { name, address, note: view };
}
