import { readFileSync } from 'node:fs';
import type { CinCollection } from '../structure.ts';

export interface RuleInfo {
  code: string;
  severity: 'ERROR' | 'QUERY';
  message: string;
  fields: string[];
  /** The ruleset that defined or last changed it (cin2022_23, cin2023_24, cin2024_25). */
  set: string;
}

/**
 * DfE's CIN rules as data (`cin_rules.tsv`, a copy of the validator's list: ruleset, code,
 * severity, message, fields). A collection's ruleset is the base set with each later set's
 * changes laid over it, up to that collection's; the next collection adds a row, not code.
 */
const SETS_FOR: Record<CinCollection, readonly string[]> = {
  '2024-25': ['cin2022_23', 'cin2023_24', 'cin2024_25'],
  '2025-26': ['cin2022_23', 'cin2023_24', 'cin2024_25'], // no rule changes in 2025-26
};

const ALL: RuleInfo[] = readFileSync(new URL('./cin_rules.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => {
    const [set = '', code = '', severity = '', message = '', fields = ''] = line.split('\t');
    return { set, code, severity: severity === 'QUERY' ? 'QUERY' : 'ERROR', message, fields: fields.split(',').map((f) => f.trim()).filter(Boolean) };
  });

export function rulesetFor(collection: CinCollection): Map<string, RuleInfo> {
  const rules = new Map<string, RuleInfo>();
  for (const set of SETS_FOR[collection]) for (const rule of ALL.filter((r) => r.set === set)) rules.set(rule.code, rule);
  return rules;
}
