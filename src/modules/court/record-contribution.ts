import type { Tx } from '../../platform/db/client.ts';
import type { ChronologyEntry, RecordContribution } from '../people/chronology.ts';
import { APPLICATIONS, FGDM_RESPONSES, HEARING_TYPES, isCode, OUTCOMES } from './codes.ts';
import { courtFactsForPerson, type CourtFact } from './repository.ts';

function describe(f: CourtFact): Pick<ChronologyEntry, 'title' | 'details'> {
  switch (f.kind) {
    case 'letter':
      return { title: 'Letter before proceedings sent' };
    case 'fgdm':
      return { title: 'Family group decision making offered', details: isCode(FGDM_RESPONSES, f.a) ? FGDM_RESPONSES[f.a] : f.a };
    case 'issued':
      return { title: `Care proceedings issued: ${isCode(APPLICATIONS, f.a) ? APPLICATIONS[f.a] : (f.a ?? '')}`, details: f.b };
    case 'event':
      return { title: f.a === 'hearing' ? (isCode(HEARING_TYPES, f.b) ? HEARING_TYPES[f.b] : 'Hearing') : 'Pre-proceedings meeting' };
    case 'outcome':
      return { title: `Proceedings concluded: ${isCode(OUTCOMES, f.a) ? OUTCOMES[f.a] : (f.a ?? '')}` };
  }
}

/** Court's part of a child's record: pre-proceedings, the offer of family group decision making, proceedings, hearings and outcomes. */
export async function courtContribution(tx: Tx, personId: string): Promise<RecordContribution> {
  const chronology = (await courtFactsForPerson(tx, personId)).map((f) => ({ date: f.date, category: 'protection' as const, ...describe(f) }));
  return { chronology, involvements: [] };
}
