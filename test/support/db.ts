import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPglite, openDatabase, type Database } from '../../src/platform/db/client.ts';

export interface TestDatabase {
  database: Database;
  /** The PostgreSQL URL of this test's own database (PostgreSQL only). */
  url?: string;
  /** A superuser connection, for tests that play an attacker with full database access. */
  superuser<T>(fn: (client: SuperuserClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface SuperuserClient {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** The engine the database tests run on: PostgreSQL when DATABASE_URL is set, else in-memory PGlite. */
export const ENGINE = process.env.DATABASE_URL ? 'postgresql' : 'pglite';

/**
 * A fresh, migrated database for one test file. On PostgreSQL each file gets its own database,
 * dropped afterwards, so files run in parallel without seeing each other's rows.
 */
export async function testDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const raw = await createPglite();
    const database = await openDatabase({ kind: 'pglite', dataDir: '' }, { migrate: true, pglite: raw });
    return {
      database,
      async superuser(fn) {
        await raw.query('RESET ROLE');
        try {
          return await fn(raw);
        } finally {
          await raw.query('SET ROLE stable_homes_app');
        }
      },
      close: () => database.close(),
    };
  }

  const { name, url: testUrl } = await createScratchDatabase(url, 'sh_test');
  const database = await openDatabase({ kind: 'postgresql', url: testUrl.href }, { migrate: true });
  return {
    database,
    url: testUrl.href,
    async superuser(fn) {
      const client = new pg.Client({ connectionString: testUrl.href });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    },
    async close() {
      await database.close();
      await dropScratchDatabase(url, name);
    },
  };
}

/** A new, empty database on the PostgreSQL server at `serverUrl`, named `<prefix>_<random>`. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<{ name: string; url: URL }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url };
}

/**
 * Drops a scratch database once its pool's backends have gone, rather than with FORCE:
 * terminating a connection that is still closing makes its client raise an uncaught error.
 */
export async function dropScratchDatabase(serverUrl: string, name: string): Promise<void> {
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      const { rows } = await cleanup.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (rows[0]?.n === 0 || attempt === 50) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await cleanup.query(`DROP DATABASE IF EXISTS ${name}`);
  } finally {
    await cleanup.end();
  }
}
