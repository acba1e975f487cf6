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
    },
  };
}
