import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from './platform/access/roles.ts';

/**
 * Every environment variable the service reads, checked once at start-up.
 * README.md documents each one; `describeEnvironment()` keeps that list honest in a test.
 */
export const ENVIRONMENT = {
  NODE_ENV: 'development | test | production. Production refuses PGlite, superuser database roles and missing secrets.',
  PORT: 'Port to listen on. Default 3000.',
  HOST: 'Address to listen on. Default 127.0.0.1 (0.0.0.0 in production).',
  DATA_DIR: 'Where the embedded PGlite database lives when DATABASE_URL is unset. Default ./data.',
  DATABASE_URL: 'postgres://… to use PostgreSQL instead of embedded PGlite. Required in production.',
  SESSION_SECRET: 'At least 32 characters; signs the session and CSRF cookies. Required in production (random per process otherwise).',
  COOKIE_SECURE: '"true" or "false". Default true in production, false in local development and tests.',
  TRUST_PROXY: '"true" when behind a load balancer that sets X-Forwarded-For / X-Forwarded-Proto.',
  LOG_LEVEL: 'pino level: fatal, error, warn, info, debug, trace, silent. Default info.',
  SEED_DEMO: '"false" to skip seeding the demo authority on first start. Never seeded in production.',
  DEMO_PASSWORD: 'Password for every demo user (at least 12 characters). Generated and printed once if unset.',
  SEED_POPULATION: 'Children aged 0–17 in the synthetic demo authority generated on first start. Default 60000; 0 for none.',
  SEED_YEARS: 'Years of history in the synthetic demo authority. Default 5.',
  GET_HELP_AUTHORITY: 'Code of the authority whose families use the public /get-help page. Default: the demo authority outside production; unset in production, the page is not offered.',
  OIDC_ISSUER: 'OpenID Connect issuer URL (for example https://login.microsoftonline.com/<tenant>/v2.0). Enables single sign-on.',
  OIDC_CLIENT_ID: 'OpenID Connect client id. Required with OIDC_ISSUER.',
  OIDC_CLIENT_SECRET: 'OpenID Connect client secret. Required with OIDC_ISSUER.',
  OIDC_REDIRECT_URI: 'Callback URL registered with the identity provider, ending /sign-in/oidc/callback.',
  OIDC_AUTHORITY: 'Code of the authority whose staff sign in through this identity provider.',
  OIDC_ORGANISATION: 'Organisation name recorded for single sign-on users. Default: the authority name.',
  OIDC_GROUPS_CLAIM: 'Claim that lists the user\'s groups. Default "groups".',
  OIDC_ROLE_MAP: 'Comma-separated group=role pairs, for example "sg-cs-social-workers=social_worker,sg-cs-managers=team_manager".',
  OIDC_ALLOW_HTTP: '"true" to allow an http:// issuer (tests only; refused in production).',
} as const;

export type EnvironmentVariable = keyof typeof ENVIRONMENT;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

const roleMap = z.string().transform((value, ctx) => {
  const map = new Map<string, Role>();
  for (const pair of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const parts = pair.split('=').map((p) => p.trim());
    const [group, role] = parts;
    if (parts.length !== 2 || !group || !role || !(ROLES as readonly string[]).includes(role)) {
      ctx.addIssue({ code: 'custom', message: `OIDC_ROLE_MAP entry "${pair}" is not group=role with a known role` });
      return z.NEVER;
    }
    map.set(group, role as Role);
  }
  if (map.size === 0) {
    ctx.addIssue({ code: 'custom', message: 'OIDC_ROLE_MAP needs at least one group=role pair' });
    return z.NEVER;
  }
  return map;
});

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start postgres://').optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: bool.default(true),
  DEMO_PASSWORD: z.string().min(12, 'DEMO_PASSWORD must be at least 12 characters').optional(),
  SEED_POPULATION: z.coerce.number().int().min(0).max(1_000_000).default(60_000),
  SEED_YEARS: z.coerce.number().int().min(1).max(25).default(5),
  GET_HELP_AUTHORITY: z.string().regex(/^\d{3}$/, 'GET_HELP_AUTHORITY must be a three-digit authority code').optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  OIDC_AUTHORITY: z.string().min(1).optional(),
  OIDC_ORGANISATION: z.string().min(1).optional(),
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  OIDC_ROLE_MAP: roleMap.optional(),
  OIDC_ALLOW_HTTP: bool.default(false),
});

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  authority: string;
  organisation: string | undefined;
  groupsClaim: string;
  roleMap: Map<string, Role>;
  allowHttp: boolean;
}

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgresql'; url: string };
  sessionSecret: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: string;
  seedDemo: boolean;
  demoPassword: string | undefined;
  seedPopulation: number;
  seedYears: number;
  /** The authority the public /get-help page sends requests to; none, no page. */
  getHelpAuthority: string | undefined;
  oidc: OidcConfig | undefined;
}

/** A start-up refusal: the process prints the one-line reason and exits non-zero. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.path.join('.') || 'environment';
    throw new ConfigError(`${name}: ${issue.message}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';

  if (production && !e.DATABASE_URL) {
    throw new ConfigError('Refusing to start: production needs DATABASE_URL (embedded PGlite is for development, tests and demos only)');
  }
  if (production && !e.SESSION_SECRET) {
    throw new ConfigError('Refusing to start: production needs SESSION_SECRET (at least 32 characters)');
  }

  if (production && e.COOKIE_SECURE === false) {
    throw new ConfigError('Refusing to start: COOKIE_SECURE=false is not allowed in production');
  }
  if (production && e.OIDC_ALLOW_HTTP) throw new ConfigError('Refusing to start: OIDC_ALLOW_HTTP is not allowed in production');

  let oidc: OidcConfig | undefined;
  if (e.OIDC_ISSUER) {
    const missing = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI', 'OIDC_AUTHORITY', 'OIDC_ROLE_MAP'] as const).filter(
      (k) => e[k] === undefined,
    );
    if (missing.length > 0) throw new ConfigError(`Refusing to start: OIDC_ISSUER is set but ${missing.join(', ')} missing`);
    oidc = {
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID!,
      clientSecret: e.OIDC_CLIENT_SECRET!,
      redirectUri: e.OIDC_REDIRECT_URI!,
      authority: e.OIDC_AUTHORITY!,
      organisation: e.OIDC_ORGANISATION,
      groupsClaim: e.OIDC_GROUPS_CLAIM,
      roleMap: e.OIDC_ROLE_MAP!,
      allowHttp: e.OIDC_ALLOW_HTTP,
    };
  }

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    database: e.DATABASE_URL
      ? { kind: 'postgresql', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR) },
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    cookieSecure: e.COOKIE_SECURE ?? production,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO && !production,
    demoPassword: e.DEMO_PASSWORD,
    seedPopulation: e.SEED_POPULATION,
    seedYears: e.SEED_YEARS,
    getHelpAuthority: e.GET_HELP_AUTHORITY ?? (production ? undefined : '999'),
    oidc,
  };
}

/** Empty strings count as unset, as shells and .env files often leave them. */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}
