import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { HARM_CONTEXT_KIND_LABELS } from '../../codes.ts';
import { idOf } from '../cp-form.ts';

/** A context and the children it links, with how many are not related to any other child linked there. */
export function contextPage(app: FastifyInstance, deps: Deps) {
  app.get('/contexts/:id', { config: { permission: 'contexts.manage', audit: false } }, async (request, reply) => {
    const view = await deps.childProtection.context(request.principal!, idOf(request.params));
    const related = view.members.filter((m) => m.relatedTo).length;
    return reply.page('modules/child-protection/pages/context/context.njk', {
      pageTitle: view.context.name,
      backLink: '/contexts',
      ...view,
      unrelated: view.members.length - related,
      kindLabels: HARM_CONTEXT_KIND_LABELS,
      saved: (request.query as Record<string, unknown>)['saved'] === '1',
    });
  });
}
