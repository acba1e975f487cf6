import { expect, it } from 'vitest';
import { validateCensus } from '../../src/modules/returns/cin/rules/engine.ts';

/** For each rule: a minimal census that breaks it, and the same census fixed. */
export type RuleCases = Record<string, { broken: string; fixed: string }>;

const codes = (xml: string) => validateCensus(xml, '2024-25').findings.map((f) => f.code);

/** Declares a test per rule: the broken census fails it, the fixed one does not. */
export function itChecksEachRule(cases: RuleCases) {
  it.each(Object.entries(cases))('rule %s: the broken census fails it, the fixed one does not', (code, { broken, fixed }) => {
    expect(codes(broken)).toContain(code);
    expect(codes(fixed)).not.toContain(code);
  });
}
