import { createHash } from 'node:crypto';

/** The hash before an authority's first audit event. */
export const GENESIS = '0'.repeat(64);

/** What an audit event says; the chain fields (seq, hashes) are added when it is appended. */
export interface AuditEntry {
  laCode: string;
  seq: number;
  occurredAt: string; // ISO 8601, UTC, millisecond precision
  userId: string | null;
  username: string | null;
  role: string | null;
  organisation: string | null;
  action: string;
  method: string | null;
  route: string | null;
  childId: string | null;
  outcome: 'success' | 'denied' | 'failure' | 'error';
  statusCode: number | null;
  details: Record<string, unknown>;
}

/** JSON with object keys sorted at every depth, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** entry_hash = SHA-256(prev_hash ‖ canonical_json(entry)). */
export function hashEntry(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(entry)).digest('hex');
}

export interface StoredEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

export interface ChainBreak {
  seq: number;
  problem: string;
}

export type ChainResult = { ok: true; count: number } | { ok: false; count: number; firstBreak: ChainBreak };

/**
 * Checks one authority's chain, row by row in sequence order, and names the first broken link:
 * an edited row (its hash no longer matches), a deleted row (a gap in the sequence, or a head
 * beyond the end), a reordered row (its link to the previous hash is wrong).
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS;
  private count = 0;
  private broken: ChainBreak | undefined;

  /** Returns false once the chain is broken: nothing after the first break needs reading. */
  add(row: StoredEntry): boolean {
    if (this.broken) return false;
    this.count++;
    const seq = this.expectedSeq;
    if (row.seq !== seq) {
      this.broken = { seq, problem: `event ${seq} is missing (found ${row.seq} next)` };
    } else if (row.prevHash !== this.prevHash) {
      this.broken = { seq, problem: `event ${seq} does not link to event ${seq - 1}` };
    } else {
      const { prevHash: _prev, hash, ...entry } = row;
      if (hashEntry(this.prevHash, entry) !== hash) {
        this.broken = { seq, problem: `event ${seq} was changed after it was written` };
      } else {
        this.prevHash = hash;
        this.expectedSeq++;
      }
    }
    return !this.broken;
  }

  finish(head: { seq: number; hash: string } | undefined): ChainResult {
    if (this.broken) return { ok: false, count: this.count, firstBreak: this.broken };
    const lastSeq = this.expectedSeq - 1;
    if ((head?.seq ?? 0) !== lastSeq) {
      const problem = `the chain ends at event ${lastSeq} but its head records event ${head?.seq ?? 0}`;
      return { ok: false, count: this.count, firstBreak: { seq: lastSeq + 1, problem } };
    }
    if (head && head.hash !== this.prevHash) {
      return { ok: false, count: this.count, firstBreak: { seq: lastSeq, problem: `the head's hash does not match event ${lastSeq}` } };
    }
    return { ok: true, count: this.count };
  }
}

export function verifyChain(rows: Iterable<StoredEntry>, head: { seq: number; hash: string } | undefined): ChainResult {
  const verifier = new ChainVerifier();
  for (const row of rows) if (!verifier.add(row)) break;
  return verifier.finish(head);
}
