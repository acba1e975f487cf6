import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createDeps } from './deps.ts';
import { openDatabase } from './platform/db/client.ts';
import { ensureDemoAuthority } from './seed/demo.ts';

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const production = config.env === 'production';
  // Outside production the database is migrated on start; in production that is a deploy step
  // (`stable-homes migrate` as the owning role), so the app role never needs DDL rights.
  const database = await openDatabase(config.database, { migrate: !production, production });
  const deps = createDeps(config, database);

  if (config.seedDemo) {
    await ensureDemoAuthority(
      database,
      deps.audit,
      { password: config.demoPassword, population: config.seedPopulation, years: config.seedYears },
      (line) => process.stdout.write(`${line}\n`),
    );
  }

  const app = await buildApp(deps);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close();
      await database.close(); // PGlite: CHECKPOINT, close, release the directory lock
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: database.kind, startupMs: Date.now() - started }, `Stable Homes is running at http://localhost:${config.port}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Stable Homes could not start: ${(error as Error).message}\n`);
  }
  process.exit(1);
});
