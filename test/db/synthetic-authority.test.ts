import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../../src/platform/audit/service.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { DEMO_AUTHORITY, seedDemoAuthority } from '../../src/seed/demo.ts';
import { authorityStats } from '../../src/seed/stats.ts';
import { seedSyntheticAuthority } from '../../src/seed/synthetic/authority.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ENGINE, testDatabase, type TestDatabase } from '../support/db.ts';
import { ROOT } from '../support/process.ts';
import { rowsOf } from '../support/records.ts';

const OPTIONS = { laCode: DEMO_AUTHORITY.code, population: 4_000, years: 3, seed: 11, asOf: '2026-03-31' };
let app: TestApp;
let t: TestDatabase;

const digest = (db: TestDatabase) =>
  db.database.tenant(DEMO_AUTHORITY.code, async (tx) => {
    const result = await tx.execute(
      sql`select md5((select string_agg(id::text || given_names || family_name || coalesce(date_of_birth::text, '') || coalesce(nhs_number, ''), ',' order by id) from person)
                  || (select string_agg(id::text || person_id::text || opened_on::text || coalesce(closed_on::text, '') || lead_practitioner_name, ',' order by id) from family_help_case)) as d`,
    );
    return (result as { rows: { d: string }[] }).rows[0]!.d;
  });

beforeAll(async () => {
  // The real app on the database, with the demo users, so its pages can be read as they are.
  app = await startTestApp();
  t = app.db;
  await seedSyntheticAuthority(t.database, app.deps.audit, OPTIONS);
});
afterAll(() => app.close());

describe('a synthetic authority in the database', () => {
  it('reports what it holds, with the statutory keys at 0 until their modules exist (care and leaving care)', async () => {
    const stats = await authorityStats(t.database, DEMO_AUTHORITY.code, OPTIONS.asOf);
    // Family Help's counts, near England's rates (a small authority: test/unit/synthetic-family-help.test.ts checks ±10% at 60,000).
    expect(stats.referrals_last_year / 4_000 * 10_000).toBeGreaterThan(519 * 0.75);
    expect(stats.referrals_last_year / 4_000 * 10_000).toBeLessThan(519 * 1.25);
    expect(stats.children_in_need / 4_000 * 10_000).toBeGreaterThan(330 * 0.7);
    expect(stats.children_in_need / 4_000 * 10_000).toBeLessThan(330 * 1.3);
    // Child protection's, counted from the tables (test/unit/synthetic-child-protection.test.ts checks the rates at 60,000).
    expect(stats.child_protection_plans / 4_000 * 10_000).toBeGreaterThan(40.6 * 0.5);
    expect(stats.child_protection_plans / 4_000 * 10_000).toBeLessThan(40.6 * 1.5);
    expect(stats.section_47_enquiries_last_year).toBeGreaterThan(stats.initial_conferences_last_year);
    expect(stats).toMatchObject({
      population: 4_000,
      children_looked_after: 0,
      care_leavers: 0,
    });
    expect(stats.people).toBeGreaterThan(1_000);
    expect(stats.children_aged_0_to_17_known).toBeGreaterThan(300);
    expect(stats.relationships).toBeGreaterThan(stats.people);
  });

  it('refuses to generate into an authority that already holds people', async () => {
    await expect(seedSyntheticAuthority(t.database, createAuditService(t.database, systemClock), OPTIONS)).rejects.toThrow(/already holds people/);
  });

  it('is the same in a second database from the same seed', async () => {
    const other = await testDatabase();
    try {
      const audit = createAuditService(other.database, systemClock);
      await seedDemoAuthority(other.database, audit, { password: 'synthetic-test-password' });
      await seedSyntheticAuthority(other.database, audit, OPTIONS);
      expect(await digest(other)).toBe(await digest(t));
    } finally {
      await other.close();
    }
  });

  it('is invisible to another authority', async () => {
    await t.database.transaction((tx) => tx.execute(sql`insert into authority (code, name) values ('OTH', 'Other Council')`));
    const stats = await authorityStats(t.database, 'OTH', OPTIONS.asOf);
    expect(stats.people).toBe(0);
  });

  it('records its generation in the audit trail', async () => {
    const events = await createAuditService(t.database, systemClock).recent(DEMO_AUTHORITY.code, 5);
    expect(events.find((e) => e.action === 'synthetic_authority_generated')?.details).toMatchObject({ population: 4_000, seed: 11 });
  });
});

describe('what the synthetic authority shows', () => {
  it('holds no fact before a birth, and no open case for anyone 18 or over on the as-of date', async () => {
    const [row] = await rowsOf(
      app,
      `select (select count(*) from person_address a join person p on p.id = a.person_id where a.from_date < p.date_of_birth)::int as "addressesBeforeBirth",
              (select count(*) from family_help_case c join person p on p.id = c.person_id where c.referral_date < p.date_of_birth)::int as "casesBeforeBirth",
              (select count(*) from family_help_case c join person p on p.id = c.person_id
                where c.closed_on is null and p.date_of_birth + interval '18 years' <= $1::date)::int as "openForAdults",
              (select count(*) from family_help_case c join person p on p.id = c.person_id where c.closed_on is null)::int as "open"`,
      [OPTIONS.asOf],
    );
    expect(row).toMatchObject({ addressesBeforeBirth: 0, casesBeforeBirth: 0, openForAdults: 0 });
    expect(row!['open']).toBeGreaterThan(50);
  });

  it('gives the demo social worker cases of their own, and a child only with a case they lead', async () => {
    const [row] = await rowsOf(
      app,
      `select count(*)::int as allocated,
              count(*) filter (where exists (select 1 from family_help_case c where c.person_id = a.person_id and c.closed_on is null and c.lead_practitioner_id = a.user_id))::int as "withCase"
         from allocation a join user_account u on u.id = a.user_id where u.username = 'social.worker'`,
    );
    expect(row!['allocated']).toBe(12);
    expect(row!['withCase']).toBe(row!['allocated']);
    const home = await (await app.signIn('social.worker')).get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('You lead 12 Family Help cases');
    expect(home.body).not.toContain('When children are allocated to you');
  });

  it("shows a child's disabilities on their record by name, never as census codes", async () => {
    const [child] = await rowsOf(
      app,
      `select c.person_id as id from family_help_case c join user_account u on u.id = c.lead_practitioner_id
        where u.username = 'family.help' and c.closed_on is null order by c.person_id limit 1`,
    );
    const id = String(child!['id']);
    await rowsOf(app, `update person set disabilities = '{BEH,AUT}' where id = $1`, [id]);
    const priya = await app.signIn('family.help');
    const record = await priya.get(`/people/${id}`);
    expect(record.statusCode).toBe(200);
    const disability = /Disability\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*([^<]*?)\s*<\/dd>/.exec(record.body)?.[1];
    expect(disability).toBe('Behaviour, Autism');
    expect(record.body).not.toMatch(/\b(BEH|AUT)\b/);
    await rowsOf(app, `update person set disabilities = '{NONE}' where id = $1`, [id]);
    expect(/Disability\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*([^<]*?)\s*<\/dd>/.exec((await priya.get(`/people/${id}`)).body)?.[1]).toBe('No disability');
  });
});

describe.runIf(ENGINE === 'pglite')('npx stable-homes seed and stats', () => {
  // Three runs of the command, each starting Node.js, compiling TypeScript and migrating PGlite: a minute on a busy machine.
  it('seeds a data directory and prints the counts as one JSON object', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sh-seed-'));
    try {
      const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '', DEMO_PASSWORD: 'synthetic-test-password' };
      const run = (args: string[]) => spawnSync(process.execPath, ['bin/stable-homes.js', ...args], { cwd: ROOT, env, encoding: 'utf8' });
      const seeded = run(['seed', '--population', '2000', '--years', '2', '--seed', '3', '--as-of', '2026-03-31']);
      expect(seeded.status, seeded.stderr).toBe(0);
      expect(seeded.stdout).toMatch(/^Demo Borough Council: [\d,]+ people/);
      expect(seeded.stderr).toContain('Wrote'); // progress
      const stats = run(['stats', '--json', '--as-of', '2026-03-31']);
      expect(stats.status, stats.stderr).toBe(0);
      const parsed = JSON.parse(stats.stdout) as Record<string, number>;
      for (const key of ['population', 'referrals_last_year', 'children_in_need', 'child_protection_plans', 'children_looked_after', 'care_leavers']) {
        expect(parsed).toHaveProperty(key);
      }
      expect(parsed['population']).toBe(2000);
      const bad = run(['seed', '--population', 'lots']);
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toContain('--population must be a whole number');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
