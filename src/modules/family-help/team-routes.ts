import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { teamPage } from './pages/team/team.ts';

/** The manager's team view (pages/team/). */
export function teamRoutes(app: FastifyInstance, deps: Deps) {
  teamPage(app, deps);
}
