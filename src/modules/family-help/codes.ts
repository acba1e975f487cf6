/**
 * The CIN census code lists the Family Help case records in (reference/statutory-returns.md §2.4),
 * with the words practitioners see. The census is generated from these facts, never retyped.
 */

export const REFERRAL_SOURCES = {
  '1A': 'Individual: family member, relative or carer',
  '1B': 'Individual: acquaintance (including neighbours, child minders)',
  '1C': 'Individual: the child or young person themselves',
  '1D': 'Individual: other (including strangers)',
  '2A': 'School',
  '2B': 'Education services',
  '3A': 'Health: GP',
  '3B': 'Health: health visitor',
  '3C': 'Health: school nurse',
  '3D': 'Health: other primary health services',
  '3E': 'Health: A&E',
  '3F': 'Health: other (for example a hospice)',
  '4': 'Housing: council or housing association',
  '5A': 'Council: social care (for example adult social care)',
  '5B': 'Council: other internal (for example youth justice; not housing)',
  '5C': 'Council: external (for example another council’s adult social care)',
  '5D': 'Council: early help',
  '6': 'Police',
  '7': 'Other legal agency (courts, probation, immigration, Cafcass, prison)',
  '8': 'Other (children’s centres, independent providers, voluntary organisations)',
  '9': 'Anonymous',
  '10': 'Unknown',
} as const;
export type ReferralSource = keyof typeof REFERRAL_SOURCES;

export const PRIMARY_NEEDS = {
  N1: 'Abuse or neglect',
  N2: 'Child’s disability',
  N3: 'Parental disability or illness',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
  N9: 'Cases other than children in need',
  N0: 'Not stated',
} as const;
export type PrimaryNeed = keyof typeof PRIMARY_NEEDS;

export const CLOSURE_REASONS = {
  RC1: 'Adopted',
  RC2: 'Died',
  RC3: 'Child arrangements order',
  RC4: 'Special guardianship order',
  RC5: 'Moved to another council’s services',
  RC6: 'Moved to adult social care',
  RC7: 'Help no longer needed, or ended for another reason',
  RC8: 'Closed after assessment: no further action',
  RC9: 'Closed after assessment: referred to early help',
} as const;
export type ClosureReason = keyof typeof CLOSURE_REASONS;

/** Factors identified at assessment. 18A and 19A are retired (2024 schema) and not offered. */
export const ASSESSMENT_FACTORS = {
  '1A': 'Alcohol misuse: the child',
  '1B': 'Alcohol misuse: parent or carer',
  '1C': 'Alcohol misuse: another person',
  '2A': 'Drug misuse: the child',
  '2B': 'Drug misuse: parent or carer',
  '2C': 'Drug misuse: another person',
  '3A': 'Domestic abuse: the child',
  '3B': 'Domestic abuse: parent or carer',
  '3C': 'Domestic abuse: another person',
  '4A': 'Mental health: the child',
  '4B': 'Mental health: parent or carer',
  '4C': 'Mental health: another person',
  '5A': 'Learning disability: the child',
  '5B': 'Learning disability: parent or carer',
  '5C': 'Learning disability: another person',
  '6A': 'Physical disability or illness: the child',
  '6B': 'Physical disability or illness: parent or carer',
  '6C': 'Physical disability or illness: another person',
  '7A': 'Young carer',
  '8B': 'Privately fostered: from overseas, intending to return',
  '8C': 'Privately fostered: from overseas, intending to stay',
  '8D': 'Privately fostered: UK, for education',
  '8E': 'Privately fostered: UK, other family arrangement',
  '8F': 'Privately fostered: other',
  '9A': 'Unaccompanied asylum-seeking child',
  '10A': 'Going or being missing',
  '11A': 'Child sexual exploitation',
  '12A': 'Trafficking',
  '13A': 'Gangs',
  '14A': 'Socially unacceptable behaviour',
  '15A': 'Self-harm',
  '16A': 'Neglect',
  '17A': 'Emotional abuse',
  '18B': 'Physical abuse: by another child',
  '18C': 'Physical abuse: by an adult',
  '19B': 'Sexual abuse: by another child',
  '19C': 'Sexual abuse: by an adult',
  '20': 'Other',
  '21': 'No factors identified',
  '22A': 'Female genital mutilation',
  '23A': 'Abuse linked to faith or belief',
  '24A': 'Child criminal exploitation',
} as const;
export type AssessmentFactor = keyof typeof ASSESSMENT_FACTORS;

export const isCode = <T extends object>(list: T, value: unknown): value is keyof T & string =>
  typeof value === 'string' && Object.hasOwn(list, value);
