import type { ACTION_OWNERS } from './tables.ts';

/** The case's code tables: what a note is, who does an action in the plan, what financial help was for. */

export const NOTE_KIND_LABELS = { case_note: 'Case note', visit: 'Visit', management_oversight: 'Management oversight' } as const;
export type NoteKind = keyof typeof NOTE_KIND_LABELS;

export const OWNER_LABELS: Record<(typeof ACTION_OWNERS)[number], string> = { family: 'The family', practitioner: 'A practitioner', partner: 'A partner (school, health …)' };

export const FINANCIAL_HELP_KINDS = {
  section_17: 'Section 17 payment',
  household_support: 'Household Support Fund',
  food: 'Food vouchers or food bank referral',
  travel: 'Help with travel',
  essentials: 'Essential items (beds, cookers, clothes)',
  other: 'Other',
} as const;
