import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENVIRONMENT, loadConfig } from '../../src/config.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const SECRET = 'x'.repeat(32);
const PROD = { NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db/stable', SESSION_SECRET: SECRET } as const;
const OIDC = {
  OIDC_ISSUER: 'https://login.example.test/tenant/v2.0',
  OIDC_CLIENT_ID: 'client',
  OIDC_CLIENT_SECRET: 'secret',
  OIDC_REDIRECT_URI: 'https://homes.example.test/sign-in/oidc/callback',
  OIDC_AUTHORITY: 'LA1',
  OIDC_ROLE_MAP: 'sg-sw=social_worker',
} as const;

/** Calls loadConfig expecting a refusal; returns the ConfigError so its message can be checked. */
function refusal(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.name).toBe('ConfigError');
    expect(e.message).not.toMatch(/[\r\n]/);
    expect(e.message.length).toBeGreaterThan(0);
    return e;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('listens on 127.0.0.1:3000 with embedded PGlite in ./data, resolved to an absolute path', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('./data') });
    if (config.database.kind !== 'pglite') throw new Error('expected pglite');
    expect(path.isAbsolute(config.database.dataDir)).toBe(true);
    expect(config.oidc).toBeUndefined();
    expect(config.trustProxy).toBe(false);
    expect(config.logLevel).toBe('info');
  });

  it('generates a random session secret of at least 32 characters outside production', () => {
    const a = loadConfig({}).sessionSecret;
    const b = loadConfig({}).sessionSecret;
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(a).not.toBe(b);
  });

  it('uses DATA_DIR and PORT when given', () => {
    const config = loadConfig({ DATA_DIR: 'some/where', PORT: '8080' });
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('some/where') });
  });

  it('keeps an absolute DATA_DIR as it is', () => {
    const dir = path.resolve('/tmp/stable-homes-data');
    expect(loadConfig({ DATA_DIR: dir }).database).toEqual({ kind: 'pglite', dataDir: dir });
  });

  it.each(['development', 'test'])('binds to 127.0.0.1 in %s', (NODE_ENV) => {
    expect(loadConfig({ NODE_ENV }).host).toBe('127.0.0.1');
  });

  it('binds to 0.0.0.0 in production, and HOST overrides either', () => {
    expect(loadConfig({ ...PROD }).host).toBe('0.0.0.0');
    expect(loadConfig({ ...PROD, HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@localhost:5432/homes' }).database).toEqual({
      kind: 'postgresql',
      url: 'postgresql://u:p@localhost:5432/homes',
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/homes', DATA_DIR: '/ignored' }).database).toEqual({
      kind: 'postgresql',
      url: 'postgres://localhost/homes',
    });
  });

  it('rejects a DATABASE_URL that is not postgres://', () => {
    expect(refusal({ DATABASE_URL: 'mysql://localhost/homes' }).message).toMatch(/^DATABASE_URL: /);
  });

  it('rejects an out-of-range or non-numeric PORT', () => {
    expect(refusal({ PORT: '70000' }).message).toMatch(/^PORT: /);
    expect(refusal({ PORT: 'http' }).message).toMatch(/^PORT: /);
  });
});

describe('loadConfig in production', () => {
  it('starts with DATABASE_URL and a 32-character SESSION_SECRET', () => {
    const config = loadConfig({ ...PROD });
    expect(config.env).toBe('production');
    expect(config.database).toEqual({ kind: 'postgresql', url: PROD.DATABASE_URL });
    expect(config.sessionSecret).toBe(SECRET);
  });

  it('refuses without DATABASE_URL', () => {
    expect(refusal({ NODE_ENV: 'production', SESSION_SECRET: SECRET }).message).toMatch(/DATABASE_URL/);
  });

  it('refuses without SESSION_SECRET', () => {
    expect(refusal({ NODE_ENV: 'production', DATABASE_URL: PROD.DATABASE_URL }).message).toMatch(/SESSION_SECRET/);
  });

  it('refuses a SESSION_SECRET shorter than 32 characters', () => {
    expect(refusal({ ...PROD, SESSION_SECRET: 'x'.repeat(31) }).message).toMatch(/SESSION_SECRET.*32/);
  });

  it('refuses OIDC_ALLOW_HTTP', () => {
    expect(refusal({ ...PROD, ...OIDC, OIDC_ALLOW_HTTP: 'true' }).message).toMatch(/OIDC_ALLOW_HTTP/);
  });

  it('never seeds the demo authority, even when SEED_DEMO=true', () => {
    expect(loadConfig({ ...PROD }).seedDemo).toBe(false);
    expect(loadConfig({ ...PROD, SEED_DEMO: 'true' }).seedDemo).toBe(false);
  });
});

describe('seedDemo outside production', () => {
  it('defaults to true and SEED_DEMO=false turns it off', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('accepts only "true" or "false"', () => {
    expect(refusal({ SEED_DEMO: 'yes' }).message).toMatch(/^SEED_DEMO: /);
  });
});

describe('cookieSecure', () => {
  it('defaults to true in production and false in development and test', () => {
    expect(loadConfig({ ...PROD }).cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).cookieSecure).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).cookieSecure).toBe(false);
    expect(loadConfig({}).cookieSecure).toBe(false);
  });

  it('follows COOKIE_SECURE when set, but never turns Secure off in production', () => {
    expect(() => loadConfig({ ...PROD, COOKIE_SECURE: 'false' })).toThrow('Refusing to start: COOKIE_SECURE=false is not allowed in production');
    expect(loadConfig({ NODE_ENV: 'development', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
  });
});

describe('OIDC', () => {
  it('builds the OIDC settings when every variable is set', () => {
    const config = loadConfig({ ...OIDC });
    expect(config.oidc).toEqual({
      issuer: OIDC.OIDC_ISSUER,
      clientId: 'client',
      clientSecret: 'secret',
      redirectUri: OIDC.OIDC_REDIRECT_URI,
      authority: 'LA1',
      organisation: undefined,
      groupsClaim: 'groups',
      roleMap: new Map([['sg-sw', 'social_worker']]),
      allowHttp: false,
    });
  });

  it('takes OIDC_ORGANISATION, OIDC_GROUPS_CLAIM and OIDC_ALLOW_HTTP outside production', () => {
    const oidc = loadConfig({ ...OIDC, OIDC_ORGANISATION: 'Anyshire', OIDC_GROUPS_CLAIM: 'roles', OIDC_ALLOW_HTTP: 'true' }).oidc;
    expect(oidc?.organisation).toBe('Anyshire');
    expect(oidc?.groupsClaim).toBe('roles');
    expect(oidc?.allowHttp).toBe(true);
  });

  it('refuses OIDC_ISSUER alone and names every missing variable', () => {
    const message = refusal({ OIDC_ISSUER: OIDC.OIDC_ISSUER }).message;
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI', 'OIDC_AUTHORITY', 'OIDC_ROLE_MAP']) {
      expect(message).toContain(name);
    }
  });

  it('names only the variables that are actually missing', () => {
    const { OIDC_CLIENT_SECRET: _secret, OIDC_ROLE_MAP: _map, ...partial } = OIDC;
    const message = refusal({ ...partial }).message;
    expect(message).toContain('OIDC_CLIENT_SECRET');
    expect(message).toContain('OIDC_ROLE_MAP');
    expect(message).not.toContain('OIDC_CLIENT_ID');
    expect(message).not.toContain('OIDC_REDIRECT_URI');
    expect(message).not.toContain('OIDC_AUTHORITY');
  });

  it('parses OIDC_ROLE_MAP into group → role, trimming spaces and skipping empty entries', () => {
    const oidc = loadConfig({
      ...OIDC,
      OIDC_ROLE_MAP: ' sg-cs-social-workers = social_worker , sg-cs-managers=team_manager,, sg-admin=administrator ',
    }).oidc;
    expect(oidc?.roleMap).toEqual(
      new Map([
        ['sg-cs-social-workers', 'social_worker'],
        ['sg-cs-managers', 'team_manager'],
        ['sg-admin', 'administrator'],
      ]),
    );
  });

  it.each([
    ['an unknown role', 'sg-sw=social_worker,sg-x=superuser', 'sg-x=superuser'],
    ['a missing role', 'sg-sw=', 'sg-sw='],
    ['a missing group', '=social_worker', '=social_worker'],
    ['no equals sign', 'social_worker', 'social_worker'],
  ])('rejects OIDC_ROLE_MAP with %s, naming the entry', (_label, value, entry) => {
    const message = refusal({ ...OIDC, OIDC_ROLE_MAP: value }).message;
    expect(message).toMatch(/^OIDC_ROLE_MAP: /);
    expect(message).toContain(`"${entry}"`);
  });

  it('rejects an OIDC_ISSUER that is not a URL', () => {
    expect(refusal({ ...OIDC, OIDC_ISSUER: 'not a url' }).message).toMatch(/^OIDC_ISSUER: /);
  });
});

describe('empty strings count as unset', () => {
  it('uses defaults for empty PORT, DATA_DIR, HOST, COOKIE_SECURE and SEED_DEMO', () => {
    const config = loadConfig({ PORT: '', DATA_DIR: '', HOST: '', COOKIE_SECURE: '', SEED_DEMO: '', LOG_LEVEL: '' });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('./data') });
    expect(config.host).toBe('127.0.0.1');
    expect(config.cookieSecure).toBe(false);
    expect(config.seedDemo).toBe(true);
    expect(config.logLevel).toBe('info');
  });

  it('an empty DATABASE_URL means PGlite, and in production is refused as missing', () => {
    expect(loadConfig({ DATABASE_URL: '' }).database.kind).toBe('pglite');
    expect(refusal({ ...PROD, DATABASE_URL: '' }).message).toMatch(/production needs DATABASE_URL/);
  });

  it('an empty SESSION_SECRET in production is refused as missing, not as too short', () => {
    expect(refusal({ ...PROD, SESSION_SECRET: '' }).message).toMatch(/production needs SESSION_SECRET/);
  });

  it('an empty OIDC_ISSUER leaves single sign-on off', () => {
    expect(loadConfig({ OIDC_ISSUER: '' }).oidc).toBeUndefined();
  });

  it('an empty OIDC variable counts as missing', () => {
    expect(refusal({ ...OIDC, OIDC_CLIENT_SECRET: '' }).message).toContain('OIDC_CLIENT_SECRET');
  });
});

describe('README.md', () => {
  it('documents every environment variable the service reads', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const undocumented = Object.keys(ENVIRONMENT).filter((name) => !new RegExp(`\\b${name}\\b`).test(readme));
    expect(undocumented).toEqual([]);
  });
});
