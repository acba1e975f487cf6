import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { notFound } from '../../../../platform/web/errors.ts';
import { DECISION_LABELS } from '../../front-door-codes.ts';

const SEX_LABELS: Record<string, string> = { M: 'Male', F: 'Female', U: 'Not known' };

const matchParams = z.object({ id: z.uuid(), personId: z.uuid() });

/** A likely match, checked before deciding: opened from the triage page, in a tab of its own so the form keeps its answers. */
export function checkIdentityPage(app: FastifyInstance, deps: Deps) {
  app.get('/front-door/:id/people/:personId', { config: { permission: 'requests.triage', audit: false } }, async (request, reply) => {
    const params = matchParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const view = await deps.frontDoor.checkIdentity(request.principal!, params.data.id, params.data.personId);
    return reply.page('modules/family-help/pages/check-identity/check-identity.njk', {
      pageTitle: `Who is ${view.person.name}?`,
      backLink: `/front-door/${view.request.id}`,
      ...view,
      decisionLabels: DECISION_LABELS,
      sexLabels: SEX_LABELS,
    });
  });
}
