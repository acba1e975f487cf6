import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { authority, laCodeColumn } from '../tenancy/tables.ts';

/**
 * The audit trail: append-only, one hash chain per authority (reference/security.md §5.4).
 * The application role may only SELECT and INSERT; a trigger refuses UPDATE and DELETE.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    laCode: laCodeColumn(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    userId: uuid('user_id'),
    username: text('username'),
    role: text('role'),
    organisation: text('organisation'),
    action: text('action').notNull(),
    method: text('method'),
    route: text('route'),
    childId: uuid('child_id'),
    outcome: text('outcome', { enum: ['success', 'denied', 'failure', 'error'] }).notNull(),
    statusCode: integer('status_code'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.laCode, t.seq] }),
    // Who viewed a record, and the audit trail's search by user and by date, without walking the whole trail.
    index('audit_event_child_idx').on(t.laCode, t.childId, t.seq),
    index('audit_event_user_idx').on(t.laCode, t.username, t.seq),
    index('audit_event_occurred_idx').on(t.laCode, t.occurredAt),
  ],
);

/** The head of each authority's chain; locked FOR UPDATE so concurrent writers cannot fork it. */
export const auditChainHead = pgTable('audit_chain_head', {
  laCode: text('la_code')
    .primaryKey()
    .references(() => authority.code),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
