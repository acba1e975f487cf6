import type { Executor } from '../../platform/db/client.ts';
import { invalidHistory } from '../../platform/web/errors.ts';
import { ABUSE_CATEGORIES, isCode } from './codes.ts';
import * as repo from './history-repository.ts';

export type { ProtectionHistoryRows } from './history-repository.ts';

const backwards = (from: string | null | undefined, to: string | null | undefined) => !!from && !!to && to < from;
const category = (code: string | null | undefined, what: string) => {
  if (code && !isCode(ABUSE_CATEGORIES, code)) throw invalidHistory(`${what} has a category of abuse the record does not hold (${code})`);
};

/**
 * Child protection history brought from another system (a CIN census import): section 47
 * enquiries, child protection plans and conferences, in bulk, in the caller's transaction. The
 * rules child protection keeps are checked first; one broken refuses the whole history, nothing saved.
 */
export async function recordProtectionHistory(tx: Executor, rows: repo.ProtectionHistoryRows) {
  for (const e of rows.enquiries) if (backwards(e.startedOn, e.completedOn)) throw invalidHistory(`A section 47 enquiry started on ${e.startedOn} is completed before it started`);
  for (const p of rows.plans) {
    const what = `A child protection plan started on ${p.startedOn}`;
    if (backwards(p.startedOn, p.endedOn)) throw invalidHistory(`${what} ends before it started`);
    category(p.initialCategory, what);
    category(p.latestCategory, what);
  }
  for (const k of rows.conferences) category(k.category, `A conference on ${k.heldOn}`);
  await repo.insertHistory(tx, rows);
}

/** What a later year's history fills in on facts an earlier import left open. */
export const completeProtectionHistory = {
  completeEnquiry: repo.completeEnquiry,
  endPlan: repo.endPlan,
  setLatestCategory: (tx: Executor, id: string, latestCategory: string) => {
    category(latestCategory, 'A child protection plan');
    return repo.setLatestCategory(tx, id, latestCategory);
  },
};
