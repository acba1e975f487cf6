import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';

/**
 * A read model for a return's findings page. It reads, and only reads, `person` (the people
 * module) and `family_help_case` (Family Help): a return names children by LA child id, and the
 * page needs each child's record and who leads their latest case.
 */
export async function childrenByLaId(tx: Executor, laIds: readonly string[]): Promise<{ laId: string; personId: string; leadName: string | null }[]> {
  if (laIds.length === 0) return [];
  const result = await tx.execute(sql`
    select p.la_person_id as "laId", p.id as "personId",
           (select c.lead_practitioner_name from family_help_case c where c.person_id = p.id order by c.closed_on is null desc, c.referral_date desc limit 1) as "leadName"
      from person p
     where p.la_person_id in (${sql.join(laIds.map((id) => sql`${id}`), sql`, `)})`);
  return (result as { rows: { laId: string; personId: string; leadName: string | null }[] }).rows;
}
