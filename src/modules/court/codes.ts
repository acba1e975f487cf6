/** The words court work records in (Public Law Outline; Children Act 1989). */

export const APPLICATIONS = {
  care_order: 'Care order (section 31)',
  supervision_order: 'Supervision order (section 31)',
  interim_care_order: 'Interim care order (section 38), with the care order application',
  emergency_protection_order: 'Emergency protection order (section 44)',
  other: 'Another order',
} as const;

export const HEARING_TYPES = {
  cmh: 'Case management hearing',
  fcmh: 'Further case management hearing',
  irh: 'Issues resolution hearing',
  final: 'Final hearing',
  interim: 'Interim hearing',
  other: 'Another hearing',
} as const;

export const OUTCOMES = {
  care_order: 'Care order',
  supervision_order: 'Supervision order',
  special_guardianship_order: 'Special guardianship order',
  child_arrangements_order: 'Child arrangements order',
  placement_order: 'Placement order',
  no_order: 'No order',
  withdrawn: 'Application withdrawn',
} as const;

export const FGDM_RESPONSES = {
  accepted: 'The family accepted: a family group meeting is arranged',
  held: 'A family group meeting was held',
  declined: 'The family declined',
  no_network: 'There is no family network to involve',
} as const;

export { isCode } from '../family-help/codes.ts';
