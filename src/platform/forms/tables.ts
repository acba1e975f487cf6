import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { laCodeColumn } from '../tenancy/tables.ts';

/**
 * Each form a signed-in user sent, by the one-time token the page gave it (reference/security.md
 * §5.2, property 25): the same form sent twice — a double click, a refresh, twenty at once — is
 * acted on once, and the repeats are sent where the first went.
 */
export const formSubmission = pgTable(
  'form_submission',
  {
    laCode: laCodeColumn(),
    token: uuid('token').notNull(),
    userId: uuid('user_id').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** Where the first submission went once it was saved (its redirect); null while it is being saved. */
    location: text('location'),
  },
  (t) => [primaryKey({ columns: [t.laCode, t.token] })],
);
