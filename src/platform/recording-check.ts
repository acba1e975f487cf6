import { AsyncLocalStorage } from 'node:async_hooks';
import type { Executor } from './db/client.ts';

/**
 * A check run around every change to a child's record, in the change's own transaction: the CIN
 * census at the point of recording, which the returns module registers where the app is wired
 * (src/deps.ts). The modules that change a record (Family Help's cases and the layers on them)
 * run their changes through `recordingCheck`, knowing nothing of the census.
 */
export type RecordingCheck = <T>(tx: Executor, laCode: string, personId: string, today: string, change: () => Promise<T>) => Promise<T>;

const NONE: RecordingCheck = (_tx, _laCode, _personId, _today, change) => change();
let registered: RecordingCheck = NONE;

/** Registers the check every change to a child's record runs through (one: the last registered). */
export function registerRecordingCheck(check: RecordingCheck) {
  registered = check;
}

/** Runs a change to a child's record through the registered check. */
export const recordingCheck: RecordingCheck = (tx, laCode, personId, today, change) => registered(tx, laCode, personId, today, change);

/**
 * Rules the user has confirmed are true of what happened (a conference really held on a Sunday),
 * for the changes made inside `fn`: the check lets them be saved, and the return shows them.
 */
const acknowledged = new AsyncLocalStorage<readonly string[]>();
export const acknowledging = <T>(rules: readonly string[], fn: () => T): T => acknowledged.run(rules, fn);
export const acknowledgedRules = (): readonly string[] => acknowledged.getStore() ?? [];
