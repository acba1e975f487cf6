import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../support/db.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.close());

describe('enable_tenant_isolation, for later migrations', () => {
  it('gives a table the same row-level security as every other, and is not for the application', async () => {
    await t.superuser(async (c) => {
      await c.query(`create table helper_probe (la_code text not null, note text)`);
      await c.query(`grant select, insert on helper_probe to stable_homes_app`);
      await c.query(`select enable_tenant_isolation('helper_probe')`);
      await c.query(`insert into authority (code, name) values ('HP1', 'Helper One'), ('HP2', 'Helper Two')`);
    });
    await t.database.tenant('HP1', (tx) => tx.execute(sql`insert into helper_probe values ('HP1', 'one')`));
    await expect(t.database.tenant('HP1', (tx) => tx.execute(sql`insert into helper_probe values ('HP2', 'two')`))).rejects.toThrow();
    const seen = await t.database.tenant('HP2', (tx) => tx.execute(sql`select * from helper_probe`));
    expect((seen as { rows: unknown[] }).rows).toEqual([]);
    await expect(t.database.transaction((tx) => tx.execute(sql`select enable_tenant_isolation('audit_event')`))).rejects.toThrow();
    await t.superuser((c) => c.query('drop table helper_probe'));
  });
});
