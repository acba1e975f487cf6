import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';

/**
 * Family Help's read models: the lists and clocks that name the child. They read Family Help's own
 * tables (family_help_case, case_basis, assessment, family_help_plan, plan_review, case_note, team)
 * and, from the people module, `person` (names, record kind, date of birth) and `person_address`
 * (the postcode district, for the team for a child's area). Read only; nothing here writes.
 */

/** The team that helps most families in a postcode district now: the team for a child's area. */
export async function teamForArea(tx: Executor, laCode: string, district: string): Promise<string | undefined> {
  const result = await tx.execute(sql`
    select c.team_id as "teamId"
      from family_help_case c
      join person_address a on a.person_id = c.person_id and a.to_date is null
     where c.la_code = ${laCode} and c.closed_on is null and split_part(a.postcode, ' ', 1) = ${district}
     group by c.team_id
     order by count(*) desc, c.team_id
     limit 1`);
  return (result as { rows: { teamId: string }[] }).rows[0]?.teamId;
}

/** The cases of the child's brothers and sisters helped with the family: never the child's own earlier cases. */
export async function familyCases(tx: Executor, familyId: string, c: { id: string; personId: string }) {
  const result = await tx.execute(sql`
    select c.id, c.person_id as "personId", c.lead_practitioner_name as "leadPractitionerName", c.closed_on::text as "closedOn",
           coalesce(p.preferred_name, p.given_names) || ' ' || p.family_name as name
      from family_help_case c join person p on p.id = c.person_id
     where c.family_id = ${familyId} and c.id <> ${c.id} and c.person_id <> ${c.personId} and p.record_kind = 'ordinary'
     order by c.closed_on nulls first, p.date_of_birth`);
  return (result as { rows: { id: string; personId: string; leadPractitionerName: string; closedOn: string | null; name: string }[] }).rows;
}

/** The facts each open case's due items come from, for the cases led by a worker or held by teams. */
export interface CaseFacts {
  caseId: string;
  personId: string;
  givenNames: string;
  familyName: string;
  preferredName: string | null;
  leadPractitionerId: string;
  leadPractitionerName: string;
  teamName: string;
  referralDate: string;
  openedOn: string;
  basis: string | null;
  assessmentStartedOn: string | null;
  assessmentCompletedOn: string | null;
  planStartedOn: string | null;
  lastReviewOn: string | null;
  lastSeenOn: string | null;
}

export async function openCaseFacts(tx: Executor, where: { caseId: string } | { leadPractitionerId: string } | { teamIds: readonly string[] }): Promise<CaseFacts[]> {
  const condition =
    'caseId' in where
      ? sql`c.id = ${where.caseId}`
      : 'leadPractitionerId' in where
      ? sql`c.lead_practitioner_id = ${where.leadPractitionerId}`
      : where.teamIds.length === 0
        ? sql`false`
        : sql`c.team_id in (${sql.join(where.teamIds.map((id) => sql`${id}`), sql`, `)})`;
  const result = await tx.execute(sql`
    select c.id as "caseId", c.person_id as "personId", p.given_names as "givenNames", p.family_name as "familyName",
           p.preferred_name as "preferredName", c.lead_practitioner_id as "leadPractitionerId", c.lead_practitioner_name as "leadPractitionerName",
           t.name as "teamName", c.referral_date::text as "referralDate", c.opened_on::text as "openedOn",
           (select b.basis from case_basis b where b.case_id = c.id and b.to_date is null) as basis,
           a.started_on::text as "assessmentStartedOn", a.completed_on::text as "assessmentCompletedOn",
           pl.started_on::text as "planStartedOn",
           (select max(r.reviewed_on)::text from plan_review r where r.plan_id = pl.id) as "lastReviewOn",
           (select max(n.occurred_on)::text from case_note n where n.case_id = c.id and n.kind = 'visit' and n.child_seen and n.state <> 'draft' and n.recorded_in_error_at is null) as "lastSeenOn"
      from family_help_case c
      join person p on p.id = c.person_id
      join team t on t.id = c.team_id
      left join lateral (select started_on, completed_on from assessment x where x.case_id = c.id order by x.started_on desc limit 1) a on true
      left join lateral (select id, started_on from family_help_plan y where y.case_id = c.id and y.ended_on is null limit 1) pl on true
     where c.closed_on is null and ${condition}
     order by p.family_name, p.given_names`);
  return (result as { rows: CaseFacts[] }).rows;
}
