/**
 * The CIN census's disability codes and what each means (reference/statutory-returns.md §2.4,
 * from the census schema). The record stores the codes, as the census sends them; pages show
 * the labels.
 */
export const DISABILITY_LABELS = {
  NONE: 'No disability',
  MOB: 'Mobility',
  HAND: 'Hand function',
  PC: 'Personal care',
  INC: 'Incontinence',
  COMM: 'Communication',
  LD: 'Learning',
  HEAR: 'Hearing',
  VIS: 'Vision',
  BEH: 'Behaviour',
  CON: 'Consciousness',
  AUT: 'Autism',
  DDA: 'Other',
} as const;

export type DisabilityCode = keyof typeof DISABILITY_LABELS;

/** The codes that say a child has a disability (every one but NONE). */
export const CHILD_DISABILITIES = (Object.keys(DISABILITY_LABELS) as DisabilityCode[]).filter((code) => code !== 'NONE');

/** The label of each code, in the order recorded; a code the list does not know is shown as it is. */
export function disabilityLabels(codes: readonly string[]): string[] {
  return codes.map((code) => (DISABILITY_LABELS as Record<string, string>)[code] ?? code);
}
