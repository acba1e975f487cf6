import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { organisation } from '../../platform/tenancy/tables.ts';
import { userAccount } from '../../platform/auth/tables.ts';
import { agencyContribution, coreGroupMeeting, cpConference, cpPlan, harmContext, harmContextMember, informationShare, section47Enquiry, strategyDiscussion } from './tables.ts';

export type ShareRow = typeof informationShare.$inferSelect;
export type PlanRow = typeof cpPlan.$inferSelect;

// Strategy discussions ----------------------------------------------------------------------------

export async function insertDiscussion(tx: Executor, row: typeof strategyDiscussion.$inferInsert) {
  await tx.insert(strategyDiscussion).values(row);
}

export async function findDiscussion(tx: Executor, laCode: string, id: string) {
  const [row] = await tx.select().from(strategyDiscussion).where(and(eq(strategyDiscussion.id, id), eq(strategyDiscussion.laCode, laCode)));
  return row;
}

export async function updateDiscussion(tx: Executor, id: string, expectedVersion: number, changes: Partial<typeof strategyDiscussion.$inferInsert>): Promise<boolean> {
  const updated = await tx
    .update(strategyDiscussion)
    .set({ ...changes, version: expectedVersion + 1 })
    .where(and(eq(strategyDiscussion.id, id), eq(strategyDiscussion.version, expectedVersion)))
    .returning({ id: strategyDiscussion.id });
  return updated.length === 1;
}

/** Discussions convened and not yet decided, oldest first, with the child's name and the case lead. */
export async function undecidedDiscussions(tx: Executor, laCode: string) {
  const result = await tx.execute(sql`
    select d.id, d.person_id as "personId", d.case_id as "caseId", d.convened_on::text as "convenedOn", d.urgent, d.chair_user_id as "chairUserId",
           d.chair_name as "chairName", d.version, d.convened_from as "convenedFrom", coalesce(p.preferred_name, p.given_names) || ' ' || p.family_name as "childName",
           c.lead_practitioner_name as "leadPractitionerName"
      from strategy_discussion d
      join person p on p.id = d.person_id
      join family_help_case c on c.id = d.case_id
     where d.la_code = ${laCode} and d.decided_at is null and c.closed_on is null
     order by d.urgent desc, d.convened_on, d.id`);
  return (result as { rows: { id: string; personId: string; caseId: string; convenedOn: string; urgent: boolean; chairUserId: string | null; chairName: string | null; version: number; convenedFrom: string; childName: string; leadPractitionerName: string }[] }).rows;
}

export async function discussionsForCase(tx: Executor, caseId: string) {
  return tx.select().from(strategyDiscussion).where(eq(strategyDiscussion.caseId, caseId)).orderBy(asc(strategyDiscussion.convenedOn));
}

// Sharing -----------------------------------------------------------------------------------------

export async function insertShare(tx: Executor, row: typeof informationShare.$inferInsert) {
  await tx.insert(informationShare).values(row);
}

export async function findShare(tx: Executor, id: string) {
  const [row] = await tx.select().from(informationShare).where(eq(informationShare.id, id));
  return row;
}

export async function sharesForCase(tx: Executor, caseId: string) {
  return tx.select().from(informationShare).where(eq(informationShare.caseId, caseId)).orderBy(asc(informationShare.decidedAt));
}

/** Ends every live share for a purpose (a discussion decided, a plan ended): access ends with it. */
export async function endShares(tx: Executor, where: { discussionId: string } | { planId: string }, at: Date, reason: string) {
  const target = 'discussionId' in where ? eq(informationShare.discussionId, where.discussionId) : eq(informationShare.planId, where.planId);
  await tx.update(informationShare).set({ endedAt: at, endReason: reason }).where(and(target, isNull(informationShare.endedAt), eq(informationShare.decision, 'share')));
}

/** A partner's live shares, newest first, with the child's name. */
export async function liveSharesFor(tx: Executor, partnerUserId: string) {
  const result = await tx.execute(sql`
    select s.id, s.person_id as "personId", s.purpose, s.decided_at as "decidedAt", s.decided_by_name as "decidedByName",
           coalesce(p.preferred_name, p.given_names) || ' ' || p.family_name as "childName"
      from information_share s
      join person p on p.id = s.person_id
     where s.partner_user_id = ${partnerUserId} and s.decision = 'share' and s.ended_at is null
     order by s.decided_at desc`);
  return (result as { rows: { id: string; personId: string; purpose: 'strategy_discussion' | 'core_group'; decidedAt: Date; decidedByName: string; childName: string }[] }).rows;
}

/** The partner users who may be shared with, by agency: the people a Child Protection Lead Practitioner can invite. */
export async function partnerUsers(tx: Executor, laCode: string) {
  return tx
    .select({ id: userAccount.id, displayName: userAccount.displayName, role: userAccount.role, organisation: organisation.name })
    .from(userAccount)
    .innerJoin(organisation, eq(organisation.id, userAccount.organisationId))
    .where(and(eq(userAccount.laCode, laCode), eq(userAccount.active, true), inArray(userAccount.role, ['police_partner', 'health_partner', 'school_partner'])))
    .orderBy(asc(userAccount.displayName));
}

export async function insertContribution(tx: Executor, row: typeof agencyContribution.$inferInsert) {
  await tx.insert(agencyContribution).values(row);
}

export async function contributionsForShares(tx: Executor, shareIds: readonly string[]) {
  if (shareIds.length === 0) return [];
  return tx.select().from(agencyContribution).where(inArray(agencyContribution.shareId, [...shareIds])).orderBy(asc(agencyContribution.createdAt));
}

// Enquiries, conferences, plans -------------------------------------------------------------------

export async function insertEnquiry(tx: Executor, row: typeof section47Enquiry.$inferInsert) {
  await tx.insert(section47Enquiry).values(row);
}

export async function enquiriesForCase(tx: Executor, caseId: string) {
  return tx.select().from(section47Enquiry).where(eq(section47Enquiry.caseId, caseId)).orderBy(asc(section47Enquiry.startedOn));
}

export async function findEnquiry(tx: Executor, id: string) {
  const [row] = await tx.select().from(section47Enquiry).where(eq(section47Enquiry.id, id));
  return row;
}

export async function updateEnquiry(tx: Executor, id: string, expectedVersion: number, changes: Partial<typeof section47Enquiry.$inferInsert>): Promise<boolean> {
  const updated = await tx
    .update(section47Enquiry)
    .set({ ...changes, version: expectedVersion + 1 })
    .where(and(eq(section47Enquiry.id, id), eq(section47Enquiry.version, expectedVersion)))
    .returning({ id: section47Enquiry.id });
  return updated.length === 1;
}

export async function insertPlan(tx: Executor, row: typeof cpPlan.$inferInsert) {
  await tx.insert(cpPlan).values(row);
}

export async function findPlanById(tx: Executor, id: string) {
  const [row] = await tx.select().from(cpPlan).where(eq(cpPlan.id, id));
  return row;
}

export async function plansForCase(tx: Executor, caseId: string) {
  return tx.select().from(cpPlan).where(eq(cpPlan.caseId, caseId)).orderBy(asc(cpPlan.startedOn));
}

export async function updatePlan(tx: Executor, id: string, expectedVersion: number, changes: Partial<typeof cpPlan.$inferInsert>): Promise<boolean> {
  const updated = await tx
    .update(cpPlan)
    .set({ ...changes, version: expectedVersion + 1 })
    .where(and(eq(cpPlan.id, id), eq(cpPlan.version, expectedVersion)))
    .returning({ id: cpPlan.id });
  return updated.length === 1;
}

/** Child protection plans the child has had before a date, in any case: a new one is their second or subsequent. */
export async function plansBefore(tx: Executor, personId: string, before: string): Promise<number> {
  const result = await tx.execute(sql`select count(*)::int as n from cp_plan where person_id = ${personId} and kind = 'child_protection' and started_on < ${before}`);
  return (result as { rows: { n: number }[] }).rows[0]!.n;
}

export async function insertConference(tx: Executor, row: typeof cpConference.$inferInsert) {
  await tx.insert(cpConference).values(row);
}

export async function conferencesForCase(tx: Executor, caseId: string) {
  return tx.select().from(cpConference).where(eq(cpConference.caseId, caseId)).orderBy(asc(cpConference.heldOn));
}

export async function insertCoreGroupMeeting(tx: Executor, row: typeof coreGroupMeeting.$inferInsert) {
  await tx.insert(coreGroupMeeting).values(row);
}

export async function coreGroupMeetings(tx: Executor, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  return tx.select().from(coreGroupMeeting).where(inArray(coreGroupMeeting.planId, [...planIds])).orderBy(asc(coreGroupMeeting.heldOn));
}

// What is due: the clocks of open child protection work --------------------------------------------

/**
 * The dated facts behind every child protection clock still running, for the cases a worker
 * leads or co-works as Child Protection Lead Practitioner (or a manager's teams).
 */
export interface ProtectionFacts {
  caseId: string;
  personId: string;
  childName: string;
  leadPractitionerId: string;
  leadPractitionerName: string;
  teamName: string;
  /** An undecided strategy discussion. */
  discussionConvenedOn: string | null;
  discussionUrgent: boolean | null;
  /** A section 47 enquiry with no initial conference yet, and not closed without one. */
  enquiryStartedOn: string | null;
  planStartedOn: string | null;
  lastReviewOn: string | null;
  lastSeenOn: string | null;
}

export async function protectionFacts(tx: Executor, where: { userId: string } | { teamIds: readonly string[] } | { caseId: string }): Promise<ProtectionFacts[]> {
  // The candidate cases first, each found through an index: never a scan of every case in the authority.
  const candidates =
    'caseId' in where
      ? sql`select ${where.caseId}::uuid as id`
      : 'userId' in where
        ? sql`select id from family_help_case where lead_practitioner_id = ${where.userId} and closed_on is null
              union select case_id from cp_plan where cp_lead_user_id = ${where.userId} and ended_on is null
              union select d.case_id from strategy_discussion d
                     where d.chair_user_id = ${where.userId}
                       and (d.decided_at is null
                            or exists (select 1 from section47_enquiry e where e.discussion_id = d.id and (e.outcome is null or e.outcome = 'conference')
                                          and not exists (select 1 from cp_conference k where k.enquiry_id = e.id)))`
        : where.teamIds.length === 0
          ? sql`select null::uuid as id where false`
          : sql`select id from family_help_case where team_id in (${sql.join(where.teamIds.map((id) => sql`${id}`), sql`, `)}) and closed_on is null`;
  const result = await tx.execute(sql`
    with candidate as (${candidates})
    select * from (
      select c.id as "caseId", c.person_id as "personId", coalesce(p.preferred_name, p.given_names) || ' ' || p.family_name as "childName",
             c.lead_practitioner_id as "leadPractitionerId", c.lead_practitioner_name as "leadPractitionerName", t.name as "teamName",
             d.convened_on::text as "discussionConvenedOn", d.urgent as "discussionUrgent",
             (select e.started_on::text from section47_enquiry e
               where e.case_id = c.id and (e.outcome is null or e.outcome = 'conference')
                 and not exists (select 1 from cp_conference k where k.enquiry_id = e.id)
               order by e.started_on desc limit 1) as "enquiryStartedOn",
             pl.started_on::text as "planStartedOn",
             (select max(k.held_on)::text from cp_conference k where k.plan_id = pl.id and k.kind = 'review') as "lastReviewOn",
             (select max(n.occurred_on)::text from case_note n where n.case_id = c.id and n.kind = 'visit' and n.child_seen and n.state <> 'draft' and n.recorded_in_error_at is null) as "lastSeenOn"
        from candidate w
        join family_help_case c on c.id = w.id
        join person p on p.id = c.person_id
        join team t on t.id = c.team_id
        left join lateral (select convened_on, urgent from strategy_discussion x where x.case_id = c.id and x.decided_at is null order by x.convened_on limit 1) d on true
        left join lateral (select id, started_on from cp_plan x where x.case_id = c.id and x.ended_on is null limit 1) pl on true
       where c.closed_on is null
    ) f
    where "discussionConvenedOn" is not null or "enquiryStartedOn" is not null or "planStartedOn" is not null`);
  return (result as { rows: ProtectionFacts[] }).rows;
}

// The chronology ----------------------------------------------------------------------------------

export interface ProtectionFact {
  kind: 'discussion_convened' | 'discussion_held' | 'shared' | 'not_shared' | 'enquiry_completed' | 'conference' | 'plan_started' | 'plan_ended' | 'core_group' | 'open_plan';
  date: string;
  a: string | null;
  b: string | null;
  c: string | null;
}

/** Every child protection fact about a child, for their chronology: one query. */
export async function protectionFactsForPerson(tx: Executor, personId: string): Promise<ProtectionFact[]> {
  const result = await tx.execute(sql`
    select 'discussion_convened' as kind, convened_on::text as date, case when urgent then 'urgent' end as a, convened_by_name as b, null as c from strategy_discussion where person_id = ${personId}
    union all select 'discussion_held', held_on::text, decision, chair_name, array_to_string(agencies, ',') from strategy_discussion where person_id = ${personId} and decided_at is not null
    union all select case when decision = 'share' then 'shared' else 'not_shared' end, (decided_at at time zone 'Europe/London')::date::text, agency, partner_name, purpose from information_share where person_id = ${personId}
    union all select 'enquiry_completed', completed_on::text, outcome, null, null from section47_enquiry where person_id = ${personId} and completed_on is not null
    union all select 'conference', held_on::text, kind, decision, category from cp_conference where person_id = ${personId}
    union all select 'plan_started', started_on::text, initial_category, cp_lead_name, kind from cp_plan where person_id = ${personId}
    union all select 'plan_ended', ended_on::text, end_reason, null, kind from cp_plan where person_id = ${personId} and ended_on is not null
    union all select 'core_group', m.held_on::text, m.recorded_by_name, null, null from core_group_meeting m join cp_plan x on x.id = m.plan_id where x.person_id = ${personId}
    union all select 'open_plan', started_on::text, case_id::text, cp_lead_name, latest_category from cp_plan where person_id = ${personId} and ended_on is null`);
  return (result as { rows: ProtectionFact[] }).rows;
}

// Counts for the synthetic authority's stats and calibration -----------------------------------------

export async function countProtection(tx: Executor, laCode: string, from: string, to: string, onDate: string) {
  const result = await tx.execute(sql`
    select (select count(*)::int from section47_enquiry where la_code = ${laCode} and started_on between ${from} and ${to}) as enquiries,
           (select count(*)::int from cp_conference where la_code = ${laCode} and kind = 'initial' and held_on between ${from} and ${to}) as "initialConferences",
           (select count(distinct person_id)::int from cp_plan where la_code = ${laCode} and kind = 'child_protection'
              and started_on <= ${onDate} and (ended_on is null or ended_on > ${onDate})) as "onPlans",
           (select count(*)::int from cp_plan x where la_code = ${laCode} and kind = 'child_protection' and started_on between ${from} and ${to}) as "plansStarted",
           (select count(*)::int from cp_plan x where la_code = ${laCode} and kind = 'child_protection' and started_on between ${from} and ${to}
              and exists (select 1 from cp_plan y where y.person_id = x.person_id and y.kind = 'child_protection' and y.started_on < x.started_on)) as "secondPlansStarted"`);
  return (result as { rows: { enquiries: number; initialConferences: number; onPlans: number; plansStarted: number; secondPlansStarted: number }[] }).rows[0]!;
}

// Harm outside the home -----------------------------------------------------------------------------

export async function insertContext(tx: Executor, row: typeof harmContext.$inferInsert) {
  await tx.insert(harmContext).values(row);
}

export async function findContext(tx: Executor, laCode: string, id: string) {
  const [row] = await tx.select().from(harmContext).where(and(eq(harmContext.id, id), eq(harmContext.laCode, laCode)));
  return row;
}

/** The authority's contexts, open first, with how many children each links now. */
export async function contexts(tx: Executor, laCode: string) {
  const result = await tx.execute(sql`
    select x.id, x.kind, x.name, x.identified_on::text as "identifiedOn", x.closed_on::text as "closedOn",
           (select count(*)::int from harm_context_member m where m.context_id = x.id and m.ended_on is null) as children
      from harm_context x
     where x.la_code = ${laCode}
     order by x.closed_on nulls first, x.identified_on desc`);
  return (result as { rows: { id: string; kind: string; name: string; identifiedOn: string; closedOn: string | null; children: number }[] }).rows;
}

/** The children a context links, with whether each is related to another of them (brothers, sisters, cousins …). */
export async function contextMembers(tx: Executor, contextId: string) {
  const result = await tx.execute(sql`
    select m.id, m.person_id as "personId", coalesce(p.preferred_name, p.given_names) || ' ' || p.family_name as name, p.date_of_birth::text as "dateOfBirth",
           m.linked_on::text as "linkedOn", m.why, m.linked_by_name as "linkedByName",
           (select string_agg(coalesce(q.preferred_name, q.given_names) || ' ' || q.family_name, ', ' order by q.family_name)
              from harm_context_member o
              join relationship r on ((r.from_person_id = m.person_id and r.to_person_id = o.person_id) or (r.from_person_id = o.person_id and r.to_person_id = m.person_id))
                                 and r.to_date is null
              join person q on q.id = o.person_id and q.record_kind = 'ordinary' -- a restricted or sealed relative is never named here
             where o.context_id = m.context_id and o.ended_on is null and o.person_id <> m.person_id) as "relatedTo"
      from harm_context_member m
      join person p on p.id = m.person_id
     where m.context_id = ${contextId} and m.ended_on is null
     order by m.linked_on, p.family_name`);
  return (result as { rows: { id: string; personId: string; name: string; dateOfBirth: string | null; linkedOn: string; why: string; linkedByName: string; relatedTo: string | null }[] }).rows;
}

export async function insertContextMember(tx: Executor, row: typeof harmContextMember.$inferInsert) {
  await tx.insert(harmContextMember).values(row);
}

/** The contexts a child is linked to now. */
export async function contextsForPerson(tx: Executor, personId: string) {
  return tx
    .select({ id: harmContext.id, kind: harmContext.kind, name: harmContext.name, linkedOn: harmContextMember.linkedOn, why: harmContextMember.why })
    .from(harmContextMember)
    .innerJoin(harmContext, eq(harmContext.id, harmContextMember.contextId))
    .where(and(eq(harmContextMember.personId, personId), isNull(harmContextMember.endedOn)))
    .orderBy(asc(harmContextMember.linkedOn));
}
