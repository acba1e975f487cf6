import { LocalDate } from '@js-joda/core';
import type { Database } from '../platform/db/client.ts';
import { countChildrenInNeed, countReferrals } from '../modules/family-help/repository.ts';
import { countProtection } from '../modules/child-protection/repository.ts';
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
    // Referrals in the 12 months to the as-of date.
    const yearStart = LocalDate.parse(asOf).minusYears(1).plusDays(1).toString();
    const referrals = await countReferrals(tx, laCode, yearStart, asOf);
    const protection = await countProtection(tx, laCode, yearStart, asOf, asOf);
    return {
      authority: laCode,
      as_of: asOf,
      population: authority.childPopulation ?? 0,
      referrals_last_year: referrals.referrals,
      re_referral_share: referrals.referrals > 0 ? Math.round((referrals.re_referrals / referrals.referrals) * 1000) / 1000 : 0,
      children_in_need: await countChildrenInNeed(tx, laCode, asOf),
      section_47_enquiries_last_year: protection.enquiries,
      initial_conferences_last_year: protection.initialConferences,
      child_protection_plans: protection.onPlans,
      second_plan_share: protection.plansStarted > 0 ? Math.round((protection.secondPlansStarted / protection.plansStarted) * 1000) / 1000 : 0,
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
