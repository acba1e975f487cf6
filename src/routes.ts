import { censusSaveCheck } from './modules/returns/cin/at-recording.ts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from './deps.ts';
import { auditTrailRoutes } from './modules/audit-trail/routes.ts';
import { homeRoutes } from './modules/home/routes.ts';
import { peopleRoutes } from './modules/people/routes.ts';
import { frontDoorRoutes } from './modules/family-help/front-door-routes.ts';
import { caseRoutes } from './modules/family-help/case-routes.ts';
import { teamRoutes } from './modules/family-help/team-routes.ts';
import { childProtectionRoutes } from './modules/child-protection/routes.ts';
import { courtRoutes } from './modules/court/routes.ts';
import { returnsRoutes } from './modules/returns/routes.ts';
import { signInRoutes } from './modules/sign-in/routes.ts';
import { siteRoutes } from './modules/site/routes.ts';
import { userRoutes } from './modules/users/routes.ts';

/** Every module's pages, mounted in one place. */
export function registerRoutes(app: FastifyInstance, deps: Deps) {
  // Every form's save runs with the CIN census checked, as the returns module provides.
  app.decorate('saveCheck', censusSaveCheck);
  siteRoutes(app, deps);
  signInRoutes(app, deps);
  homeRoutes(app, deps);
  userRoutes(app, deps);
  peopleRoutes(app, deps);
  frontDoorRoutes(app, deps);
  caseRoutes(app, deps);
  teamRoutes(app, deps);
  childProtectionRoutes(app, deps);
  courtRoutes(app, deps);
  returnsRoutes(app, deps);
  auditTrailRoutes(app, deps);
}
