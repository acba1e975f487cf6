/**
 * The roles a user acts in. A user holds one role at a time, for one organisation
 * (NHS national RBAC: a user with several roles picks one at sign-in).
 */
export const ROLES = [
  'family_help_practitioner',
  'social_worker',
  'cp_lead_practitioner',
  'team_manager',
  'police_partner',
  'health_partner',
  'school_partner',
  'independent_advocate',
  'placements_officer',
  'data_analyst',
  'administrator',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  family_help_practitioner: 'Family Help practitioner',
  social_worker: 'Social worker',
  cp_lead_practitioner: 'Child Protection Lead Practitioner',
  team_manager: 'Team manager',
  police_partner: 'Police (partner agency)',
  health_partner: 'Health (partner agency)',
  school_partner: 'School (partner agency)',
  independent_advocate: 'Independent advocate',
  placements_officer: 'Placements officer',
  data_analyst: 'Data analyst',
  administrator: 'Administrator',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
