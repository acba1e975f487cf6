import { randomUUID } from 'node:crypto';
import { LocalDate } from '@js-joda/core';
import type { Tx } from '../../platform/db/client.ts';
import * as repo from './repository.ts';

/**
 * What a layer on the one case (child protection, court, and later care) may read and change of
 * the Family Help case itself. Layers reach the case only through here, never its repository.
 */
export type CaseRow = repo.CaseRow;

export const findCase = (tx: Tx, laCode: string, caseId: string) => repo.findCase(tx, laCode, caseId);

/** A child protection plan replaces the Family Help (child in need) plan: the two never run together (CIN rule 4001). */
export const endFamilyHelpPlan = (tx: Tx, caseId: string, on: string) => repo.endPlans(tx, caseId, on);

/** Early help becomes section 17 from a date, with the same worker and case; any other basis stays as it is. */
export async function becomeChildInNeed(tx: Tx, c: CaseRow, from: string, reason: string, recordedBy: string) {
  const current = (await repo.basisHistory(tx, c.id)).find((b) => !b.toDate);
  if (current?.basis !== 'early_help') return;
  const to = LocalDate.parse(from).minusDays(1).toString();
  await repo.endCurrentBasis(tx, c.id, to < current.fromDate ? current.fromDate : to);
  await repo.insertBasis(tx, { id: randomUUID(), caseId: c.id, laCode: c.laCode, basis: 'section_17', fromDate: from, reason, recordedBy });
}
