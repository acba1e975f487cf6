import { stringify } from 'csv-stringify/sync';

export const CSV_HEADER = [
  'Event',
  'When (UTC)',
  'Username',
  'Role',
  'Organisation',
  'Action',
  'Action code',
  'Method',
  'Route',
  'Child record id',
  'LA person ID',
  'Outcome',
  'Status code',
  'Details',
  'Previous hash',
  'Hash',
];

export interface CsvEvent {
  seq: number;
  occurredAt: Date;
  username: string | null;
  roleLabel: string | null;
  organisation: string | null;
  actionLabel: string;
  action: string;
  method: string | null;
  route: string | null;
  childId: string | null;
  laPersonId: string | null;
  outcomeText: string;
  statusCode: number | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return first)
 * starts with an apostrophe instead, so opening the export never runs anything (OWASP CSV injection).
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The events as a CSV file for an investigation: one row each, newest first, with the hash chain so a copy can be checked against the trail. */
export function eventsCsv(events: readonly CsvEvent[]): string {
  const rows = events.map((e) =>
    [
      String(e.seq),
      e.occurredAt.toISOString(),
      e.username ?? 'System',
      e.roleLabel ?? '',
      e.organisation ?? '',
      e.actionLabel,
      e.action,
      e.method ?? '',
      e.route ?? '',
      e.childId ?? '',
      e.laPersonId ?? '',
      e.outcomeText,
      e.statusCode === null ? '' : String(e.statusCode),
      Object.keys(e.details).length === 0 ? '' : JSON.stringify(e.details),
      e.prevHash,
      e.hash,
    ].map(safeCell),
  );
  return stringify([CSV_HEADER, ...rows]);
}
