import { randomUUID } from 'node:crypto';
import type { Executor } from '../../platform/db/client.ts';
import { invalidHistory } from '../../platform/web/errors.ts';
import { CLOSURE_REASONS, isCode, PRIMARY_NEEDS, REFERRAL_SOURCES } from './codes.ts';
import * as repo from './history-repository.ts';
import { insertTeam } from './repository.ts';

export type { FamilyHelpHistoryRows } from './history-repository.ts';

/** A period that ends before it starts. */
const backwards = (from: string | null | undefined, to: string | null | undefined) => !!from && !!to && to < from;

/**
 * Family Help history brought from another system (a CIN census import): requests, cases, their
 * statutory bases, assessments and plans, in bulk, in the caller's transaction. The rules Family
 * Help keeps for every case are checked first; one broken refuses the whole history, nothing saved.
 */
export async function recordFamilyHelpHistory(tx: Executor, rows: repo.FamilyHelpHistoryRows) {
  for (const r of rows.requests) if (!isCode(REFERRAL_SOURCES, r.source)) throw invalidHistory(`A referral on ${r.receivedOn} has a source the record does not hold (${r.source})`);
  for (const c of rows.cases) {
    if (!isCode(PRIMARY_NEEDS, c.primaryNeed)) throw invalidHistory(`A case from ${c.referralDate} has a primary need the record does not hold (${c.primaryNeed})`);
    if (c.closureReason && !isCode(CLOSURE_REASONS, c.closureReason)) throw invalidHistory(`A case from ${c.referralDate} has a reason for closure the record does not hold (${c.closureReason})`);
    if (backwards(c.openedOn, c.closedOn) || backwards(c.referralDate, c.openedOn)) throw invalidHistory(`A case from ${c.referralDate} closes before it opens`);
  }
  for (const b of rows.bases) if (backwards(b.fromDate, b.toDate)) throw invalidHistory(`A period of Family Help from ${b.fromDate} ends before it starts`);
  for (const a of rows.assessments) if (backwards(a.startedOn, a.completedOn)) throw invalidHistory(`An assessment started on ${a.startedOn} is completed before it started`);
  for (const p of rows.plans) if (backwards(p.startedOn, p.endedOn)) throw invalidHistory(`A plan started on ${p.startedOn} ends before it started`);
  await repo.insertHistory(tx, rows);
}

/** What a later year's history fills in on facts an earlier import left open. */
export const completeHistory = {
  closeEpisode: (tx: Executor, caseId: string, basisId: string, closedOn: string, reason: string | null) => {
    if (reason && !isCode(CLOSURE_REASONS, reason)) throw invalidHistory(`A case closed on ${closedOn} has a reason for closure the record does not hold (${reason})`);
    return repo.closeEpisode(tx, caseId, basisId, closedOn, reason);
  },
  completeAssessment: repo.completeAssessment,
  endPlan: repo.endPlan,
};

/** The authority's team that history from another system sits in until someone allocates it, made the first time it is needed. */
export async function historyTeam(tx: Executor, laCode: string, name: string, what: string) {
  const found = await repo.findTeamByName(tx, name);
  if (found) return found;
  const id = randomUUID();
  await insertTeam(tx, { id, laCode, name, kind: 'family_help', base: 'office', baseName: what, managerUserId: null });
  return id;
}
