import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { insertMany } from '../../platform/db/insert.ts';
import { assessment, caseBasis, familyHelpCase, familyHelpPlan, requestForHelp, team } from './tables.ts';

/**
 * Family Help's writes of history brought from another system (history.ts checks it first): rows
 * in bulk, in the order the foreign keys need, and the few updates that fill in what an earlier
 * import left open — each changes only what is still empty, so nothing recorded is overwritten.
 */

export interface FamilyHelpHistoryRows {
  requests: (typeof requestForHelp.$inferInsert)[];
  cases: (typeof familyHelpCase.$inferInsert)[];
  bases: (typeof caseBasis.$inferInsert)[];
  assessments: (typeof assessment.$inferInsert)[];
  plans: (typeof familyHelpPlan.$inferInsert)[];
}

export async function insertHistory(tx: Executor, rows: FamilyHelpHistoryRows) {
  await insertMany(tx, requestForHelp, rows.requests, 500);
  await insertMany(tx, familyHelpCase, rows.cases, 500);
  await insertMany(tx, caseBasis, rows.bases, 500);
  await insertMany(tx, assessment, rows.assessments, 500);
  await insertMany(tx, familyHelpPlan, rows.plans, 500);
}

/** A period an earlier import left open, closed as a later census closed it (and its case, if still open). */
export async function closeEpisode(tx: Executor, caseId: string, basisId: string, closedOn: string, reason: string | null) {
  await tx.execute(sql`update case_basis set to_date = ${closedOn} where id = ${basisId} and to_date is null`);
  await tx.execute(sql`update family_help_case set closed_on = ${closedOn}, closure_reason = ${reason}, version = version + 1 where id = ${caseId} and closed_on is null`);
}

export async function completeAssessment(tx: Executor, id: string, completedOn: string, factors: readonly string[]) {
  await tx.update(assessment).set({ completedOn, factors: [...factors], version: sql`${assessment.version} + 1` }).where(sql`${assessment.id} = ${id} and ${assessment.completedOn} is null`);
}

export async function endPlan(tx: Executor, id: string, endedOn: string) {
  await tx.execute(sql`update family_help_plan set ended_on = ${endedOn}, version = version + 1 where id = ${id} and ended_on is null`);
}

/** The authority's team of that name. */
export async function findTeamByName(tx: Executor, name: string) {
  const [found] = await tx.select({ id: team.id }).from(team).where(sql`${team.name} = ${name}`).limit(1);
  return found?.id;
}
