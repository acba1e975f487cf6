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
