import type { PrimaryNeed, ReferralSource } from './codes.ts';
import type { CONSENT_BASES, REQUEST_DECISIONS, STATUTORY_BASES } from './tables.ts';

/** The front door's code lists: who asks for help and how, and what the triager decides. */

/** The referral sources a partner's role can be: one (police, a school), or a choice (health services). */
export const PARTNER_SOURCES: Partial<Record<string, readonly ReferralSource[]>> = {
  police_partner: ['6'],
  school_partner: ['2A'],
  health_partner: ['3A', '3B', '3C', '3D', '3E', '3F'],
};

/** Who is asking, on the public page, and the CIN referral source each means. */
export const PUBLIC_ASKERS = {
  parent: { text: 'I am their parent or carer', source: '1A' },
  young_person: { text: 'I am the young person, asking for myself', source: '1C' },
  relative: { text: 'I am a relative or family friend', source: '1A' },
  neighbour: { text: 'I am a neighbour or someone who knows the family', source: '1B' },
  other: { text: 'Someone else', source: '1D' },
} as const satisfies Record<string, { text: string; source: ReferralSource }>;
export type PublicAsker = keyof typeof PUBLIC_ASKERS;

/** The words for each asker, as a code table. */
export const ASKER_LABELS = Object.fromEntries(Object.entries(PUBLIC_ASKERS).map(([code, a]) => [code, a.text])) as Record<PublicAsker, string>;

export const FAMILY_KNOWS = { yes: 'Yes', no: 'No', not_sure: 'I’m not sure' } as const;

export type RequestChannel = 'public' | 'partner' | 'staff';

export type RequestDecision = (typeof REQUEST_DECISIONS)[number];
export type ConsentBasis = (typeof CONSENT_BASES)[number];
/** N0 (not stated) is for returns, not for a practitioner opening a case. */
export type PrimaryNeedChoice = Exclude<PrimaryNeed, 'N0'>;

export const DECISION_LABELS: Record<RequestDecision, { text: string; hint: string }> = {
  advice: { text: 'Advice and signposting', hint: 'Information, advice or a service elsewhere; no case is opened' },
  family_help: { text: 'Family Help', hint: 'Open the child’s Family Help case with a lead practitioner' },
  strategy_discussion: { text: 'Strategy discussion', hint: 'There is reasonable cause to suspect the child is suffering, or likely to suffer, significant harm' },
};

export const CONSENT_LABELS: Record<ConsentBasis, string> = {
  consent_given: 'The family agreed',
  consent_refused: 'The family did not agree, and no further help is offered without it',
  not_needed_safeguarding: 'Not sought: asking could put the child at risk of significant harm',
  not_sought: 'Not sought: advice only',
};

export const BASIS_LABELS: Record<(typeof STATUTORY_BASES)[number], string> = {
  early_help: 'Targeted early help',
  section_17: 'Child in need (section 17)',
};
