import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { person } from '../people/tables.ts';
import { returnRun } from './tables.ts';

export type ReturnRunRow = typeof returnRun.$inferSelect;

export async function insertRun(tx: Executor, row: typeof returnRun.$inferInsert) {
  await tx.insert(returnRun).values(row);
}

export async function updateRun(tx: Executor, id: string, changes: Partial<typeof returnRun.$inferInsert>) {
  await tx.update(returnRun).set(changes).where(eq(returnRun.id, id));
}

/** What the list of runs shows of each. */
const LISTED = {
  id: returnRun.id,
  collection: returnRun.collection,
  status: returnRun.status,
  stage: returnRun.stage,
  requestedByName: returnRun.requestedByName,
  requestedAt: returnRun.requestedAt,
  finishedAt: returnRun.finishedAt,
  children: returnRun.children,
  errors: returnRun.errors,
  queries: returnRun.queries,
  structureValid: returnRun.structureValid,
};

/** The latest runs of a return, without their files. */
export async function recentRuns(tx: Executor, kind: string, limit = 20) {
  return tx.select(LISTED).from(returnRun).where(eq(returnRun.kind, kind)).orderBy(desc(returnRun.requestedAt)).limit(limit);
}

/** One run as the list shows it, and which return it is. */
export async function runFor(tx: Executor, id: string) {
  const [row] = await tx.select({ ...LISTED, kind: returnRun.kind }).from(returnRun).where(eq(returnRun.id, id));
  return row;
}

/** One run with its findings, but not its file. */
export async function runSummary(tx: Executor, id: string) {
  const [row] = await tx
    .select({ ...LISTED, kind: returnRun.kind, episodes: returnRun.episodes, structureProblems: returnRun.structureProblems, findings: returnRun.findings })
    .from(returnRun)
    .where(eq(returnRun.id, id));
  return row;
}

/** A finished run's file: the census as it was checked. */
export async function runFile(tx: Executor, id: string) {
  const [row] = await tx.select({ file: returnRun.file }).from(returnRun).where(eq(returnRun.id, id));
  return row?.file ?? undefined;
}

/** Children named in a return by their LA child id: their record, and who leads their latest case. */
export async function childrenByLaId(tx: Executor, laIds: readonly string[]) {
  if (laIds.length === 0) return [];
  return tx
    .select({
      laId: person.laPersonId,
      personId: person.id,
      leadName: sql<string | null>`(select c.lead_practitioner_name from family_help_case c where c.person_id = "person"."id" order by c.closed_on is null desc, c.referral_date desc limit 1)`,
    })
    .from(person)
    .where(inArray(person.laPersonId, [...laIds]));
}
