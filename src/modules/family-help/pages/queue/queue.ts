import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { REFERRAL_SOURCES } from '../../codes.ts';

/** The front door's queue: requests waiting for a decision, oldest first, each with its clock. */
export function queuePage(app: FastifyInstance, deps: Deps) {
  app.get('/front-door', { config: { permission: 'requests.triage', audit: 'front_door_viewed' } }, async (request, reply) => {
    const queue = await deps.frontDoor.queue(request.principal!);
    const query = request.query as Record<string, unknown>;
    return reply.page('modules/family-help/pages/queue/queue.njk', {
      pageTitle: 'Front door',
      queue,
      sourceLabels: REFERRAL_SOURCES,
      decided: query['decided'] === '1',
    });
  });
}
