/** Why someone needs emergency access (reference/security.md §2.5). */
export const BREAK_GLASS_REASONS = {
  edt_emergency: 'Emergency duty team: a child may be at risk now',
  police_s47: 'Police request during a section 47 enquiry',
  child_missing: 'The child is missing',
  court_deadline: 'A court deadline',
  other: 'Another reason',
} as const;
