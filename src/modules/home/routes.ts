import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { formatAge } from '../people/age.ts';

/** "My work": the practitioner's home. Family Help fills it with their children and what is due. */
export function homeRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/', { config: { permission: 'work.own.view', audit: 'my_work_viewed' } }, async (request, reply) => {
    const children = await deps.people.myChildren(request.principal!);
    const today = deps.clock.now();
    return reply.page('modules/home/my-work.njk', {
      pageTitle: 'My work',
      children: children.map((c) => ({ ...c, age: c.dateOfBirth ? formatAge(c.dateOfBirth, today) : undefined })),
    });
  });
}
