import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { laCodeColumn, organisation } from '../tenancy/tables.ts';

/**
 * Staff and partner accounts. Identity tables are read before the tenant is known (sign-in,
 * session lookup), so they are the allow-listed exceptions to row-level security; they hold
 * no case data.
 */
export const userAccount = pgTable(
  'user_account',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    active: boolean('active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  },
  (t) => [unique('user_account_oidc_identity_unique').on(t.oidcIssuer, t.oidcSubject)],
);

/** Server-side sessions. Only a SHA-256 of the session token is stored. */
export const userSession = pgTable(
  'user_session',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => userAccount.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (t) => [index('user_session_user_idx').on(t.userId)],
);
