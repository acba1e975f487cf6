import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';

/**
 * What importing a CIN census reads from the record, set-wise (a query per kind of fact for every
 * child in the file, never one per child): the people it may already hold (the people module's
 * `person`), the episodes and facts they already have (Family Help's `family_help_case`,
 * `case_basis`, `request_for_help`, `assessment`, `family_help_plan`; child protection's
 * `section47_enquiry`, `cp_plan`, `cp_conference`; court's `court_proceedings`, `court_event`).
 * Read only: the import writes through each module's history interface (`history.ts`), whose
 * checks run first.
 */
const rows = async <T>(tx: Executor, query: ReturnType<typeof sql>) => ((await tx.execute(query)) as { rows: T[] }).rows;
/** A PostgreSQL array literal, bound as one parameter. */
const toArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** The reason recorded on the section 17 period of a case an import created: how a later import knows it. */
export const importedBasisReason = (collection: string) => `Imported from the ${collection} CIN census`;
const IMPORTED_REASON_PATTERN = 'Imported from the %-% CIN census';

export interface KnownPerson {
  id: string;
  laPersonId: string;
  upn: string | null;
}

/** People of the authority with one of these LA ids (LAchildID) or UPNs. */
export const peopleByIdentifiers = (tx: Executor, laCode: string, laIds: readonly string[], upns: readonly string[]) =>
  rows<KnownPerson>(
    tx,
    sql`select id, la_person_id as "laPersonId", upn from person
         where la_code = ${laCode} and (la_person_id = any(${toArray(laIds)}::text[]) or upn = any(${toArray(upns)}::text[]))
         order by la_person_id`,
  );

export interface HeldPeriod {
  personId: string;
  caseId: string;
  /** The section 17 period's row; null for a case's referral (a case never under section 17 still holds its referral day). */
  basisId: string | null;
  from: string;
  to: string | null;
  /** A section 17 period an import created: a later census file may add to it. */
  imported: boolean;
}

/** What the record holds of these people's episodes: each period under section 17, and each case's referral day. */
export const heldPeriods = (tx: Executor, personIds: readonly string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : rows<HeldPeriod>(
        tx,
        sql`select c.person_id as "personId", c.id as "caseId", b.id as "basisId", b.from_date::text as "from", b.to_date::text as "to",
                   coalesce(b.reason like ${IMPORTED_REASON_PATTERN}, false) as imported
              from case_basis b join family_help_case c on c.id = b.case_id
             where b.basis = 'section_17' and c.person_id = any(${toArray(personIds)}::uuid[])
            union all
            select person_id, id, null, referral_date::text, referral_date::text, false from family_help_case where person_id = any(${toArray(personIds)}::uuid[])`,
      );

/** Referrals of these people that ended at the front door with advice: the day each was received. */
export const heldAdvice = (tx: Executor, personIds: readonly string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : rows<{ personId: string; receivedOn: string }>(
        tx,
        sql`select person_id as "personId", received_on::text as "receivedOn" from request_for_help
             where decision = 'advice' and person_id = any(${toArray(personIds)}::uuid[])`,
      );

/** The start of each of these people's child protection plans (NumberOfPreviousCPP counts them). */
export const heldPlanStarts = (tx: Executor, personIds: readonly string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : rows<{ personId: string; startedOn: string }>(
        tx,
        sql`select person_id as "personId", started_on::text as "startedOn" from cp_plan
             where kind = 'child_protection' and person_id = any(${toArray(personIds)}::uuid[])`,
      );

export interface HeldFacts {
  assessments: { id: string; caseId: string; startedOn: string; completedOn: string | null }[];
  plans: { id: string; caseId: string; startedOn: string; endedOn: string | null }[];
  enquiries: { id: string; caseId: string; startedOn: string; completedOn: string | null; conferenceOn: string | null }[];
  cpPlans: { id: string; caseId: string; startedOn: string; endedOn: string | null; latestCategory: string; reviews: string[] }[];
  proceedings: { id: string; caseId: string; letterSentOn: string | null; fgdmOfferedOn: string | null; issuedOn: string | null; meetingOn: string | null }[];
}

/** The dated facts of these cases, each with what the census says of it. */
export async function heldFacts(tx: Executor, caseIds: readonly string[]): Promise<HeldFacts> {
  if (caseIds.length === 0) return { assessments: [], plans: [], enquiries: [], cpPlans: [], proceedings: [] };
  const ids = toArray(caseIds);
  return {
    assessments: await rows(tx, sql`select id, case_id as "caseId", started_on::text as "startedOn", completed_on::text as "completedOn" from assessment where case_id = any(${ids}::uuid[])`),
    plans: await rows(tx, sql`select id, case_id as "caseId", started_on::text as "startedOn", ended_on::text as "endedOn" from family_help_plan where case_id = any(${ids}::uuid[])`),
    enquiries: await rows(
      tx,
      sql`select e.id, e.case_id as "caseId", e.started_on::text as "startedOn", e.completed_on::text as "completedOn",
                 (select min(k.held_on)::text from cp_conference k where k.enquiry_id = e.id and k.kind = 'initial') as "conferenceOn"
            from section47_enquiry e where e.case_id = any(${ids}::uuid[])`,
    ),
    cpPlans: await rows(
      tx,
      sql`select x.id, x.case_id as "caseId", x.started_on::text as "startedOn", x.ended_on::text as "endedOn", x.latest_category as "latestCategory",
                 coalesce((select array_agg(k.held_on::text) from cp_conference k where k.plan_id = x.id and k.kind = 'review'), '{}') as reviews
            from cp_plan x where x.case_id = any(${ids}::uuid[]) and x.kind = 'child_protection'`,
    ),
    proceedings: await rows(
      tx,
      sql`select k.id, k.case_id as "caseId", k.letter_sent_on::text as "letterSentOn", k.fgdm_offered_on::text as "fgdmOfferedOn", k.issued_on::text as "issuedOn",
                 (select min(e.held_on)::text from court_event e where e.proceedings_id = k.id and e.kind = 'pre_proceedings_meeting') as "meetingOn"
            from court_proceedings k where k.case_id = any(${ids}::uuid[])`,
    ),
  };
}
