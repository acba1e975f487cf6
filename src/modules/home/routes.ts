import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { can } from '../../platform/access/policy.ts';
import { formatAge } from '../people/age.ts';

/** "My work": the practitioner's home. Their children, what is due and overdue, and the front door's queue. */
export function homeRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/', { config: { permission: 'work.own.view', audit: 'my_work_viewed' } }, async (request, reply) => {
    const principal = request.principal!;
    const children = await deps.people.myChildren(principal);
    const work = await deps.cases.myWork(principal);
    const waiting = can(principal, 'requests.triage') ? await deps.frontDoor.queue(principal) : undefined;
    const discussions = can(principal, 'cp.strategy') ? await deps.childProtection.waiting(principal) : undefined;
    const shares = await deps.childProtection.myShares(principal);
    const today = deps.clock.now();
    return reply.page('modules/home/my-work.njk', {
      pageTitle: 'My work',
      children: children.map((c) => ({ ...c, age: c.dateOfBirth ? formatAge(c.dateOfBirth, today) : undefined })),
      due: work.due,
      overdue: work.due.filter((d) => d.status.state === 'overdue').length,
      cases: work.cases.length,
      waiting: waiting ? { count: waiting.length, overdue: waiting.filter((w) => w.clock.state === 'overdue').length } : undefined,
      discussions: discussions ? { count: discussions.filter((d) => !d.chairUserId).length, overdue: discussions.filter((d) => !d.chairUserId && d.status.state === 'overdue').length } : undefined,
      shares: shares.length,
    });
  });
}
