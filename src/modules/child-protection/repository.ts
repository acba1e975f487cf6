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
