import { DayOfWeek, LocalDate } from '@js-joda/core';
import { XMLParser } from 'fast-xml-parser';
import type { CinCollection } from '../structure.ts';
import { rulesetFor, type RuleInfo } from './ruleset.ts';

/** A census as the rules read it: its header and its children, every repeating element a list. */
export interface Census {
  referenceDate: string;
  year: string;
  children: CensusChild[];
}
export interface CensusChild {
  ids: Record<string, string | undefined>;
  episodes: Episode[];
}
export interface Episode {
  fields: Record<string, string | undefined>;
  section47: Record<string, string | undefined>[];
  plans: { fields: Record<string, string | undefined>; reviews: string[] }[];
}

const REPEATING = new Set(['Child', 'CINdetails', 'Assessments', 'CINPlanDates', 'Section47', 'ChildProtectionPlans', 'CPPreviewDate', 'AssessmentFactors', 'Disability', 'PreProceedingsandFGDM']);
type Node = Record<string, unknown>;
const text = (node: Node | undefined, name: string) => {
  const value = node?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
};
const scalars = (node: Node | undefined): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(node ?? {}).flatMap(([k, v]) => (typeof v === 'string' || typeof v === 'number' ? [[k, String(v)]] : [])));

export function readCensus(xml: string): Census {
  const parsed = new XMLParser({ isArray: (name) => REPEATING.has(name), parseTagValue: false }).parse(xml) as { Message?: Node };
  const message = parsed.Message ?? {};
  const details = ((message['Header'] as Node | undefined)?.['CollectionDetails'] ?? {}) as Node;
  const children = ((message['Children'] as Node | undefined)?.['Child'] ?? []) as Node[];
  return {
    referenceDate: text(details, 'ReferenceDate') ?? '',
    year: text(details, 'Year') ?? '',
    children: children.map((child) => ({
      ids: scalars(child['ChildIdentifiers'] as Node),
      episodes: ((child['CINdetails'] ?? []) as Node[]).map((d) => ({
        fields: scalars(d),
        section47: ((d['Section47'] ?? []) as Node[]).map(scalars),
        plans: ((d['ChildProtectionPlans'] ?? []) as Node[]).map((p) => ({ fields: scalars(p), reviews: (((p['Reviews'] as Node | undefined)?.['CPPreviewDate'] ?? []) as unknown[]).map(String) })),
      })),
    })),
  };
}

export interface Finding {
  code: string;
  severity: 'ERROR' | 'QUERY';
  /** The child's LA child id, or undefined for the header. */
  child: string | undefined;
  fields: string[];
  message: string;
}

/** A rule's check: the children (or header) it fails for. */
type Check = (census: Census) => { child: string | undefined }[];

const isWeekend = (date: string | undefined) => !!date && [DayOfWeek.SATURDAY, DayOfWeek.SUNDAY].includes(LocalDate.parse(date).dayOfWeek());
const eachEpisode = (census: Census, fails: (e: Episode, child: CensusChild) => boolean) =>
  census.children.flatMap((child) => child.episodes.filter((e) => fails(e, child)).map(() => ({ child: child.ids['LAchildID'] })));
const before = (a: string | undefined, b: string | undefined) => !!a && !!b && a < b;

/**
 * The rules implemented so far, by code. Each reads the census as DfE's validator does
 * (`cin_validator/rules/<ruleset>/rule_<code>.py`); the messages and fields come from the ruleset.
 */
const CHECKS: Record<string, Check> = {
  '100': (c) => (c.referenceDate === `${c.year}-03-31` ? [] : [{ child: undefined }]),
  '1104': (c) => eachEpisode(c, (e) => before(e.fields['DateOfInitialCPC'], e.fields['CINreferralDate']) || e.section47.some((s) => before(s['DateOfInitialCPC'], e.fields['CINreferralDate']))),
  '1105': (c) => eachEpisode(c, (e) => e.plans.some((p) => before(p.fields['CPPstartDate'], e.fields['CINreferralDate']))),
  '1570': (c) => c.children.filter((ch) => (ch.ids['LAchildID'] ?? '').length > 20).map((ch) => ({ child: ch.ids['LAchildID'] })),
  '1580': (c) => c.children.filter((ch) => !/^[A-Za-z0-9]*$/.test(ch.ids['LAchildID'] ?? '')).map((ch) => ({ child: ch.ids['LAchildID'] })),
  '2889': (c) => eachEpisode(c, (e) => e.section47.some((s) => before(s['S47ActualStartDate'], e.fields['CINreferralDate']))),
  '8610': (c) => eachEpisode(c, (e) => ['false', 'FALSE', '0'].includes(e.fields['ReferralNFA'] ?? '') && !e.fields['PrimaryNeedCode']),
  '8615': (c) => eachEpisode(c, (e) => e.section47.some((s) => !s['S47ActualStartDate'] || before(s['DateOfInitialCPC'], s['S47ActualStartDate']))),
  '8750': (c) => c.children.filter((ch) => !!ch.ids['ExpectedPersonBirthDate'] && !ch.ids['PersonBirthDate'] && ch.ids['Sex'] !== 'U').map((ch) => ({ child: ch.ids['LAchildID'] })),
  '8805': (c) => eachEpisode(c, (e) => !!e.fields['CINclosureDate'] && !e.fields['ReasonForClosure']),
  '8810': (c) => eachEpisode(c, (e) => !!e.fields['ReasonForClosure'] && !e.fields['CINclosureDate']),
  '8840': (c) => eachEpisode(c, (e) => e.plans.some((p) => !!p.fields['CPPendDate'] && p.fields['CPPendDate'] === p.fields['CPPstartDate'])),
  '8841': (c) => eachEpisode(c, (e) => e.plans.some((p) => p.reviews.some((r) => !!p.fields['CPPstartDate'] && r <= p.fields['CPPstartDate']))),
  '8870Q': (c) => eachEpisode(c, (e) => e.section47.some((s) => isWeekend(s['InitialCPCtarget']))),
  '8875': (c) => eachEpisode(c, (e) => isWeekend(e.fields['DateOfInitialCPC']) || e.section47.some((s) => isWeekend(s['DateOfInitialCPC']))),
  '8925': (c) => eachEpisode(c, (e) => e.plans.some((p) => before(p.fields['CPPendDate'], p.fields['CPPstartDate']))),
};

/**
 * Validates a census against its collection's ruleset. The report says which rules of the ruleset
 * were checked and which are not yet implemented, so a clean report never overstates itself.
 */
export function validateCensus(xml: string, collection: CinCollection) {
  const census = readCensus(xml);
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
    for (const { child } of check(census)) findings.push({ code: rule.code, severity: rule.severity, child, fields: rule.fields, message: rule.message });
  }
  return { findings, checked, notYetChecked, errors: findings.filter((f) => f.severity === 'ERROR').length, queries: findings.filter((f) => f.severity === 'QUERY').length };
}
