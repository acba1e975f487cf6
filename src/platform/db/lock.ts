import lockfile from 'proper-lockfile';
import { ConfigError } from '../../config.ts';

/**
 * PGlite has no lock between processes, and two processes on one data directory corrupt it
 * (electric-sql/pglite #327). Take an exclusive lock first; a crashed holder's lock goes stale
 * after 10 seconds.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}/pgdata.lock`,
      realpath: false,
      stale: 10_000,
      update: 2_000,
      onCompromised: (error) => {
        // Another process took the directory: stop before two writers corrupt it.
        console.error(`Stopping: the lock on ${dataDir} was lost (${error.message})`);
        process.exit(1);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new ConfigError(`Refusing to start: another process is using the database in ${dataDir}`);
    }
    throw error;
  }
}
