import { and, asc, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import {
  assessment,
  caseBasis,
  caseNote,
  caseNoteAmendment,
  familyHelpCase,
  familyHelpPlan,
  financialHelp,
  planAction,
  planGoal,
  planReview,
  requestForHelp,
  team,
  teamMember,
} from './tables.ts';

export type RequestInsert = typeof requestForHelp.$inferInsert;
export type RequestRow = typeof requestForHelp.$inferSelect;
export type CaseInsert = typeof familyHelpCase.$inferInsert;
export type CaseRow = typeof familyHelpCase.$inferSelect;
export type AssessmentRow = typeof assessment.$inferSelect;
export type NoteRow = typeof caseNote.$inferSelect;

// Requests for help -----------------------------------------------------------------------------

export async function insertRequest(tx: Executor, row: RequestInsert) {
  await tx.insert(requestForHelp).values(row);
}

/** Requests waiting for a decision, oldest first: the front door's queue. */
export async function undecidedRequests(tx: Executor, laCode: string) {
  return tx
    .select()
    .from(requestForHelp)
    .where(and(eq(requestForHelp.laCode, laCode), isNull(requestForHelp.decidedAt)))
    .orderBy(asc(requestForHelp.receivedAt));
}

export async function findRequest(tx: Executor, laCode: string, id: string) {
  const [row] = await tx
    .select()
    .from(requestForHelp)
    .where(and(eq(requestForHelp.laCode, laCode), eq(requestForHelp.id, id)));
  return row;
}

/** A request, locked until the transaction ends: triagers deciding at once take turns, and all but the first find it decided. */
export async function findRequestForDecision(tx: Executor, laCode: string, id: string) {
  const [row] = await tx
    .select()
    .from(requestForHelp)
    .where(and(eq(requestForHelp.laCode, laCode), eq(requestForHelp.id, id)))
    .for('update');
  return row;
}

/** What a partner has sent, newest first. */
export async function requestsSubmittedBy(tx: Executor, userId: string) {
  return tx.select().from(requestForHelp).where(eq(requestForHelp.submittedBy, userId)).orderBy(desc(requestForHelp.receivedAt));
}

/** Records the decision, only from the version the triager saw: false if someone decided first. */
export async function decideRequest(tx: Executor, id: string, expectedVersion: number, decision: Partial<RequestInsert>): Promise<boolean> {
  const rows = await tx
    .update(requestForHelp)
    .set({ ...decision, version: sql`${requestForHelp.version} + 1` })
    .where(and(eq(requestForHelp.id, id), eq(requestForHelp.version, expectedVersion), isNull(requestForHelp.decidedAt)))
    .returning({ id: requestForHelp.id });
  return rows.length === 1;
}

export async function requestsForPerson(tx: Executor, personId: string) {
  return tx.select().from(requestForHelp).where(eq(requestForHelp.personId, personId)).orderBy(desc(requestForHelp.receivedAt));
}

// Teams --------------------------------------------------------------------------------------------

export async function insertTeam(tx: Executor, row: typeof team.$inferInsert) {
  await tx.insert(team).values(row);
}

export async function insertTeamMember(tx: Executor, row: typeof teamMember.$inferInsert) {
  await tx.insert(teamMember).values(row);
}

export async function findTeam(tx: Executor, id: string) {
  const [row] = await tx.select().from(team).where(eq(team.id, id));
  return row;
}

/** Who may lead a case: every member of every team, with their profession and team. */
/** Who can lead a case: each active team member, with how many open cases they lead now. */
export async function possibleLeads(tx: Executor, laCode: string) {
  const result = await tx.execute(sql`
    select m.user_id as "userId", m.team_id as "teamId", m.profession, u.display_name as "displayName", t.name as "teamName",
           (select count(*)::int from family_help_case c where c.lead_practitioner_id = m.user_id and c.closed_on is null) as caseload
      from team_member m
      join team t on t.id = m.team_id
      join user_account u on u.id = m.user_id
     where m.la_code = ${laCode} and u.active
     order by t.name, u.display_name`);
  return (result as { rows: { userId: string; teamId: string; profession: string; displayName: string; teamName: string; caseload: number }[] }).rows;
}

// Teams and who works in them, for account administration (through teams.ts) ---------------------------

/** The authority's teams. */
export function teamsOf(tx: Executor, laCode: string) {
  return tx.select({ id: team.id, name: team.name }).from(team).where(eq(team.laCode, laCode)).orderBy(asc(team.name));
}

/** The teams a user works in, with their profession in each. Read in the authority's transaction. */
export function membershipsOf(tx: Executor, laCode: string, userId: string) {
  return tx
    .select({ teamId: teamMember.teamId, teamName: team.name, profession: teamMember.profession })
    .from(teamMember)
    .innerJoin(team, eq(team.id, teamMember.teamId))
    .where(and(eq(teamMember.laCode, laCode), eq(teamMember.userId, userId)))
    .orderBy(asc(team.name));
}

/** Puts a user in exactly these teams, with this profession in each. */
export async function setMemberships(tx: Executor, laCode: string, userId: string, teamIds: readonly string[], profession: string | undefined) {
  await tx.delete(teamMember).where(and(eq(teamMember.laCode, laCode), eq(teamMember.userId, userId)));
  if (teamIds.length > 0) {
    await tx.insert(teamMember).values(teamIds.map((teamId) => ({ teamId, userId, laCode, profession: profession ?? '' })));
  }
}

/** The teams a manager manages. */
export async function teamsManagedBy(tx: Executor, userId: string) {
  return tx.select().from(team).where(eq(team.managerUserId, userId)).orderBy(team.name);
}

// Cases ----------------------------------------------------------------------------------------------

export async function insertCase(tx: Executor, row: CaseInsert) {
  await tx.insert(familyHelpCase).values(row);
}

export async function findCase(tx: Executor, laCode: string, id: string) {
  const [row] = await tx
    .select()
    .from(familyHelpCase)
    .where(and(eq(familyHelpCase.laCode, laCode), eq(familyHelpCase.id, id)));
  return row;
}

export async function openCaseFor(tx: Executor, personId: string) {
  const [row] = await tx
    .select()
    .from(familyHelpCase)
    .where(and(eq(familyHelpCase.personId, personId), isNull(familyHelpCase.closedOn)));
  return row;
}

/** The most recent closure of this child's cases before a date: a request within 12 months of it is a re-referral. */
export async function lastClosureBefore(tx: Executor, personId: string, before: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ closedOn: familyHelpCase.closedOn })
    .from(familyHelpCase)
    .where(and(eq(familyHelpCase.personId, personId), isNotNull(familyHelpCase.closedOn), lt(familyHelpCase.closedOn, before)))
    .orderBy(desc(familyHelpCase.closedOn))
    .limit(1);
  return row?.closedOn ?? undefined;
}

/**
 * How a user stands to a child through the teams: leading the child's open case, in or managing
 * the team that holds it, or managing a team that one of the child's allocated workers is in.
 */
export async function teamTies(tx: Executor, personId: string, userId: string, allocatedUserIds: readonly string[]) {
  const allocated = allocatedUserIds.length === 0 ? sql`false` : sql`m.user_id in (${sql.join(allocatedUserIds.map((id) => sql`${id}`), sql`, `)})`;
  const result = await tx.execute(sql`
    select exists (select 1 from family_help_case c where c.person_id = ${personId} and c.closed_on is null and c.lead_practitioner_id = ${userId}) as lead,
           exists (select 1 from family_help_case c join team_member m on m.team_id = c.team_id
                    where c.person_id = ${personId} and c.closed_on is null and m.user_id = ${userId}) as member,
           exists (select 1 from family_help_case c join team t on t.id = c.team_id
                    where c.person_id = ${personId} and c.closed_on is null and t.manager_user_id = ${userId}) as manager,
           exists (select 1 from team_member m join team t on t.id = m.team_id where t.manager_user_id = ${userId} and ${allocated}) as supervisor`);
  return (result as { rows: { lead: boolean; member: boolean; manager: boolean; supervisor: boolean }[] }).rows[0]!;
}

/** Moves a case on one version, only from the version the editor saw. */
export async function updateCase(tx: Executor, id: string, expectedVersion: number, changes: Partial<CaseInsert>): Promise<boolean> {
  const rows = await tx
    .update(familyHelpCase)
    .set({ ...changes, version: sql`${familyHelpCase.version} + 1` })
    .where(and(eq(familyHelpCase.id, id), eq(familyHelpCase.version, expectedVersion)))
    .returning({ id: familyHelpCase.id });
  return rows.length === 1;
}

export async function basisHistory(tx: Executor, caseId: string) {
  return tx.select().from(caseBasis).where(eq(caseBasis.caseId, caseId)).orderBy(asc(caseBasis.fromDate));
}

export async function insertBasis(tx: Executor, row: typeof caseBasis.$inferInsert) {
  await tx.insert(caseBasis).values(row);
}

export async function endCurrentBasis(tx: Executor, caseId: string, toDate: string) {
  await tx
    .update(caseBasis)
    .set({ toDate })
    .where(and(eq(caseBasis.caseId, caseId), isNull(caseBasis.toDate)));
}

// Assessments and plans --------------------------------------------------------------------------------

export async function assessments(tx: Executor, caseId: string) {
  return tx.select().from(assessment).where(eq(assessment.caseId, caseId)).orderBy(asc(assessment.startedOn));
}

export async function insertAssessment(tx: Executor, row: typeof assessment.$inferInsert) {
  await tx.insert(assessment).values(row);
}

export async function updateAssessment(tx: Executor, id: string, expectedVersion: number, changes: Partial<typeof assessment.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(assessment)
    .set({ ...changes, version: sql`${assessment.version} + 1` })
    .where(and(eq(assessment.id, id), eq(assessment.version, expectedVersion)))
    .returning({ id: assessment.id });
  return rows.length === 1;
}

export async function currentPlan(tx: Executor, caseId: string) {
  const [row] = await tx
    .select()
    .from(familyHelpPlan)
    .where(and(eq(familyHelpPlan.caseId, caseId), isNull(familyHelpPlan.endedOn)));
  return row;
}

export async function insertPlan(tx: Executor, plan: typeof familyHelpPlan.$inferInsert, goals: (typeof planGoal.$inferInsert)[], actions: (typeof planAction.$inferInsert)[]) {
  await tx.insert(familyHelpPlan).values(plan);
  if (goals.length > 0) await tx.insert(planGoal).values(goals);
  if (actions.length > 0) await tx.insert(planAction).values(actions);
}

export async function endPlans(tx: Executor, caseId: string, endedOn: string) {
  await tx
    .update(familyHelpPlan)
    .set({ endedOn })
    .where(and(eq(familyHelpPlan.caseId, caseId), isNull(familyHelpPlan.endedOn)));
}

export async function planDetails(tx: Executor, planId: string) {
  const goals = await tx.select().from(planGoal).where(eq(planGoal.planId, planId)).orderBy(asc(planGoal.position));
  const actions = await tx.select().from(planAction).where(eq(planAction.planId, planId)).orderBy(asc(planAction.position));
  const reviews = await tx.select().from(planReview).where(eq(planReview.planId, planId)).orderBy(desc(planReview.reviewedOn));
  return { goals, actions, reviews };
}

export async function insertReview(tx: Executor, row: typeof planReview.$inferInsert) {
  await tx.insert(planReview).values(row);
}

// Recording -------------------------------------------------------------------------------------------

export async function notes(tx: Executor, caseId: string) {
  return tx.select().from(caseNote).where(eq(caseNote.caseId, caseId)).orderBy(desc(caseNote.occurredOn), desc(caseNote.createdAt));
}

export async function findNote(tx: Executor, id: string) {
  const [row] = await tx.select().from(caseNote).where(eq(caseNote.id, id));
  return row;
}

export async function insertNote(tx: Executor, row: typeof caseNote.$inferInsert) {
  await tx.insert(caseNote).values(row);
}

/** Saves a note only from the version its editor saw: false if someone saved first. */
export async function updateNote(tx: Executor, id: string, expectedVersion: number, changes: Partial<typeof caseNote.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(caseNote)
    .set({ ...changes, version: sql`${caseNote.version} + 1` })
    .where(and(eq(caseNote.id, id), eq(caseNote.version, expectedVersion)))
    .returning({ id: caseNote.id });
  return rows.length === 1;
}

/** What each final note of a case said before each amendment, newest first. */
export async function noteAmendments(tx: Executor, caseId: string) {
  return tx
    .select({ amendment: caseNoteAmendment })
    .from(caseNoteAmendment)
    .innerJoin(caseNote, eq(caseNote.id, caseNoteAmendment.noteId))
    .where(eq(caseNote.caseId, caseId))
    .orderBy(desc(caseNoteAmendment.replacedVersion))
    .then((rows) => rows.map((r) => r.amendment));
}

export async function insertNoteAmendment(tx: Executor, row: typeof caseNoteAmendment.$inferInsert) {
  await tx.insert(caseNoteAmendment).values(row);
}

export async function financialHelpGiven(tx: Executor, caseId: string) {
  return tx.select().from(financialHelp).where(eq(financialHelp.caseId, caseId)).orderBy(desc(financialHelp.givenOn));
}

export async function insertFinancialHelp(tx: Executor, row: typeof financialHelp.$inferInsert) {
  await tx.insert(financialHelp).values(row);
}

// Work lists ----------------------------------------------------------------------------------------------

// Counts for the synthetic authority's stats and calibration ----------------------------------------------

/** Requests for help received in a period (both dates included). */
export async function countReferrals(tx: Executor, laCode: string, from: string, to: string) {
  const result = await tx.execute(sql`
    select count(*)::int as referrals, count(*) filter (where re_referral)::int as re_referrals,
           count(*) filter (where decision = 'advice')::int as advice
      from request_for_help where la_code = ${laCode} and received_on between ${from} and ${to}`);
  return (result as { rows: { referrals: number; re_referrals: number; advice: number }[] }).rows[0]!;
}

/** Children helped under section 17 on a date: an open case whose basis that day is child in need. */
export async function countChildrenInNeed(tx: Executor, laCode: string, onDate: string): Promise<number> {
  const result = await tx.execute(sql`
    select count(distinct c.person_id)::int as n
      from family_help_case c
      join case_basis b on b.case_id = c.id and b.basis = 'section_17' and b.from_date <= ${onDate} and (b.to_date is null or b.to_date >= ${onDate})
     where c.la_code = ${laCode} and c.opened_on <= ${onDate} and (c.closed_on is null or c.closed_on > ${onDate})`);
  return (result as { rows: { n: number }[] }).rows[0]!.n;
}

/** The authority's own organisation, a user by username and the Family Help team they work in: what the synthetic history builds on. */
export async function seedAnchors(tx: Executor, laCode: string, username: string) {
  const result = await tx.execute(sql`
    select (select o.id from organisation o where o.la_code = ${laCode} and o.kind = 'local_authority' order by o.name limit 1) as "organisationId",
           u.id as "userId", u.display_name as "displayName", m.team_id as "teamId"
      from (select 1) one
      left join user_account u on u.username = ${username} and u.la_code = ${laCode}
      left join team_member m on m.user_id = u.id
      left join team t on t.id = m.team_id and t.kind = 'family_help'
     order by t.id nulls last
     limit 1`);
  return (result as { rows: { organisationId: string | null; userId: string | null; displayName: string | null; teamId: string | null }[] }).rows[0]!;
}

/** One dated fact of a child's Family Help, for the chronology: what kind, and up to three values to word it. */
export interface FamilyHelpFact {
  date: string;
  kind: 'request' | 'decision' | 'opened' | 'basis' | 'assessment' | 'plan' | 'review' | 'visit' | 'closed' | 'open';
  a: string | null;
  b: string | null;
  c: string | null;
}

/** Every dated Family Help fact about a child in one query (the record page reads it on every view). Drafts stay out. */
export async function familyHelpFacts(tx: Executor, personId: string): Promise<FamilyHelpFact[]> {
  const result = await tx.execute(sql`
    with cases as (select * from family_help_case where person_id = ${personId})
    select received_on::text as date, 'request' as kind, source as a, re_referral::text as b, null as c from request_for_help where person_id = ${personId}
    union all
    select ((decided_at at time zone 'Europe/London')::date)::text, 'decision', decision, decided_by_name, null from request_for_help where person_id = ${personId} and decided_at is not null
    union all
    select opened_on::text, 'opened', lead_practitioner_name, lead_profession, null from cases
    union all
    select b.from_date::text, 'basis', b.basis, b.reason, null from case_basis b join cases c on c.id = b.case_id
    union all
    select a.completed_on::text, 'assessment', null, null, null from assessment a join cases c on c.id = a.case_id where a.completed_on is not null
    union all
    select p.started_on::text, 'plan', null, null, null from family_help_plan p join cases c on c.id = p.case_id
    union all
    select r.reviewed_on::text, 'review', r.recorded_by_name, null, null from plan_review r join family_help_plan p on p.id = r.plan_id join cases c on c.id = p.case_id
    union all
    select n.occurred_on::text, 'visit', n.title, n.child_seen::text, n.child_seen_alone::text from case_note n join cases c on c.id = n.case_id where n.kind = 'visit' and n.state <> 'draft' and n.recorded_in_error_at is null
    union all
    select closed_on::text, 'closed', closure_reason, null, null from cases where closed_on is not null
    union all
    select opened_on::text, 'open', id::text, lead_practitioner_name, lead_profession from cases where closed_on is null`);
  return (result as { rows: FamilyHelpFact[] }).rows;
}
