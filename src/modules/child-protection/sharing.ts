import { randomUUID } from 'node:crypto';
import { can, canOnChild, mayEver, type Relationship } from '../../platform/access/policy.ts';
import { actorOf, type Principal } from '../../platform/auth/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import { forbidden, HttpError, notFound } from '../../platform/web/errors.ts';
import { nameAndBirth } from '../people/allocations.ts';
import { accessAmong, permittedOnly } from '../people/service.ts';
import { PARTNER_AGENCY } from './codes.ts';
import * as read from './protection-read-model.ts';
import * as repo from './repository.ts';
import { closed, stale, type ServiceContext, type ShareInput } from './service-context.ts';

/**
 * Information sharing: a Child Protection Lead Practitioner's decisions to share (or not) for a
 * strategy discussion or a plan's core group, and partners' side of it: only what is shared with
 * them, while its purpose lasts, and what their agency adds. Part of the child protection service.
 */
export function sharing({ database, audit, clock, withCase, caseOf }: ServiceContext) {
  return {
    /** The partner users a Child Protection Lead Practitioner may share with. */
    async partners(principal: Principal) {
      if (!can(principal, 'cp.strategy')) throw forbidden();
      const rows = await database.tenant(principal.laCode, (tx) => repo.partnerUsers(tx, principal.laCode));
      return rows.map((r) => ({ ...r, agency: PARTNER_AGENCY[r.role as keyof typeof PARTNER_AGENCY] }));
    },

    /**
     * A sharing decision for a discussion or a plan's core group, including a decision not to
     * share. A share gives its partner access to exactly what it holds until its purpose ends.
     */
    async share(principal: Principal, target: { discussionId: string } | { planId: string }, input: ShareInput) {
      const caseId = await caseOf(principal, async (tx) =>
        'discussionId' in target ? repo.findDiscussion(tx, principal.laCode, target.discussionId) : (await repo.findPlanById(tx, target.planId)),
      );
      await withCase(principal, caseId, 'cp.decide', input.decision === 'share' ? 'information_shared' : 'information_not_shared', async ({ tx, c }) => {
        if (c.closedOn) throw closed(c.id);
        let purpose: 'strategy_discussion' | 'core_group';
        if ('discussionId' in target) {
          const d = await repo.findDiscussion(tx, c.laCode, target.discussionId);
          const awaitingConference = (await read.protectionFacts(tx, { caseId: c.id }))[0]?.enquiryStartedOn;
          if (!d || (d.decidedAt && !awaitingConference)) throw stale(c.id);
          purpose = 'strategy_discussion';
        } else {
          const plan = await repo.findPlanById(tx, target.planId);
          if (!plan || plan.endedOn) throw stale(c.id);
          purpose = 'core_group';
        }
        const partner = input.partnerUserId ? (await repo.partnerUsers(tx, c.laCode)).find((p) => p.id === input.partnerUserId) : undefined;
        if (input.decision === 'share' && !partner) throw notFound();
        await repo.insertShare(tx, {
          id: randomUUID(),
          laCode: c.laCode,
          personId: c.personId,
          caseId: c.id,
          purpose,
          discussionId: 'discussionId' in target ? target.discussionId : null,
          planId: 'planId' in target ? target.planId : null,
          agency: input.agency,
          partnerUserId: partner?.id ?? null,
          partnerName: partner ? `${partner.displayName}, ${partner.organisation}` : null,
          decision: input.decision,
          what: input.what ?? null,
          reasons: input.reasons,
          lawfulBasis: input.lawfulBasis,
          consent: input.consent,
          consentReason: input.consentReason ?? null,
          decidedBy: principal.userId,
          decidedByName: principal.displayName,
          decidedAt: clock.now(),
        });
      });
      return caseId;
    },

    // Partners ----------------------------------------------------------------------------------

    /** What is shared with this partner now. */
    async myShares(principal: Principal) {
      if (!mayEver(principal, 'shares.view')) return [];
      // Each is a live share of this partner's: the partner stands to its child as `shared`.
      return database.tenant(principal.laCode, async (tx) => permittedOnly(tx, principal, 'shares.view', await read.liveSharesFor(tx, principal.userId), (share) => share.personId, ['shared']));
    },

    /**
     * One share, as its partner sees it: the child's name and date of birth, what was shared and
     * why, the dates of the work it is for, and what their agency has added. Never the record.
     * Audited as a view of the child; an ended share is refused from the next request.
     */
    async sharedView(principal: Principal, shareId: string) {
      return openShare(principal, shareId, 'shared_information_viewed', async (tx, share) => {
        const person = await nameAndBirth(tx, principal.laCode, share.personId);
        const discussion = share.discussionId ? await repo.findDiscussion(tx, principal.laCode, share.discussionId) : undefined;
        const plan = share.planId ? await repo.findPlanById(tx, share.planId) : undefined;
        return {
          share: { id: share.id, purpose: share.purpose, what: share.what, decidedByName: share.decidedByName, decidedAt: share.decidedAt },
          child: { name: person?.name ?? '', dateOfBirth: person?.dateOfBirth ?? null },
          discussion: discussion ? { convenedOn: discussion.convenedOn, urgent: discussion.urgent, heldOn: discussion.heldOn, chairName: discussion.chairName } : undefined,
          plan: plan ? { startedOn: plan.startedOn, cpLeadName: plan.cpLeadName, meetings: (await repo.coreGroupMeetings(tx, [plan.id])).map((m) => m.heldOn) } : undefined,
          contributions: (await repo.contributionsForShares(tx, [share.id])).map((k) => ({ body: k.body, authorName: k.authorName, createdAt: k.createdAt })),
        };
      });
    },

    /** A partner adds what their agency knows, through the share. */
    async contribute(principal: Principal, shareId: string, input: { body: string }) {
      await openShare(principal, shareId, 'agency_contribution_added', async (tx, share) => {
        await repo.insertContribution(tx, { id: randomUUID(), laCode: principal.laCode, personId: share.personId, shareId: share.id, agency: share.agency, authorId: principal.userId, authorName: `${principal.displayName}, ${principal.organisation}`, body: input.body, createdAt: clock.now() });
      });
    },
  };

  /** A live share of this partner's, opened for `fn` and audited with the child; anything else is refused and audited. */
  async function openShare<T>(principal: Principal, shareId: string, action: string, fn: (tx: Tx, share: repo.ShareRow) => Promise<T>): Promise<T> {
    if (!mayEver(principal, 'shares.view')) throw forbidden();
    const result = await database.tenant(principal.laCode, async (tx) => {
      const share = await repo.findShare(tx, shareId);
      if (!share) return { outcome: 'missing' as const };
      // The partner stands to the child as `shared` through a decision to share with them (ended or not: an ended one is refused below, and says so).
      const relationships: Relationship[] = share.partnerUserId === principal.userId && share.decision === 'share' ? ['shared'] : [];
      // A share never shows a child whose record's access list leaves the partner out.
      if (!canOnChild(principal, 'shares.view', { ...(await accessAmong(tx, principal, [share.personId])).get(share.personId)!, relationships })) return { outcome: 'missing' as const };
      if (share.endedAt) return { outcome: 'ended' as const, personId: share.personId };
      const value = await fn(tx, share);
      await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action, outcome: 'success', childId: share.personId, details: { shareId, purpose: share.purpose } });
      return { outcome: 'opened' as const, value };
    });
    if (result.outcome === 'opened') return result.value;
    await audit.recordNow({ laCode: principal.laCode, actor: actorOf(principal), action, outcome: 'denied', ...(result.outcome === 'ended' ? { childId: result.personId } : {}), details: { shareId, reason: result.outcome } });
    if (result.outcome === 'ended') throw new HttpError(403, 'share_ended', 'This information is no longer shared with you');
    throw notFound();
  }
}
