import { randomUUID } from 'node:crypto';
import { can } from '../../platform/access/policy.ts';
import { actorOf, type Principal } from '../../platform/auth/service.ts';
import { forbidden, HttpError, notFound } from '../../platform/web/errors.ts';
import * as repo from './repository.ts';
import { permittedOnly } from './named-only.ts';
import type { PeopleCore } from './open-record.ts';

/** How long emergency access lasts (reference/security.md §2.5: 4–8 hours). */
export const BREAK_GLASS_HOURS = 4;

/** Emergency ("break-glass") access to a record, and the managers' reviews of it. */
export function createEmergencyAccess({ database, audit, clock }: PeopleCore) {
  return {
    /**
     * Emergency access to a record the user has no relationship to: read-only, for four hours,
     * with a reason; queued for a manager's review. Never for restricted or sealed records.
     */
    /** Refuses, as asking would, emergency access to a record it is not for: another authority's, sealed or restricted. */
    async checkEmergencyAccess(principal: Principal, personId: string) {
      if (!can(principal, 'record.break_glass')) throw forbidden();
      const kind = await database.tenant(principal.laCode, async (tx) => (await repo.findPerson(tx, principal.laCode, personId))?.recordKind);
      if (!kind || kind === 'sealed') throw notFound();
      if (kind === 'restricted') throw new HttpError(403, 'restricted', 'This is a restricted record');
    },

    async breakGlass(principal: Principal, personId: string, reason: { code: string; text: string }) {
      if (!can(principal, 'record.break_glass')) throw forbidden();
      const grantId = randomUUID();
      const outcome = await database.tenant(principal.laCode, async (tx) => {
        const person = await repo.findPerson(tx, principal.laCode, personId);
        if (!person || person.recordKind === 'sealed') return 'missing';
        if (person.recordKind === 'restricted') return 'restricted';
        const now = clock.now();
        await repo.insertBreakGlass(tx, {
          id: grantId,
          personId: person.id,
          userId: principal.userId,
          username: principal.username,
          laCode: principal.laCode,
          reasonCode: reason.code,
          reason: reason.text,
          grantedAt: now,
          expiresAt: new Date(now.getTime() + BREAK_GLASS_HOURS * 3_600_000),
        });
        await audit.record(tx, {
          laCode: principal.laCode,
          actor: actorOf(principal),
          action: 'break_glass',
          outcome: 'success',
          childId: person.id,
          details: { grantId, reasonCode: reason.code, hours: BREAK_GLASS_HOURS },
        });
        return 'granted';
      });
      if (outcome === 'missing') throw notFound();
      if (outcome === 'restricted') throw new HttpError(403, 'restricted', 'This is a restricted record');
    },

    /** Emergency accesses awaiting review in the manager's authority. */
    async accessReviews(principal: Principal) {
      if (!can(principal, 'access_reviews.manage')) throw forbidden();
      return database.tenant(principal.laCode, async (tx) => {
        const items = await repo.unreviewedBreakGlass(tx, principal.laCode);
        // A record restricted since its emergency access stays in the privacy officer's queue, and in a manager's only if they are on its list.
        return permittedOnly(tx, principal, 'access_reviews.manage', items, (i) => i.grant.personId);
      });
    },

    async reviewAccess(principal: Principal, grantId: string, review: { outcome: 'appropriate' | 'not_appropriate'; note: string | undefined }) {
      if (!can(principal, 'access_reviews.manage')) throw forbidden();
      const done = await database.tenant(principal.laCode, async (tx) => {
        const ok = await repo.reviewBreakGlass(tx, grantId, {
          reviewedAt: clock.now(),
          reviewedBy: principal.username,
          reviewOutcome: review.outcome,
          reviewNote: review.note ?? null,
        });
        if (ok) {
          await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'break_glass_reviewed', outcome: 'success', details: { grantId, outcome: review.outcome } });
        }
        return ok;
      });
      if (!done) throw notFound();
    },
  };
}
