import type { Relationship } from '../../platform/access/policy.ts';
import type { RelationshipSource } from '../people/service.ts';
import { teamTies } from './repository.ts';

/**
 * How a user stands to a child through Family Help's cases and teams. A manager relates to a child
 * only through the teams they manage: `manages` when their team holds the child's open case,
 * `supervises` when one of their team's members is allocated to the child (a child with no case
 * yet, or a Child Protection Lead Practitioner co-working another team's case). The policy says
 * what each allows.
 */
export const familyHelpRelationships: RelationshipSource = async (tx, { personId, userId, allocatedUserIds }) => {
  const ties = await teamTies(tx, personId, userId, allocatedUserIds);
  const out: Relationship[] = [];
  if (ties.lead) out.push('case_lead');
  if (ties.member) out.push('team');
  if (ties.manager) out.push('manages');
  if (ties.supervisor) out.push('supervises');
  return out;
};
