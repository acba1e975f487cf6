import type { Executor } from '../../platform/db/client.ts';
import { insertMany } from '../../platform/db/insert.ts';
import { invalidHistory } from '../../platform/web/errors.ts';
import { CHILD_DISABILITIES } from './disabilities.ts';
import { person } from './tables.ts';

/** A person as history from another system records them (a census import): the person's row. */
export type HistoricPerson = typeof person.$inferInsert;

/**
 * People recorded from another system's history (a CIN census import), in bulk, in the caller's
 * transaction. The rules the people module keeps for every person it holds are checked first; one
 * broken refuses the whole history, with nothing saved.
 */
export async function recordPeopleFromHistory(tx: Executor, people: readonly HistoricPerson[]) {
  for (const p of people) {
    const who = `The person with LA id ${p.laPersonId}`;
    if (!['M', 'F', 'U'].includes(p.sex ?? '')) throw invalidHistory(`${who} has a sex the record does not hold (${p.sex})`);
    const unknown = (p.disabilities ?? []).filter((d) => !(CHILD_DISABILITIES as readonly string[]).includes(d));
    if (unknown.length > 0) throw invalidHistory(`${who} has disability codes the record does not hold (${unknown.join(', ')})`);
    if (p.dateOfBirth && p.dateOfDeath && p.dateOfDeath < p.dateOfBirth) throw invalidHistory(`${who} died before they were born`);
  }
  await insertMany(tx, person, people, 500);
}
