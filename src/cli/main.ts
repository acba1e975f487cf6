import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { createAuditService } from '../platform/audit/service.ts';
import { systemClock } from '../platform/clock.ts';
import { openDatabase, type Database } from '../platform/db/client.ts';

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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `stable-homes: ${(error as Error).message}`}\n`);
  process.exitCode = 1;
}
