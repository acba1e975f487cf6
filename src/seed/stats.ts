import type { Database } from '../platform/db/client.ts';
import { findAuthority } from '../platform/tenancy/repository.ts';
import { countChildrenAged0to17, countRows } from '../modules/people/repository.ts';

/**
 * What an authority holds, as `stable-homes stats --json` prints it. The statutory measures
 * are counted by the modules that own them; until a module exists its count is 0.
 */
export async function authorityStats(database: Database, laCode: string, asOf: string) {
  const authority = await findAuthority(database.db, laCode);
  if (!authority) throw new Error(`No authority with code ${laCode}`);
  return database.tenant(laCode, async (tx) => {
    const rows = await countRows(tx, laCode);
    return {
      authority: laCode,
      as_of: asOf,
      population: authority.childPopulation ?? 0,
      referrals_last_year: 0,
      children_in_need: 0,
      child_protection_plans: 0,
      children_looked_after: 0,
      care_leavers: 0,
      people: rows.people,
      children_aged_0_to_17_known: await countChildrenAged0to17(tx, laCode, asOf),
      households: rows.households,
      addresses: rows.addresses,
      relationships: rows.relationships,
    };
  });
}
