import { and, asc, desc, eq, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.ts';
import { auditChainHead, auditEvent } from './tables.ts';
import { GENESIS, hashEntry, type AuditEntry, type StoredEntry } from './chain.ts';

/** Appends one event to its authority's chain. Must run inside that authority's transaction. */
export async function appendEvent(tx: Tx, entry: Omit<AuditEntry, 'seq'>): Promise<StoredEntry> {
  // Locking the head serialises writers, so two requests can never fork the chain.
  const lockHead = async () => (await tx.select().from(auditChainHead).where(eq(auditChainHead.laCode, entry.laCode)).for('update'))[0];
  let head = await lockHead();
  if (!head) {
    // An authority's first event starts its chain (safe if two first events race).
    await tx.insert(auditChainHead).values({ laCode: entry.laCode, seq: 0, hash: GENESIS }).onConflictDoNothing();
    head = await lockHead();
  }
  if (!head) throw new Error('Audit chain head could not be read');
  const full: AuditEntry = { ...entry, seq: head.seq + 1 };
  const hash = hashEntry(head.hash, full);
  await tx.insert(auditEvent).values({ ...full, occurredAt: new Date(full.occurredAt), prevHash: head.hash, hash });
  await tx.update(auditChainHead).set({ seq: full.seq, hash }).where(eq(auditChainHead.laCode, entry.laCode));
  return { ...full, prevHash: head.hash, hash };
}

export async function chainHead(tx: Executor, laCode: string) {
  const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.laCode, laCode));
  return head;
}

/** Reads a chain in pages, in sequence order, so a long chain never sits in memory at once. */
export async function* readChain(tx: Executor, laCode: string, pageSize = 5_000): AsyncGenerator<StoredEntry> {
  let after = 0;
  for (;;) {
    const page = await tx
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.laCode, laCode), gt(auditEvent.seq, after)))
      .orderBy(asc(auditEvent.seq))
      .limit(pageSize);
    for (const row of page) {
      yield {
        laCode: row.laCode,
        seq: row.seq,
        occurredAt: row.occurredAt.toISOString(),
        userId: row.userId,
        username: row.username,
        role: row.role,
        organisation: row.organisation,
        action: row.action,
        method: row.method,
        route: row.route,
        childId: row.childId,
        outcome: row.outcome,
        statusCode: row.statusCode,
        details: row.details,
        prevHash: row.prevHash,
        hash: row.hash,
      };
    }
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}

export async function recentEvents(tx: Executor, laCode: string, limit: number) {
  return tx
    .select()
    .from(auditEvent)
    .where(eq(auditEvent.laCode, laCode))
    .orderBy(sql`${auditEvent.seq} desc`)
    .limit(limit);
}

/** Events about one child, newest first: "who viewed this record". */
export async function eventsForChild(tx: Executor, laCode: string, childId: string, actions: readonly string[], limit: number) {
  return tx
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.laCode, laCode), eq(auditEvent.childId, childId), inArray(auditEvent.action, [...actions])))
    .orderBy(sql`${auditEvent.seq} desc`)
    .limit(limit);
}

/** What an investigation narrows the audit trail to; every part optional. Dates are instants, `until` exclusive. */
export interface EventFilters {
  username?: string | undefined;
  /** The child (the record the event is about), by its record id. */
  childId?: string | undefined;
  action?: string | undefined;
  outcome?: AuditEntry['outcome'] | undefined;
  from?: Date | undefined;
  until?: Date | undefined;
}

function matching(laCode: string, filters: EventFilters): SQL {
  const where: SQL[] = [eq(auditEvent.laCode, laCode)];
  if (filters.username !== undefined) where.push(eq(auditEvent.username, filters.username));
  if (filters.childId !== undefined) where.push(eq(auditEvent.childId, filters.childId));
  if (filters.action !== undefined) where.push(eq(auditEvent.action, filters.action));
  if (filters.outcome !== undefined) where.push(eq(auditEvent.outcome, filters.outcome));
  if (filters.from !== undefined) where.push(gte(auditEvent.occurredAt, filters.from));
  if (filters.until !== undefined) where.push(lt(auditEvent.occurredAt, filters.until));
  return and(...where)!;
}

/** An authority's events that match, newest first: a page of them (`offset`), or the next batch older than event `beforeSeq` (an export). */
export function searchEvents(tx: Executor, laCode: string, filters: EventFilters, page: { limit: number; offset?: number; beforeSeq?: number | undefined }) {
  const where = page.beforeSeq === undefined ? matching(laCode, filters) : and(matching(laCode, filters), lt(auditEvent.seq, page.beforeSeq))!;
  return tx
    .select()
    .from(auditEvent)
    .where(where)
    .orderBy(desc(auditEvent.seq))
    .limit(page.limit)
    .offset(page.offset ?? 0);
}

/** How many events match, counting no further than `cap` (so a count never reads a whole trail). */
export async function countEvents(tx: Executor, laCode: string, filters: EventFilters, cap: number): Promise<number> {
  const matched = tx.select({ one: sql`1`.as('one') }).from(auditEvent).where(matching(laCode, filters)).limit(cap).as('matched');
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(matched);
  return Number(row?.n ?? 0);
}
