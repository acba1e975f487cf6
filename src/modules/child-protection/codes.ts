/**
 * The words and codes child protection records in. Categories of abuse are the CIN census codes
 * (reference/statutory-returns.md §2.4), so the census is generated from these facts.
 */

/** The agencies at a strategy discussion (Working Together 2023: police, health, education, children's social care). */
export const AGENCIES = {
  police: 'Police',
  health: 'Health',
  education: 'Education (the child’s school or nursery)',
  social_care: 'Children’s social care',
  other: 'Another agency (for example probation, youth justice, housing)',
} as const;
export type Agency = keyof typeof AGENCIES;

/** Partner roles and the agency each speaks for. */
export const PARTNER_AGENCY = { police_partner: 'police', health_partner: 'health', school_partner: 'education' } as const satisfies Record<string, Agency>;

export const STRATEGY_DECISION_LABELS = {
  section_47: { text: 'Start a section 47 enquiry', hint: 'There is reasonable cause to suspect the child is suffering, or likely to suffer, significant harm.' },
  extra_familial_harm: { text: 'A plan for harm outside the home', hint: 'Exploitation, serious violence or online harm: a joint assessment and an extra-familial harm plan, without a section 47 enquiry.' },
  family_help: { text: 'Family Help, without a section 47 enquiry', hint: 'The child needs help, but the threshold for an enquiry is not met.' },
  no_further_action: { text: 'No further action', hint: 'Record why, and what the family and the referrer will be told.' },
} as const;

export const ENQUIRY_OUTCOME_LABELS = {
  conference: { text: 'Concerns substantiated: hold an initial child protection conference', hint: 'The child is judged likely to suffer significant harm.' },
  family_help: { text: 'Concerns not substantiated: carry on with Family Help', hint: 'The child is in need, but a conference is not needed.' },
  no_further_action: { text: 'No further action', hint: 'No conference and no further help from children’s services.' },
} as const;

/** CIN census category of abuse. */
export const ABUSE_CATEGORIES = {
  NEG: 'Neglect',
  PHY: 'Physical abuse',
  SAB: 'Sexual abuse',
  EMO: 'Emotional abuse',
  MUL: 'Multiple categories',
} as const;
export type AbuseCategory = keyof typeof ABUSE_CATEGORIES;

/** Harm outside the home has no CIN census category: its plans carry this instead. */
export const EXTRA_FAMILIAL_HARM = 'EFH';
/** The categories as the pages show them, with harm outside the home. */
export const CATEGORY_LABELS: Record<string, string> = { ...ABUSE_CATEGORIES, [EXTRA_FAMILIAL_HARM]: 'Harm outside the home' };

export const PLAN_KIND_LABELS = { child_protection: 'Child protection plan', extra_familial_harm: 'Extra-familial harm plan' } as const;

export const HARM_CONTEXT_KIND_LABELS = {
  place: 'A place (a park, a shop, a house, a transport hub)',
  peer_group: 'A peer group',
  online: 'An online space (a game, an app, a group chat)',
  other: 'Another context',
} as const;

export const CHILD_VIEWS_HOW = {
  directly: 'Directly: the child spoke at or to the conference',
  advocate: 'Through their advocate',
  written: 'In writing, a drawing or a recording',
  worker: 'Through a worker who asked them',
  not_able: 'The child is not able to give their views (for example a baby)',
} as const;

export const INITIAL_DECISION_LABELS = {
  plan: { text: 'The child will be subject to a child protection plan' },
  no_plan: { text: 'No child protection plan: carry on with Family Help' },
} as const;

export const REVIEW_DECISION_LABELS = {
  continue: { text: 'The plan continues' },
  end: { text: 'The plan ends: the child is no longer likely to suffer significant harm' },
} as const;

export const PLAN_END_REASONS = {
  no_longer_at_risk: 'The child is no longer likely to suffer significant harm',
  looked_after: 'The child became looked after',
  moved_away: 'The child moved to another authority (transferred in)',
  turned_18: 'The young person turned 18',
  turned_25: 'The young person turned 25 (an extra-familial harm plan)',
  died: 'The child died',
  other: 'Another reason',
} as const;

/** Lawful bases for sharing (reference/security.md §2.7–2.8). */
export const LAWFUL_BASES = {
  public_task_safeguarding: 'Public task (UK GDPR Article 6(1)(e)) and safeguarding children (Data Protection Act 2018, Schedule 1, paragraph 18)',
  legal_obligation: 'Legal obligation (UK GDPR Article 6(1)(c)): Children Act 1989 section 47',
  vital_interests: 'Vital interests (UK GDPR Article 6(1)(d)): to protect a life',
  consent: 'Consent (UK GDPR Article 6(1)(a))',
} as const;

export const CONSENT_STATES = {
  given: 'The family consented',
  refused: 'The family refused, and sharing goes ahead because the child is at risk',
  not_sought: 'Consent was not sought, because asking would put the child at greater risk',
  not_needed: 'Consent was not needed',
} as const;

export const SHARE_PURPOSE_LABELS = {
  strategy_discussion: 'Strategy discussion',
  core_group: 'Core group of the child protection plan',
} as const;

/** A yes/no question's answers (whether a discussion is urgent; whether youth justice is involved). */
export const YES_NO = { yes: 'Yes', no: 'No' } as const;

/** A sharing decision: to share, or a decision not to share, which is recorded too. */
export const SHARE_DECISIONS = { share: 'Yes, share', not_share: 'No, I decided not to share' } as const;

export { isCode } from '../family-help/codes.ts';
