import { userAccount } from '../../platform/auth/tables.ts';
import { LEAD_CAPACITY } from '../../modules/family-help/front-door.ts';
import { seedAnchors } from '../../modules/family-help/repository.ts';
import { assessment, caseBasis, caseNote, familyHelpCase, familyHelpPlan, planAction, planGoal, planReview, requestForHelp, team, teamMember } from '../../modules/family-help/tables.ts';
import { generateFamilyHelp } from './family-help.ts';
import { coreGroupMeeting, cpConference, cpPlan, harmContext, harmContextMember, informationShare, section47Enquiry, strategyDiscussion } from '../../modules/child-protection/tables.ts';
import { CP_LEAD_CAPACITY } from '../../modules/people/tables.ts';
import { courtEvent, courtProceedings } from '../../modules/court/tables.ts';
import { findAccountByUsername } from '../../platform/auth/repository.ts';
import { LocalDate } from '@js-joda/core';
import type { AuditService } from '../../platform/audit/service.ts';
import { NOBODY } from '../../platform/audit/service.ts';
import type { Database } from '../../platform/db/client.ts';
import { setChildPopulation } from '../../platform/tenancy/repository.ts';
import { countPeople, insertAllocations, insertMany, peopleTables, type IdentityDetailInsert, type PersonInsert } from '../../modules/people/repository.ts';
import { Random } from '../random.ts';
import { generatePeople } from './people.ts';

export interface SyntheticAuthorityOptions {
  laCode: string;
  /** Children aged 0–17 living in the authority. */
  population: number;
  /** Years of history to generate. */
  years: number;
  seed: number;
  /** The day the history runs up to (YYYY-MM-DD). */
  asOf: string;
  /** LA code used inside UPNs: one on DfE's list (the demo authority's own code is not). */
  upnLaCode?: string;
  /** What the authority's demo usernames start with ('' in the demo authority), so its demo workers get caseloads. */
  demoUsernamePrefix?: string;
}

export interface SyntheticAuthorityResult {
  people: number;
  children: number;
  households: number;
  addresses: number;
  relationships: number;
  generateMs: number;
  writeMs: number;
}

/**
 * Generates a deterministic synthetic authority into an authority that holds nobody yet:
 * the same options always give the same people, ids and all.
 */
export async function seedSyntheticAuthority(
  database: Database,
  audit: AuditService,
  options: SyntheticAuthorityOptions,
  onProgress: (message: string) => void = () => undefined,
): Promise<SyntheticAuthorityResult> {
  LocalDate.parse(options.asOf); // refuses a malformed date before any work is done
  const started = performance.now();
  const world = generatePeople(new Random(options.seed), {
    laCode: options.laCode,
    upnLaCode: options.upnLaCode ?? '001',
    population: options.population,
    years: options.years,
    asOf: options.asOf,
  });
  const generateMs = performance.now() - started;
  onProgress(`Generated ${world.people.length.toLocaleString('en-GB')} people in ${Math.round(generateMs)} ms`);

  const writing = performance.now();
  await database.tenant(options.laCode, async (tx) => {
    if ((await countPeople(tx, options.laCode)) > 0) {
      throw new Error(`Authority ${options.laCode} already holds people: a synthetic authority is generated only into an empty one`);
    }
    const steps = [
      ['people', peopleTables.person, world.people],
      ['households', peopleTables.household, world.households],
      ['household members', peopleTables.householdMember, world.members],
      ['addresses', peopleTables.personAddress, world.addresses],
      ['relationships', peopleTables.relationship, world.relationships],
      ['preferred names', peopleTables.identityDetail, preferredNames(world.people, options.asOf)],
    ] as const;
    for (const [label, table, rows] of steps) {
      await insertMany(tx, table, rows as never[]);
      onProgress(`Wrote ${rows.length.toLocaleString('en-GB')} ${label}`);
    }
    // Family Help: the history of every referral, on the same children (its own random stream,
    // so the people stay as they are whatever this adds).
    const prefix = options.demoUsernamePrefix ?? '';
    const anchors = await seedAnchors(tx, options.laCode, `${prefix}family.help`);
    // The demo social worker, if this authority has one, leads real cases too.
    const social = await seedAnchors(tx, options.laCode, `${prefix}social.worker`);
    const socialWorker = social.userId && social.teamId ? { userId: social.userId, name: social.displayName ?? 'Social worker', teamId: social.teamId } : undefined;
    if (anchors.organisationId) {
      // The demo Child Protection Lead Practitioner and partners, if this authority has them.
      const demo = async (username: string) => (await findAccountByUsername(tx, username))?.account;
      const cpLead = await demo(`${prefix}cp.lead`);
      const partners = [];
      for (const [username, agency] of [['police.partner', 'police'], ['health.partner', 'health'], ['school.partner', 'education']] as const) {
        const found = await findAccountByUsername(tx, `${prefix}${username}`);
        if (found && found.account.laCode === options.laCode) partners.push({ userId: found.account.id, agency, name: `${found.account.displayName}, ${found.organisationName}` });
      }
      const help = generateFamilyHelp(new Random(options.seed * 7919 + 17), {
        laCode: options.laCode,
        asOf: options.asOf,
        population: options.population,
        families: world.families,
        names: new Map(world.people.map((p) => [p.id, `${p.givenNames} ${p.familyName}`])),
        staff: { organisationId: anchors.organisationId, familyHelpUserId: anchors.userId ?? undefined, familyHelpName: anchors.displayName ?? undefined, demoTeamId: anchors.teamId ?? undefined, socialWorker },
        protectionStaff: { organisationId: anchors.organisationId, cpLeadUserId: cpLead?.laCode === options.laCode ? cpLead.id : undefined, partners },
      });
      const cp = help.protection;
      const helpSteps = [
        ['staff', userAccount, [...help.users, ...cp.users]],
        ['teams', team, help.teams],
        ['team members', teamMember, help.teamMembers],
        ['requests for help', requestForHelp, help.requests],
        ['Family Help cases', familyHelpCase, help.cases],
        ['statutory bases', caseBasis, help.bases],
        ['assessments', assessment, help.assessments],
        ['plans', familyHelpPlan, help.plans],
        ['plan goals', planGoal, help.goals],
        ['plan actions', planAction, help.actions],
        ['plan reviews', planReview, help.reviews],
        ['visits', caseNote, [...help.notes, ...cp.visits]],
        ['strategy discussions', strategyDiscussion, cp.discussions],
        ['section 47 enquiries', section47Enquiry, cp.enquiries],
        ['child protection plans', cpPlan, cp.plans],
        ['child protection conferences', cpConference, cp.conferences],
        ['core group meetings', coreGroupMeeting, cp.coreGroups],
        ['sharing decisions', informationShare, cp.shares],
        ['contexts of harm outside the home', harmContext, cp.contexts],
        ['children linked to them', harmContextMember, cp.contextMembers],
        ['court proceedings', courtProceedings, cp.proceedings],
        ['pre-proceedings meetings and hearings', courtEvent, cp.courtEvents],
      ] as const;
      for (const [label, table, rows] of helpSteps) {
        await insertMany(tx, table, rows as never[], 500);
        onProgress(`Wrote ${rows.length.toLocaleString('en-GB')} ${label}`);
      }
      const allocations = [
        ...help.allocations.map((a) => ({ ...a, laCode: options.laCode, capacity: LEAD_CAPACITY })),
        ...cp.allocations.map((a) => ({ ...a, laCode: options.laCode, capacity: CP_LEAD_CAPACITY })),
      ];
      for (let i = 0; i < allocations.length; i += 1000) await insertAllocations(tx, allocations.slice(i, i + 1000));
      onProgress(`Wrote ${allocations.length.toLocaleString('en-GB')} lead practitioner and Child Protection Lead Practitioner allocations`);
    }
    await setChildPopulation(tx, options.laCode, options.population);
    await audit.record(tx, {
      laCode: options.laCode,
      actor: NOBODY,
      action: 'synthetic_authority_generated',
      outcome: 'success',
      details: { population: options.population, years: options.years, seed: options.seed, asOf: options.asOf, people: world.people.length },
    });
  });
  await database.analyze();
  return {
    people: world.people.length,
    children: world.referredChildIds.length,
    households: world.households.length,
    addresses: world.addresses.length,
    relationships: world.relationships.length,
    generateMs,
    writeMs: performance.now() - writing,
  };
}

/** Synthetic preferred names, said once and shared with everyone (the usual choice). */
function preferredNames(people: readonly PersonInsert[], asOf: string): IdentityDetailInsert[] {
  return people.flatMap((p) =>
    p.preferredName
      ? [{ personId: p.id, laCode: p.laCode, kind: 'preferred_name' as const, value: p.preferredName, sharedWith: 'everyone' as const, recordedAt: new Date(`${asOf}T09:00:00Z`) }]
      : [],
  );
}
