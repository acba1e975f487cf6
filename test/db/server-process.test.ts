import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE, testDatabase } from '../support/db.ts';
import { runServerToExit, startServer } from '../support/process.ts';

const SECRET = 's'.repeat(40);

/** A one-line reason on stderr and a non-zero exit. */
function expectRefusal(result: { status: number | null; stderr: string }, reason: RegExp) {
  expect(result.status).toBe(1);
  expect(result.stderr.trim()).toMatch(reason);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
}

describe('production refuses unsafe configuration, each with a one-line reason', () => {
  it('refuses embedded PGlite', () => {
    expectRefusal(runServerToExit({ NODE_ENV: 'production', SESSION_SECRET: SECRET }), /^Refusing to start: production needs DATABASE_URL/);
  });

  it('refuses a missing secret', () => {
    expectRefusal(
      runServerToExit({ NODE_ENV: 'production', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }),
      /^Refusing to start: production needs SESSION_SECRET/,
    );
  });

  it('refuses a malformed variable, naming it', () => {
    expectRefusal(runServerToExit({ PORT: 'eighty' }), /^PORT: /);
  });
});

describe.runIf(ENGINE === 'postgresql')('production on PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('refuses a superuser database role', async () => {
    const db = await testDatabase();
    cleanups.push(() => db.close());
    const url = db.url!;
    expectRefusal(runServerToExit({ NODE_ENV: 'production', DATABASE_URL: url, SESSION_SECRET: SECRET }), /superuser or has BYPASSRLS/);
  });

  it('starts as a login role that is a member of the application role, and no more', async () => {
    const db = await testDatabase();
    cleanups.push(() => db.close());
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin
      .query(`CREATE ROLE sh_test_login LOGIN NOSUPERUSER NOBYPASSRLS IN ROLE stable_homes_app`)
      .catch((error: { code?: string }) => {
        if (error.code !== '42710') throw error; // already exists from an earlier run
      });
    await admin.end();
    const url = new URL(db.url!);
    url.username = 'sh_test_login';
    const server = await startServer({ NODE_ENV: 'production', DATABASE_URL: url.href, SESSION_SECRET: SECRET, HOST: '127.0.0.1' });
    try {
      expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok', database: 'postgresql' });
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });
});

describe.runIf(ENGINE === 'pglite')('embedded PGlite in a data directory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sh-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates and seeds on first start, printing the generated demo password once; locks the directory; closes cleanly on SIGTERM; starts again', async () => {
    const first = await startServer({ DATA_DIR: dir, SEED_POPULATION: '2000' });
    const password = /Their password \(shown only this once\): (\S+)/.exec(first.output())?.[1];
    expect(password).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
    expect(first.output()).toMatch(/Generating Demo Borough Council: 2,000 children, 5 years of history/);

    const second = runServerToExit({ DATA_DIR: dir, PORT: '0' });
    expect(second.status).toBe(1);
    expect(second.stderr.trim()).toBe(`Refusing to start: another process is using the database in ${dir}`);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const again = await startServer({ DATA_DIR: dir });
    try {
      expect(again.output()).not.toContain('Demo users created');
      expect(again.output()).not.toContain('Generating');
      // The password printed on the first start still signs in: the data survived the restart.
      const page = await fetch(`${again.url}/sign-in`);
      const cookies = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      const response = await fetch(`${again.url}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token, username: 'admin', password: password! }),
      });
      expect(response.status).toBe(303);
    } finally {
      again.child.kill('SIGINT');
      expect(await again.exited).toBe(0);
    }
  }, 120_000); // two starts of a server that migrates and seeds a small authority: slow on a busy machine
});
