import { randomInt, randomUUID } from 'node:crypto';
import { can } from '../../platform/access/policy.ts';
import { actorOf, type Principal } from '../../platform/auth/service.ts';
import { NOBODY, type AuditService } from '../../platform/audit/service.ts';
import { dateInEngland, type Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import { forbidden } from '../../platform/web/errors.ts';
import type { ReferralSource } from './codes.ts';
import type { FAMILY_KNOWS, PUBLIC_ASKERS } from './front-door-codes.ts';
import * as repo from './repository.ts';

/** Letters and digits no one misreads on the phone (no I, O, 0 or 1). */
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const REFERENCE_FORMAT = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

/** A reference a family can quote: eight characters in two fours, about a trillion of them. */
function newReference(): string {
  const pick = () => Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `${pick()}-${pick()}`;
}

/** A request for help, as a front-door form sends it. */
export interface RequestDetails {
  source: ReferralSource | undefined;
  asker: keyof typeof PUBLIC_ASKERS | undefined;
  submitterName: string | undefined;
  submitterOrganisation: string | undefined;
  submitterPhone: string | undefined;
  submitterEmail: string | undefined;
  childGivenNames: string;
  childFamilyName: string;
  childDateOfBirth: string | undefined;
  childAddress: string | undefined;
  childPostcode: string | undefined;
  otherChildren: string | undefined;
  concerns: string;
  helpWanted: string | undefined;
  familyKnows: keyof typeof FAMILY_KNOWS | undefined;
  /** The public page's honeypot: a field people never see. Filled in, the request is dropped. */
  honeypot: boolean;
}

/** Requests for help arriving: from families on the public page, from partners, and recorded by staff. */
export function createRequestIntake(database: Database, audit: AuditService, clock: Clock) {
  const now = () => clock.now();

  function requestRow(laCode: string, channel: 'public' | 'partner' | 'staff', details: RequestDetails, submitter: Partial<repo.RequestInsert>): repo.RequestInsert {
    const receivedAt = now();
    return {
      id: randomUUID(),
      laCode,
      receivedAt,
      receivedOn: dateInEngland(receivedAt),
      channel,
      source: details.source ?? '10',
      submitterName: details.submitterName ?? null,
      submitterOrganisation: details.submitterOrganisation ?? null,
      submitterRelationship: details.asker ?? null,
      submitterPhone: details.submitterPhone ?? null,
      submitterEmail: details.submitterEmail ?? null,
      childGivenNames: details.childGivenNames,
      childFamilyName: details.childFamilyName,
      childDateOfBirth: details.childDateOfBirth ?? null,
      childAddress: details.childAddress ?? null,
      childPostcode: details.childPostcode ?? null,
      otherChildren: details.otherChildren ?? null,
      concerns: details.concerns,
      helpWanted: details.helpWanted ?? null,
      familyKnows: details.familyKnows ?? null,
      ...submitter,
    };
  }

  return {
    /** A parent, relative or young person asking on the public page. Nobody is signed in; the request is audited. */
    async submitPublic(laCode: string, details: RequestDetails, meta: { ip: string }): Promise<{ reference: string }> {
      if (details.honeypot) {
        // A form filled in by a machine: nothing kept, and the sender is told nothing different.
        await audit.recordNow({ laCode, actor: NOBODY, action: 'public_request_discarded', outcome: 'denied', details: { reason: 'honeypot', ip: meta.ip } });
        return { reference: newReference() };
      }
      const row = requestRow(laCode, 'public', details, { reference: newReference() });
      await database.tenant(laCode, async (tx) => {
        await repo.insertRequest(tx, row);
        await audit.record(tx, { laCode, actor: NOBODY, action: 'request_received', outcome: 'success', details: { requestId: row.id, channel: 'public', source: row.source } });
      });
      return { reference: row.reference! };
    },

    /** A partner (school, health, police) or staff member recording a request. */
    async submit(principal: Principal, channel: 'partner' | 'staff', details: RequestDetails): Promise<string> {
      if (!can(principal, channel === 'partner' ? 'requests.submit' : 'requests.record')) throw forbidden();
      const row = requestRow(principal.laCode, channel, details, {
        submittedBy: principal.userId,
        ...(channel === 'partner' ? { submitterName: principal.displayName, submitterOrganisation: principal.organisation } : {}),
      });
      await database.tenant(principal.laCode, async (tx) => {
        await repo.insertRequest(tx, row);
        await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'request_received', outcome: 'success', details: { requestId: row.id, channel, source: row.source } });
      });
      return row.id;
    },

    /** What a partner has sent, and what was decided: nothing else of the child's record. */
    async submittedBy(principal: Principal) {
      if (!can(principal, 'requests.submit')) throw forbidden();
      return database.tenant(principal.laCode, async (tx) => {
        const rows = await repo.requestsSubmittedBy(tx, principal.userId);
        return rows.map((r) => ({
          id: r.id,
          receivedAt: r.receivedAt,
          child: `${r.childGivenNames} ${r.childFamilyName}`,
          childDateOfBirth: r.childDateOfBirth,
          concerns: r.concerns,
          decision: r.decision,
          decidedAt: r.decidedAt,
        }));
      });
    },
  };
}
