import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { userAccount } from '../../platform/auth/tables.ts';
import { organisation } from '../../platform/tenancy/tables.ts';

/** The organisations of an authority, whose staff may be given accounts. */
export function organisationsOf(tx: Executor, laCode: string) {
  return tx
    .select({ id: organisation.id, name: organisation.name, kind: organisation.kind })
    .from(organisation)
    .where(eq(organisation.laCode, laCode))
    .orderBy(asc(organisation.name));
}

/** An account's role and organisation, locked until the transaction ends so two changes queue. */
export async function lockAccountForChange(tx: Executor, id: string) {
  const [row] = await tx
    .select({ id: userAccount.id, laCode: userAccount.laCode, role: userAccount.role, organisationId: userAccount.organisationId, oidcSubject: userAccount.oidcSubject })
    .from(userAccount)
    .where(eq(userAccount.id, id))
    .for('update');
  return row;
}
