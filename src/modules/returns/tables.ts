import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Finding } from './cin/rules/engine.ts';
import { laCodeColumn } from '../../platform/tenancy/tables.ts';

export const CENSUS_RUN_STATUSES = ['running', 'done', 'failed'] as const;

/**
 * A statutory return generated from the record: who asked for it, how far it has got, and when
 * done the file itself with its structure check and rule findings, kept so the data team can
 * download exactly what they checked.
 */
export const returnRun = pgTable(
  'return_run',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    /** The return: 'cin_census'. */
    kind: text('kind').notNull(),
    /** The collection year, e.g. '2025-26'. */
    collection: text('collection').notNull(),
    status: text('status', { enum: CENSUS_RUN_STATUSES }).notNull(),
    /** What it is doing now, in words, while it runs. */
    stage: text('stage'),
    requestedBy: uuid('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    children: integer('children'),
    episodes: integer('episodes'),
    errors: integer('errors'),
    queries: integer('queries'),
    structureValid: boolean('structure_valid'),
    /** Problems against the collection's schema (line and message). */
    structureProblems: jsonb('structure_problems').$type<{ line?: number | undefined; message: string }[]>(),
    /** Rule findings: code, severity, child, referral, fields, message. */
    findings: jsonb('findings').$type<Finding[]>(),
    file: text('file'),
  },
  (t) => [index('return_run_kind_idx').on(t.laCode, t.kind, t.requestedAt)],
);
