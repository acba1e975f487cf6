import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { organisation } from '../tenancy/tables.ts';
import { userAccount, userSession } from './tables.ts';

/** Everything about an account a page or policy may see: never the password hash. */
const accountColumns = {
  id: userAccount.id,
  laCode: userAccount.laCode,
  organisationId: userAccount.organisationId,
  username: userAccount.username,
  displayName: userAccount.displayName,
  role: userAccount.role,
  oidcIssuer: userAccount.oidcIssuer,
  oidcSubject: userAccount.oidcSubject,
  active: userAccount.active,
  failedAttempts: userAccount.failedAttempts,
  lockedUntil: userAccount.lockedUntil,
  lastSignInAt: userAccount.lastSignInAt,
  deactivatedAt: userAccount.deactivatedAt,
} as const;

const accountWithOrganisation = {
  account: accountColumns,
  organisationName: organisation.name,
} as const;

/** The one read that includes the password hash: checking a password at sign-in. */
export async function findCredentials(db: Executor, username: string) {
  const [row] = await db
    .select({ account: { ...accountColumns, passwordHash: userAccount.passwordHash }, organisationName: organisation.name })
    .from(userAccount)
    .innerJoin(organisation, eq(organisation.id, userAccount.organisationId))
    .where(eq(userAccount.username, username));
  return row;
}

/** Locks the account row, so concurrent failed sign-ins are counted one after another. */
export async function lockAccount(tx: Executor, id: string) {
  const [row] = await tx
    .select({ active: userAccount.active, failedAttempts: userAccount.failedAttempts, lockedUntil: userAccount.lockedUntil })
    .from(userAccount)
    .where(eq(userAccount.id, id))
    .for('update');
  return row;
}

export async function findAccountByUsername(db: Executor, username: string) {
  const [row] = await db
    .select(accountWithOrganisation)
    .from(userAccount)
    .innerJoin(organisation, eq(organisation.id, userAccount.organisationId))
    .where(eq(userAccount.username, username));
  return row;
}

export async function findAccountByOidcSubject(db: Executor, issuer: string, subject: string) {
  const [row] = await db
    .select(accountColumns)
    .from(userAccount)
    .where(and(eq(userAccount.oidcIssuer, issuer), eq(userAccount.oidcSubject, subject)));
  return row;
}

/** Inserts an account; false if the username or single sign-on identity is already taken. */
export async function insertAccount(db: Executor, row: typeof userAccount.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(userAccount).values(row).onConflictDoNothing().returning({ id: userAccount.id });
  return inserted.length === 1;
}

export async function updateAccount(db: Executor, id: string, changes: Partial<typeof userAccount.$inferInsert>) {
  await db.update(userAccount).set(changes).where(eq(userAccount.id, id));
}

export function listAccounts(db: Executor, laCode: string) {
  return db
    .select(accountWithOrganisation)
    .from(userAccount)
    .innerJoin(organisation, eq(organisation.id, userAccount.organisationId))
    .where(eq(userAccount.laCode, laCode))
    .orderBy(asc(userAccount.displayName));
}

export async function findAccountById(db: Executor, id: string) {
  const [row] = await db
    .select(accountWithOrganisation)
    .from(userAccount)
    .innerJoin(organisation, eq(organisation.id, userAccount.organisationId))
    .where(eq(userAccount.id, id));
  return row;
}

export async function insertSession(db: Executor, row: typeof userSession.$inferInsert) {
  await db.insert(userSession).values(row);
}

/** The session and its account, read together on every signed-in request. */
export async function findSession(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ session: userSession, ...accountWithOrganisation })
    .from(userSession)
    .innerJoin(userAccount, eq(userAccount.id, userSession.userId))
    .innerJoin(organisation, eq(organisation.id, userAccount.organisationId))
    .where(eq(userSession.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: Executor, tokenHash: string, at: Date) {
  await db.update(userSession).set({ lastSeenAt: at }).where(eq(userSession.tokenHash, tokenHash));
}

export async function endSession(db: Executor, tokenHash: string, at: Date, reason: string) {
  await db
    .update(userSession)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(userSession.tokenHash, tokenHash), isNull(userSession.endedAt)));
}

/** Ends every open session of a user; how many there were. */
export async function endSessionsForUser(db: Executor, userId: string, at: Date, reason: string): Promise<number> {
  const ended = await db
    .update(userSession)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(userSession.userId, userId), isNull(userSession.endedAt)))
    .returning({ tokenHash: userSession.tokenHash });
  return ended.length;
}
