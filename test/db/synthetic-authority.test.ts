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
import { ENGINE, testDatabase, type TestDatabase } from '../support/db.ts';
import { ROOT } from '../support/process.ts';

const OPTIONS = { laCode: DEMO_AUTHORITY.code, population: 4_000, years: 3, seed: 11, asOf: '2026-03-31' };
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
  t = await testDatabase();
  const audit = createAuditService(t.database, systemClock);
  await seedDemoAuthority(t.database, audit, { password: 'synthetic-test-password' });
  await seedSyntheticAuthority(t.database, audit, OPTIONS);
});
afterAll(() => t.close());

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

describe.runIf(ENGINE === 'pglite')('npx stable-homes seed and stats', () => {
  it('seeds a data directory and prints the counts as one JSON object', () => {
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
