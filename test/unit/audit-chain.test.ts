import { describe, expect, it } from 'vitest';
import {
  ChainVerifier,
  GENESIS,
  canonicalJson,
  hashEntry,
  verifyChain,
  type AuditEntry,
  type StoredEntry,
} from '../../src/platform/audit/chain.ts';

function entry(seq: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    laCode: 'LA1',
    seq,
    occurredAt: new Date(Date.UTC(2026, 2, 3, 9, 0, seq)).toISOString(),
    userId: 'u-1',
    username: 'sworker',
    role: 'social_worker',
    organisation: 'Anyshire',
    action: `action.${seq}`,
    method: 'GET',
    route: '/children/:id',
    childId: 'c-1',
    outcome: 'success',
    statusCode: 200,
    details: { n: seq, nested: { b: 1, a: [1, { d: 2, c: 3 }] } },
    ...overrides,
  };
}

/** A properly linked chain of n entries, GENESIS first, and the head that matches it. */
function buildChain(n: number): { rows: StoredEntry[]; head: { seq: number; hash: string } } {
  const rows: StoredEntry[] = [];
  let prevHash = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const e = entry(seq);
    const hash = hashEntry(prevHash, e);
    rows.push({ ...e, prevHash, hash });
    prevHash = hash;
  }
  return { rows, head: { seq: n, hash: prevHash } };
}

function broken(result: ReturnType<typeof verifyChain>) {
  if (result.ok) throw new Error('expected the chain to be broken');
  return result.firstBreak;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, including inside arrays', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 3 } })).toBe('{"a":{"c":3,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it('drops undefined properties at every depth but keeps null', () => {
    expect(canonicalJson({ a: undefined, b: null, c: { d: undefined, e: 1 } })).toBe('{"b":null,"c":{"e":1}}');
  });

  it('writes scalars as JSON, and top-level undefined as null', () => {
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson(12.5)).toBe('12.5');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });
});

describe('hashEntry', () => {
  it('is a 64-character hex SHA-256, the same every time for the same input', () => {
    const h = hashEntry(GENESIS, entry(1));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEntry(GENESIS, entry(1))).toBe(h);
  });

  it('does not depend on key order', () => {
    const e = entry(1);
    const reversed = Object.fromEntries(Object.entries(e).reverse()) as unknown as AuditEntry;
    expect(hashEntry(GENESIS, reversed)).toBe(hashEntry(GENESIS, e));
  });

  it('changes with the previous hash', () => {
    expect(hashEntry('f'.repeat(64), entry(1))).not.toBe(hashEntry(GENESIS, entry(1)));
  });

  const changes: [keyof AuditEntry, unknown][] = [
    ['laCode', 'LA2'],
    ['seq', 2],
    ['occurredAt', '2026-03-03T09:00:01.001Z'],
    ['userId', null],
    ['username', 'other'],
    ['role', 'team_manager'],
    ['organisation', null],
    ['action', 'other.action'],
    ['method', 'POST'],
    ['route', '/users'],
    ['childId', 'c-2'],
    ['outcome', 'denied'],
    ['statusCode', 403],
    ['details', { n: 1, nested: { b: 1, a: [1, { d: 2, c: 4 }] } }],
  ];

  it('covers every field of an entry in this test', () => {
    expect(changes.map(([k]) => k).sort()).toEqual(Object.keys(entry(1)).sort());
  });

  it.each(changes)('changes when %s changes', (field, value) => {
    const original = entry(1);
    const changed = { ...original, [field]: value };
    expect(changed[field]).not.toEqual(original[field]);
    expect(hashEntry(GENESIS, changed)).not.toBe(hashEntry(GENESIS, original));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain of 5 with the matching head', () => {
    const { rows, head } = buildChain(5);
    expect(rows[0]?.prevHash).toBe(GENESIS);
    expect(verifyChain(rows, head)).toEqual({ ok: true, count: 5 });
  });

  it('accepts an empty chain with no head', () => {
    expect(verifyChain([], undefined)).toEqual({ ok: true, count: 0 });
  });

  it('detects an edited field in entry 3', () => {
    const { rows, head } = buildChain(5);
    rows[2] = { ...rows[2]!, action: 'record.deleted' };
    const b = broken(verifyChain(rows, head));
    expect(b.seq).toBe(3);
    expect(b.problem).toMatch(/changed/);
  });

  it('detects an edit deep inside details', () => {
    const { rows, head } = buildChain(5);
    rows[2] = { ...rows[2]!, details: { ...rows[2]!.details, extra: true } };
    expect(broken(verifyChain(rows, head)).seq).toBe(3);
  });

  it('detects an edit that also recomputes the row\'s own hash, at the next row', () => {
    const { rows, head } = buildChain(5);
    const { prevHash, hash: _hash, ...e } = rows[2]!;
    const forged = { ...e, outcome: 'denied' as const };
    rows[2] = { ...forged, prevHash, hash: hashEntry(prevHash, forged) };
    const b = broken(verifyChain(rows, head));
    expect(b.seq).toBe(4);
    expect(b.problem).toMatch(/does not link/);
  });

  it('detects deleting entry 2 as a gap at 2', () => {
    const { rows, head } = buildChain(5);
    rows.splice(1, 1);
    const b = broken(verifyChain(rows, head));
    expect(b.seq).toBe(2);
    expect(b.problem).toMatch(/missing/);
  });

  it('detects deleting entry 1', () => {
    const { rows, head } = buildChain(5);
    rows.shift();
    expect(broken(verifyChain(rows, head)).seq).toBe(1);
  });

  it('detects swapping entries 2 and 3 at 2', () => {
    const { rows, head } = buildChain(5);
    [rows[1], rows[2]] = [rows[2]!, rows[1]!];
    expect(broken(verifyChain(rows, head)).seq).toBe(2);
  });

  it('detects swapped entries even when their seq numbers are swapped too', () => {
    const { rows, head } = buildChain(5);
    const second = rows[1]!;
    const third = rows[2]!;
    rows[1] = { ...third, seq: 2 };
    rows[2] = { ...second, seq: 3 };
    expect(broken(verifyChain(rows, head)).seq).toBe(2);
  });

  it('detects the last entry removed while the head still records 5', () => {
    const { rows, head } = buildChain(5);
    rows.pop();
    const result = verifyChain(rows, head);
    const b = broken(result);
    expect(b.seq).toBe(5);
    expect(b.problem).toMatch(/head/);
    expect(result.count).toBe(4);
  });

  it('detects a head whose hash disagrees with the last entry', () => {
    const { rows, head } = buildChain(5);
    expect(verifyChain(rows, head).ok).toBe(true);
    expect(verifyChain(rows, { seq: 5, hash: 'f'.repeat(64) }).ok).toBe(false);
    expect(verifyChain(rows, { ...head, hash: rows[3]!.hash }).ok).toBe(false);
  });

  it('detects a head whose seq disagrees with the chain', () => {
    const { rows, head } = buildChain(5);
    expect(verifyChain(rows, { ...head, seq: 4 }).ok).toBe(false);
    expect(verifyChain(rows, { ...head, seq: 6 }).ok).toBe(false);
  });

  it('detects rows with no head, and a head with no rows', () => {
    const { rows, head } = buildChain(5);
    expect(verifyChain(rows, undefined).ok).toBe(false);
    expect(broken(verifyChain([], head)).seq).toBe(1);
  });

  it('stops reading at the first break', () => {
    const { rows } = buildChain(5);
    rows[1] = { ...rows[1]!, action: 'edited' };
    const verifier = new ChainVerifier();
    expect(verifier.add(rows[0]!)).toBe(true);
    expect(verifier.add(rows[1])).toBe(false);
    expect(verifier.add(rows[2]!)).toBe(false);
    const result = verifier.finish(undefined);
    expect(result.ok).toBe(false);
    expect(result.count).toBe(2);
  });
});
