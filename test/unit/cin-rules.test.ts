// The CIN rule engine as a whole: what a finding reports, the rulesets by collection, and that
// every rule of a supported collection is checked. Each rule's own broken and fixed census is in
// test/unit/cin-rules/.
import { describe, expect, it } from 'vitest';
import { CHECKS, validateCensus } from '../../src/modules/returns/cin/rules/engine.ts';
import { rulesetFor } from '../../src/modules/returns/cin/rules/ruleset.ts';
import { cinCensus, cpPlan, episode, NEED, NFA } from '../builders/cin.ts';

describe('CIN rule engine', () => {
  it('reports the child, the episode, the fields and the message from the ruleset', () => {
    const broken = cinCensus({ episode: episode(NEED), details: NFA + cpPlan('2024-06-20', '2024-06-20') });
    const finding = validateCensus(broken, '2024-25').findings.find((f) => f.code === '8840');
    expect(finding).toEqual({
      code: '8840',
      severity: 'ERROR',
      child: 'DB000123',
      referral: '2024-06-03',
      fields: ['ChildProtectionPlans', 'CPPstartDate', 'CPPendDate'],
      message: 'Child Protection Plan cannot start and end on the same day',
    });
  });

  it('uses the 2024-25 wording where a rule changed', () => {
    expect(rulesetFor('2024-25').get('8750')?.message).toBe('Sex must equal U for an unborn child');
    expect(rulesetFor('2025-26').size).toBe(rulesetFor('2024-25').size);
  });

  it('checks every rule of each supported collection, and a minimal census breaks no error rule', () => {
    for (const collection of ['2024-25', '2025-26'] as const) {
      const report = validateCensus(cinCensus(), collection);
      expect(report.notYetChecked.map((r) => r.code)).toEqual([]);
      expect(report.checked.length).toBe(rulesetFor(collection).size);
      expect(report.errors).toBe(0);
    }
    expect(Object.keys(CHECKS).every((code) => rulesetFor('2024-25').has(code))).toBe(true);
  });
});
