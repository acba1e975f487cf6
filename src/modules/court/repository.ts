import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { courtEvent, courtProceedings } from './tables.ts';

export type ProceedingsRow = typeof courtProceedings.$inferSelect;

export async function insertProceedings(tx: Executor, row: typeof courtProceedings.$inferInsert) {
  await tx.insert(courtProceedings).values(row);
}

export async function proceedingsForCase(tx: Executor, caseId: string) {
  return tx.select().from(courtProceedings).where(eq(courtProceedings.caseId, caseId)).orderBy(asc(courtProceedings.letterSentOn), asc(courtProceedings.issuedOn));
}

export async function updateProceedings(tx: Executor, id: string, expectedVersion: number, changes: Partial<typeof courtProceedings.$inferInsert>): Promise<boolean> {
  const updated = await tx
    .update(courtProceedings)
    .set({ ...changes, version: expectedVersion + 1 })
    .where(and(eq(courtProceedings.id, id), eq(courtProceedings.version, expectedVersion)))
    .returning({ id: courtProceedings.id });
  return updated.length === 1;
}

export async function insertEvent(tx: Executor, row: typeof courtEvent.$inferInsert) {
  await tx.insert(courtEvent).values(row);
}

export async function eventsFor(tx: Executor, proceedingsIds: readonly string[]) {
  if (proceedingsIds.length === 0) return [];
  return tx.select().from(courtEvent).where(sql`${courtEvent.proceedingsId} in (${sql.join(proceedingsIds.map((id) => sql`${id}`), sql`, `)})`).orderBy(asc(courtEvent.heldOn));
}

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

export interface CourtFact {
  kind: 'letter' | 'fgdm' | 'issued' | 'event' | 'outcome';
  date: string;
  a: string | null;
  b: string | null;
}

/** Every court fact about a child, for their chronology. */
export async function courtFactsForPerson(tx: Executor, personId: string): Promise<CourtFact[]> {
  const result = await tx.execute(sql`
    select 'letter' as kind, letter_sent_on::text as date, null as a, null as b from court_proceedings where person_id = ${personId} and letter_sent_on is not null
    union all select 'fgdm', fgdm_offered_on::text, fgdm_response, null from court_proceedings where person_id = ${personId} and fgdm_offered_on is not null
    union all select 'issued', issued_on::text, application, court from court_proceedings where person_id = ${personId} and issued_on is not null
    union all select 'event', e.held_on::text, e.kind, e.hearing_type from court_event e join court_proceedings k on k.id = e.proceedings_id where k.person_id = ${personId}
    union all select 'outcome', outcome_on::text, outcome, null from court_proceedings where person_id = ${personId} and outcome_on is not null`);
  return (result as { rows: CourtFact[] }).rows;
}
