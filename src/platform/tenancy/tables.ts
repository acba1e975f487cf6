import { boolean, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * A local authority: the tenant. Its code (DfE's three-digit LA code) is carried by every
 * row of case data and confines each transaction through row-level security.
 */
export const authority = pgTable('authority', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  /** Children aged 0–17 living in the authority (ONS mid-year estimate): the denominator of every rate. */
  childPopulation: integer('child_population'),
  /** The number a family can call the front door on, shown on the public page. */
  contactPhone: text('contact_phone'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The authority a row belongs to: on every table of case data, and what row-level security checks. */
export const laCodeColumn = () =>
  text('la_code')
    .notNull()
    .references(() => authority.code);

/** Organisations whose staff use the service: the authority itself and its partners. */
export const organisation = pgTable(
  'organisation',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    name: text('name').notNull(),
    kind: text('kind', {
      enum: ['local_authority', 'police', 'health', 'school', 'advocacy_service', 'regional_care_cooperative'],
    }).notNull(),
  },
  (t) => [unique('organisation_la_name_unique').on(t.laCode, t.name)],
);
