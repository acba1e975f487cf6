import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { HARM_CONTEXT_KIND_LABELS } from '../../codes.ts';

/** Harm outside the home: the contexts that link children, for the multi-agency team. */
export function contextsPage(app: FastifyInstance, deps: Deps) {
  app.get('/contexts', { config: { permission: 'contexts.manage', audit: 'harm_contexts_listed' } }, async (request, reply) => {
    const contexts = await deps.childProtection.contexts(request.principal!);
    return reply.page('modules/child-protection/pages/contexts/contexts.njk', { pageTitle: 'Harm outside the home', contexts, kindLabels: HARM_CONTEXT_KIND_LABELS });
  });
}
