import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { createAuditService } from '../platform/audit/service.ts';
import { systemClock, todayInEngland } from '../platform/clock.ts';
import { openDatabase, type Database } from '../platform/db/client.ts';
import { DEMO_AUTHORITY, seedDemoAuthority } from '../seed/demo.ts';
import { authorityStats } from '../seed/stats.ts';
import { seedSyntheticAuthority } from '../seed/synthetic/authority.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { buildCinCensus } from '../modules/returns/cin/census.ts';
import { byRule, checkCensus, findingsCsv } from '../modules/returns/cin/report.ts';
import { checkStructure, CIN_COLLECTIONS, isCinCollection, type CinCollection } from '../modules/returns/cin/structure.ts';
import { RELEASE } from '../modules/returns/service.ts';
import { importCinCensus } from '../modules/returns/cin/import.ts';
import { commandLinePrincipal } from '../platform/auth/service.ts';

/**
 * The `stable-homes` command. It reads the same DATA_DIR / DATABASE_URL as the server; with
 * PGlite the server must be stopped first (the data directory is locked to one process).
 */
const program = new Command()
  .name('stable-homes')
  .description('Stable Homes command-line tool')
  .showHelpAfterError();

async function withDatabase<T>(migrate: boolean, fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // The role check is the server's: migrations are run by the owning role, which may be privileged.
  const database = await openDatabase(config.database, { migrate });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

program
  .command('migrate')
  .description('apply pending database migrations (run as the role that owns the tables)')
  .action(async () => {
    await withDatabase(true, async (database) => {
      process.stdout.write(`Database is up to date (${database.kind}).\n`);
    });
  });

program
  .command('verify-audit')
  .description("check every authority's audit hash chain and name the first broken link")
  .option('--json', 'print the result as JSON')
  .action(async (options: { json?: boolean }) => {
    const reports = await withDatabase(false, (database) =>
      createAuditService(database, systemClock).verifyAll((la) => {
        if (!options.json) process.stderr.write(`Checking authority ${la}…\n`);
      }),
    );
    if (options.json) {
      process.stdout.write(`${JSON.stringify(reports)}\n`);
    } else {
      for (const r of reports) {
        process.stdout.write(
          r.ok
            ? `${r.laCode} ${r.name}: intact, ${r.count} events\n`
            : `${r.laCode} ${r.name}: BROKEN at event ${r.firstBreak!.seq}: ${r.firstBreak!.problem}\n`,
        );
      }
    }
    if (reports.some((r) => !r.ok)) process.exitCode = 2;
  });

const positiveInt = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number`);
  return n;
};
const isoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('use a date like 2026-03-31');
  return value;
};

program
  .command('seed')
  .description('generate a deterministic synthetic authority (the demo authority, created if missing)')
  .requiredOption('--population <children>', 'children aged 0–17 living in the authority', positiveInt('--population'))
  .option('--years <years>', 'years of history', positiveInt('--years'), 5)
  .option('--seed <n>', 'random seed: the same seed gives the same authority', positiveInt('--seed'), 1)
  .option('--as-of <date>', 'the day the history runs up to (default: today)', isoDate)
  .action(async (options: { population: number; years: number; seed: number; asOf?: string }) => {
    const config = loadConfig();
    if (config.env === 'production') throw new ConfigError('Refusing to seed synthetic data in production');
    await withDatabase(true, async (database) => {
      const audit = createAuditService(database, systemClock);
      await seedDemoAuthority(database, audit, { password: config.demoPassword }).then((r) => {
        if (r.generatedPassword) process.stdout.write(`Demo users' password (shown only this once): ${r.generatedPassword}\n`);
      });
      const started = performance.now();
      const result = await seedSyntheticAuthority(
        database,
        audit,
        { laCode: DEMO_AUTHORITY.code, population: options.population, years: options.years, seed: options.seed, asOf: options.asOf ?? todayInEngland().toString() },
        (line) => process.stderr.write(`${line}\n`),
      );
      process.stdout.write(
        `${DEMO_AUTHORITY.name}: ${result.people.toLocaleString('en-GB')} people (${result.children.toLocaleString('en-GB')} children known to the service) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    });
  });

program
  .command('stats')
  .description('what the authority holds, as counts at a date')
  .option('--authority <code>', 'authority code', DEMO_AUTHORITY.code)
  .option('--as-of <date>', 'count at this date (default: today)', isoDate)
  .option('--json', 'print one JSON object')
  .action(async (options: { authority: string; asOf?: string; json?: boolean }) => {
    const stats = await withDatabase(false, (database) => authorityStats(database, options.authority, options.asOf ?? todayInEngland().toString()));
    if (options.json) process.stdout.write(`${JSON.stringify(stats)}\n`);
    else for (const [key, value] of Object.entries(stats)) process.stdout.write(`${key.replaceAll('_', ' ').padEnd(30)} ${String(value)}\n`);
  });

const returns = program.command('returns').description('statutory returns, generated from the record');
const collectionYear = (value: string) => {
  if (!isCinCollection(value)) throw new InvalidArgumentError(`Use one of ${Object.keys(CIN_COLLECTIONS).join(', ')}`);
  return value;
};
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

returns
  .command('cin-census')
  .description('the Children in Need census for a collection year, checked against its schema')
  .requiredOption('--year <year>', `collection year: ${Object.keys(CIN_COLLECTIONS).join(' or ')}`, collectionYear)
  .requiredOption('--out <file>', 'where to write the XML')
  .option('--authority <code>', 'authority code', DEMO_AUTHORITY.code)
  .action(async (options: { year: CinCollection; out: string; authority: string }) => {
    const started = performance.now();
    const { xml, counts } = await withDatabase(false, (database) => buildCinCensus(database, options.authority, options.year, { now: new Date(), release: RELEASE }));
    await writeFile(options.out, xml);
    const structure = await checkStructure(xml, options.year);
    process.stdout.write(`${counts.children.toLocaleString('en-GB')} children, ${counts.episodes.toLocaleString('en-GB')} CIN episodes written to ${options.out} in ${seconds(started)}\n`);
    if (structure.valid) process.stdout.write(`Structure: valid against the ${options.year} schema\n`);
    else {
      for (const p of structure.problems.slice(0, 20)) process.stderr.write(`line ${p.line ?? '?'}: ${p.message}\n`);
      process.stderr.write(`Structure: ${structure.problems.length} problems against the ${options.year} schema\n`);
      process.exitCode = 1;
    }
  });

returns
  .command('validate')
  .description("check a CIN census file against its collection's schema and every validation rule; exits 1 if it has errors")
  .argument('<file>', 'the census XML')
  .requiredOption('--year <year>', `collection year: ${Object.keys(CIN_COLLECTIONS).join(' or ')}`, collectionYear)
  .option('--report <file>', 'where to write the CSV report (default: beside the file, ending -report.csv)')
  .action(async (file: string, options: { year: CinCollection; report?: string }) => {
    const started = performance.now();
    const report = await checkCensus(await readFile(file, 'utf8'), options.year);
    const out = options.report ?? `${file.replace(/\.xml$/i, '')}-report.csv`;
    await writeFile(out, findingsCsv(report.findings));
    const children = new Set(report.findings.map((f) => f.child)).size;
    const lines = [
      `Structure: ${report.structure.valid ? 'valid' : `${report.structure.problems.length} problems`} against the ${options.year} schema`,
      ...report.structure.problems.slice(0, 20).map((p) => `  line ${p.line ?? '?'}: ${p.message}`),
      `Rules: ${report.checked.length} checked; ${report.errors.toLocaleString('en-GB')} errors and ${report.queries.toLocaleString('en-GB')} queries, for ${children.toLocaleString('en-GB')} children`,
      ...byRule(report.findings).map((r) => `  ${r.code.padEnd(6)} ${(r.severity === 'ERROR' ? 'error' : 'query').padEnd(6)} ${String(r.count).padStart(6)}  ${r.message}`),
      `Report written to ${out} in ${seconds(started)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (!report.structure.valid || report.errors > 0) process.exitCode = 1;
  });

returns
  .command('import-cin')
  .description("bring an authority's previous CIN census into the record: children matched to the people it holds, or recorded anew, with their referrals, assessments, plans, enquiries and conferences")
  .argument('<file>', 'the census XML')
  .requiredOption('--year <year>', `collection year: ${Object.keys(CIN_COLLECTIONS).join(' or ')}`, collectionYear)
  .requiredOption('--as <username>', 'the data analyst or manager importing it (recorded as the recorder and in the audit trail)')
  .action(async (file: string, options: { year: CinCollection; as: string }) => {
    const started = performance.now();
    const xml = await readFile(file, 'utf8');
    const result = await withDatabase(false, async (database) => {
      const principal = await commandLinePrincipal(database, options.as);
      if (!principal) throw new Error(`No active user called ${options.as}`);
      return importCinCensus(database, createAuditService(database, systemClock), principal, xml, options.year);
    });
    process.stdout.write(
      `${result.children.toLocaleString('en-GB')} children: ${result.matched.toLocaleString('en-GB')} matched to people already recorded, ${result.created.toLocaleString('en-GB')} recorded anew; ` +
        `${result.episodes.toLocaleString('en-GB')} CIN episodes recorded, ${result.added.toLocaleString('en-GB')} completed, ${result.skipped.toLocaleString('en-GB')} already held, in ${seconds(started)}\n`,
    );
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `stable-homes: ${(error as Error).message}`}\n`);
  process.exitCode = 1;
}
