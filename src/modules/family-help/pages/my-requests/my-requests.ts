import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { DECISION_LABELS } from '../../front-door-codes.ts';

/** What a partner has sent, and what the front door decided. */
export function myRequestsPage(app: FastifyInstance, deps: Deps) {
  app.get('/my-requests', { config: { permission: 'requests.submit' } }, async (request, reply) => {
    const requests = await deps.frontDoor.submittedBy(request.principal!);
    return reply.page('modules/family-help/pages/my-requests/my-requests.njk', {
      pageTitle: 'Your requests for help',
      requests,
      decisionLabels: DECISION_LABELS,
      sent: (request.query as Record<string, unknown>)['sent'] === '1',
    });
  });
}
