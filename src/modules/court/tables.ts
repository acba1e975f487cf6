import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { laCodeColumn } from '../../platform/tenancy/tables.ts';
import { person } from '../people/tables.ts';
import { familyHelpCase } from '../family-help/tables.ts';

/**
 * Care proceedings for a child, on their one case: pre-proceedings under the Public Law Outline
 * (the letter before proceedings, meetings), the offer of family group decision making, the
 * application issued, hearings, the 26-week clock and the outcome with its orders.
 */
export const courtProceedings = pgTable(
  'court_proceedings',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => familyHelpCase.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    /** Pre-proceedings start with the letter before proceedings (none in an emergency). */
    letterSentOn: date('letter_sent_on', { mode: 'string' }),
    /** Family group decision making offered to the family (the duty before proceedings). */
    fgdmOfferedOn: date('fgdm_offered_on', { mode: 'string' }),
    fgdmResponse: text('fgdm_response'),
    /** Proceedings issued without the offer: the emergency and why there was no time. */
    emergencyReason: text('emergency_reason'),
    issuedOn: date('issued_on', { mode: 'string' }),
    court: text('court'),
    application: text('application'),
    outcome: text('outcome'),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    /** Why proceedings ran past 26 weeks, when they did. */
    extensionReason: text('extension_reason'),
    startedBy: uuid('started_by').notNull(),
    startedByName: text('started_by_name').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('court_proceedings_case_idx').on(t.caseId), index('court_proceedings_person_idx').on(t.personId)],
);

export const COURT_EVENT_KINDS = ['pre_proceedings_meeting', 'hearing'] as const;

/** A pre-proceedings meeting with the parents and their lawyers, or a hearing. */
export const courtEvent = pgTable(
  'court_event',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    proceedingsId: uuid('proceedings_id')
      .notNull()
      .references(() => courtProceedings.id),
    kind: text('kind', { enum: COURT_EVENT_KINDS }).notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** For a hearing: case management, further case management, issues resolution, final, or another. */
    hearingType: text('hearing_type'),
    summary: text('summary').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('court_event_proceedings_idx').on(t.proceedingsId, t.heldOn)],
);
