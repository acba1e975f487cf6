// `npm run bench`: throughput of the foundation's hot paths on embedded PGlite (in memory).
// Figures, not pass/fail: compare runs on the same machine.
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createDeps } from '../src/deps.ts';
import { NOBODY } from '../src/platform/audit/service.ts';
import { createPglite, openDatabase } from '../src/platform/db/client.ts';
import { seedDemoAuthority } from '../src/seed/demo.ts';
import { signInWithForm } from '../test/support/app.ts';

const PASSWORD = 'bench-password-1234';

async function timed<T>(label: string, count: number, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(44)} ${count.toString().padStart(6)} in ${ms.toFixed(0).padStart(6)} ms  ${((count / ms) * 1000).toFixed(0).padStart(6)}/s`);
  return result;
}

const database = await openDatabase({ kind: 'pglite', dataDir: '' }, { migrate: true, pglite: await createPglite() });
const deps = createDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database);
await seedDemoAuthority(database, deps.audit, { password: PASSWORD });
await database.transaction((tx) => tx.execute(sql`insert into authority (code, name) values ('B01', 'Bench Council')`));

const EVENTS = 5_000;
await timed('audit events appended (one transaction each)', EVENTS, async () => {
  for (let i = 0; i < EVENTS; i++) await deps.audit.recordNow({ laCode: 'B01', actor: NOBODY, action: 'bench', outcome: 'success', details: { i } });
});
await timed('audit events verified (verify-audit)', EVENTS, () => deps.audit.verifyAll());

const app = await buildApp(deps);
const session = await signInWithForm(app, 'family.help', PASSWORD);
const PAGES = 1_000;
await timed('signed-in page views (My work, audited)', PAGES, async () => {
  for (let i = 0; i < PAGES; i++) {
    const response = await session.get('/');
    if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
  }
});
const SIGN_INS = 20;
await timed('password sign-ins (argon2id)', SIGN_INS, async () => {
  for (let i = 0; i < SIGN_INS; i++) await signInWithForm(app, 'social.worker', PASSWORD);
});
console.log(`heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
await app.close();
await database.close();
