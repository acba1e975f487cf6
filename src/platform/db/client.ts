import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { ConfigError, type Config } from '../../config.ts';
import { lockDataDir } from './lock.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repository can run a query on: the database or a transaction. */
export type Executor = Db | Tx;

/** The role the application runs as (drizzle/0001_security.sql creates it). */
export const APP_ROLE = 'stable_homes_app';
const MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');
const OPEN_TIMEOUT_MS = 60_000;

/**
 * A PGlite instance with the extensions the migrations create (name search needs pg_trgm,
 * fuzzystrmatch and unaccent; PostgreSQL's contrib package has them). In memory without a directory.
 */
export function createPglite(dataDir?: string): Promise<PGlite> {
  const extensions = { pg_trgm, fuzzystrmatch, unaccent };
  return dataDir ? PGlite.create(dataDir, { extensions }) : PGlite.create({ extensions });
}

export interface Database {
  kind: 'pglite' | 'postgresql';
  /** Transactions that touch no case data: accounts, sessions, the list of authorities. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction confined by row-level security to one authority's rows. */
  tenant<T>(laCode: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Read-only identity lookups outside a transaction. */
  readonly db: Db;
  /** A round trip to the database, for the health check. */
  ping(): Promise<void>;
  /**
   * Refreshes the planner's statistics after bulk loads. PGlite has no autovacuum, and ANALYZE
   * needs the tables' owner, which the application role is not.
   */
  analyze(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations before switching to the application role. */
  migrate?: boolean;
  /** Refuse superuser or BYPASSRLS login roles (always on in production). */
  production?: boolean;
  /** Use this PGlite instance (tests: in memory, with a handle kept for superuser checks). */
  pglite?: PGlite;
}

export async function openDatabase(database: Config['database'], options: OpenOptions = {}): Promise<Database> {
  return database.kind === 'pglite' ? openPglite(database.dataDir, options) : openPostgres(database.url, options);
}

async function openPglite(dataDir: string, options: OpenOptions): Promise<Database> {
  let release: (() => Promise<void>) | undefined;
  let client: PGlite;
  if (options.pglite) {
    client = options.pglite;
  } else {
    await mkdir(dataDir, { recursive: true });
    release = await lockDataDir(dataDir);
    const pgdata = path.join(dataDir, 'pgdata');
    try {
      if (!existsSync(path.join(pgdata, 'PG_VERSION'))) {
        // Creating a database grows PGlite's WebAssembly memory to ~900 MB, which it never gives
        // back; opening it afresh afterwards runs in well under half that.
        await withTimeout(createPglite(pgdata).then((created) => created.close()), `creating the database in ${dataDir}`);
      }
      client = await withTimeout(
        createPglite(pgdata),
        `opening the database in ${dataDir} (if it does not open, restore ${dataDir} from a snapshot)`,
      );
    } catch (error) {
      await release();
      throw error;
    }
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  if (options.migrate) await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
  // PGlite's own session is a superuser, which ignores row-level security; the app's role does not.
  // Nothing exposes raw SQL, so nothing can RESET ROLE.
  await client.exec(`SET ROLE ${APP_ROLE}`);

  return {
    kind: 'pglite',
    db,
    transaction: (fn) => db.transaction(fn),
    tenant: (laCode, fn) => db.transaction(async (tx) => fn(await setTenant(tx, laCode))),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    async analyze() {
      await client.exec(`RESET ROLE; ANALYZE; SET ROLE ${APP_ROLE}`);
    },
    async close() {
      if (client.closed) return;
      await client.exec('RESET ROLE; CHECKPOINT');
      await client.close();
      await release?.();
    },
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  if (options.migrate) {
    // Migrations run as the login role itself (an owner), before the app role is taken on.
    const owner = new pg.Client({ connectionString: url });
    await owner.connect();
    try {
      await migrateNodePg(drizzleNodePg(owner, { schema }), { migrationsFolder: MIGRATIONS });
    } finally {
      await owner.end();
    }
  }

  // Every pooled connection takes on the application role in its startup packet, before any query.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c role=${APP_ROLE}` });
  // An idle connection dropped by the server (a restart, a failover) must not crash the process:
  // the pool discards it and the next query opens a new one; /health reports while it cannot.
  pool.on('error', () => undefined);
  try {
    const { rows } = await pool.query<{ super: boolean; bypass: boolean }>(
      'SELECT rolsuper AS super, rolbypassrls AS bypass FROM pg_roles WHERE rolname = session_user',
    );
    if (options.production && (rows[0]?.super || rows[0]?.bypass)) {
      throw new ConfigError('Refusing to start: the database role is a superuser or has BYPASSRLS; connect as a role without them');
    }
  } catch (error) {
    await pool.end();
    if ((error as { code?: string }).code === '42501') {
      throw new ConfigError(`Refusing to start: the database role must be granted ${APP_ROLE} (GRANT ${APP_ROLE} TO <login role>)`);
    }
    throw error;
  }
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgresql',
    db,
    transaction: (fn) => db.transaction(fn),
    tenant: (laCode, fn) => db.transaction(async (tx) => fn(await setTenant(tx, laCode))),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    // As the owner this refreshes every table; as the application role PostgreSQL skips what it
    // does not own, with a warning, and autovacuum catches up.
    analyze: async () => {
      await pool.query('ANALYZE');
    },
    close: () => pool.end(),
  };
}

/** Transaction-local, so a pooled connection never carries one request's authority into the next. */
async function setTenant(tx: Tx, laCode: string): Promise<Tx> {
  if (!laCode) throw new Error('No authority for a tenant transaction');
  await tx.execute(sql`select set_config('app.la', ${laCode}, true)`);
  return tx;
}

async function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out ${what}`)), OPEN_TIMEOUT_MS);
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
