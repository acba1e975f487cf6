import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';

/**
 * The CIN census's read model: the dated facts of every child in need in a collection year, read
 * set-wise (a query per kind of fact, never one per child) from the record's tables. The census
 * is assembled from these rows in `census.ts`; nothing here is typed in again.
 */
const rows = async <T>(tx: Executor, query: ReturnType<typeof sql>) => ((await tx.execute(query)) as { rows: T[] }).rows;

export interface EpisodeRow {
  caseId: string;
  personId: string;
  referralDate: string;
  source: string;
  primaryNeed: string;
  basisFrom: string;
  basisTo: string | null;
  caseClosedOn: string | null;
  closureReason: string | null;
}

/** Only this child's rows, when a child is named (the point-of-recording check); everyone's otherwise. */
const onlyChild = (column: ReturnType<typeof sql.raw>, personId: string | undefined) => (personId ? sql` and ${column} = ${personId}::uuid` : sql``);

/**
 * Periods helped under section 17 (each is one CINdetails) that overlap the year. Help that steps
 * down to early help closes its episode the day early help begins (census.ts), so one that stepped
 * down on the year's first day ended in the year, though its section 17 period ended the day before.
 */
export const episodes = (tx: Executor, from: string, to: string, personId?: string) =>
  rows<EpisodeRow>(
    tx,
    sql`select c.id as "caseId", c.person_id as "personId", c.referral_date::text as "referralDate", coalesce(r.source, '10') as source,
               c.primary_need as "primaryNeed", b.from_date::text as "basisFrom", b.to_date::text as "basisTo",
               c.closed_on::text as "caseClosedOn", c.closure_reason as "closureReason"
          from case_basis b
          join family_help_case c on c.id = b.case_id
          left join request_for_help r on r.id = c.request_id
         where b.basis = 'section_17' and b.from_date <= ${to}
           and (b.to_date is null or b.to_date >= ${from} or (b.to_date = ${from}::date - 1 and c.closed_on is distinct from b.to_date))${onlyChild(sql.raw('c.person_id'), personId)}`,
  );

export interface NfaRow {
  personId: string;
  receivedOn: string;
  decidedOn: string;
  source: string;
}

/** Referrals in the year that ended at the front door with advice: CINdetails with ReferralNFA. */
export const noFurtherAction = (tx: Executor, from: string, to: string, personId?: string) =>
  rows<NfaRow>(
    tx,
    sql`select person_id as "personId", received_on::text as "receivedOn", (decided_at at time zone 'Europe/London')::date::text as "decidedOn", source
          from request_for_help
         where decision = 'advice' and person_id is not null and received_on between ${from} and ${to}${onlyChild(sql.raw('person_id'), personId)}`,
  );

export interface PersonRow {
  id: string;
  laPersonId: string;
  upn: string | null;
  upnUnknownReason: string | null;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  dateOfDeath: string | null;
  sex: string | null;
  ethnicity: string | null;
  disabilities: string[];
}

export const people = (tx: Executor, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : rows<PersonRow>(
        tx,
        sql`select id, la_person_id as "laPersonId", upn, upn_unknown_reason as "upnUnknownReason", date_of_birth::text as "dateOfBirth",
                   expected_date_of_birth::text as "expectedDateOfBirth", date_of_death::text as "dateOfDeath", sex, ethnicity, disabilities
              from person where id = any(${toArray(ids)}::uuid[])`,
      );

/** The facts inside episodes, for the cases concerned: assessments, plans, enquiries, conferences, child protection plans, court. */
export async function caseFacts(tx: Executor, caseIds: readonly string[]) {
  const ids = toArray(caseIds);
  return {
    assessments: await rows<{ caseId: string; startedOn: string; completedOn: string | null; factors: string[] }>(
      tx,
      sql`select case_id as "caseId", started_on::text as "startedOn", completed_on::text as "completedOn", factors from assessment where case_id = any(${ids}::uuid[]) order by started_on`,
    ),
    plans: await rows<{ caseId: string; startedOn: string; endedOn: string | null }>(
      tx,
      sql`select case_id as "caseId", started_on::text as "startedOn", ended_on::text as "endedOn" from family_help_plan where case_id = any(${ids}::uuid[]) order by started_on`,
    ),
    enquiries: await rows<{ caseId: string; startedOn: string; completedOn: string | null; outcome: string | null; conferenceOn: string | null }>(
      tx,
      sql`select e.case_id as "caseId", e.started_on::text as "startedOn", e.completed_on::text as "completedOn", e.outcome,
                 (select min(k.held_on)::text from cp_conference k where k.enquiry_id = e.id and k.kind = 'initial') as "conferenceOn"
            from section47_enquiry e where e.case_id = any(${ids}::uuid[]) order by e.started_on`,
    ),
    cpPlans: await rows<{ caseId: string; startedOn: string; endedOn: string | null; initialCategory: string; latestCategory: string; previous: number; reviews: string[] }>(
      tx,
      sql`select x.case_id as "caseId", x.started_on::text as "startedOn", x.ended_on::text as "endedOn", x.initial_category as "initialCategory", x.latest_category as "latestCategory",
                 (select count(*)::int from cp_plan y where y.person_id = x.person_id and y.kind = 'child_protection' and y.started_on < x.started_on)
                 -- and earlier plans the record does not hold, as an imported census counted them
                 + coalesce((select max(z.earlier_plans_not_held) from cp_plan z where z.person_id = x.person_id and z.kind = 'child_protection' and z.started_on <= x.started_on), 0) as previous,
                 coalesce((select array_agg(k.held_on::text order by k.held_on) from cp_conference k where k.plan_id = x.id and k.kind = 'review'), '{}') as reviews
            from cp_plan x where x.case_id = any(${ids}::uuid[]) and x.kind = 'child_protection' order by x.started_on`,
    ),
    proceedings: await rows<{ caseId: string; letterSentOn: string | null; fgdmOfferedOn: string | null; issuedOn: string | null; meetingOn: string | null; meetings: number }>(
      tx,
      sql`select k.case_id as "caseId", k.letter_sent_on::text as "letterSentOn", k.fgdm_offered_on::text as "fgdmOfferedOn", k.issued_on::text as "issuedOn",
                 (select min(e.held_on)::text from court_event e where e.proceedings_id = k.id and e.kind = 'pre_proceedings_meeting') as "meetingOn",
                 (select count(*)::int from court_event e where e.proceedings_id = k.id and e.kind = 'pre_proceedings_meeting') as meetings
            from court_proceedings k where k.case_id = any(${ids}::uuid[])`,
    ),
  };
}

/** A PostgreSQL array literal of ids, bound as one parameter. */
function toArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}
