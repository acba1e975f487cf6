import type { Database, Tx } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { ChainVerifier, type AuditEntry, type ChainBreak, type ChainResult } from './chain.ts';
import { appendEvent, chainHead, eventsForChild, readChain, recentEvents } from './repository.ts';
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
