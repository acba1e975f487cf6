import type { Tx } from '../../platform/db/client.ts';

/**
 * A child's chronology: every dated event from every part of the record, newest first. Each
 * module contributes entries from the facts it holds; significant events are added by hand.
 */
export const CHRONOLOGY_CATEGORIES = {
  birth: 'Birth',
  home: 'Home and address',
  worker: 'Workers',
  help: 'Family Help',
  protection: 'Child protection',
  incident: 'Incident',
  health: 'Health',
  education: 'Education',
  police: 'Police',
  family: 'Family change',
  loss: 'Loss and bereavement',
  achievement: 'Achievement',
  other: 'Other',
} as const;

export type ChronologyCategory = keyof typeof CHRONOLOGY_CATEGORIES;

/** The categories a practitioner chooses from when adding a significant event. */
export const SIGNIFICANT_EVENT_CATEGORIES = ['incident', 'health', 'education', 'police', 'family', 'loss', 'achievement', 'other'] as const;

export interface ChronologyEntry {
  date: string;
  category: ChronologyCategory;
  title: string;
  details?: string | null;
  /** Who recorded it, for entries added by hand. */
  recordedBy?: string;
}

export function isChronologyCategory(value: unknown): value is ChronologyCategory {
  return typeof value === 'string' && Object.hasOwn(CHRONOLOGY_CATEGORIES, value);
}

/** Newest first; entries on the same day keep the order they were given in. */
export function sortChronology(entries: ChronologyEntry[]): ChronologyEntry[] {
  return entries.map((e, i) => [e, i] as const).sort(([a, ai], [b, bi]) => (a.date < b.date ? 1 : a.date > b.date ? -1 : ai - bi)).map(([e]) => e);
}

/** What another module adds to a child's record: dated entries, and the involvements open now. */
export interface RecordContribution {
  chronology: ChronologyEntry[];
  involvements: { title: string; href: string; since: string; detail: string }[];
}

/**
 * A module's contribution, read inside the record's own transaction (so under the same access
 * check and audit). Modules register theirs in deps.ts; the people module knows none of them.
 */
export type RecordContributor = (tx: Tx, personId: string) => Promise<RecordContribution>;
