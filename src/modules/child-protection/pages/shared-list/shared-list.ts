import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { SHARE_PURPOSE_LABELS } from '../../codes.ts';

/** Partners: only what is shared with them, for its purpose, while it lasts. */
export function sharedListPage(app: FastifyInstance, deps: Deps) {
  app.get('/shared', { config: { permission: 'shares.view', audit: 'shares_listed' } }, async (request, reply) => {
    const shares = await deps.childProtection.myShares(request.principal!);
    return reply.page('modules/child-protection/pages/shared-list/shared-list.njk', { pageTitle: 'Shared with you', shares, purposeLabels: SHARE_PURPOSE_LABELS });
  });
}
