import { XMLParser } from 'fast-xml-parser';

/**
 * A census as the rules read it: its header and its children, every repeating element a list and
 * every value a string as written in the file (a rule decides what a value means, so a bad value
 * reaches the rule that reports it instead of failing the read).
 */
export interface Census {
  referenceDate: string;
  year: string;
  children: CensusChild[];
}
export type Fields = Record<string, string | undefined>;
export interface CensusChild {
  /** ChildIdentifiers: LAchildID, UPN, FormerUPN, UPNunknown, PersonBirthDate, ExpectedPersonBirthDate, Sex (or GenderCurrent), PersonDeathDate. */
  ids: Fields;
  /** ChildCharacteristics: Ethnicity. */
  characteristics: Fields;
  /** Disability codes as listed (empty when the Disabilities element is absent). */
  disabilities: string[];
  episodes: Episode[];
}
export interface Episode {
  /** CINreferralDate, ReferralSource, PrimaryNeedCode, CINclosureDate, ReasonForClosure, DateOfInitialCPC, ReferralNFA. */
  fields: Fields;
  assessments: { fields: Fields; factors: string[] }[];
  cinPlans: Fields[];
  section47: Fields[];
  plans: { fields: Fields; reviews: string[] }[];
}

const REPEATING = new Set(['Child', 'CINdetails', 'Assessments', 'CINPlanDates', 'Section47', 'ChildProtectionPlans', 'CPPreviewDate', 'AssessmentFactors', 'Disability', 'PreProceedingsandFGDM']);
export type Node = Record<string, unknown>;
const text = (node: Node | undefined, name: string) => {
  const value = node?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
};
const scalars = (node: Node | undefined): Fields =>
  Object.fromEntries(Object.entries(node ?? {}).flatMap(([k, v]) => (typeof v === 'string' || typeof v === 'number' ? [[k, String(v).trim()]] : [])));
const list = (node: Node | undefined, name: string) => ((node?.[name] ?? []) as Node[]);
const values = (node: Node | undefined, outer: string, inner: string) => (((node?.[outer] as Node | undefined)?.[inner] ?? []) as unknown[]).map((v) => String(v).trim());

export function readCensus(xml: string): Census {
  const parsed = new XMLParser({ isArray: (name) => REPEATING.has(name), parseTagValue: false }).parse(xml) as { Message?: Node };
  return censusOf(parsed.Message ?? {});
}

/**
 * The census from its Message element as a tree: parsed from a file, or as the generator built it
 * before writing the XML (the same elements, repeating ones as lists), so a census just generated
 * is checked without being read back.
 */
export function censusOf(message: Node): Census {
  const details = ((message['Header'] as Node | undefined)?.['CollectionDetails'] ?? {}) as Node;
  const children = list(message['Children'] as Node, 'Child');
  return {
    referenceDate: text(details, 'ReferenceDate') ?? '',
    year: text(details, 'Year') ?? '',
    children: children.map((child) => {
      const characteristics = child['ChildCharacteristics'] as Node | undefined;
      return {
        ids: scalars(child['ChildIdentifiers'] as Node),
        characteristics: scalars(characteristics),
        disabilities: values(characteristics, 'Disabilities', 'Disability'),
        episodes: list(child, 'CINdetails').map((d) => ({
          fields: scalars(d),
          assessments: list(d, 'Assessments').map((a) => ({ fields: scalars(a), factors: values(a, 'FactorsIdentifiedAtAssessment', 'AssessmentFactors') })),
          cinPlans: list(d, 'CINPlanDates').map(scalars),
          section47: list(d, 'Section47').map(scalars),
          plans: list(d, 'ChildProtectionPlans').map((p) => ({ fields: scalars(p), reviews: values(p, 'Reviews', 'CPPreviewDate') })),
        })),
      };
    }),
  };
}
