import { z } from 'zod';
import { CONTROL_CHARACTERS_EXCEPT_LINES } from '../../platform/web/form-fields.ts';

/** Why someone needs emergency access (reference/security.md §2.5). */
export const BREAK_GLASS_REASONS = {
  edt_emergency: 'Emergency duty team: a child may be at risk now',
  police_s47: 'Police request during a section 47 enquiry',
  child_missing: 'The child is missing',
  court_deadline: 'A court deadline',
  other: 'Another reason',
} as const;


export const breakGlassForm = z.object({
  reasonCode: z.enum(Object.keys(BREAK_GLASS_REASONS) as [keyof typeof BREAK_GLASS_REASONS], { error: 'Select why you need emergency access' }),
  reason: z
    .string({ error: 'Explain why you need this record now' })
    .trim()
    .min(20, 'Explain why you need this record now, in at least 20 characters')
    .max(1000, 'Your explanation must be 1,000 characters or fewer')
    .refine((v) => !CONTROL_CHARACTERS_EXCEPT_LINES.test(v), 'Your explanation must only include letters, numbers and punctuation'),
});

export const BREAK_GLASS_FIELDS = ['reasonCode', 'reason'] as const;

export const reviewForm = z.object({
  outcome: z.enum(['appropriate', 'not_appropriate'], { error: 'Select whether the access was appropriate' }),
  note: z
    .string()
    .trim()
    .max(1000, 'Your note must be 1,000 characters or fewer')
    .optional()
    .transform((v) => (v ? v : undefined)),
});
