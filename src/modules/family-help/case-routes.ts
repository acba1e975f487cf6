import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { assessmentStartPage } from './pages/assessment-start/assessment-start.ts';
import { assessmentPage } from './pages/assessment/assessment.ts';
import { basisPage } from './pages/basis/basis.ts';
import { casePage } from './pages/case/case.ts';
import { closePage } from './pages/close/close.ts';
import { financialHelpPage } from './pages/financial-help/financial-help.ts';
import { noteInErrorPage } from './pages/note-in-error/note-in-error.ts';
import { notePages } from './pages/note/note.ts';
import { planPage } from './pages/plan/plan.ts';
import { reviewPage } from './pages/review/review.ts';
import { supportPage } from './pages/support/support.ts';

/** The Family Help case page and its forms: assessment, plan, review, basis, closure, and recording. Each page lives in its own folder under pages/. */
export function caseRoutes(app: FastifyInstance, deps: Deps) {
  casePage(app, deps);
  assessmentStartPage(app, deps);
  assessmentPage(app, deps);
  planPage(app, deps);
  reviewPage(app, deps);
  basisPage(app, deps);
  supportPage(app, deps);
  financialHelpPage(app, deps);
  closePage(app, deps);
  notePages(app, deps);
  noteInErrorPage(app, deps);
}
