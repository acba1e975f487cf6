import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import type { PeopleService } from '../people/service.ts';
import { createDecisions, type ConveneStrategyDiscussion } from './front-door-decision.ts';
import { createRequestIntake } from './front-door-requests.ts';
import { createTriage } from './front-door-triage.ts';

export { LEAD_CAPACITY, type ConveneStrategyDiscussion, type DecisionInput, type RelativeAnswer } from './front-door-decision.ts';
export { REFERENCE_FORMAT, type RequestDetails } from './front-door-requests.ts';
export { likelyMatches } from './likely-matches.ts';

/**
 * The one front door: requests for help from partners, families and staff; the queue, with the
 * one-working-day clock; the triager's view with likely matches; the decision, which opens (or
 * joins) the child's one continuous Family Help case.
 */
export function createFrontDoorService(database: Database, audit: AuditService, clock: Clock, peopleService: PeopleService, conveneStrategyDiscussion?: ConveneStrategyDiscussion) {
  const triage = createTriage(database, audit, clock, peopleService);
  return {
    ...createRequestIntake(database, audit, clock),
    ...triage,
    ...createDecisions(database, audit, clock, triage.decisionClock, conveneStrategyDiscussion),
  };
}

export type FrontDoorService = ReturnType<typeof createFrontDoorService>;
