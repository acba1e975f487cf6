import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { choice, defineForm, notAsked, text, type Earlier } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { AGENCIES, CONSENT_STATES, LAWFUL_BASES, SHARE_DECISIONS, type Agency } from '../../codes.ts';
import { openNow } from '../../open-now.ts';
import { cpForm } from '../cp-form.ts';

/** A partner user a share can be made with, and the agency they speak for. */
export interface PartnerChoice {
  id: string;
  agency: Agency;
}

/**
 * An information-sharing decision (golden rules 6 and 7): with whom, what, why, the lawful basis,
 * and consent or the reason there was none. A decision not to share is recorded the same way.
 */
export const shareForm = <P extends PartnerChoice>(partners: readonly P[]) =>
  defineForm({
    decision: choice(SHARE_DECISIONS, 'Select whether you are sharing information'),
    partner: ({ decision }: Earlier) =>
      decision === 'share' ? choice(partners.map((p) => p.id), 'Select who you are sharing with').transform((id) => partners.find((p) => p.id === id)!) : notAsked,
    agency: ({ decision }: Earlier) => (decision === 'not_share' ? choice(AGENCIES, 'Select the agency you decided not to share with') : notAsked),
    what: ({ decision }: Earlier) => text('what you are sharing', { required: decision === 'share' }),
    reasons: ({ decision }: Earlier) => text(decision === 'not_share' ? 'why you decided not to share' : 'why this needs to be shared', { required: true }),
    lawfulBasis: choice(LAWFUL_BASES, 'Select the lawful basis'),
    consent: choice(CONSENT_STATES, 'Select whether the family consented'),
    // Only sharing without the family's consent needs its reason: a decision not to share goes ahead with nothing.
    consentReason: ({ decision, consent }: Earlier) => text('the reason for going ahead without consent', { required: decision === 'share' && consent !== undefined && consent !== 'given' }),
  });

type Partners = Awaited<ReturnType<Deps['childProtection']['partners']>>;

/** Sharing for the strategy discussion (until its enquiry's conference), or with the plan's core group. */
export function sharePages(app: FastifyInstance, deps: Deps) {
  for (const target of ['discussion', 'plan'] as const) {
    cpForm(app, deps, `share-${target}`, {
      template: 'modules/child-protection/pages/share/share.njk',
      title: target === 'discussion' ? 'Share information for the strategy discussion' : 'Share information with the core group',
      right: 'canDecide',
      target: (view) => (target === 'discussion' ? openNow(view).sharingDiscussion : openNow(view).plan),
      context: async (_view, principal) => {
        const partners = await deps.childProtection.partners(principal);
        return {
          target,
          partners,
          decisions: optionsFrom(SHARE_DECISIONS),
          partnerOptions: [{ value: '', text: 'Select a person' }, ...partners.map((p) => ({ value: p.id, text: `${p.displayName}, ${p.organisation}` }))],
          agencies: optionsFrom(AGENCIES).filter((a) => a.value !== 'social_care'),
          bases: optionsFrom(LAWFUL_BASES),
          consents: optionsFrom(CONSENT_STATES),
        };
      },
      form: (_view, context) => shareForm(context['partners'] as Partners),
      save: (principal, view, input) => {
        const { sharingDiscussion, plan } = openNow(view);
        const sharing = input.decision === 'share';
        return deps.childProtection.share(principal, target === 'discussion' ? { discussionId: sharingDiscussion!.id } : { planId: plan!.id }, {
          decision: input.decision,
          partnerUserId: input.partner?.id,
          agency: input.partner?.agency ?? input.agency ?? 'other',
          what: sharing ? input.what : undefined,
          reasons: input.reasons,
          lawfulBasis: input.lawfulBasis,
          consent: input.consent,
          consentReason: input.consentReason,
        });
      },
      saved: 'shared',
    });
  }
}
