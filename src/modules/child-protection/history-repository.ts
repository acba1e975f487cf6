import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { insertMany } from '../../platform/db/insert.ts';
import { cpConference, cpPlan, section47Enquiry } from './tables.ts';

/**
 * Child protection's writes of history brought from another system (history.ts checks it first):
 * rows in bulk, in the order the foreign keys need, and the updates that fill in what an earlier
 * import left open — each changes only what is still empty, so nothing recorded is overwritten.
 */

export interface ProtectionHistoryRows {
  enquiries: (typeof section47Enquiry.$inferInsert)[];
  plans: (typeof cpPlan.$inferInsert)[];
  conferences: (typeof cpConference.$inferInsert)[];
}

export async function insertHistory(tx: Executor, rows: ProtectionHistoryRows) {
  await insertMany(tx, section47Enquiry, rows.enquiries, 500);
  await insertMany(tx, cpPlan, rows.plans, 500);
  await insertMany(tx, cpConference, rows.conferences, 500);
}

export async function completeEnquiry(tx: Executor, id: string, completedOn: string, outcome: 'conference' | null, findings: string) {
  await tx.execute(sql`update section47_enquiry set completed_on = ${completedOn}, outcome = ${outcome}, findings = ${findings}, version = version + 1 where id = ${id} and completed_on is null`);
}

export async function endPlan(tx: Executor, id: string, endedOn: string) {
  await tx.execute(sql`update cp_plan set ended_on = ${endedOn}, version = version + 1 where id = ${id} and ended_on is null`);
}

export async function setLatestCategory(tx: Executor, id: string, category: string) {
  await tx.execute(sql`update cp_plan set latest_category = ${category}, version = version + 1 where id = ${id} and latest_category <> ${category}`);
}
