import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { accessLogPage } from './pages/access-log/access-log.ts';
import { accessReviewsPage } from './pages/access-reviews/access-reviews.ts';
import { accessPage } from './pages/access/access.ts';
import { emergencyAccessPage } from './pages/emergency-access/emergency-access.ts';
import { identityPage } from './pages/identity/identity.ts';
import { newPersonPage } from './pages/new-person/new-person.ts';
import { recordAccessPage } from './pages/record-access/record-access.ts';
import { recordPage } from './pages/record/record.ts';
import { searchPage } from './pages/search/search.ts';
import { significantEventPage } from './pages/significant-event/significant-event.ts';

/** Finding people and their records, and who may open them. Each page lives in its own folder under pages/. */
export function peopleRoutes(app: FastifyInstance, deps: Deps) {
  searchPage(app, deps);
  // Registered before /people/:id, as the routes always were (the router prefers the static path either way).
  newPersonPage(app, deps);
  recordPage(app, deps);
  significantEventPage(app, deps);
  identityPage(app, deps);
  accessLogPage(app, deps);
  accessPage(app, deps);
  recordAccessPage(app, deps);
  emergencyAccessPage(app, deps);
  accessReviewsPage(app, deps);
}
