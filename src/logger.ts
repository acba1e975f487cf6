import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';

/** Anything pino can write to: stdout by default, a capturing stream in tests. */
export interface LogDestination {
  write(line: string): void;
}

/**
 * Personal data never reaches the logs. Requests are logged by method, route and status only:
 * no query strings, no bodies, no cookies. These paths are also censored wherever they appear,
 * as a second line of defence for anything logged by mistake.
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.username',
  '*.firstName',
  '*.lastName',
  '*.displayName',
  '*.dateOfBirth',
  '*.nhsNumber',
  '*.upn',
  '*.address',
  '*.postcode',
  '*.body',
  '*.token',
  '*.sessionHash',
];

export function loggerOptions(
  config: Pick<Config, 'logLevel'>,
  destination?: LogDestination,
): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    ...(destination ? { stream: destination } : {}),
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string | undefined }; url: string; id: string }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? req.url.split('?')[0],
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: serializeError,
    },
  };
}

/**
 * Errors are logged by type, code and stack only. Database errors carry the query's parameters
 * and the offending values in their messages ("Key (username)=(…)"): those never reach the logs.
 */
export function serializeError(error: unknown): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' };
  type Coded = { code?: unknown; constraint?: unknown; cause?: unknown; statusCode?: unknown; message?: unknown };
  // The SQLSTATE and constraint name may sit a few causes down (our error → drizzle's → the driver's).
  const chain: Coded[] = [];
  for (let e: unknown = error; e && typeof e === 'object' && chain.length < 5; e = (e as Coded).cause) chain.push(e);
  const code = chain.find((e) => e.code !== undefined)?.code;
  const constraint = chain.find((e) => e.constraint !== undefined)?.constraint;
  const withCode = error as Error & Coded;
  const fromDatabase = chain.some((e) => typeof e.message === 'string' && /^Failed query/.test(e.message)) && /^Failed query/.test(error.message);
  return {
    type: error.name,
    ...(code !== undefined ? { code } : {}),
    ...(constraint !== undefined ? { constraint } : {}),
    ...(withCode.statusCode !== undefined ? { statusCode: withCode.statusCode } : {}),
    message: fromDatabase ? 'database error (query and values withheld from the log)' : error.message,
    // Only the frames: the lines before them repeat the message, which may span several lines.
    stack: (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).join('\n'),
  };
}
