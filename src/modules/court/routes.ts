import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { eventPages } from './pages/event/event.ts';
import { fgdmPage } from './pages/fgdm/fgdm.ts';
import { issuePage } from './pages/issue/issue.ts';
import { letterPage } from './pages/letter/letter.ts';
import { outcomePage } from './pages/outcome/outcome.ts';
import { overviewPage } from './pages/overview/overview.ts';

/** Court work on a child's case: what is recorded, and the forms for whoever manages it. Each page lives in its own folder under pages/. */
export function courtRoutes(app: FastifyInstance, deps: Deps) {
  overviewPage(app, deps);
  letterPage(app, deps);
  fgdmPage(app, deps);
  eventPages(app, deps);
  issuePage(app, deps);
  outcomePage(app, deps);
}
