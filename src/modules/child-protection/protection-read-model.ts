import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { DueCase } from '../family-help/due.ts';

/**
 * Child protection's read models: the lists and clocks that name the child. Besides child
 * protection's own tables (strategy_discussion, section47_enquiry, cp_conference, cp_plan,
 * information_share, harm_context_member), they read, and only read:
 * - from the people module, `person` (the child's name and date of birth, and whether a relative
 *   may be named) and `relationship` (which children linked to a context are related);
 * - from Family Help, `family_help_case` (the case child protection is a layer on: its child,
 *   lead practitioner and whether it is open), `team` (the team's name on a due item) and
 *   `case_note` (the last visit the child was seen, for the visit clock while on a plan).
 * Nothing here writes.
 */

// The multi-agency team's queue ---------------------------------------------------------------------

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

// Partners ----------------------------------------------------------------------------------------

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

// What is due: the clocks of open child protection work --------------------------------------------

/**
 * The dated facts behind every child protection clock still running, for the cases a worker
 * leads or co-works as Child Protection Lead Practitioner (or a manager's teams).
 */
export interface ProtectionFacts extends DueCase {
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

// Harm outside the home -----------------------------------------------------------------------------

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
