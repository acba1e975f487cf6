import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
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
