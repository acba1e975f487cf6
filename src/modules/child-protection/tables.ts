import { date, index, integer, pgTable, text, timestamp, uuid, boolean } from 'drizzle-orm/pg-core';
import { laCodeColumn } from '../../platform/tenancy/tables.ts';
import { person } from '../people/tables.ts';
import { familyHelpCase, requestForHelp } from '../family-help/tables.ts';

export const CONVENED_FROM = ['request', 'case'] as const;
export const STRATEGY_DECISIONS = ['section_47', 'extra_familial_harm', 'family_help', 'no_further_action'] as const;
export type StrategyDecision = (typeof STRATEGY_DECISIONS)[number];

/**
 * A multi-agency strategy discussion, convened from a request at the front door or from the
 * child's open case. A Child Protection Lead Practitioner takes it (and is co-allocated to the
 * child); the agencies add what they know; the decision and its reasons are kept.
 */
export const strategyDiscussion = pgTable(
  'strategy_discussion',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => familyHelpCase.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    convenedFrom: text('convened_from', { enum: CONVENED_FROM }).notNull(),
    requestId: uuid('request_id').references(() => requestForHelp.id),
    convenedOn: date('convened_on', { mode: 'string' }).notNull(),
    convenedBy: uuid('convened_by').notNull(),
    convenedByName: text('convened_by_name').notNull(),
    /** Urgent: held the same or the next working day. */
    urgent: boolean('urgent').notNull(),
    /** What is known and why significant harm is suspected: what may be shared with the agencies. */
    concerns: text('concerns').notNull(),
    chairUserId: uuid('chair_user_id'),
    chairName: text('chair_name'),
    heldOn: date('held_on', { mode: 'string' }),
    /** The agencies that took part (AGENCIES codes). */
    agencies: text('agencies').array(),
    decision: text('decision', { enum: STRATEGY_DECISIONS }),
    reasons: text('reasons'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('strategy_discussion_person_idx').on(t.personId),
    index('strategy_discussion_case_idx').on(t.caseId),
    index('strategy_discussion_chair_idx').on(t.chairUserId),
    index('strategy_discussion_open_idx').on(t.laCode, t.decidedAt),
  ],
);

export const SHARE_PURPOSES = ['strategy_discussion', 'core_group'] as const;
export const SHARE_DECISIONS = ['share', 'not_share'] as const;

/**
 * An information-sharing decision (golden rule 7): what, with whom, for what purpose, on what
 * lawful basis, with consent or the reason there was none — including a decision not to share.
 * A decision to share with a partner user is also their access: it lasts while its purpose does
 * (the discussion, or the plan) and ends the moment it is ended.
 */
export const informationShare = pgTable(
  'information_share',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => familyHelpCase.id),
    purpose: text('purpose', { enum: SHARE_PURPOSES }).notNull(),
    discussionId: uuid('discussion_id').references(() => strategyDiscussion.id),
    planId: uuid('plan_id').references(() => cpPlan.id),
    agency: text('agency').notNull(),
    /** The partner user who may see what is shared (null for a decision not to share). */
    partnerUserId: uuid('partner_user_id'),
    partnerName: text('partner_name'),
    decision: text('decision', { enum: SHARE_DECISIONS }).notNull(),
    /** What is shared, as the partner will read it. */
    what: text('what'),
    reasons: text('reasons').notNull(),
    lawfulBasis: text('lawful_basis').notNull(),
    consent: text('consent').notNull(),
    consentReason: text('consent_reason'),
    decidedBy: uuid('decided_by').notNull(),
    decidedByName: text('decided_by_name').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (t) => [
    index('information_share_partner_idx').on(t.partnerUserId, t.endedAt),
    index('information_share_person_idx').on(t.personId),
    index('information_share_case_idx').on(t.caseId),
    index('information_share_discussion_idx').on(t.discussionId),
    index('information_share_plan_idx').on(t.planId),
  ],
);

/** What a partner agency knows, added through a share: to a strategy discussion or a core group. */
export const agencyContribution = pgTable(
  'agency_contribution',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    shareId: uuid('share_id')
      .notNull()
      .references(() => informationShare.id),
    agency: text('agency').notNull(),
    authorId: uuid('author_id').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('agency_contribution_share_idx').on(t.shareId)],
);

export const ENQUIRY_OUTCOMES = ['conference', 'family_help', 'no_further_action'] as const;

/** A section 47 enquiry, started by the strategy discussion's decision. */
export const section47Enquiry = pgTable(
  'section47_enquiry',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => familyHelpCase.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    discussionId: uuid('discussion_id').references(() => strategyDiscussion.id),
    /** The strategy discussion's date: the conference clock (15 working days) starts here. */
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    outcome: text('outcome', { enum: ENQUIRY_OUTCOMES }),
    findings: text('findings'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('section47_enquiry_person_idx').on(t.personId), index('section47_enquiry_case_idx').on(t.caseId), index('section47_enquiry_discussion_idx').on(t.discussionId)],
);

export const CP_PLAN_KINDS = ['child_protection', 'extra_familial_harm'] as const;

/**
 * A child protection plan, a layer on the child's one Family Help case: the case's lead
 * practitioner stays, and a Child Protection Lead Practitioner co-works with the decision rights.
 */
export const cpPlan = pgTable(
  'cp_plan',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => familyHelpCase.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    kind: text('kind', { enum: CP_PLAN_KINDS }).notNull().default('child_protection'),
    /** The initial conference's date (CIN rule 2885). */
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    initialCategory: text('initial_category').notNull(),
    latestCategory: text('latest_category').notNull(),
    cpLeadUserId: uuid('cp_lead_user_id').notNull(),
    cpLeadName: text('cp_lead_name').notNull(),
    /** A joint plan with the youth justice service, for a child known to both: their worker. */
    youthJusticeWorker: text('youth_justice_worker'),
    /** The single joint assessment behind an extra-familial harm plan, in plain words. */
    jointAssessment: text('joint_assessment'),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    /**
     * Imported history only: the child's earlier child protection plans that the record does not
     * hold (they ended before the imported census's year, or before the record began): the
     * census's NumberOfPreviousCPP less the earlier plans the record has. Null otherwise.
     */
    earlierPlansNotHeld: integer('earlier_plans_not_held'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('cp_plan_person_idx').on(t.personId, t.startedOn),
    index('cp_plan_case_idx').on(t.caseId),
    index('cp_plan_lead_idx').on(t.cpLeadUserId, t.endedOn),
    index('cp_plan_open_idx').on(t.laCode, t.endedOn),
  ],
);

export const CONFERENCE_KINDS = ['initial', 'review'] as const;
export const CONFERENCE_DECISIONS = ['plan', 'no_plan', 'continue', 'end'] as const;

/** An initial or review child protection conference: who came, the child's and parents' views, the decision. */
export const cpConference = pgTable(
  'cp_conference',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => familyHelpCase.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    enquiryId: uuid('enquiry_id').references(() => section47Enquiry.id),
    planId: uuid('plan_id').references(() => cpPlan.id),
    kind: text('kind', { enum: CONFERENCE_KINDS }).notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** Who attended, one per entry: name and role or agency. */
    attendees: text('attendees').array().notNull(),
    childViews: text('child_views').notNull(),
    /** How the child's views came: directly, through an advocate, in writing, or not able to. */
    childViewsHow: text('child_views_how').notNull(),
    parentsViews: text('parents_views').notNull(),
    /** The parents' representative or advocate, if they had one. */
    parentsRepresentative: text('parents_representative'),
    decision: text('decision', { enum: CONFERENCE_DECISIONS }).notNull(),
    category: text('category'),
    reasons: text('reasons').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
  },
  (t) => [index('cp_conference_person_idx').on(t.personId, t.heldOn), index('cp_conference_case_idx').on(t.caseId), index('cp_conference_plan_idx').on(t.planId), index('cp_conference_enquiry_idx').on(t.enquiryId)],
);

/** A core group meeting: the professionals and family who carry out the plan between conferences. */
export const coreGroupMeeting = pgTable(
  'core_group_meeting',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => cpPlan.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    attendees: text('attendees').array().notNull(),
    progress: text('progress').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
  },
  (t) => [index('core_group_meeting_plan_idx').on(t.planId, t.heldOn)],
);

export const HARM_CONTEXT_KINDS = ['place', 'peer_group', 'online', 'other'] as const;

/**
 * A context where children are harmed outside their homes — a place, a peer group, an online
 * space — that links several children who need not be related. Worked by the multi-agency team.
 */
export const harmContext = pgTable('harm_context', {
  id: uuid('id').primaryKey(),
  laCode: laCodeColumn(),
  kind: text('kind', { enum: HARM_CONTEXT_KINDS }).notNull(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  identifiedOn: date('identified_on', { mode: 'string' }).notNull(),
  createdBy: uuid('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
  closedOn: date('closed_on', { mode: 'string' }),
});

/** A child linked to a context, from a date, and why. */
export const harmContextMember = pgTable(
  'harm_context_member',
  {
    id: uuid('id').primaryKey(),
    laCode: laCodeColumn(),
    contextId: uuid('context_id')
      .notNull()
      .references(() => harmContext.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    linkedOn: date('linked_on', { mode: 'string' }).notNull(),
    why: text('why').notNull(),
    linkedBy: uuid('linked_by').notNull(),
    linkedByName: text('linked_by_name').notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
  },
  (t) => [index('harm_context_member_context_idx').on(t.contextId), index('harm_context_member_person_idx').on(t.personId)],
);
