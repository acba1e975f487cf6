import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const GOVUK_DIST = path.join(root, 'node_modules/govuk-frontend/dist/govuk');
const PUBLIC_FILES = new Set(['app.css', 'init.js', 'favicon.svg']);

/** Pages and files anyone may use, signed in or not. */
export function siteRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/health', { config: { permission: 'public', audit: false } }, async (_request, reply) => {
    await deps.database.ping(); // a failure answers 500: the load balancer takes this instance out
    return reply.send({ status: 'ok', database: deps.database.kind });
  });

  app.get('/accessibility', { config: { permission: 'public' } }, async (_request, reply) => {
    return reply.page('modules/site/accessibility.njk', { pageTitle: 'Accessibility statement' });
  });

  app.get('/privacy', { config: { permission: 'public' } }, async (_request, reply) => {
    return reply.page('modules/site/privacy.njk', { pageTitle: 'Privacy notice' });
  });

  // Static files: an explicit list, so nothing else in the folders is ever served.
  app.get<{ Params: { file: string } }>('/public/:file', { config: { permission: 'public', audit: false } }, async (request, reply) => {
    if (!PUBLIC_FILES.has(request.params.file)) return reply.callNotFound();
    return reply.sendFile(request.params.file, { maxAge: 3_600_000 });
  });

  app.get('/assets/govuk-frontend.min.js', { config: { permission: 'public', audit: false } }, async (_request, reply) => {
    return reply.sendFile('govuk-frontend.min.js', GOVUK_DIST, { maxAge: 86_400_000 });
  });
}
