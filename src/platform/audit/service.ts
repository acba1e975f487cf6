import type { Database, Tx } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { ChainVerifier, type AuditEntry, type ChainBreak, type ChainResult } from './chain.ts';
import { appendEvent, chainHead, countEvents, eventsForChild, readChain, recentEvents, searchEvents, type EventFilters } from './repository.ts';

export type { EventFilters } from './repository.ts';
import { listAuthorities } from '../tenancy/repository.ts';

/** Who did something: a signed-in user, or nobody yet (a failed sign-in). */
export interface Actor {
  userId: string | null;
  username: string | null;
  role: string | null;
  organisation: string | null;
}

export const NOBODY: Actor = { userId: null, username: null, role: null, organisation: null };

export interface AuditEvent {
  laCode: string;
  actor: Actor;
  action: string;
  outcome: AuditEntry['outcome'];
  method?: string;
  route?: string;
  childId?: string;
  statusCode?: number;
  details?: Record<string, unknown>;
}

export interface ChainReport {
  laCode: string;
  name: string;
  count: number;
  ok: boolean;
  firstBreak?: ChainBreak;
}

export function createAuditService(database: Database, clock: Clock) {
  /** Append inside the caller's tenant transaction, so the event and the change stand or fall together. */
  async function record(tx: Tx, event: AuditEvent): Promise<void> {
    await appendEvent(tx, {
      laCode: event.laCode,
      occurredAt: clock.now().toISOString(),
      userId: event.actor.userId,
      username: event.actor.username,
      role: event.actor.role,
      organisation: event.actor.organisation,
      action: event.action,
      method: event.method ?? null,
      route: event.route ?? null,
      childId: event.childId ?? null,
      outcome: event.outcome,
      statusCode: event.statusCode ?? null,
      details: event.details ?? {},
    });
  }

  function verify(laCode: string): Promise<ChainResult> {
    return database.tenant(laCode, async (tx) => {
      const verifier = new ChainVerifier();
      for await (const row of readChain(tx, laCode)) if (!verifier.add(row)) break;
      return verifier.finish(await chainHead(tx, laCode));
    });
  }

  return {
    record,

    /** Record on its own transaction (a page view, a denial). Throws if the write fails. */
    recordNow(event: AuditEvent): Promise<void> {
      return database.tenant(event.laCode, (tx) => record(tx, event));
    },

    /** Who viewed a child's record, and who was refused: read inside the caller's transaction. */
    viewsOfChild(tx: Tx, laCode: string, childId: string, limit = 200) {
      return eventsForChild(tx, laCode, childId, ['record_viewed', 'record_access_log_viewed'], limit);
    },

    recent(laCode: string, limit = 50) {
      return database.tenant(laCode, (tx) => recentEvents(tx, laCode, limit));
    },

    /**
     * One page of an authority's events that match the filters, newest first, and how many match
     * (counted up to `countCap`: beyond it, `total` is the cap and `more` is true).
     */
    search(laCode: string, filters: EventFilters, page: { page: number; pageSize: number; countCap: number }) {
      return database.tenant(laCode, async (tx) => {
        const total = await countEvents(tx, laCode, filters, page.countCap + 1);
        const pages = Math.max(1, Math.ceil(Math.min(total, page.countCap) / page.pageSize));
        const current = Math.min(Math.max(1, page.page), pages);
        const events = await searchEvents(tx, laCode, filters, { limit: page.pageSize, offset: (current - 1) * page.pageSize });
        return { events, total: Math.min(total, page.countCap), more: total > page.countCap, page: current, pages };
      });
    },

    /**
     * Every event that matches, newest first, read in batches (each older than the last), for an
     * export: at most `limit`, and whether there were more.
     */
    matching(laCode: string, filters: EventFilters, limit: number, batch = 5_000) {
      return database.tenant(laCode, async (tx) => {
        const events: Awaited<ReturnType<typeof searchEvents>> = [];
        let beforeSeq: number | undefined;
        for (;;) {
          const want = Math.min(batch, limit + 1 - events.length);
          const rows = await searchEvents(tx, laCode, filters, { limit: want, beforeSeq });
          events.push(...rows);
          if (rows.length < want || events.length > limit) break;
          beforeSeq = rows[rows.length - 1]!.seq;
        }
        return { events: events.slice(0, limit), more: events.length > limit };
      });
    },

    /** Verifies one authority's chain: the only one its own staff may check. */
    verify,

    /** Verifies every authority's chain (the command-line tool) and names the first broken link in each. */
    async verifyAll(onProgress?: (laCode: string) => void): Promise<ChainReport[]> {
      const reports: ChainReport[] = [];
      for (const la of await listAuthorities(database.db)) {
        onProgress?.(la.code);
        reports.push({ laCode: la.code, name: la.name, ...(await verify(la.code)) });
      }
      return reports;
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
