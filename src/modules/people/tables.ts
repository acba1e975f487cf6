import { sql } from 'drizzle-orm';
import { bigint, boolean, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { laCodeColumn } from '../../platform/tenancy/tables.ts';

/**
 * A person: a child, or someone who matters to a child. One record per person (principle 1);
 * everything else — involvements, plans, returns — hangs off it.
 */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    /** The authority's own id for the person (LAchildID in the CIN census, CHILD in SSDA903). */
    laPersonId: text('la_person_id').notNull(),
    givenNames: text('given_names').notNull(),
    familyName: text('family_name').notNull(),
    /**
     * The preferred name as everyone working with the person may see it: copied by a trigger
     * from `identity_detail` when the child shares it with everyone, otherwise null. Never
     * written by the application; it is what search, lists and diagrams show.
     */
    preferredName: text('preferred_name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    /** For an unborn child: CIN census ExpectedPersonBirthDate. */
    expectedDateOfBirth: date('expected_date_of_birth', { mode: 'string' }),
    dateOfDeath: date('date_of_death', { mode: 'string' }),
    /** CIN census 2024-25 onward: M, F, or U (unknown; required for an unborn child). */
    sex: text('sex', { enum: ['M', 'F', 'U'] }),
    /** DfE ethnicity code (WBRI … OOTH, REFU, NOBT). */
    ethnicity: text('ethnicity'),
    /** ISO 639-3 code. */
    firstLanguage: text('first_language'),
    religion: text('religion'),
    /** CIN census disability codes (NONE, MOB, HAND, … AUT, DDA). */
    disabilities: text('disabilities').array().notNull().default(sql`'{}'::text[]`),
    nhsNumber: text('nhs_number'),
    upn: text('upn'),
    upnUnknownReason: text('upn_unknown_reason'),
    /** ordinary; restricted (a named access list); sealed (adoption: the other identity is never linked). */
    recordKind: text('record_kind', { enum: ['ordinary', 'restricted', 'sealed'] }).notNull().default('ordinary'),
    /** No address, school or placement is shown outside the allowed group (the NHS S-flag analogue). */
    locationWithheld: boolean('location_withheld').notNull().default(false),
    // Generated search columns (search_name, family_name_folded, family_name_sound,
    // given_name_sound) are added by drizzle/0006 and 0008 and read only by searchPeople.
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('person_la_person_id_unique').on(t.laCode, t.laPersonId),
    index('person_dob_idx').on(t.laCode, t.dateOfBirth),
    index('person_nhs_idx').on(t.laCode, t.nhsNumber),
    index('person_upn_idx').on(t.laCode, t.upn),
  ],
);

/** A household: people living together at one address for a time. */
export const household = pgTable('household', {
  id: uuid('id').primaryKey(),
  laCode: laCodeColumn(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const householdMember = pgTable(
  'household_member',
  {
    householdId: uuid('household_id')
      .notNull()
      .references(() => household.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    laCode: laCodeColumn(),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [index('household_member_person_idx').on(t.personId), index('household_member_household_idx').on(t.householdId)],
);

/** Where a person lived, and when. Coordinates let matching measure distance to family and school. */
export const personAddress = pgTable(
  'person_address',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    laCode: laCodeColumn(),
    line1: text('line1').notNull(),
    line2: text('line2'),
    town: text('town').notNull(),
    postcode: text('postcode').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [index('person_address_person_idx').on(t.personId), index('person_address_postcode_idx').on(t.laCode, t.postcode)],
);

/**
 * A typed relationship, stored once from `fromPersonId` to `toPersonId` ("A is B's mother");
 * the other direction is read through relationship-types.ts.
 */
export const relationship = pgTable(
  'relationship',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    fromPersonId: uuid('from_person_id')
      .notNull()
      .references(() => person.id),
    toPersonId: uuid('to_person_id')
      .notNull()
      .references(() => person.id),
    type: text('type').notNull(),
    /** The `from` person has parental responsibility for the `to` child. */
    parentalResponsibility: boolean('parental_responsibility').notNull().default(false),
    /** The child says this person matters to them (read in the direction of the child). */
    mattersToChild: boolean('matters_to_child').notNull().default(false),
    contactArrangement: text('contact_arrangement'),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [index('relationship_from_idx').on(t.fromPersonId), index('relationship_to_idx').on(t.toPersonId)],
);

/**
 * Who may open a restricted or sealed record: a named list, checked on the server for every
 * page, search and export (reference/security.md §2.2, §2.4).
 */
export const personAccess = pgTable(
  'person_access',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    userId: uuid('user_id').notNull(),
    laCode: laCodeColumn(),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who put them on the list (null for lists made before this was kept). */
    grantedByName: text('granted_by_name'),
  },
  (t) => [unique('person_access_unique').on(t.personId, t.userId), index('person_access_user_idx').on(t.userId)],
);

/**
 * The last LA person id given out in an authority, one row per prefix: taking the next one locks
 * the row, so people recorded at the same moment never get the same id.
 */
export const personIdCounter = pgTable(
  'person_id_counter',
  {
    laCode: laCodeColumn(),
    prefix: text('prefix').notNull(),
    lastValue: bigint('last_value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.laCode, t.prefix] })],
);

/**
 * A worker allocated to a child: the "legitimate relationship" that opens the child's record.
 * Family Help cases allocate their lead practitioner here; other modules add co-workers.
 */
/** The allocation that makes a worker the child's co-allocated Child Protection Lead Practitioner. */
export const CP_LEAD_CAPACITY = 'Child Protection Lead Practitioner';

export const allocation = pgTable(
  'allocation',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    userId: uuid('user_id').notNull(),
    laCode: laCodeColumn(),
    /** What the worker is to the child: lead practitioner, co-worker, personal adviser… */
    capacity: text('capacity').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [index('allocation_person_idx').on(t.personId), index('allocation_user_idx').on(t.userId)],
);

/** A significant event recorded by hand on a child's chronology. Other entries are derived from the record. */
export const significantEvent = pgTable(
  'significant_event',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    laCode: laCodeColumn(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    details: text('details'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('significant_event_person_idx').on(t.personId, t.occurredOn)],
);

/**
 * Emergency ("break-glass") access to one child's record: read-only, time-limited, with a
 * reason, and reviewed by a manager afterwards (reference/security.md §2.5).
 */
export const breakGlassGrant = pgTable(
  'break_glass_grant',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    userId: uuid('user_id').notNull(),
    username: text('username').notNull(),
    laCode: laCodeColumn(),
    reasonCode: text('reason_code').notNull(),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    reviewOutcome: text('review_outcome', { enum: ['appropriate', 'not_appropriate'] }),
    reviewNote: text('review_note'),
  },
  (t) => [index('break_glass_person_user_idx').on(t.personId, t.userId), index('break_glass_unreviewed_idx').on(t.laCode, t.reviewedAt)],
);

/**
 * Every word of every name in an authority (legal and preferred), once: a misspelt search
 * compares spellings against this short list instead of against every person. Kept by triggers
 * on `person` (drizzle/0013); the application never writes it.
 */
export const nameWord = pgTable(
  'name_word',
  {
    laCode: laCodeColumn(),
    word: text('word').notNull(),
  },
  (t) => [primaryKey({ columns: [t.laCode, t.word] })],
);

/** Which people have which name word: a matched word finds its people through a btree. Kept by the same triggers. */
export const personNameWord = pgTable(
  'person_name_word',
  {
    laCode: laCodeColumn(),
    word: text('word').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
  },
  (t) => [primaryKey({ columns: [t.laCode, t.word, t.personId] }), index('person_name_word_person_idx').on(t.personId)],
);

export const IDENTITY_DETAIL_KINDS = ['preferred_name', 'pronouns', 'gender_identity', 'sexual_orientation'] as const;
export type IdentityDetailKind = (typeof IDENTITY_DETAIL_KINDS)[number];

/** Who the child wants to see a detail: everyone working with them, their allocated workers, or only the worker they told. */
export const IDENTITY_SHARING = ['everyone', 'allocated', 'told'] as const;
export type IdentitySharing = (typeof IDENTITY_SHARING)[number];

/**
 * Details a child wants said once — the name they use, pronouns, gender identity, sexual
 * orientation — in their own words, each with the child's choice of who may see it.
 * One row per detail: stored once, shown only to those the child chose.
 */
export const identityDetail = pgTable(
  'identity_detail',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    laCode: laCodeColumn(),
    kind: text('kind', { enum: IDENTITY_DETAIL_KINDS }).notNull(),
    value: text('value').notNull(),
    sharedWith: text('shared_with', { enum: IDENTITY_SHARING }).notNull(),
    /** The worker the child told, who recorded it: the only one to see it when shared with 'told'. Null if it came from elsewhere (a migration, an import). */
    toldTo: uuid('told_to'),
    toldToName: text('told_to_name'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] })],
);
