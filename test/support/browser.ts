import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/**
 * Which Chromium the browser tests use, in order: CHROMIUM_PATH; Debian's /usr/bin/chromium if
 * installed; otherwise the Chromium build shipped inside the @sparticuz/chromium npm package
 * (a devDependency), unpacked once into node_modules/.cache. No apt, no root, no download.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let sparticuzPath: Promise<string> | undefined;

async function unpackSparticuz(): Promise<string> {
  const { default: sparticuz } = await import('@sparticuz/chromium');
  const pkgRoot = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', '..');
  const { version } = JSON.parse(readFileSync(join(pkgRoot, 'package.json'), 'utf8')) as { version: string };
  const base = process.env.CHROMIUM_CACHE_DIR ?? join(pkgRoot, '..', '..', '.cache');
  const finalDir = join(base, `sparticuz-chromium-${version}`);
  const exe = join(finalDir, 'chromium');
  if (existsSync(exe)) return exe;
  mkdirSync(base, { recursive: true });
  // Unpack into a private folder, then publish it with one atomic rename: parallel first runs cannot collide.
  const staging = mkdtempSync(join(base, `.sparticuz-chromium-${version}-`));
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = staging; // the package unpacks into os.tmpdir()
  try {
    await sparticuz.executablePath(join(pkgRoot, 'bin'));
  } finally {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  }
  try {
    renameSync(staging, finalDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(exe)) throw error;
  }
  return exe;
}

export async function resolveChromiumPath(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return (sparticuzPath ??= unpackSparticuz().catch((error: unknown) => {
    sparticuzPath = undefined;
    throw error;
  }));
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    headless: true,
    timeout: 60_000,
    ...options,
    executablePath: await resolveChromiumPath(),
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
