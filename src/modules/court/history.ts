import type { Executor } from '../../platform/db/client.ts';
import { invalidHistory } from '../../platform/web/errors.ts';
import * as repo from './history-repository.ts';

export type { CourtHistoryRows } from './history-repository.ts';

/**
 * Pre-proceedings and proceedings brought from another system (a CIN census import), in bulk, in
 * the caller's transaction. As when they are recorded here, proceedings are not issued before the
 * letter that began them; one broken refuses the whole history, nothing saved.
 */
export async function recordCourtHistory(tx: Executor, rows: repo.CourtHistoryRows) {
  for (const p of rows.proceedings) {
    if (p.issuedOn && p.letterSentOn && p.issuedOn < p.letterSentOn) throw invalidHistory(`Proceedings issued on ${p.issuedOn} come before the letter that began them (${p.letterSentOn})`);
  }
  await repo.insertHistory(tx, rows);
}

/** What a later year's history fills in on proceedings an earlier import left open. */
export const completeCourtHistory = { fillProceedings: repo.fillProceedings };
