import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';

/**
 * Court's read model: the 26-week clock of proceedings issued, for My work, the team view and the
 * case's due items. It reads court's own `court_proceedings` and, to name the child and say whose
 * work it is, Family Help's `family_help_case` and `team`, the people module's `person`, and child
 * protection's `cp_plan` (a co-working Child Protection Lead Practitioner sees the clock too).
 * Read only; nothing here writes.
 */

/** Open proceedings issued, for the 26-week clock in My work and the team view. */
export async function openIssued(tx: Executor, where: { userId: string } | { teamIds: readonly string[] } | { caseId: string }) {
  // The candidate cases first, each found through an index: the lead's, the co-working lead's, or the teams'.
  const candidates =
    'caseId' in where
      ? sql`select ${where.caseId}::uuid as id`
      : 'userId' in where
        ? sql`select id from family_help_case where lead_practitioner_id = ${where.userId} and closed_on is null
              union select case_id from cp_plan where cp_lead_user_id = ${where.userId} and ended_on is null`
        : where.teamIds.length === 0
          ? sql`select null::uuid as id where false`
          : sql`select id from family_help_case where team_id in (${sql.join(where.teamIds.map((id) => sql`${id}`), sql`, `)}) and closed_on is null`;
  const result = await tx.execute(sql`
    with candidate as (${candidates})
    select c.id as "caseId", c.person_id as "personId", coalesce(p.preferred_name, p.given_names) || ' ' || p.family_name as "childName",
           c.lead_practitioner_id as "leadPractitionerId", c.lead_practitioner_name as "leadPractitionerName", t.name as "teamName",
           k.issued_on::text as "issuedOn"
      from candidate w
      join court_proceedings k on k.case_id = w.id
      join family_help_case c on c.id = k.case_id
      join person p on p.id = c.person_id
      join team t on t.id = c.team_id
     where k.issued_on is not null and k.outcome is null and c.closed_on is null`);
  return (result as { rows: { caseId: string; personId: string; childName: string; leadPractitionerId: string; leadPractitionerName: string; teamName: string; issuedOn: string }[] }).rows;
}
