import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { badForm } from '../../../../platform/web/errors.ts';
import { readVersion } from '../../../../platform/web/form-fields.ts';
import { idOf } from '../cp-form.ts';

/** The multi-agency team's queue of strategy discussions, and taking one to chair. */
export function queuePage(app: FastifyInstance, deps: Deps) {
  app.get('/child-protection', { config: { permission: 'cp.strategy', audit: 'strategy_discussions_listed' } }, async (request, reply) => {
    const waiting = await deps.childProtection.waiting(request.principal!);
    return reply.page('modules/child-protection/pages/queue/queue.njk', { pageTitle: 'Strategy discussions', waiting, principalId: request.principal!.userId });
  });

  app.post('/child-protection/:id/take', { config: { permission: 'cp.strategy', audit: false } }, async (request, reply) => {
    const version = readVersion((request.body as Record<string, unknown> | undefined)?.['version']);
    if (version === undefined) throw badForm();
    const id = await deps.childProtection.take(request.principal!, idOf(request.params), version);
    return reply.redirect(`/cases/${id}/child-protection?saved=taken`, 303);
  });
}
