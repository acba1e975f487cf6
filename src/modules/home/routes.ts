import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** "My work": the practitioner's home. Family Help fills it with their children and what is due. */
export function homeRoutes(app: FastifyInstance, _deps: Deps) {
  app.get('/', { config: { permission: 'work.own.view', audit: 'my_work_viewed' } }, async (_request, reply) => {
    return reply.page('modules/home/my-work.njk', { pageTitle: 'My work' });
  });
}
