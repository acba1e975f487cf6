import { stringify } from 'csv-stringify/sync';
import type { Census } from './rules/census-model.ts';
import { validateCensus, type Finding } from './rules/engine.ts';
import { checkStructure, type CinCollection } from './structure.ts';

/**
 * A census file checked as DfE's portal would: its structure against the schema, then every rule
 * of its collection (on the census as built, when it was just generated, rather than read back).
 */
export async function checkCensus(xml: string, collection: CinCollection, built?: Census) {
  // libxml2 checks the structure on a worker thread while the rules run here.
  const structure = checkStructure(xml, collection);
  const rules = validateCensus(built ?? xml, collection);
  return { structure: await structure, ...rules };
}

export const CSV_HEADER = ['Rule', 'Type', 'LA child ID', 'Referral date', 'Fields', 'Message'];

/** The findings as the CSV report the data team works from: one row for each rule broken, where. */
export function findingsCsv(findings: readonly Finding[]): string {
  return stringify([CSV_HEADER, ...findings.map((f) => [f.code, f.severity === 'ERROR' ? 'Error' : 'Query', f.child ?? '(header)', f.referral ?? '', f.fields.join(' '), f.message])]);
}

/** A rule's message for the page: a query's tag already says it asks for a check or a reason. */
export const shortMessage = (message: string) => message.replace(/^Please check and either amend (data )?or provide a reason: /, '');

/** Findings counted by rule, most frequent first: the data team's list of what to fix. */
export function byRule(findings: readonly Finding[]) {
  const rules = new Map<string, { code: string; severity: Finding['severity']; message: string; count: number; children: Set<string> }>();
  for (const f of findings) {
    const rule = rules.get(f.code) ?? { code: f.code, severity: f.severity, message: shortMessage(f.message), count: 0, children: new Set<string>() };
    rule.count++;
    if (f.child) rule.children.add(f.child);
    rules.set(f.code, rule);
  }
  return [...rules.values()]
    .map(({ children, ...r }) => ({ ...r, children: children.size }))
    .sort((a, b) => (a.severity === b.severity ? b.count - a.count || a.code.localeCompare(b.code) : a.severity === 'ERROR' ? -1 : 1));
}

/** Findings by child, children with errors first. */
export function byChild(findings: readonly Finding[]) {
  const children = new Map<string, { child: string; findings: Finding[]; errors: number }>();
  for (const f of findings) {
    const key = f.child ?? '';
    const entry = children.get(key) ?? { child: key, findings: [], errors: 0 };
    entry.findings.push({ ...f, message: shortMessage(f.message) });
    if (f.severity === 'ERROR') entry.errors++;
    children.set(key, entry);
  }
  return [...children.values()].sort((a, b) => b.errors - a.errors || a.child.localeCompare(b.child));
}
