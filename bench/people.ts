// `npm run bench` (second half): a synthetic authority's seed time and size, the child record page
// at 32 concurrent users, the record's SQL alone, name search, My work and the team view, and the
// CIN census generated and validated. PostgreSQL when DATABASE_URL is
// set (a fresh database, dropped at the end), otherwise PGlite in a temporary data directory.
// BENCH_LARGE=1 adds the large authority. Figures, not pass/fail: compare runs on the same machine.
// Writes bench/results/people-<engine>.md and .json.
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createDeps } from '../src/deps.ts';
import { userAccount } from '../src/platform/auth/tables.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import * as repo from '../src/modules/people/repository.ts';
import { allocation, person } from '../src/modules/people/tables.ts';
import { DEMO_AUTHORITY, seedDemoAuthority } from '../src/seed/demo.ts';
import { Random } from '../src/seed/random.ts';
import { seedSyntheticAuthority } from '../src/seed/synthetic/authority.ts';
import { buildCinCensus } from '../src/modules/returns/cin/census.ts';
import { validateCensus } from '../src/modules/returns/cin/rules/engine.ts';
import { checkCensus } from '../src/modules/returns/cin/report.ts';
import { checkStructure } from '../src/modules/returns/cin/structure.ts';
import { signInWithForm, type Session } from '../test/support/app.ts';
import { createScratchDatabase, dropScratchDatabase } from '../test/support/db.ts';

const PASSWORD = 'bench-password-1234';
const AS_OF = '2026-03-31';
const SEED = 1;
const LA = DEMO_AUTHORITY.code;
const PRACTITIONERS = ['family.help', 'social.worker', 'cp.lead'] as const;
const CONCURRENCY = 32;
const PAGE_REQUESTS = 2_000;
const PAGE_WARMUP = 64;
const SQL_ITERATIONS = 1_000;
const SEARCH_QUERIES = 200;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const URL_ENV = process.env.DATABASE_URL;
const ENGINE: 'pglite' | 'postgresql' = URL_ENV ? 'postgresql' : 'pglite';
const SIZES = [
  { name: 'medium', population: 60_000, years: 5 },
  ...(process.env.BENCH_LARGE === '1' ? [{ name: 'large', population: 300_000, years: 10 }] : []),
];

// ---------------------------------------------------------------------------------------------
// Helpers

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

function latency(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    n: sorted.length,
    p50: r(percentile(sorted, 50)),
    p95: r(percentile(sorted, 95)),
    p99: r(percentile(sorted, 99)),
    max: r(sorted.at(-1) ?? NaN),
    mean: r(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length)),
  };
}

async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const s = await stat(path.join(entry.parentPath, entry.name));
    total += s.blocks * 512; // allocated, as du counts
  }
  return total;
}

const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;
const ms = (start: number) => Math.round(performance.now() - start);
const log = (line: string) => console.log(line);

/** The command line to write at the top of the results: what to type to get these figures again. */
function commandLine(): string {
  const env: string[] = [];
  if (URL_ENV) {
    const u = new URL(URL_ENV);
    if (u.password) u.password = '***';
    env.push(`DATABASE_URL=${u.href}`);
  }
  if (process.env.BENCH_LARGE) env.push(`BENCH_LARGE=${process.env.BENCH_LARGE}`);
  const cmd = process.env.npm_lifecycle_event
    ? `npm run ${process.env.npm_lifecycle_event}`
    : ['node', ...process.execArgv, path.relative(ROOT, process.argv[1] ?? 'bench/people.ts'), ...process.argv.slice(2)].join(' ');
  return [...env, cmd].join(' ');
}

// ---------------------------------------------------------------------------------------------
// A fresh database for one authority size

interface Fresh {
  open(): Promise<Database>;
  /** Bytes on disk of the database (PostgreSQL) or of the whole data directory (PGlite, closed). */
  onDisk(): Promise<number>;
  superuser<T>(fn: (client: pg.Client) => Promise<T>): Promise<T>;
  serverVersion(): Promise<string>;
  drop(): Promise<void>;
  label: string;
}

async function freshDatabase(): Promise<Fresh> {
  if (!URL_ENV) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sh-bench-'));
    return {
      label: dir,
      open: () => openDatabase({ kind: 'pglite', dataDir: dir }, { migrate: true }),
      onDisk: () => directoryBytes(dir),
      superuser: () => Promise.reject(new Error('no superuser connection on PGlite')),
      serverVersion: async () => 'PGlite 0.5.16 (PostgreSQL 17, WebAssembly)',
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const { name, url } = await createScratchDatabase(URL_ENV, 'sh_bench');
  const superuser = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url.href });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    label: name,
    open: () => openDatabase({ kind: 'postgresql', url: url.href }, { migrate: true }),
    onDisk: () => superuser(async (c) => Number((await c.query<{ n: string }>('select pg_database_size(current_database()) as n')).rows[0]!.n)),
    superuser,
    serverVersion: () => superuser(async (c) => (await c.query<{ v: string }>("select 'PostgreSQL ' || current_setting('server_version') as v")).rows[0]!.v),
    drop: () => dropScratchDatabase(URL_ENV, name),
  };
}

// ---------------------------------------------------------------------------------------------
// The measurements

/** The CIN census as the data team makes it: generated from the record, then checked against the schema and every rule (together: the schema on libxml2's worker thread). */
async function cinCensus(database: Database) {
  const started = performance.now();
  const { xml, census, counts } = await buildCinCensus(database, DEMO_AUTHORITY.code, '2025-26', { now: new Date(), release: 'bench' });
  const generated = performance.now();
  const structureAlone = await checkStructure(xml, '2025-26');
  const schemaMs = Math.round(performance.now() - generated);
  const rulesStarted = performance.now();
  validateCensus(census, '2025-26');
  const rulesMs = Math.round(performance.now() - rulesStarted);
  // What the Returns page and the command line do: generate, then check.
  const checking = performance.now();
  const rules = await checkCensus(xml, '2025-26', census);
  const done = performance.now();
  if (!structureAlone.valid || !rules.structure.valid) throw new Error(`census invalid: ${structureAlone.problems[0]?.message}`);
  return {
    ...counts,
    megabytes: Math.round(xml.length / 1e5) / 10,
    generateMs: Math.round(generated - started),
    schemaMs,
    rulesMs,
    checkMs: Math.round(done - checking),
    totalMs: Math.round(generated - started + (done - checking)),
    errors: rules.errors,
    queries: rules.queries,
  };
}

async function seed(database: Database, deps: ReturnType<typeof createDeps>, size: (typeof SIZES)[number]) {
  const started = performance.now();
  await seedDemoAuthority(database, deps.audit, { password: PASSWORD });
  const demoMs = ms(started);
  const synthetic = await seedSyntheticAuthority(database, deps.audit, { laCode: LA, population: size.population, years: size.years, seed: SEED, asOf: AS_OF });
  return {
    totalMs: ms(started),
    demoUsersMs: demoMs,
    generateMs: Math.round(synthetic.generateMs),
    writeMs: Math.round(synthetic.writeMs), // includes PGlite's ANALYZE; PostgreSQL's analyze() is a no-op
    people: synthetic.people,
    households: synthetic.households,
    addresses: synthetic.addresses,
    relationships: synthetic.relationships,
  };
}

async function allocatedChildren(database: Database) {
  return database.tenant(LA, (tx) =>
    tx
      .select({ personId: allocation.personId, username: userAccount.username })
      .from(allocation)
      .innerJoin(userAccount, eq(userAccount.id, allocation.userId))
      .where(and(eq(allocation.laCode, LA), inArray(userAccount.username, [...PRACTITIONERS])))
      .orderBy(userAccount.username, allocation.personId),
  );
}

async function recordPage(app: Awaited<ReturnType<typeof buildApp>>, children: { personId: string; username: string }[]) {
  const sessions = new Map<string, Session>();
  for (const username of PRACTITIONERS) sessions.set(username, await signInWithForm(app, username, PASSWORD));
  const statuses = new Map<number, number>();
  let bytes = 0;
  const run = async (total: number) => {
    const samples: number[] = [];
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      for (let i = next++; i < total; i = next++) {
        const child = children[i % children.length]!;
        const session = sessions.get(child.username)!;
        const t = performance.now();
        const response = await session.get(`/people/${child.personId}`);
        samples.push(performance.now() - t);
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        bytes += response.body.length;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { samples, wallMs: performance.now() - started };
  };
  await run(PAGE_WARMUP);
  statuses.clear();
  bytes = 0;
  const { samples, wallMs } = await run(PAGE_REQUESTS);
  const ok = statuses.get(200) ?? 0;
  return {
    concurrency: CONCURRENCY,
    requests: PAGE_REQUESTS,
    warmup: PAGE_WARMUP,
    ...latency(samples),
    throughputPerS: Math.round((PAGE_REQUESTS / wallMs) * 1000 * 10) / 10,
    wallMs: Math.round(wallMs),
    statuses: Object.fromEntries(statuses),
    meanBodyKB: Math.round((bytes / Math.max(1, ok) / 1024) * 10) / 10,
  };
}

async function recordSql(database: Database, children: { personId: string }[]) {
  const read = (id: string) =>
    database.tenant(LA, async (tx) => {
      const p = await repo.findPerson(tx, LA, id);
      if (!p) throw new Error(`child ${id} not found`);
      await repo.currentAddress(tx, id);
      await repo.relationshipsOf(tx, id);
      await repo.activeAllocations(tx, id, AS_OF);
      await repo.addressHistory(tx, id);
      await repo.allocationHistory(tx, id);
      await repo.significantEvents(tx, id);
    });
  for (const c of children) await read(c.personId); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < SQL_ITERATIONS; i++) {
    const t = performance.now();
    await read(children[i % children.length]!.personId);
    samples.push(performance.now() - t);
  }
  return { iterations: SQL_ITERATIONS, ...latency(samples) };
}

const WORK_REQUESTS = 200;

/** "My work" for the demo Family Help practitioner and the team view for the demo manager, one request at a time. */
async function workPages(app: Awaited<ReturnType<typeof buildApp>>, database: Database) {
  const measure = async (username: string, url: string) => {
    const session = await signInWithForm(app, username, PASSWORD);
    for (let i = 0; i < 10; i++) await session.get(url); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < WORK_REQUESTS; i++) {
      const t = performance.now();
      const response = await session.get(url);
      samples.push(performance.now() - t);
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
    }
    return latency(samples);
  };
  const counts = await database.tenant(LA, async (tx) => {
    const result = await tx.execute(sql`
      select (select count(*)::int from family_help_case c join user_account u on u.id = c.lead_practitioner_id where u.username = 'family.help' and c.closed_on is null) as "myCases",
             (select count(*)::int from family_help_case c join team t on t.id = c.team_id join user_account u on u.id = t.manager_user_id where u.username = 'team.manager' and c.closed_on is null) as "teamCases",
             (select count(*)::int from cp_plan x join user_account u on u.id = x.cp_lead_user_id where u.username = 'cp.lead' and x.ended_on is null) as "cpPlans",
             (select x.case_id from cp_plan x join user_account u on u.id = x.cp_lead_user_id where u.username = 'cp.lead' and x.ended_on is null order by x.started_on limit 1) as "cpCaseId"`);
    return (result as { rows: { myCases: number; teamCases: number; cpPlans: number; cpCaseId: string }[] }).rows[0]!;
  });
  return {
    ...counts,
    myWork: await measure('family.help', '/'),
    teamView: await measure('team.manager', '/team'),
    // Child protection: the co-working lead's My work, one child's child protection page, and the strategy discussion queue.
    cpWork: await measure('cp.lead', '/'),
    cpPage: await measure('cp.lead', `/cases/${counts.cpCaseId}/child-protection`),
    cpQueue: await measure('cp.lead', '/child-protection'),
  };
}

type QueryKind = 'exact' | 'letter dropped' | 'family name only';

function dropLetter(name: string, random: Random): string {
  const words = name.split(' ');
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => w.length >= 4);
  if (candidates.length === 0) return name;
  const { w, i } = random.pick(candidates);
  const at = random.int(1, w.length - 1); // never the first letter
  words[i] = w.slice(0, at) + w.slice(at + 1);
  return words.join(' ');
}

async function search(database: Database) {
  const people = await database.tenant(LA, (tx) =>
    tx
      .select({ id: person.id, givenNames: person.givenNames, familyName: person.familyName })
      .from(person)
      .where(and(eq(person.laCode, LA), eq(person.recordKind, 'ordinary')))
      .orderBy(person.laPersonId),
  );
  const random = new Random(SEED);
  const kinds: QueryKind[] = ['exact', 'letter dropped', 'family name only'];
  const queries = Array.from({ length: SEARCH_QUERIES }, (_, i) => {
    const target = random.pick(people);
    const kind = kinds[i % kinds.length]!;
    const full = `${target.givenNames} ${target.familyName}`;
    const text = kind === 'exact' ? full : kind === 'letter dropped' ? dropLetter(full, random) : target.familyName;
    return { kind, text, target };
  });
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  // Warm-up: a handful of queries not counted.
  for (const q of queries.slice(0, 10)) await database.tenant(LA, (tx) => repo.searchPeople(tx, LA, { name: q.text }));
  const byKind = new Map<QueryKind, { samples: number[]; top3: number; sameNameTop3: number; empty: number }>();
  const all: number[] = [];
  let top3 = 0;
  for (const q of queries) {
    const t = performance.now();
    const rows = await database.tenant(LA, (tx) => repo.searchPeople(tx, LA, { name: q.text }));
    const elapsed = performance.now() - t;
    all.push(elapsed);
    const k = byKind.get(q.kind) ?? { samples: [], top3: 0, sameNameTop3: 0, empty: 0 };
    k.samples.push(elapsed);
    const first3 = rows.slice(0, 3);
    if (first3.some((r) => r.id === q.target.id)) {
      k.top3++;
      top3++;
    }
    // Someone of the same name (whole name; family name for family-only queries) in the top 3:
    // separates "not found" from "one of several people of that name".
    const wanted = q.kind === 'family name only' ? fold(q.target.familyName) : fold(`${q.target.givenNames} ${q.target.familyName}`);
    if (first3.some((r) => (q.kind === 'family name only' ? fold(r.familyName) : fold(`${r.givenNames} ${r.familyName}`)) === wanted)) k.sameNameTop3++;
    if (rows.length === 0) k.empty++;
    byKind.set(q.kind, k);
  }
  const pct = (n: number, d: number) => Math.round((n / Math.max(1, d)) * 1000) / 10;
  return {
    queries: SEARCH_QUERIES,
    candidatePeople: people.length,
    ...latency(all),
    top3Percent: pct(top3, queries.length),
    byKind: Object.fromEntries(
      [...byKind].map(([kind, k]) => [kind, { ...latency(k.samples), top3Percent: pct(k.top3, k.samples.length), sameNameTop3Percent: pct(k.sameNameTop3, k.samples.length), empty: k.empty }]),
    ),
    examples: queries.slice(0, 6).map((q) => `${q.kind}: "${q.text}"`),
  };
}

// ---------------------------------------------------------------------------------------------
// Run

const runStarted = performance.now();
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const command = commandLine();
log(`people bench on ${ENGINE}: ${SIZES.map((s) => s.name).join(', ')}`);

interface SizeResult {
  size: string;
  population: number;
  years: number;
  seed: Awaited<ReturnType<typeof seed>> & { analyze: { autoAnalyzedBeforeBench: boolean; ms: number } | undefined };
  databaseBytes: number;
  dataDirBytes: number | undefined;
  reopenMs: number | undefined;
  rssAfterSeedMB: number;
  children: number;
  recordPage: Awaited<ReturnType<typeof recordPage>>;
  recordSql: Awaited<ReturnType<typeof recordSql>>;
  search: Awaited<ReturnType<typeof search>>;
  work: Awaited<ReturnType<typeof workPages>>;
  census: Awaited<ReturnType<typeof cinCensus>>;
}
const results: SizeResult[] = [];
let serverVersion = '';
for (const size of SIZES) {
  const fresh = await freshDatabase();
  try {
    serverVersion = await fresh.serverVersion();
    log(`\n${size.name}: population ${size.population.toLocaleString('en-GB')}, ${size.years} years (${fresh.label})`);
    let database = await fresh.open();
    let deps = createDeps(config, database);
    const seeded = await seed(database, deps, size);
    log(`  seeded ${seeded.people.toLocaleString('en-GB')} people in ${(seeded.totalMs / 1000).toFixed(1)} s (generate ${seeded.generateMs} ms, write ${seeded.writeMs} ms)`);
    const rssAfterSeedMB = mb(process.memoryUsage().rss);

    // PostgreSQL leaves statistics to autovacuum (Database.analyze() is a no-op there): note whether
    // it had run yet, then ANALYZE as it eventually would, so the figures do not depend on its timing.
    let analyze: { autoAnalyzedBeforeBench: boolean; ms: number } | undefined;
    if (ENGINE === 'postgresql') {
      analyze = await fresh.superuser(async (c) => {
        const { rows } = await c.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_user_tables where relname = 'person' and last_autoanalyze is not null",
        );
        const t = performance.now();
        await c.query('ANALYZE');
        return { autoAnalyzedBeforeBench: rows[0]?.n === 1, ms: ms(t) };
      });
      log(`  ANALYZE ${analyze.ms} ms (autovacuum had analyzed person: ${analyze.autoAnalyzedBeforeBench})`);
    }

    // Size on disk: PostgreSQL's pg_database_size; PGlite's whole data directory, closed (as after a clean stop).
    const sized = await database.db.execute(sql`select pg_database_size(current_database())::text as n`);
    const dbSize = Number((sized as { rows: { n: string }[] }).rows[0]?.n ?? NaN);
    let dataDirBytes: number | undefined;
    let reopenMs: number | undefined;
    if (ENGINE === 'pglite') {
      await database.close();
      dataDirBytes = await fresh.onDisk();
      const reopening = performance.now();
      database = await fresh.open();
      reopenMs = ms(reopening);
      deps = createDeps(config, database);
    }
    log(`  database ${mb(dbSize)} MB${dataDirBytes !== undefined ? `, data directory ${mb(dataDirBytes)} MB (reopened in ${reopenMs} ms)` : ''}`);

    const app = await buildApp(deps);
    try {
      const children = await allocatedChildren(database);
      if (children.length === 0) throw new Error('no allocated children');
      const page = await recordPage(app, children);
      log(`  GET /people/:id x${page.requests} at ${CONCURRENCY} in flight: p50 ${page.p50} p95 ${page.p95} p99 ${page.p99} ms, ${page.throughputPerS}/s, statuses ${JSON.stringify(page.statuses)}`);
      const recordSqlResult = await recordSql(database, children);
      log(`  record SQL alone x${recordSqlResult.iterations} sequential: p50 ${recordSqlResult.p50} p95 ${recordSqlResult.p95} ms`);
      const searchResult = await search(database);
      const work = await workPages(app, database);
      log(`  My work (family.help, ${work.myCases} open cases) x${WORK_REQUESTS}: p50 ${work.myWork.p50} p95 ${work.myWork.p95} ms; team view (team.manager, ${work.teamCases} cases): p50 ${work.teamView.p50} p95 ${work.teamView.p95} ms`);
      log(`  cp.lead (${work.cpPlans} plans): My work p50 ${work.cpWork.p50} p95 ${work.cpWork.p95} ms; child protection page p50 ${work.cpPage.p50} p95 ${work.cpPage.p95} ms; strategy discussions p50 ${work.cpQueue.p50} p95 ${work.cpQueue.p95} ms`);
      log(`  searchPeople x${searchResult.queries}: p50 ${searchResult.p50} p95 ${searchResult.p95} p99 ${searchResult.p99} ms, target in top 3: ${searchResult.top3Percent}%`);
      for (const [kind, k] of Object.entries(searchResult.byKind)) {
        log(`    ${kind.padEnd(17)} p50 ${k.p50} p95 ${k.p95} p99 ${k.p99} ms, top 3 ${k.top3Percent}% (same name in top 3 ${k.sameNameTop3Percent}%), empty ${k.empty}`);
      }
      const census = await cinCensus(database);
      log(`  CIN census 2025-26 (${census.children} children, ${census.episodes} episodes): generate ${census.generateMs} ms + check ${census.checkMs} ms (schema alone ${census.schemaMs}, rules alone ${census.rulesMs}) = ${census.totalMs} ms; ${census.errors} errors, ${census.queries} queries`);
      results.push({
        size: size.name,
        census,
        population: size.population,
        years: size.years,
        seed: { ...seeded, analyze },
        databaseBytes: dbSize,
        dataDirBytes,
        reopenMs,
        rssAfterSeedMB,
        children: children.length,
        recordPage: page,
        recordSql: recordSqlResult,
        search: searchResult,
        work,
      });
    } finally {
      await app.close();
      await database.close();
    }
  } finally {
    await fresh.drop();
  }
}

const runtimeS = Math.round((performance.now() - runStarted) / 100) / 10;
const summary = {
  engine: ENGINE,
  command,
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 1e9), node: process.version, loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100) },
  database: serverVersion,
  asOf: AS_OF,
  seed: SEED,
  peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
  runtimeS,
  results,
};

const md: string[] = [
  `# People benchmarks (${ENGINE})`,
  '',
  '```sh',
  command,
  '```',
  '',
  `${summary.date.slice(0, 16).replace('T', ' ')} UTC · ${summary.machine.cpus} × ${summary.machine.cpuModel ?? 'CPU'}, ${summary.machine.memoryGB} GB · Node ${process.version} · ${serverVersion} · load average at the end ${summary.machine.loadAverage.join(' ')} · run took ${runtimeS} s, peak RSS ${summary.peakRssMB} MB`,
  '',
  `Synthetic authority as of ${AS_OF}, seed ${SEED}. Latencies in milliseconds.`,
  '',
  '| | ' + results.map((r) => `${r.size} (${r.population.toLocaleString('en-GB')} children, ${r.years} y)`).join(' | ') + ' |',
  '| --- | ' + results.map(() => '---:').join(' | ') + ' |',
];
const row = (label: string, cell: (r: (typeof results)[number]) => string) => md.push(`| ${label} | ${results.map(cell).join(' | ')} |`);
row('people seeded', (r) => r.seed.people.toLocaleString('en-GB'));
row('seed time (demo users + generate + write, Family Help history included + allocate)', (r) => `${(r.seed.totalMs / 1000).toFixed(1)} s (${r.seed.demoUsersMs} + ${r.seed.generateMs} + ${r.seed.writeMs} ms)`);
if (ENGINE === 'postgresql') row('ANALYZE after seed (not in seed time)', (r) => `${r.seed.analyze?.ms ?? '?'} ms (autovacuum first: ${r.seed.analyze?.autoAnalyzedBeforeBench ? 'yes' : 'no'})`);
row('pg_database_size', (r) => `${mb(r.databaseBytes)} MB`);
if (ENGINE === 'pglite') row('data directory on disk, closed (reopen time)', (r) => `${mb(r.dataDirBytes ?? 0)} MB (${r.reopenMs} ms)`);
row(`record page GET /people/:id, ${CONCURRENCY} in flight: p50 / p95 / p99`, (r) => `${r.recordPage.p50} / ${r.recordPage.p95} / ${r.recordPage.p99}`);
row('record page throughput', (r) => `${r.recordPage.throughputPerS} req/s (${r.recordPage.requests} requests, ${r.children} children, statuses ${Object.entries(r.recordPage.statuses).map(([s, n]) => `${s}×${n}`).join(' ')})`);
row('record SQL alone, sequential: p50 / p95', (r) => `${r.recordSql.p50} / ${r.recordSql.p95}`);
row(`searchPeople, ${SEARCH_QUERIES} queries: p50 / p95 / p99`, (r) => `${r.search.p50} / ${r.search.p95} / ${r.search.p99}`);
row('search: target in top 3', (r) => `${r.search.top3Percent}%`);
for (const kind of ['exact', 'letter dropped', 'family name only'] as const) {
  row(`… ${kind}: p50 / p95 / p99; top 3 (same name in top 3)`, (r) => {
    const k = r.search.byKind[kind]!;
    return `${k.p50} / ${k.p95} / ${k.p99}; ${k.top3Percent}% (${k.sameNameTop3Percent}%)`;
  });
}
row(`My work GET / (family.help), ${WORK_REQUESTS} sequential: p50 / p95`, (r) => `${r.work.myWork.p50} / ${r.work.myWork.p95} (${r.work.myCases} open cases)`);
row(`team view GET /team (team.manager), ${WORK_REQUESTS} sequential: p50 / p95`, (r) => `${r.work.teamView.p50} / ${r.work.teamView.p95} (${r.work.teamCases} open cases)`);
row(`My work GET / (cp.lead), ${WORK_REQUESTS} sequential: p50 / p95`, (r) => `${r.work.cpWork.p50} / ${r.work.cpWork.p95} (${r.work.cpPlans} plans)`);
row(`child protection page GET /cases/:id/child-protection (cp.lead): p50 / p95`, (r) => `${r.work.cpPage.p50} / ${r.work.cpPage.p95}`);
row(`strategy discussions GET /child-protection (cp.lead): p50 / p95`, (r) => `${r.work.cpQueue.p50} / ${r.work.cpQueue.p95}`);
row('CIN census 2025-26: children, episodes, file size', (r) => `${r.census.children.toLocaleString('en-GB')}, ${r.census.episodes.toLocaleString('en-GB')}, ${r.census.megabytes} MB`);
row('CIN census: schema alone, rules alone (ms)', (r) => `${r.census.schemaMs}, ${r.census.rulesMs}`);
row('CIN census: generate + check (schema and rules together) = total', (r) => `${r.census.generateMs} + ${r.census.checkMs} ms = ${(r.census.totalMs / 1000).toFixed(1)} s (${r.census.errors} errors, ${r.census.queries} queries)`);
md.push(
  '',
  'My work and the team view: the real app, audited, each case\'s due items worked out from its facts by the timescale rules. ' +
  `Record page: the real app through \`app.inject\`, signed in as ${PRACTITIONERS.join(', ')}, each opening the children allocated to them; ${PAGE_WARMUP} warm-up requests not counted. ` +
    'Record SQL alone: findPerson, currentAddress, relationshipsOf, activeAllocations, addressHistory, allocationHistory, significantEvents in one tenant transaction (no policy, break-glass check, audit write or rendering). ' +
    'Search: `searchPeople` in a tenant transaction (no audit write), names of randomly chosen ordinary records: the whole name, the whole name with one letter dropped, the family name alone; "same name in top 3" counts someone of that name (family name, for family-only queries), not necessarily the person picked.',
  '',
);

const outDir = path.join(ROOT, 'bench', 'results');
await mkdir(outDir, { recursive: true });
await writeFile(path.join(outDir, `people-${ENGINE}.json`), JSON.stringify(summary, null, 2) + '\n');
await writeFile(path.join(outDir, `people-${ENGINE}.md`), md.join('\n'));
log(`\nwrote bench/results/people-${ENGINE}.md and .json in ${runtimeS} s`);
