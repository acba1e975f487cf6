import type { Tx } from '../../platform/db/client.ts';
import type { ChronologyEntry, RecordContribution } from '../people/chronology.ts';
import { ABUSE_CATEGORIES, AGENCIES, ENQUIRY_OUTCOME_LABELS, isCode, PLAN_END_REASONS, SHARE_PURPOSE_LABELS, STRATEGY_DECISION_LABELS } from './codes.ts';
import { protectionFactsForPerson, type ProtectionFact } from './repository.ts';

/** The words for a code: the label itself, or a labelled option's text. */
const label = (codes: Record<string, string | { text: string }>, value: string | null) => {
  if (!isCode(codes, value)) return value ?? '';
  const l = codes[value]!;
  return typeof l === 'string' ? l : l.text;
};
const agencies = (list: string | null) => (list ?? '').split(',').filter(Boolean).map((a) => label(AGENCIES, a)).join(', ');

/** How each child protection fact reads in the chronology. */
function describe(f: ProtectionFact): Pick<ChronologyEntry, 'title' | 'details'> | undefined {
  switch (f.kind) {
    case 'discussion_convened':
      return { title: `Strategy discussion convened${f.a ? ' (urgent)' : ''}`, details: f.b ? `By ${f.b}` : null };
    case 'discussion_held':
      return { title: `Strategy discussion: ${label(STRATEGY_DECISION_LABELS, f.a)}`, details: `Chaired by ${f.b ?? ''}, with ${agencies(f.c)}` };
    case 'shared':
      return { title: `Information shared with ${f.b ?? label(AGENCIES, f.a)}`, details: `For the ${label(SHARE_PURPOSE_LABELS, f.c).toLowerCase()}` };
    case 'not_shared':
      return { title: `Decided not to share information with ${label(AGENCIES, f.a)}`, details: `For the ${label(SHARE_PURPOSE_LABELS, f.c).toLowerCase()}` };
    case 'enquiry_completed':
      return { title: `Section 47 enquiry completed: ${label(ENQUIRY_OUTCOME_LABELS, f.a)}` };
    case 'conference':
      return { title: f.a === 'initial' ? 'Initial child protection conference' : 'Child protection review conference', details: f.c ? label(ABUSE_CATEGORIES, f.c) : null };
    case 'plan_started':
      return { title: `${f.c === 'extra_familial_harm' ? 'Extra-familial harm plan' : 'Child protection plan'} started: ${label(ABUSE_CATEGORIES, f.a)}`, details: `Child Protection Lead Practitioner: ${f.b ?? ''}` };
    case 'plan_ended':
      return { title: `${f.c === 'extra_familial_harm' ? 'Extra-familial harm plan' : 'Child protection plan'} ended`, details: label(PLAN_END_REASONS, f.a) };
    case 'core_group':
      return { title: 'Core group meeting', details: f.a ? `Recorded by ${f.a}` : null };
    case 'open_plan':
      return undefined; // not an event: the current involvement
  }
}

/**
 * Child protection's part of a child's record: discussions, sharing decisions (including not to
 * share), enquiries, conferences, plans and core groups in the chronology; an open plan as a
 * current involvement. One query, inside the record's own transaction.
 */
export async function childProtectionContribution(tx: Tx, personId: string): Promise<RecordContribution> {
  const facts = await protectionFactsForPerson(tx, personId);
  const chronology: ChronologyEntry[] = [];
  for (const f of facts) {
    const words = describe(f);
    if (words) chronology.push({ date: f.date, category: 'protection', ...words });
  }
  const involvements = facts
    .filter((f) => f.kind === 'open_plan')
    .map((f) => ({ title: 'Child protection plan', href: `/cases/${f.a ?? ''}/child-protection`, since: f.date, detail: `${label(ABUSE_CATEGORIES, f.c)}. Child Protection Lead Practitioner: ${f.b ?? ''}` }));
  return { chronology, involvements };
}
