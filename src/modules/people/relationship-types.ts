/**
 * Relationship types, each stored once ("A is B's mother") and read both ways: `inverse`
 * gives the type from B's side. Sex-specific words are chosen when shown, from the person's sex.
 */
export const RELATIONSHIP_TYPES = {
  parent: { inverse: 'child', label: 'Parent', male: 'Father', female: 'Mother', family: true },
  child: { inverse: 'parent', label: 'Child', male: 'Son', female: 'Daughter', family: true },
  step_parent: { inverse: 'step_child', label: 'Step-parent', male: 'Stepfather', female: 'Stepmother', family: true },
  step_child: { inverse: 'step_parent', label: 'Stepchild', male: 'Stepson', female: 'Stepdaughter', family: true },
  sibling: { inverse: 'sibling', label: 'Sibling', male: 'Brother', female: 'Sister', family: true },
  half_sibling: { inverse: 'half_sibling', label: 'Half-sibling', male: 'Half-brother', female: 'Half-sister', family: true },
  step_sibling: { inverse: 'step_sibling', label: 'Step-sibling', male: 'Stepbrother', female: 'Stepsister', family: true },
  grandparent: { inverse: 'grandchild', label: 'Grandparent', male: 'Grandfather', female: 'Grandmother', family: true },
  grandchild: { inverse: 'grandparent', label: 'Grandchild', male: 'Grandson', female: 'Granddaughter', family: true },
  aunt_uncle: { inverse: 'niece_nephew', label: 'Aunt or uncle', male: 'Uncle', female: 'Aunt', family: true },
  niece_nephew: { inverse: 'aunt_uncle', label: 'Niece or nephew', male: 'Nephew', female: 'Niece', family: true },
  cousin: { inverse: 'cousin', label: 'Cousin', male: 'Cousin', female: 'Cousin', family: true },
  partner: { inverse: 'partner', label: 'Partner', male: 'Partner', female: 'Partner', family: true },
  ex_partner: { inverse: 'ex_partner', label: 'Former partner', male: 'Former partner', female: 'Former partner', family: true },
  family_friend: { inverse: 'family_friend', label: 'Family friend', male: 'Family friend', female: 'Family friend', family: false },
  foster_carer: { inverse: 'foster_child', label: 'Foster carer', male: 'Foster carer', female: 'Foster carer', family: false },
  foster_child: { inverse: 'foster_carer', label: 'Foster child', male: 'Foster child', female: 'Foster child', family: false },
  kinship_carer: { inverse: 'kinship_child', label: 'Kinship carer', male: 'Kinship carer', female: 'Kinship carer', family: true },
  kinship_child: { inverse: 'kinship_carer', label: 'Child in kinship care', male: 'Child in kinship care', female: 'Child in kinship care', family: true },
  professional: { inverse: 'professional_for', label: 'Professional', male: 'Professional', female: 'Professional', family: false },
  professional_for: { inverse: 'professional', label: 'Works with', male: 'Works with', female: 'Works with', family: false },
} as const satisfies Record<string, { inverse: string; label: string; male: string; female: string; family: boolean }>;

export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;

export function isRelationshipType(value: string): value is RelationshipType {
  return Object.hasOwn(RELATIONSHIP_TYPES, value);
}

/** The type seen from the other person's side. */
export function inverseOf(type: RelationshipType): RelationshipType {
  return RELATIONSHIP_TYPES[type].inverse;
}

/** "Mother", "Half-brother", or the neutral word when sex is unknown. */
export function describeRelationship(type: RelationshipType, sex: string | null | undefined): string {
  const t = RELATIONSHIP_TYPES[type];
  return sex === 'M' ? t.male : sex === 'F' ? t.female : t.label;
}

/**
 * How someone a family names stands to the child, in the words a triager uses ("her brother",
 * "my mum"): each is a relationship type read from the relative's side, and the sex it implies.
 */
export const RELATIVE_CHOICES = {
  mother: { text: 'Mother', type: 'parent', sex: 'F' },
  father: { text: 'Father', type: 'parent', sex: 'M' },
  parent: { text: 'Parent', type: 'parent', sex: 'U' },
  stepmother: { text: 'Stepmother', type: 'step_parent', sex: 'F' },
  stepfather: { text: 'Stepfather', type: 'step_parent', sex: 'M' },
  sister: { text: 'Sister', type: 'sibling', sex: 'F' },
  brother: { text: 'Brother', type: 'sibling', sex: 'M' },
  half_sister: { text: 'Half-sister', type: 'half_sibling', sex: 'F' },
  half_brother: { text: 'Half-brother', type: 'half_sibling', sex: 'M' },
  step_sibling: { text: 'Stepbrother or stepsister', type: 'step_sibling', sex: 'U' },
  grandmother: { text: 'Grandmother', type: 'grandparent', sex: 'F' },
  grandfather: { text: 'Grandfather', type: 'grandparent', sex: 'M' },
  aunt: { text: 'Aunt', type: 'aunt_uncle', sex: 'F' },
  uncle: { text: 'Uncle', type: 'aunt_uncle', sex: 'M' },
  cousin: { text: 'Cousin', type: 'cousin', sex: 'U' },
  family_friend: { text: 'Family friend or neighbour', type: 'family_friend', sex: 'U' },
} as const satisfies Record<string, { text: string; type: RelationshipType; sex: 'M' | 'F' | 'U' }>;

export type RelativeChoice = keyof typeof RELATIVE_CHOICES;
