import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { authority, organisation } from './tables.ts';

export function listAuthorities(db: Executor) {
  return db.select().from(authority).orderBy(asc(authority.code));
}

export async function findAuthority(db: Executor, code: string) {
  const [row] = await db.select().from(authority).where(eq(authority.code, code));
  return row;
}

export async function insertAuthority(db: Executor, row: typeof authority.$inferInsert) {
  await db.insert(authority).values(row);
}

export async function setChildPopulation(db: Executor, code: string, childPopulation: number) {
  await db.update(authority).set({ childPopulation }).where(eq(authority.code, code));
}

export async function insertOrganisation(db: Executor, row: typeof organisation.$inferInsert) {
  await db.insert(organisation).values(row);
}

/** The organisation of that name in the authority, created if it is new (safe when two sign-ins race). */
export async function ensureOrganisation(db: Executor, row: typeof organisation.$inferInsert) {
  await db.insert(organisation).values(row).onConflictDoNothing();
  const found = await findOrganisation(db, row.laCode, row.name);
  if (!found) throw new Error('Organisation could not be created');
  return found;
}

export async function findOrganisation(db: Executor, laCode: string, name: string) {
  const [row] = await db
    .select()
    .from(organisation)
    .where(and(eq(organisation.laCode, laCode), eq(organisation.name, name)));
  return row;
}
