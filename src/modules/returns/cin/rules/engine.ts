import type { CinCollection } from '../structure.ts';
import { readCensus, type Census } from './census-model.ts';
import { ASSESSMENT_CHECKS } from './checks/assessments.ts';
import type { Check } from './checks/check.ts';
import { CIN_PLAN_CHECKS } from './checks/cin-plans.ts';
import { CP_PLAN_CHECKS } from './checks/cp-plans.ts';
import { EPISODE_CHECKS } from './checks/episodes.ts';
import { IDENTIFIER_CHECKS } from './checks/identifiers.ts';
import { SECTION47_CHECKS } from './checks/section47.ts';
import { rulesetFor, type RuleInfo } from './ruleset.ts';

export interface Finding {
  code: string;
  severity: 'ERROR' | 'QUERY';
  /** The child's LA child id; absent for the header. */
  child?: string | undefined;
  /** For a rule about an episode, its CINreferralDate. */
  referral?: string | undefined;
  fields: string[];
  message: string;
}

/**
 * The rules, by code, in groups by the part of the census they read. Each reads the census as
 * DfE's validator does (`cin_validator/rules/<ruleset>/rule_<code>.py`); the messages, fields and
 * severities come from the ruleset. A code is checked in the version of its latest ruleset
 * (the 2024-25 changes), which is the version both supported collections use.
 */
export const CHECKS: Record<string, Check> = {
  ...IDENTIFIER_CHECKS,
  ...EPISODE_CHECKS,
  ...ASSESSMENT_CHECKS,
  ...CIN_PLAN_CHECKS,
  ...SECTION47_CHECKS,
  ...CP_PLAN_CHECKS,
};

/**
 * Validates a census against its collection's ruleset. The report says which rules of the ruleset
 * were checked and which are not, so a clean report never overstates itself.
 */
export function validateCensus(file: string | Census, collection: CinCollection) {
  const census = typeof file === 'string' ? readCensus(file) : file;
  const ruleset = rulesetFor(collection);
  const findings: Finding[] = [];
  const checked: RuleInfo[] = [];
  const notYetChecked: RuleInfo[] = [];
  for (const rule of ruleset.values()) {
    const check = CHECKS[rule.code];
    if (!check) {
      notYetChecked.push(rule);
      continue;
    }
    checked.push(rule);
    for (const { child, referral } of check(census)) findings.push({ code: rule.code, severity: rule.severity, child, ...(referral ? { referral } : {}), fields: rule.fields, message: rule.message });
  }
  return { findings, checked, notYetChecked, errors: findings.filter((f) => f.severity === 'ERROR').length, queries: findings.filter((f) => f.severity === 'QUERY').length };
}
