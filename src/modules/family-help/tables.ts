import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { laCodeColumn } from '../../platform/tenancy/tables.ts';
import { person } from '../people/tables.ts';

export const TEAM_KINDS = ['family_help', 'child_protection', 'children_in_care', 'leaving_care', 'front_door'] as const;
export const TEAM_BASES = ['family_hub', 'school', 'office', 'health_centre'] as const;

/** A multi-disciplinary team, based where families are (a family hub, a school) or in an office. */
export const team = pgTable('team', {
  id: uuid('id').primaryKey(),
  laCode: laCodeColumn(),
  name: text('name').notNull(),
  kind: text('kind', { enum: TEAM_KINDS }).notNull(),
  base: text('base', { enum: TEAM_BASES }).notNull(),
  baseName: text('base_name').notNull(),
  managerUserId: uuid('manager_user_id'),
});

/** Who works in which team (a worker may be in more than one). */
export const teamMember = pgTable(
  'team_member',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id),
    userId: uuid('user_id').notNull(),
    laCode: laCodeColumn(),
    /** The worker's profession in this team: what a lead practitioner is (they need not be a social worker). */
    profession: text('profession').notNull(),
  },
  (t) => [index('team_member_user_idx').on(t.userId), index('team_member_team_idx').on(t.teamId)],
);

export const REQUEST_CHANNELS = ['partner', 'public', 'staff'] as const;
export const REQUEST_DECISIONS = ['advice', 'family_help', 'strategy_discussion'] as const;
export const CONSENT_BASES = ['consent_given', 'consent_refused', 'not_needed_safeguarding', 'not_sought'] as const;

/**
 * A request for help (contact / referral) at the one front door: from a partner's own form, a
 * parent or young person on the public page, or staff recording a call. Decided within one
 * working day; the decision, its reasons and the family's views are kept with it.
 */
export const requestForHelp = pgTable(
  'request_for_help',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    /** What the family can quote when they call (public requests): short, unambiguous, unique in the authority. */
    reference: text('reference'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** The date in England it arrived: the decision clock starts here. */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    channel: text('channel', { enum: REQUEST_CHANNELS }).notNull(),
    /** CIN census referral source. */
    source: text('source').notNull(),
    submittedBy: uuid('submitted_by'),
    submitterName: text('submitter_name'),
    submitterOrganisation: text('submitter_organisation'),
    /** How the person asking knows the child (public requests): parent, young person, relative … */
    submitterRelationship: text('submitter_relationship'),
    submitterPhone: text('submitter_phone'),
    submitterEmail: text('submitter_email'),
    childGivenNames: text('child_given_names').notNull(),
    childFamilyName: text('child_family_name').notNull(),
    childDateOfBirth: date('child_date_of_birth', { mode: 'string' }),
    childAddress: text('child_address'),
    childPostcode: text('child_postcode'),
    otherChildren: text('other_children'),
    concerns: text('concerns').notNull(),
    helpWanted: text('help_wanted'),
    /** Does the family know about this request? yes / no / not_sure */
    familyKnows: text('family_knows'),
    /** The child this request is about, once the triager has matched or recorded them. */
    personId: uuid('person_id').references(() => person.id),
    decision: text('decision', { enum: REQUEST_DECISIONS }),
    decisionReasons: text('decision_reasons'),
    childViews: text('child_views'),
    familyViews: text('family_views'),
    consentBasis: text('consent_basis', { enum: CONSENT_BASES }),
    /** Set at the decision: a request within 12 months of a closed case for the same child. */
    reReferral: boolean('re_referral'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    caseId: uuid('case_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('request_for_help_reference_idx').on(t.laCode, t.reference),
    index('request_for_help_open_idx').on(t.laCode, t.decidedAt, t.receivedAt), index('request_for_help_person_idx').on(t.personId), index('request_for_help_submitter_idx').on(t.submittedBy)],
);

export const STATUTORY_BASES = ['early_help', 'section_17'] as const;
export type StatutoryBasis = (typeof STATUTORY_BASES)[number];

/**
 * One continuous Family Help case for one child, from the first request to closure: one lead
 * practitioner throughout. Brothers and sisters helped together share a `familyId`.
 */
export const familyHelpCase = pgTable(
  'family_help_case',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    familyId: uuid('family_id').notNull(),
    requestId: uuid('request_id').references(() => requestForHelp.id),
    /** The referral date: the assessment clock (45 working days) starts here. */
    referralDate: date('referral_date', { mode: 'string' }).notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    leadPractitionerId: uuid('lead_practitioner_id').notNull(),
    leadPractitionerName: text('lead_practitioner_name').notNull(),
    leadProfession: text('lead_profession').notNull(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id),
    /** CIN census primary need (N0–N9). */
    primaryNeed: text('primary_need').notNull(),
    /** What a disabled child needs, said plainly (first-class, not a note). */
    disabilityNeeds: text('disability_needs'),
    /** The family has money worries: financial help is offered and recorded. */
    moneyWorries: boolean('money_worries').notNull().default(false),
    closedOn: date('closed_on', { mode: 'string' }),
    closureReason: text('closure_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('family_help_case_person_idx').on(t.personId),
    index('family_help_case_lead_idx').on(t.leadPractitionerId, t.closedOn),
    index('family_help_case_team_idx').on(t.teamId, t.closedOn),
    index('family_help_case_family_idx').on(t.familyId),
  ],
);

/** The statutory basis over time: it changes without closing the case or changing the worker. */
export const caseBasis = pgTable(
  'case_basis',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => familyHelpCase.id),
    laCode: laCodeColumn(),
    basis: text('basis', { enum: STATUTORY_BASES }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    reason: text('reason'),
    recordedBy: uuid('recorded_by'),
  },
  (t) => [index('case_basis_case_idx').on(t.caseId, t.fromDate)],
);

/** A whole-family assessment: due 45 working days after the referral. */
export const assessment = pgTable(
  'assessment',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => familyHelpCase.id),
    laCode: laCodeColumn(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    /** CIN census factors identified at assessment. */
    factors: text('factors').array().notNull().default(sql`'{}'::text[]`),
    childSeen: boolean('child_seen'),
    childSeenAlone: boolean('child_seen_alone'),
    /** The child's views in their own words. */
    childViews: text('child_views'),
    familyViews: text('family_views'),
    analysis: text('analysis'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('assessment_case_idx').on(t.caseId)],
);

/** The Family Help plan: the family's goals in plain language, actions with owners, reviews. */
export const familyHelpPlan = pgTable(
  'family_help_plan',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => familyHelpCase.id),
    laCode: laCodeColumn(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('family_help_plan_case_idx').on(t.caseId)],
);

export const planGoal = pgTable(
  'plan_goal',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => familyHelpPlan.id),
    laCode: laCodeColumn(),
    position: integer('position').notNull(),
    /** In the family's words: "Jade gets to school on time every day". */
    goal: text('goal').notNull(),
  },
  (t) => [index('plan_goal_plan_idx').on(t.planId)],
);

export const ACTION_OWNERS = ['family', 'practitioner', 'partner'] as const;

export const planAction = pgTable(
  'plan_action',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => familyHelpPlan.id),
    laCode: laCodeColumn(),
    position: integer('position').notNull(),
    action: text('action').notNull(),
    ownerKind: text('owner_kind', { enum: ACTION_OWNERS }).notNull(),
    ownerName: text('owner_name').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    doneOn: date('done_on', { mode: 'string' }),
  },
  (t) => [index('plan_action_plan_idx').on(t.planId)],
);

export const planReview = pgTable(
  'plan_review',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => familyHelpPlan.id),
    laCode: laCodeColumn(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    progress: text('progress').notNull(),
    childViews: text('child_views'),
    familyViews: text('family_views'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
  },
  (t) => [index('plan_review_plan_idx').on(t.planId, t.reviewedOn)],
);

export const NOTE_KINDS = ['case_note', 'visit', 'management_oversight'] as const;
export const NOTE_STATES = ['draft', 'final', 'authorised'] as const;

/**
 * Recording on the case: case notes, visits (child seen, seen alone) and management oversight.
 * Draft → final → authorised by a manager. The time spent recording is kept for the workforce.
 */
export const caseNote = pgTable(
  'case_note',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => familyHelpCase.id),
    laCode: laCodeColumn(),
    kind: text('kind', { enum: NOTE_KINDS }).notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    childSeen: boolean('child_seen'),
    childSeenAlone: boolean('child_seen_alone'),
    state: text('state', { enum: NOTE_STATES }).notNull(),
    authorId: uuid('author_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    authorisedAt: timestamp('authorised_at', { withTimezone: true }),
    authorisedBy: uuid('authorised_by'),
    authorisedByName: text('authorised_by_name'),
    /** Seconds the author spent with the note open, summed over every save. */
    recordingSeconds: integer('recording_seconds').notNull().default(0),
    /** The last amendment of a final note; what it replaced is in case_note_amendment. */
    amendedAt: timestamp('amended_at', { withTimezone: true }),
    /** A note recorded in error stays on the record, marked, and counts for nothing (no visit, no chronology). */
    recordedInErrorAt: timestamp('recorded_in_error_at', { withTimezone: true }),
    recordedInErrorBy: uuid('recorded_in_error_by'),
    recordedInErrorByName: text('recorded_in_error_by_name'),
    recordedInErrorReason: text('recorded_in_error_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('case_note_case_idx').on(t.caseId, t.occurredOn)],
);

/** What a final note said before each amendment, with who amended it and why: nothing recorded is lost. */
export const caseNoteAmendment = pgTable(
  'case_note_amendment',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    noteId: uuid('note_id')
      .notNull()
      .references(() => caseNote.id),
    /** The note's version that this amendment replaced. */
    replacedVersion: integer('replaced_version').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    childSeen: boolean('child_seen'),
    childSeenAlone: boolean('child_seen_alone'),
    amendedAt: timestamp('amended_at', { withTimezone: true }).notNull(),
    amendedBy: uuid('amended_by').notNull(),
    amendedByName: text('amended_by_name').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('case_note_amendment_note_idx').on(t.noteId, t.replacedVersion)],
);

/** Money given to the family: what, how much, when. */
export const financialHelp = pgTable(
  'financial_help',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => familyHelpCase.id),
    laCode: laCodeColumn(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    amountPence: integer('amount_pence').notNull(),
    kind: text('kind').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
  },
  (t) => [index('financial_help_case_idx').on(t.caseId)],
);
