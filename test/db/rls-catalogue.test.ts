import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../support/db.ts';

/**
 * Identity and directory tables, read before the tenant is known (sign-in, session lookup).
 * They hold no case data. Adding a table here needs a reason as good as these.
 */
const RLS_EXEMPT: Record<string, string> = {
  authority: 'the list of tenants itself',
  organisation: 'directory of organisations whose staff sign in',
  user_account: 'looked up by username at sign-in, before the authority is known',
  user_session: 'looked up by session token before the authority is known',
};

let t: TestDatabase;
/** drizzle's execute() is untyped across the two drivers; both return { rows }. */
const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;
beforeAll(async () => {
  t = await testDatabase();
  await t.database.transaction(async (tx) => {
    await tx.execute(sql`insert into authority (code, name) values ('AAA', 'Authority A'), ('BBB', 'Authority B')`);
  });
  await t.database.tenant('AAA', (tx) => tx.execute(sql`insert into audit_chain_head values ('AAA', 0, 'a')`));
  await t.database.tenant('BBB', (tx) => tx.execute(sql`insert into audit_chain_head values ('BBB', 0, 'b')`));
});
afterAll(() => t.close());

interface TableRow {
  table: string;
  rls: boolean;
  force: boolean;
  has_la_code: boolean;
}

describe('row-level security in the catalogue', () => {
  it('every case-data table carries la_code and has RLS enabled and forced', async () => {
    const tables = await t.superuser((c) =>
      c.query<TableRow>(`
        select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as force,
               exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'la_code' and not a.attisdropped) as has_la_code
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p')`),
    );
    expect(tables.rows.length).toBeGreaterThan(4);
    const offenders = tables.rows
      .filter((r) => !(r.table in RLS_EXEMPT))
      .filter((r) => !r.rls || !r.force || !r.has_la_code)
      .map((r) => r.table);
    expect(offenders).toEqual([]);
  });

  it('every policy confines rows to app.la, with a WITH CHECK for writes', async () => {
    const policies = await t.superuser((c) =>
      c.query<{ table: string; qual: string | null; with_check: string | null; cmd: string }>(
        `select tablename as table, qual, with_check, cmd from pg_policies where schemaname = 'public'`,
      ),
    );
    const tables = new Set(policies.rows.map((p) => p.table));
    const protectedTables = await t.superuser((c) =>
      c.query<{ table: string }>(
        `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity`,
      ),
    );
    for (const { table } of protectedTables.rows) expect(tables, `${table} has a policy`).toContain(table);
    for (const p of policies.rows) {
      expect(p.qual, `${p.table} USING`).toContain("current_setting('app.la'");
      if (p.cmd === 'ALL' || p.cmd === 'INSERT' || p.cmd === 'UPDATE') {
        expect(p.with_check, `${p.table} WITH CHECK`).toContain("current_setting('app.la'");
      }
    }
  });

  it('no view or SECURITY DEFINER function lets a privileged owner leak rows', async () => {
    const definers = await t.superuser((c) =>
      c.query(`select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'public' and p.prosecdef`),
    );
    expect(definers.rows).toEqual([]);
    const views = await t.superuser((c) =>
      c.query(`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_roles r on r.oid = c.relowner
                where n.nspname = 'public' and c.relkind in ('v', 'm') and (r.rolsuper or r.rolbypassrls)`),
    );
    expect(views.rows).toEqual([]);
  });
});

describe('row-level security at run time, as the application role', () => {
  it('runs as a role that is neither superuser nor BYPASSRLS', async () => {
    const result = await t.database.transaction((tx) =>
      tx.execute(sql`select r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user`),
    );
    expect(rowsOf(result)).toEqual([{ rolsuper: false, rolbypassrls: false }]);
  });

  it('sees no rows at all when no authority is set (fails closed)', async () => {
    const result = await t.database.transaction((tx) => tx.execute(sql`select la_code from audit_chain_head`));
    expect(rowsOf(result)).toEqual([]);
  });

  it('sees only its own authority once set', async () => {
    const a = await t.database.tenant('AAA', (tx) => tx.execute(sql`select la_code from audit_chain_head`));
    expect(rowsOf(a)).toEqual([{ la_code: 'AAA' }]);
    const b = await t.database.tenant('BBB', (tx) => tx.execute(sql`select la_code from audit_chain_head`));
    expect(rowsOf(b)).toEqual([{ la_code: 'BBB' }]);
  });

  it('refuses to write a row for another authority, or to move a row across', async () => {
    await expect(
      t.database.tenant('AAA', (tx) => tx.execute(sql`insert into audit_chain_head values ('CCC', 0, 'c')`)),
    ).rejects.toThrow();
    await t.database.tenant('AAA', (tx) => tx.execute(sql`update audit_chain_head set la_code = 'BBB' where la_code = 'AAA'`)).catch(() => undefined);
    const b = await t.database.tenant('BBB', (tx) => tx.execute(sql`select la_code, hash from audit_chain_head`));
    expect(rowsOf(b)).toEqual([{ la_code: 'BBB', hash: 'b' }]);
  });

  it('cannot update another authority\'s rows (they are invisible), and may never delete a chain head', async () => {
    await t.database.tenant('AAA', (tx) => tx.execute(sql`update audit_chain_head set hash = 'x' where la_code = 'BBB'`));
    await expect(t.database.tenant('AAA', (tx) => tx.execute(sql`delete from audit_chain_head where la_code = 'AAA'`))).rejects.toThrow();
    const b = await t.database.tenant('BBB', (tx) => tx.execute(sql`select hash from audit_chain_head`));
    expect(rowsOf(b)).toEqual([{ hash: 'b' }]);
  });
});
