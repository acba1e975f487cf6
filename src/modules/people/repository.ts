import { and, count, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.ts';
import { household, householdMember, person, personAddress, relationship } from './tables.ts';

export type PersonInsert = typeof person.$inferInsert;
export type HouseholdInsert = typeof household.$inferInsert;
export type HouseholdMemberInsert = typeof householdMember.$inferInsert;
export type AddressInsert = typeof personAddress.$inferInsert;
export type RelationshipInsert = typeof relationship.$inferInsert;

/**
 * Inserts many rows in multi-row statements: one round trip per batch, not per row. Batches
 * stay well under PostgreSQL's 65,535 parameters per statement.
 */
export async function insertMany<T extends PgTable>(tx: Executor, table: T, rows: readonly T['$inferInsert'][], batchSize = 1000) {
  for (let i = 0; i < rows.length; i += batchSize) {
    await tx.insert(table).values(rows.slice(i, i + batchSize));
  }
}

export const peopleTables = { person, household, householdMember, personAddress, relationship } as const;

/** Whether the authority holds anyone yet (a synthetic authority is generated only into an empty one). */
export async function countPeople(tx: Executor, laCode: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(person).where(eq(person.laCode, laCode));
  return row?.n ?? 0;
}

/** People alive on a date whose date of birth puts them aged 0–17 then. */
export async function countChildrenAged0to17(tx: Executor, laCode: string, asOf: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(person)
    .where(
      and(
        eq(person.laCode, laCode),
        lte(person.dateOfBirth, asOf),
        gte(person.dateOfBirth, sql`(${asOf}::date - interval '18 years')::date + 1`),
        or(isNull(person.dateOfDeath), gte(person.dateOfDeath, asOf)),
      ),
    );
  return row?.n ?? 0;
}

export async function countRows(tx: Executor, laCode: string) {
  const n = async (table: typeof household | typeof personAddress | typeof relationship) =>
    (await tx.select({ n: count() }).from(table).where(eq(table.laCode, laCode)))[0]?.n ?? 0;
  return { people: await countPeople(tx, laCode), households: await n(household), addresses: await n(personAddress), relationships: await n(relationship) };
}
