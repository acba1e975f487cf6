import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { APPLICATIONS, FGDM_RESPONSES, HEARING_TYPES, OUTCOMES } from '../../codes.ts';
import { caseId } from '../court-form.ts';

/** The case's court work: pre-proceedings, proceedings and their outcome, and what can be recorded next. */
export function overviewPage(app: FastifyInstance, deps: Deps) {
  app.get('/cases/:id/court', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const view = await deps.court.overview(request.principal!, caseId(request.params));
    const saved = (request.query as Record<string, unknown>)['saved'];
    return reply.page('modules/court/pages/overview/overview.njk', {
      pageTitle: `Court: ${view.child.name}`,
      backLink: `/cases/${view.c.id}`,
      ...view,
      applications: APPLICATIONS,
      fgdmResponses: FGDM_RESPONSES,
      hearingTypes: HEARING_TYPES,
      outcomes: OUTCOMES,
      saved: typeof saved === 'string' ? saved : undefined,
    });
  });
}
