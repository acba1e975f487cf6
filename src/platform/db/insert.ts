import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.ts';

/** Inserts rows in batches (one statement per batch: PostgreSQL takes at most 65,535 parameters in one). */
export async function insertMany<T extends PgTable>(tx: Executor, table: T, rows: readonly T['$inferInsert'][], batchSize = 1000) {
  for (let i = 0; i < rows.length; i += batchSize) {
    await tx.insert(table).values(rows.slice(i, i + batchSize));
  }
}
