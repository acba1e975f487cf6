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
    reply.header('Cache-Control', 'public, max-age=3600');
    return reply.sendFile(request.params.file);
  });

  app.get('/assets/govuk-frontend.min.js', { config: { permission: 'public', audit: false } }, async (_request, reply) => {
    reply.header('Cache-Control', 'public, max-age=86400');
    return reply.sendFile('govuk-frontend.min.js', GOVUK_DIST);
  });
}
