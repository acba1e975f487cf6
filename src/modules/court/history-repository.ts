import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { insertMany } from '../../platform/db/insert.ts';
import { courtEvent, courtProceedings } from './tables.ts';

/**
 * Court's writes of history brought from another system (history.ts checks it first): proceedings
 * and their meetings in bulk, and the update that fills in what an earlier import left empty.
 */

export interface CourtHistoryRows {
  proceedings: (typeof courtProceedings.$inferInsert)[];
  events: (typeof courtEvent.$inferInsert)[];
}

export async function insertHistory(tx: Executor, rows: CourtHistoryRows) {
  await insertMany(tx, courtProceedings, rows.proceedings, 500);
  await insertMany(tx, courtEvent, rows.events, 500);
}

export async function fillProceedings(tx: Executor, id: string, dates: { fgdmOfferedOn: string | null; issuedOn: string | null }) {
  await tx.execute(sql`update court_proceedings set fgdm_offered_on = coalesce(fgdm_offered_on, ${dates.fgdmOfferedOn}::date), issued_on = coalesce(issued_on, ${dates.issuedOn}::date), version = version + 1 where id = ${id}`);
}
