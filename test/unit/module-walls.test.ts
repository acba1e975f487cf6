// Module walls in SQL (issue 14): a repository's SQL names only its own module's tables; a query
// that must join across modules is a declared read model (*read-model.ts) that says which tables
// it reads. ESLint keeps imports inside the walls; this keeps the SQL inside them. The list of
// queries still to move may only shrink: a new crossing fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';

const MODULES = path.join(import.meta.dirname, '../../src/modules');

/** Each module's tables, read from its tables.ts. */
async function tablesByModule(): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const module of readdirSync(MODULES)) {
    let exported: Record<string, unknown>;
    try {
      exported = (await import(path.join(MODULES, module, 'tables.ts'))) as Record<string, unknown>;
    } catch {
      continue; // a module with no tables of its own
    }
    const names = Object.values(exported)
      .filter((v): v is PgTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v)
      .map((t) => getTableConfig(t).name);
    found.set(module, names);
  }
  return found;
}

/** Files that hold SQL: repositories and the team view (a read model in all but name). */
function sqlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sqlFiles(full, out);
    else if (/(repository|team-view)\.ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Crossings that are still to move into read models or behind the other module's service. */
const STILL_TO_MOVE = new Set<string>([]);

describe('module walls in SQL', () => {
  it('a repository names only its own module’s tables, but for the crossings still to move', async () => {
    const tables = await tablesByModule();
    const crossings: string[] = [];
    for (const file of sqlFiles(MODULES)) {
      const relative = path.relative(MODULES, file).split(path.sep).join('/');
      const own = relative.split('/')[0]!;
      // Raw SQL is written in template literals (sql`…`); the query builder uses table objects, which lint keeps inside the walls.
      const code = (readFileSync(file, 'utf8').match(/`[^`]*`/g) ?? []).join('\n');
      for (const [other, names] of tables) {
        if (other === own) continue;
        const named = names.filter((n) => new RegExp(`\\b${n}\\b`).test(code)).sort();
        if (named.length > 0) crossings.push(`${relative} -> ${other}: ${named.join(', ')}`);
      }
    }
    expect(crossings.filter((c) => !STILL_TO_MOVE.has(c)), 'new crossings: move them into a read model or behind the module’s service').toEqual([]);
    expect([...STILL_TO_MOVE].filter((c) => !crossings.includes(c)), 'moved: take them off the list').toEqual([]);
  });
});
