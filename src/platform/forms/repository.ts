import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { formSubmission } from './tables.ts';

/** Claims a form's token for this user: true if this is its first sending. */
export async function claimSubmission(tx: Executor, row: { laCode: string; token: string; userId: string; submittedAt: Date }): Promise<boolean> {
  const inserted = await tx.insert(formSubmission).values(row).onConflictDoNothing().returning({ token: formSubmission.token });
  return inserted.length === 1;
}

/** The first sending of a form: who sent it and where it went (null while still being saved). */
export async function findSubmission(tx: Executor, laCode: string, token: string) {
  const [row] = await tx.select().from(formSubmission).where(and(eq(formSubmission.laCode, laCode), eq(formSubmission.token, token)));
  return row;
}

export async function completeSubmission(tx: Executor, laCode: string, token: string, location: string) {
  await tx.update(formSubmission).set({ location }).where(and(eq(formSubmission.laCode, laCode), eq(formSubmission.token, token)));
}

/** A sending that saved nothing (a form error, a conflict): the same form may be sent again. */
export async function releaseSubmission(tx: Executor, laCode: string, token: string) {
  await tx.delete(formSubmission).where(and(eq(formSubmission.laCode, laCode), eq(formSubmission.token, token)));
}
