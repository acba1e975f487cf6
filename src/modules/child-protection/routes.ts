import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { conferencePages } from './pages/conference/conference.ts';
import { contextNewPage } from './pages/context-new/context-new.ts';
import { contextPage } from './pages/context/context.ts';
import { contextsPage } from './pages/contexts/contexts.ts';
import { convenePage } from './pages/convene/convene.ts';
import { coreGroupPage } from './pages/core-group/core-group.ts';
import { discussionPage } from './pages/discussion/discussion.ts';
import { efhPlanPage } from './pages/efh-plan/efh-plan.ts';
import { endPlanPage } from './pages/end-plan/end-plan.ts';
import { enquiryPage } from './pages/enquiry/enquiry.ts';
import { linkContextPage } from './pages/link-context/link-context.ts';
import { overviewPage } from './pages/overview/overview.ts';
import { queuePage } from './pages/queue/queue.ts';
import { sharePages } from './pages/share/share.ts';
import { sharedListPage } from './pages/shared-list/shared-list.ts';
import { sharedPage } from './pages/shared/shared.ts';

/**
 * Child protection pages: the multi-agency team's queue, the case's child protection page and its
 * forms (by who may use them: the case's workers, or its Child Protection Lead Practitioner), the
 * contexts of harm outside the home, and partners' view of what is shared with them. Each page
 * lives in its own folder under pages/.
 */
export function childProtectionRoutes(app: FastifyInstance, deps: Deps) {
  queuePage(app, deps);
  overviewPage(app, deps);
  convenePage(app, deps);
  sharePages(app, deps);
  discussionPage(app, deps);
  enquiryPage(app, deps);
  conferencePages(app, deps);
  coreGroupPage(app, deps);
  endPlanPage(app, deps);
  linkContextPage(app, deps);
  efhPlanPage(app, deps);
  contextsPage(app, deps);
  contextNewPage(app, deps);
  contextPage(app, deps);
  sharedListPage(app, deps);
  sharedPage(app, deps);
}
