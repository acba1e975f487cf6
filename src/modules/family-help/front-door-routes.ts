import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { checkIdentityPage } from './pages/check-identity/check-identity.ts';
import { getHelpPages } from './pages/get-help/get-help.ts';
import { myRequestsPage } from './pages/my-requests/my-requests.ts';
import { queuePage } from './pages/queue/queue.ts';
import { requestPages } from './pages/request/request.ts';
import { triagePage } from './pages/triage/triage.ts';

/**
 * The one front door: the public page, partners' and staff's request forms, the queue and the
 * decision. Each page lives in its own folder under pages/.
 */
export function frontDoorRoutes(app: FastifyInstance, deps: Deps) {
  getHelpPages(app, deps);
  myRequestsPage(app, deps);
  requestPages(app, deps);
  queuePage(app, deps);
  triagePage(app, deps);
  checkIdentityPage(app, deps);
}
