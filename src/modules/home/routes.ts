import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { can } from '../../platform/access/policy.ts';
import { formatAge } from '../people/age.ts';
import { ROLE_HOME, tasksFor } from './what-you-can-do.ts';

/**
 * "My work": everyone's home. A practitioner's children, what is due and overdue, and the front
 * door's queue; for every role, what they can do in the service today (the policy decides which
 * pages are offered) and, where their own work is not in the service yet, that it is coming.
 */
export function homeRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/', { config: { permission: 'work.own.view', audit: 'my_work_viewed' } }, async (request, reply) => {
    const principal = request.principal!;
    const children = await deps.people.myChildren(principal);
    const work = await deps.cases.myWork(principal);
    const waiting = can(principal, 'requests.triage') ? await deps.frontDoor.queue(principal) : undefined;
    const discussions = can(principal, 'cp.strategy') ? await deps.childProtection.waiting(principal) : undefined;
    const shares = await deps.childProtection.myShares(principal);
    const latestCensus = can(principal, 'returns.generate') ? (await deps.returns.runs(principal))[0] : undefined;
    const today = deps.clock.now();
    // What is shared with a partner is linked to with how much there is; it is not listed again.
    const shown = new Set(shares.length ? ['/shared'] : []);
    return reply.page('modules/home/my-work.njk', {
      pageTitle: 'My work',
      children: children.map((c) => ({ ...c, age: c.dateOfBirth ? formatAge(c.dateOfBirth, today) : undefined })),
      due: work.due,
      overdue: work.due.filter((d) => d.status.state === 'overdue').length,
      cases: work.cases.length,
      waiting: waiting ? { count: waiting.length, overdue: waiting.filter((w) => w.clock.state === 'overdue').length } : undefined,
      discussions: discussions ? { count: discussions.filter((d) => !d.chairUserId).length, overdue: discussions.filter((d) => !d.chairUserId && d.status.state === 'overdue').length } : undefined,
      shares: shares.length,
      // Only those who may work with children allocated to them are told children will be.
      allocatable: can(principal, 'record.edit', { relationships: ['allocated'] }),
      latestCensus,
      tasks: tasksFor(principal, shown),
      role: ROLE_HOME[principal.role],
    });
  });
}
