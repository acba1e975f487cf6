import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService, NOBODY, type AuditService } from '../../src/platform/audit/service.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createPglite, openDatabase } from '../../src/platform/db/client.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ENGINE, testDatabase, type TestDatabase } from '../support/db.ts';

let t: TestDatabase;
let audit: AuditService;

async function authorityWithEvents(code: string, events: number) {
  await t.database.transaction((tx) => tx.execute(sql`insert into authority (code, name) values (${code}, ${'Authority ' + code})`));
  for (let i = 0; i < events; i++) {
    await audit.recordNow({ laCode: code, actor: NOBODY, action: 'test_event', outcome: 'success', details: { i } });
  }
}

const reportFor = async (code: string) => (await audit.verifyAll()).find((r) => r.laCode === code)!;

/** An attacker with full database access: the append-only trigger switched off. */
const tamper = (statement: string) =>
  t.superuser(async (c) => {
    await c.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
    try {
      await c.query(statement);
    } finally {
      await c.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
    }
  });

beforeAll(async () => {
  t = await testDatabase();
  audit = createAuditService(t.database, systemClock);
});
afterAll(() => t.close());

describe('the audit trail is append-only for the application', () => {
  it('refuses UPDATE, DELETE and TRUNCATE from the application role', async () => {
    await authorityWithEvents('A00', 2);
    for (const statement of [
      sql`update audit_event set action = 'x' where la_code = 'A00'`,
      sql`delete from audit_event where la_code = 'A00'`,
      sql`truncate audit_event`,
    ]) {
      await expect(t.database.tenant('A00', (tx) => tx.execute(statement))).rejects.toThrow();
    }
    expect((await reportFor('A00')).ok).toBe(true);
  });

  it('refuses UPDATE and DELETE even from the owner, through the trigger', async () => {
    await expect(t.superuser((c) => c.query(`update audit_event set action = 'x' where la_code = 'A00'`))).rejects.toThrow(/append-only/);
    await expect(t.superuser((c) => c.query(`delete from audit_event where la_code = 'A00'`))).rejects.toThrow(/append-only/);
  });
});

describe('tampering is caught and the first broken link named', () => {
  it('an intact chain verifies', async () => {
    await authorityWithEvents('A01', 5);
    expect(await reportFor('A01')).toMatchObject({ ok: true, count: 5 });
  });

  it('an edited row', async () => {
    await authorityWithEvents('A02', 5);
    await tamper(`update audit_event set details = '{"i": 99}' where la_code = 'A02' and seq = 3`);
    expect(await reportFor('A02')).toMatchObject({ ok: false, firstBreak: { seq: 3 } });
  });

  it('an edited row whose hash was recomputed by the attacker breaks the next link', async () => {
    await authorityWithEvents('A03', 5);
    await tamper(`update audit_event set action = 'nothing_to_see', hash = repeat('f', 64) where la_code = 'A03' and seq = 2`);
    const report = await reportFor('A03');
    expect(report.ok).toBe(false);
    expect(report.firstBreak!.seq).toBe(2);
  });

  it('a deleted row', async () => {
    await authorityWithEvents('A04', 5);
    await tamper(`delete from audit_event where la_code = 'A04' and seq = 2`);
    expect(await reportFor('A04')).toMatchObject({ ok: false, firstBreak: { seq: 2 } });
  });

  it('the last row deleted', async () => {
    await authorityWithEvents('A05', 5);
    await tamper(`delete from audit_event where la_code = 'A05' and seq = 5`);
    expect(await reportFor('A05')).toMatchObject({ ok: false, firstBreak: { seq: 5 } });
  });

  it('two rows reordered', async () => {
    await authorityWithEvents('A06', 5);
    await tamper(`update audit_event set seq = -1 where la_code = 'A06' and seq = 2`);
    await tamper(`update audit_event set seq = 2 where la_code = 'A06' and seq = 3`);
    await tamper(`update audit_event set seq = 3 where la_code = 'A06' and seq = -1`);
    expect(await reportFor('A06')).toMatchObject({ ok: false, firstBreak: { seq: 2 } });
  });

  it('a backdated row', async () => {
    await authorityWithEvents('A07', 3);
    await tamper(`update audit_event set occurred_at = occurred_at - interval '1 day' where la_code = 'A07' and seq = 1`);
    expect(await reportFor('A07')).toMatchObject({ ok: false, firstBreak: { seq: 1 } });
  });
});

describe('concurrent writers', () => {
  it('200 concurrent events across 3 authorities never fork a chain', async () => {
    for (const code of ['C01', 'C02', 'C03']) await authorityWithEvents(code, 0);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        audit.recordNow({ laCode: ['C01', 'C02', 'C03'][i % 3]!, actor: NOBODY, action: 'concurrent', outcome: 'success', details: { i } }),
      ),
    );
    const reports = (await audit.verifyAll()).filter((r) => r.laCode.startsWith('C'));
    expect(reports.map((r) => [r.laCode, r.ok, r.count])).toEqual([
      ['C01', true, 67],
      ['C02', true, 67],
      ['C03', true, 66],
    ]);
  });
});

describe('requests are audited, and fail closed', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('records who, what, when and the outcome of a page view', async () => {
    const session = await app.signIn('team.manager');
    await session.get('/users');
    const [latest] = await app.deps.audit.recent('999', 1);
    expect(latest).toMatchObject({
      username: 'team.manager',
      role: 'team_manager',
      organisation: 'Demo Borough Council Children’s Services',
      action: 'users_listed',
      method: 'GET',
      route: '/users',
      outcome: 'success',
      statusCode: 200,
    });
    expect(Date.now() - latest!.occurredAt.getTime()).toBeLessThan(60_000);
  });

  it('records a refusal as denied', async () => {
    const session = await app.signIn('school.partner');
    expect((await session.get('/users')).statusCode).toBe(403);
    const [latest] = await app.deps.audit.recent('999', 1);
    expect(latest).toMatchObject({ username: 'school.partner', route: '/users', outcome: 'denied', statusCode: 403 });
  });

  it('sends no record data when the audit write fails', async () => {
    const session = await app.signIn('family.help');
    expect((await session.get('/')).body).toContain('Priya Shah');
    await app.db.superuser((c) => c.query('REVOKE INSERT ON audit_event FROM stable_homes_app'));
    try {
      const response = await session.get('/');
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain('Priya Shah');
      expect(response.body).not.toContain('My work');
      expect(response.body).toContain('Sorry, there is a problem with the service');
    } finally {
      await app.db.superuser((c) => c.query('GRANT INSERT ON audit_event TO stable_homes_app'));
    }
    expect((await session.get('/')).statusCode).toBe(200);
  });
});

describe.runIf(ENGINE === 'pglite')('npx stable-homes verify-audit', () => {
  it('passes an intact trail and names the first broken link of a tampered one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sh-verify-'));
    try {
      const raw = await createPglite(path.join(dir, 'pgdata'));
      const database = await openDatabase({ kind: 'pglite', dataDir: dir }, { migrate: true, pglite: raw });
      const fileAudit = createAuditService(database, systemClock);
      await database.transaction((tx) => tx.execute(sql`insert into authority (code, name) values ('V01', 'Verify Council')`));
      for (let i = 0; i < 4; i++) await fileAudit.recordNow({ laCode: 'V01', actor: NOBODY, action: 'x', outcome: 'success' });
      await database.close();

      const run = () =>
        spawnSync(process.execPath, ['bin/stable-homes.js', 'verify-audit'], {
          env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
          encoding: 'utf8',
        });
      const intact = run();
      expect(intact.status).toBe(0);
      expect(intact.stdout).toContain('V01 Verify Council: intact, 4 events');

      const attacker = await createPglite(path.join(dir, 'pgdata'));
      await attacker.exec(`ALTER TABLE audit_event DISABLE TRIGGER USER;
        UPDATE audit_event SET action = 'y' WHERE seq = 3;
        ALTER TABLE audit_event ENABLE TRIGGER USER; CHECKPOINT;`);
      await attacker.close();
      const broken = run();
      expect(broken.status).toBe(2);
      expect(broken.stdout).toContain('V01 Verify Council: BROKEN at event 3: event 3 was changed after it was written');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
