import { randomBytes, randomUUID } from 'node:crypto';
import { todayInEngland } from '../platform/clock.ts';
import type { Database } from '../platform/db/client.ts';
import type { Role } from '../platform/access/roles.ts';
import type { AuditService } from '../platform/audit/service.ts';
import { NOBODY } from '../platform/audit/service.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { insertAccount } from '../platform/auth/repository.ts';
import { findAuthority, insertAuthority, insertOrganisation } from '../platform/tenancy/repository.ts';
import { countPeople } from '../modules/people/repository.ts';
import { insertTeam, insertTeamMember } from '../modules/family-help/repository.ts';
import { seedSyntheticAuthority } from './synthetic/authority.ts';

/** The seeded demo authority. 999 is not a DfE local authority code, so it never collides with a real one. */
// Phone numbers from Ofcom's ranges for drama (0808 157 0000–0999), which are never given to anyone.
export const DEMO_AUTHORITY = { code: '999', name: 'Demo Borough Council', contactPhone: '0808 157 0192' } as const;

/**
 * A small neighbouring authority, so the running demo shows one authority's staff never reaching
 * another's children (998 is not a DfE code either). Its demo users' names start with `valley.`.
 */
export const NEIGHBOUR_AUTHORITY = { code: '998', name: 'Demo Valley Council', contactPhone: '0808 157 0287', usernamePrefix: 'valley.' } as const;

type OrgKind = 'local_authority' | 'police' | 'health' | 'school' | 'advocacy_service';
type OrgKey = 'council' | 'police' | 'health' | 'school' | 'advocacy';
const ORGANISATIONS: Record<OrgKey, { name: string; kind: OrgKind }> = {
  council: { name: 'Demo Borough Council Children’s Services', kind: 'local_authority' },
  police: { name: 'Demoshire Police', kind: 'police' },
  health: { name: 'Demo Community Health NHS Trust', kind: 'health' },
  school: { name: 'Oakfield Primary School (demo)', kind: 'school' },
  advocacy: { name: 'Independent Voices Advocacy (demo)', kind: 'advocacy_service' },
};

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  org: OrgKey;
}

/** One demo user for each main role. README.md lists these usernames. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'family.help', displayName: 'Priya Shah', role: 'family_help_practitioner', org: 'council' },
  { username: 'social.worker', displayName: 'Tom Okafor', role: 'social_worker', org: 'council' },
  { username: 'cp.lead', displayName: 'Hannah Price', role: 'cp_lead_practitioner', org: 'council' },
  { username: 'team.manager', displayName: 'Marcus Reid', role: 'team_manager', org: 'council' },
  { username: 'police.partner', displayName: 'DC Sam Fletcher', role: 'police_partner', org: 'police' },
  { username: 'health.partner', displayName: 'Aisha Rahman', role: 'health_partner', org: 'health' },
  { username: 'school.partner', displayName: 'Gareth Lewis', role: 'school_partner', org: 'school' },
  { username: 'advocate', displayName: 'Jo Mensah', role: 'independent_advocate', org: 'advocacy' },
  { username: 'placements.officer', displayName: 'Chloe Barnes', role: 'placements_officer', org: 'council' },
  { username: 'data.analyst', displayName: 'Wei Chen', role: 'data_analyst', org: 'council' },
  { username: 'admin', displayName: 'Fiona Walsh', role: 'administrator', org: 'council' },
];

/** The neighbouring authority's demo users: a practitioner, their manager and the privacy officer. */
export const NEIGHBOUR_USERS: readonly DemoUser[] = [
  { username: 'valley.family.help', displayName: 'Owen Hughes', role: 'family_help_practitioner', org: 'council' },
  { username: 'valley.team.manager', displayName: 'Ruth Adeyemi', role: 'team_manager', org: 'council' },
  { username: 'valley.admin', displayName: 'Megan Price', role: 'administrator', org: 'council' },
];

interface DemoTeam {
  name: string;
  kind: 'family_help' | 'child_protection';
  base: 'family_hub' | 'office';
  baseName: string;
  manager: string;
  members: readonly (readonly [string, string])[];
}

/** The demo teams: Family Help based in a family hub, child protection in the civic centre. */
export const DEMO_TEAMS: readonly DemoTeam[] = [
  {
    name: 'Northfield Family Help team',
    kind: 'family_help',
    base: 'family_hub',
    baseName: 'Northfield Family Hub',
    manager: 'team.manager',
    members: [
      ['family.help', 'Family support worker'],
      ['social.worker', 'Social worker'],
    ],
  },
  {
    name: 'Child protection team',
    kind: 'child_protection',
    base: 'office',
    baseName: 'Civic Centre',
    manager: 'team.manager',
    members: [['cp.lead', 'Child Protection Lead Practitioner']],
  },
];

export const NEIGHBOUR_TEAMS: readonly DemoTeam[] = [
  { name: 'Valley Family Help team', kind: 'family_help', base: 'family_hub', baseName: 'Valley Family Hub', manager: 'valley.team.manager', members: [['valley.family.help', 'Family support worker']] },
];

/** Each demo authority: who works there and in which teams. */
const DEMO_AUTHORITIES = [
  { authority: DEMO_AUTHORITY, organisations: ORGANISATIONS, users: DEMO_USERS, teams: DEMO_TEAMS },
  {
    authority: NEIGHBOUR_AUTHORITY,
    organisations: { council: { name: 'Demo Valley Council Children’s Services', kind: 'local_authority' } } as Partial<Record<OrgKey, { name: string; kind: OrgKind }>>,
    users: NEIGHBOUR_USERS,
    teams: NEIGHBOUR_TEAMS,
  },
] as const;

/** A password that is easy to type from a terminal: four groups of five letters and digits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

export interface DemoSeedResult {
  seeded: boolean;
  /** Set only when the password was generated here, to print once. */
  generatedPassword?: string;
}

/**
 * Seeds the demo authorities and their users, once. Demo users exist only here: nothing else
 * creates accounts with is_demo, and production never runs this.
 */
export async function seedDemoAuthority(
  database: Database,
  audit: AuditService,
  options: { password: string | undefined },
): Promise<DemoSeedResult> {
  if (await findAuthority(database.db, DEMO_AUTHORITY.code)) return { seeded: false };
  const password = options.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  for (const { authority, organisations, users, teams } of DEMO_AUTHORITIES) {
    const laCode = authority.code;
    await database.tenant(laCode, async (tx) => {
      await insertAuthority(tx, { code: laCode, name: authority.name, contactPhone: authority.contactPhone, isDemo: true });
      const orgIds: Partial<Record<OrgKey, string>> = {};
      for (const [key, org] of Object.entries(organisations) as [OrgKey, { name: string; kind: OrgKind }][]) {
        orgIds[key] = randomUUID();
        await insertOrganisation(tx, { id: orgIds[key], laCode, ...org });
      }
      const userIds = new Map<string, string>();
      for (const user of users) {
        userIds.set(user.username, randomUUID());
        await insertAccount(tx, {
          id: userIds.get(user.username)!,
          laCode,
          organisationId: orgIds[user.org]!,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          passwordHash,
          isDemo: true,
        });
      }
      for (const t of teams) {
        const teamId = randomUUID();
        await insertTeam(tx, { id: teamId, laCode, name: t.name, kind: t.kind, base: t.base, baseName: t.baseName, managerUserId: userIds.get(t.manager) ?? null });
        for (const [username, profession] of t.members) await insertTeamMember(tx, { teamId, userId: userIds.get(username)!, laCode, profession });
      }
      await audit.record(tx, { laCode, actor: NOBODY, action: 'demo_authority_seeded', outcome: 'success', details: { users: users.length } });
    });
  }
  return options.password ? { seeded: true } : { seeded: true, generatedPassword: password };
}

/**
 * First start: the demo authority and its users, then its synthetic population. Each step is
 * skipped once done, so a start interrupted half-way finishes the job next time.
 */
export async function ensureDemoAuthority(
  database: Database,
  audit: AuditService,
  options: { password: string | undefined; population: number; years: number },
  say: (line: string) => void,
): Promise<void> {
  const result = await seedDemoAuthority(database, audit, { password: options.password });
  if (result.generatedPassword) {
    // Printed once, on the start that created the demo users; only its hash is stored.
    say(`Demo users created: ${[...DEMO_USERS, ...NEIGHBOUR_USERS].map((u) => u.username).join(', ')}`);
    say(`Their password (shown only this once): ${result.generatedPassword}`);
    say('Set DEMO_PASSWORD before the first start to choose it instead.');
  }
  if (options.population === 0) return;
  // The neighbour is a twentieth of the demo authority's size: enough to show, quick to make.
  const authorities = [
    { code: DEMO_AUTHORITY.code, name: DEMO_AUTHORITY.name, population: options.population, seed: 1, prefix: '' },
    { code: NEIGHBOUR_AUTHORITY.code, name: NEIGHBOUR_AUTHORITY.name, population: Math.max(1, Math.round(options.population / 20)), seed: 2, prefix: NEIGHBOUR_AUTHORITY.usernamePrefix },
  ];
  for (const la of authorities) {
    const empty = await database.tenant(la.code, async (tx) => (await countPeople(tx, la.code)) === 0);
    if (!empty) continue;
    say(`Generating ${la.name}: ${la.population.toLocaleString('en-GB')} children, ${options.years} years of history…`);
    const started = performance.now();
    const seeded = await seedSyntheticAuthority(
      database,
      audit,
      { laCode: la.code, population: la.population, years: options.years, seed: la.seed, asOf: todayInEngland().toString(), demoUsernamePrefix: la.prefix },
      (line) => say(`  ${line}`),
    );
    say(`  ${seeded.people.toLocaleString('en-GB')} people in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
