import type { Tx } from '../../platform/db/client.ts';
import type { ChronologyEntry, RecordContribution } from '../people/chronology.ts';
import { CLOSURE_REASONS, REFERRAL_SOURCES, isCode } from './codes.ts';
import { BASIS_LABELS, DECISION_LABELS } from './front-door-codes.ts';
import { familyHelpFacts, type FamilyHelpFact } from './repository.ts';

/** How each Family Help fact reads in the chronology. */
function describe(f: FamilyHelpFact): Pick<ChronologyEntry, 'title' | 'details'> | undefined {
  switch (f.kind) {
    case 'request':
      return { title: `Request for help: ${isCode(REFERRAL_SOURCES, f.a) ? REFERRAL_SOURCES[f.a] : (f.a ?? '')}${f.b === 'true' ? ' (re-referral)' : ''}` };
    case 'decision':
      return { title: `Decision: ${isCode(DECISION_LABELS, f.a) ? DECISION_LABELS[f.a].text : (f.a ?? '')}`, details: f.b ? `By ${f.b}` : null };
    case 'opened':
      return { title: `Family Help case opened, led by ${f.a ?? ''} (${f.b ?? ''})` };
    case 'basis':
      return { title: `Basis: ${isCode(BASIS_LABELS, f.a) ? BASIS_LABELS[f.a] : (f.a ?? '')}`, details: f.b };
    case 'assessment':
      return { title: 'Assessment completed' };
    case 'plan':
      return { title: 'Family Help plan agreed' };
    case 'review':
      return { title: 'Plan reviewed', details: f.a ? `By ${f.a}` : null };
    case 'visit':
      return { title: `Visit: ${f.a ?? ''}`, details: f.b === 'true' ? (f.c === 'true' ? 'Child seen, and seen alone' : 'Child seen') : 'Child not seen' };
    case 'closed':
      return { title: `Family Help case closed: ${isCode(CLOSURE_REASONS, f.a) ? CLOSURE_REASONS[f.a] : (f.a ?? '')}` };
    case 'open':
      return undefined; // not an event: the current involvement
  }
}

/**
 * Family Help's part of a child's record: every request, decision, case, change of basis,
 * assessment, plan, review, visit and closure in the chronology, and the open case as the
 * child's current involvement. One query, inside the record's own transaction.
 */
export async function familyHelpContribution(tx: Tx, personId: string): Promise<RecordContribution> {
  const facts = await familyHelpFacts(tx, personId);
  const chronology: ChronologyEntry[] = [];
  for (const f of facts) {
    const words = describe(f);
    if (words) chronology.push({ date: f.date, category: 'help', ...words });
  }
  const involvements = facts
    .filter((f) => f.kind === 'open')
    .map((f) => ({ title: 'Family Help', href: `/cases/${f.a ?? ''}`, since: f.date, detail: `Led by ${f.b ?? ''}, ${f.c ?? ''}` }));
  return { chronology, involvements };
}
