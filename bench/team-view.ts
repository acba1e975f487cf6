// `node --import tsx bench/team-view.ts`: the manager's team view (/team) on the demo authority as
// the first start makes it (Demo Borough Council, SEED_POPULATION children, SEED_YEARS years, as of
// today), signed in as `team.manager`, over real HTTP on a local port: the time to the last byte of
// each page, and its size; then the first page in headless Chromium (BENCH_BROWSER=0 skips it): the
// time to its load event and how tall it is. Figures, not pass/fail: compare runs on the same machine.
//
// PGlite in DATA_DIR when set (seeded there on first use, kept, reused next time: set DEMO_PASSWORD
// to the demo users' password if `npm start` seeded it), otherwise in a temporary directory removed
// at the end. With DATABASE_URL, a fresh PostgreSQL database, dropped at the end.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createDeps } from '../src/deps.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { DEMO_AUTHORITY, ensureDemoAuthority } from '../src/seed/demo.ts';
import { signInWithForm } from '../test/support/app.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { createScratchDatabase, dropScratchDatabase } from '../test/support/db.ts';

const PASSWORD = process.env.DEMO_PASSWORD ?? 'bench-password-1234';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const WARMUP = 5;
const URL_ENV = process.env.DATABASE_URL;
const DATA_DIR = process.env.DATA_DIR;

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_PASSWORD: PASSWORD, ...(process.env.SEED_POPULATION ? { SEED_POPULATION: process.env.SEED_POPULATION } : {}) });

async function open() {
  if (URL_ENV) {
    const { name, url } = await createScratchDatabase(URL_ENV, 'sh_bench');
    return { label: `PostgreSQL (${name})`, database: await openDatabase({ kind: 'postgresql', url: url.href }, { migrate: true }), done: () => dropScratchDatabase(URL_ENV, name) };
  }
  const dir = DATA_DIR ?? (await mkdtemp(path.join(os.tmpdir(), 'sh-team-bench-')));
  const database = await openDatabase({ kind: 'pglite', dataDir: dir }, { migrate: true });
  return { label: `PGlite (${dir})`, database, done: () => (DATA_DIR ? Promise.resolve() : rm(dir, { recursive: true, force: true })) };
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;

const started = performance.now();
const { label, database, done } = await open();
console.log(`team view bench on ${label}`);
const deps = createDeps(config, database);
const seeding = performance.now();
await ensureDemoAuthority(database, deps.audit, { password: PASSWORD, population: config.seedPopulation, years: config.seedYears }, (line) => console.log(`  ${line}`));
console.log(`  demo authority ready in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
await database.analyze();

const app = await buildApp(deps);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
try {
  const session = await signInWithForm(app, 'team.manager', PASSWORD);
  const cookie = session.header();
  const counts = await database.tenant(DEMO_AUTHORITY.code, async (tx) => {
    const result = await tx.execute(sql`
      select count(*)::int as cases, count(distinct c.lead_practitioner_id)::int as workers,
             (select c2.lead_practitioner_id::text from family_help_case c2 join team t2 on t2.id = c2.team_id join user_account u2 on u2.id = t2.manager_user_id
               where u2.username = 'team.manager' and c2.closed_on is null group by 1 order by count(*) desc limit 1) as "busiestWorker"
        from family_help_case c join team t on t.id = c.team_id join user_account u on u.id = t.manager_user_id
       where u.username = 'team.manager' and c.closed_on is null`);
    return (result as { rows: { cases: number; workers: number; busiestWorker: string }[] }).rows[0]!;
  });
  console.log(`  team.manager's teams hold ${counts.cases} open cases, led by ${counts.workers} workers`);
  console.log(`  ${REQUESTS} sequential requests each after ${WARMUP} not counted: milliseconds to the last byte, and this`);
  console.log('  process’s CPU milliseconds per request (server, PGlite and client: less sensitive to a busy machine)\n');

  const pages = [
    ['first page (the default)', '/team'],
    ['page 3', '/team?page=3'],
    ['sorted by child’s name', '/team?sort=child'],
    ['most recently opened first', '/team?sort=newest'],
    ['overdue only', '/team?due=overdue'],
    ['one worker', `/team?worker=${counts.busiestWorker}`],
    ['on a plan, by child’s name', '/team?type=plan&sort=child'],
    ['bad input (page=abc, sort=nonsense)', '/team?page=abc&sort=nonsense'],
  ] as const;
  console.log(`${'page'.padEnd(38)} ${'status'.padStart(6)} ${'KB'.padStart(7)} ${'min'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'CPU'.padStart(8)}`);
  for (const [name, url] of pages) {
    const get = async () => {
      const t = performance.now();
      const response = await fetch(base + url, { headers: { cookie } });
      const body = await response.text();
      return { ms: performance.now() - t, status: response.status, bytes: Buffer.byteLength(body) };
    };
    for (let i = 0; i < WARMUP; i++) await get();
    const samples: number[] = [];
    let last = { status: 0, bytes: 0 };
    const cpu = process.cpuUsage();
    for (let i = 0; i < REQUESTS; i++) {
      const r = await get();
      samples.push(r.ms);
      last = r;
    }
    const used = process.cpuUsage(cpu);
    samples.sort((a, b) => a - b);
    const f = (x: number) => x.toFixed(1).padStart(8);
    const cpuMs = (used.user + used.system) / 1000 / REQUESTS;
    console.log(`${name.padEnd(38)} ${String(last.status).padStart(6)} ${(last.bytes / 1024).toFixed(1).padStart(7)} ${f(samples[0]!)} ${f(percentile(samples, 50))} ${f(percentile(samples, 95))} ${f(samples.at(-1)!)} ${f(cpuMs)}`);
  }

  if (process.env.BENCH_BROWSER !== '0') {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ baseURL: base });
      await context.addCookies([...session.cookies].map(([name, value]) => ({ name, value, url: base })));
      const page = await context.newPage();
      const loads: number[] = [];
      let height = 0;
      for (let i = 0; i < WARMUP + 10; i++) {
        await page.goto('/team', { waitUntil: 'load' });
        // Evaluated in the page (this file is not type-checked against the DOM).
        const loaded = Number(await page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"));
        height = Number(await page.evaluate('document.documentElement.scrollHeight'));
        if (i >= WARMUP) loads.push(loaded);
      }
      loads.sort((a, b) => a - b);
      console.log(`\nChromium, the first page, 10 loads: ${loads[0]!.toFixed(0)} ms at least, ${percentile(loads, 50).toFixed(0)} ms p50, ${loads.at(-1)!.toFixed(0)} ms at most to the load event; ${height.toLocaleString('en-GB')} pixels tall`);
    } finally {
      await browser.close();
    }
  }
  console.log(`\nload average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores; run took ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await app.close();
  await database.close();
  await done();
}
