import type { AuditService } from '../../platform/audit/service.ts';
import type { Principal } from '../../platform/auth/service.ts';
import { todayInEngland, type Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/client.ts';
import { HttpError, notFound } from '../../platform/web/errors.ts';
import { caseOpener } from '../family-help/case-access.ts';
import type { PeopleService } from '../people/service.ts';
import type { AbuseCategory, Agency, CHILD_VIEWS_HOW, CONSENT_STATES, LAWFUL_BASES } from './codes.ts';

/** A sharing decision (golden rules 6 and 7), including a decision not to share. */
export interface ShareInput {
  decision: 'share' | 'not_share';
  partnerUserId: string | undefined;
  agency: Agency;
  what: string | undefined;
  reasons: string;
  lawfulBasis: keyof typeof LAWFUL_BASES;
  consent: keyof typeof CONSENT_STATES;
  consentReason: string | undefined;
}

/** An initial or review conference as held: who came, the child's and parents' views, the decision. */
export interface ConferenceInput {
  heldOn: string;
  attendees: string[];
  childViews: string;
  childViewsHow: keyof typeof CHILD_VIEWS_HOW;
  parentsViews: string;
  parentsRepresentative: string | undefined;
  decision: 'plan' | 'no_plan' | 'continue' | 'end';
  category: AbuseCategory | undefined;
  reasons: string;
}

/** Someone else recorded this first: nothing was changed. */
export const stale = (caseId: string) => new HttpError(409, 'stale_case', 'Someone else changed this while you were working on it', { backTo: `/cases/${caseId}/child-protection` });
export const closed = (caseId: string) => new HttpError(409, 'case_closed', 'This case is closed', { backTo: `/cases/${caseId}` });

/**
 * What the parts of the child protection service share (service.ts: the work on a case;
 * sharing.ts; harm-contexts.ts): the database, the audit, the clock, the people service, and how
 * a case is opened for a principal.
 */
export function serviceContext(database: Database, audit: AuditService, clock: Clock, peopleService: PeopleService) {
  const today = () => todayInEngland(clock);

  const withCase = caseOpener(database, peopleService, clock);

  /** A case from one of its child protection records, found in the user's authority. */
  async function caseOf(principal: Principal, find: (tx: Tx) => Promise<{ caseId: string } | undefined>) {
    const row = await database.tenant(principal.laCode, find);
    if (!row) throw notFound();
    return row.caseId;
  }

  return { database, audit, clock, peopleService, today, withCase, caseOf };
}

export type ServiceContext = ReturnType<typeof serviceContext>;
