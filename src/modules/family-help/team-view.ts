import type { LocalDate } from '@js-joda/core';
import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { TimescaleRuleId } from '../../platform/timescales/rules.ts';
import { permittedOnly } from '../people/service.ts';
import type { CaseLayer } from './cases.ts';
import { BASIS_LABELS } from './front-door-codes.ts';
import { byUrgency, dueItems, withLayers, type DueItem } from './due.ts';
import { openCaseFacts } from './cases-read-model.ts';
import * as repo from './repository.ts';

/**
 * The manager's team view (`/team`): every open case in the teams they manage, one row a case,
 * filtered, sorted and paged. A read model: the team's cases and what is due on each come from the
 * same facts as the case page and My work (`openCaseFacts`, the layers' due items), so the three
 * always agree; what is due is worked out from dated facts and working-day calendars, never stored,
 * so filtering by it, sorting by it and paging happen here, after it is worked out.
 *
 * Children the manager may not know by name (restricted or sealed records whose access list does
 * not name them, policy `knowable`) are taken out first, through `permittedOnly`: they are neither
 * listed nor counted, so no total, caseload, page or filter reveals them.
 */

const TEAM_PAGE_SIZE = 50;

export const TEAM_SORTS = {
  urgent: 'Most urgent first',
  child: 'Child’s family name (A to Z)',
  worker: 'Lead practitioner (A to Z)',
  newest: 'Most recently opened first',
  oldest: 'Open longest first',
} as const;
export type TeamSort = keyof typeof TEAM_SORTS;

/** "Due soon": due today or within this many working days. */
const DUE_SOON_WORKING_DAYS = 5;

export const DUE_FILTERS = {
  overdue: 'Something overdue',
  soon: `Something due within ${DUE_SOON_WORKING_DAYS} working days`,
  none: 'Nothing overdue',
} as const;
export type DueFilter = keyof typeof DUE_FILTERS;

/** What kind of help a case is giving now: its statutory basis, and the open work its layers report. */
export const CASE_TYPES = {
  early_help: BASIS_LABELS.early_help,
  section_17: BASIS_LABELS.section_17,
  strategy_discussion: 'Strategy discussion to hold',
  section_47: 'Section 47 enquiry',
  plan: 'Child protection or extra-familial harm plan',
  court: 'Care proceedings',
} as const;
export type CaseType = keyof typeof CASE_TYPES;

/**
 * The open work a layer's due item shows: child protection reports a waiting strategy discussion,
 * an enquiry whose conference is due, and a plan's reviews and visits; court, issued proceedings.
 */
const TYPE_OF_RULE: Partial<Record<TimescaleRuleId, CaseType>> = {
  urgent_strategy_discussion: 'strategy_discussion',
  strategy_discussion: 'strategy_discussion',
  initial_child_protection_conference: 'section_47',
  first_child_protection_review: 'plan',
  child_protection_review: 'plan',
  child_protection_visit: 'plan',
  care_proceedings: 'court',
};

export interface TeamQuery {
  page: number;
  sort: TeamSort;
  /** A lead practitioner's user id. */
  worker?: string | undefined;
  /** One of the manager's teams. */
  team?: string | undefined;
  due?: DueFilter | undefined;
  type?: CaseType | undefined;
}

/** One open case as the team view lists it. */
interface TeamCase {
  caseId: string;
  childName: string;
  familyName: string;
  givenNames: string;
  leadPractitionerId: string;
  leadPractitionerName: string;
  teamId: string;
  teamName: string;
  openedOn: string;
  types: CaseType[];
  /** What is due on the case, most urgent first. */
  due: DueItem[];
  overdue: number;
}

const names = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const firstDue = (c: TeamCase) => c.due[0];

/** Cases with something due come before those with nothing, most urgent first. */
const byUrgentCase = (a: TeamCase, b: TeamCase) => {
  const x = firstDue(a);
  const y = firstDue(b);
  if (!x || !y) return (x ? 0 : 1) - (y ? 0 : 1);
  return byUrgency(x, y);
};
const byChild = (a: TeamCase, b: TeamCase) => names.compare(a.familyName, b.familyName) || names.compare(a.givenNames, b.givenNames);

const SORTS: Record<TeamSort, (a: TeamCase, b: TeamCase) => number> = {
  urgent: (a, b) => byUrgentCase(a, b) || byChild(a, b),
  child: byChild,
  worker: (a, b) => names.compare(a.leadPractitionerName, b.leadPractitionerName) || byUrgentCase(a, b) || byChild(a, b),
  newest: (a, b) => b.openedOn.localeCompare(a.openedOn) || byChild(a, b),
  oldest: (a, b) => a.openedOn.localeCompare(b.openedOn) || byChild(a, b),
};

const DUE_MATCHES: Record<DueFilter, (c: TeamCase) => boolean> = {
  overdue: (c) => c.overdue > 0,
  soon: (c) => c.due.some((d) => d.status.state === 'due_today' || (d.status.state === 'due' && d.status.workingDaysLeft <= DUE_SOON_WORKING_DAYS)),
  none: (c) => c.overdue === 0,
};

/** Which of the teams holds each open case (the facts carry the team's name, and two teams may share one). */
async function teamOfCases(tx: Tx, teamIds: readonly string[]): Promise<Map<string, string>> {
  if (teamIds.length === 0) return new Map();
  const result = await tx.execute(sql`
    select id as "caseId", team_id as "teamId" from family_help_case
     where team_id in (${sql.join(teamIds.map((id) => sql`${id}`), sql`, `)}) and closed_on is null`);
  return new Map((result as { rows: { caseId: string; teamId: string }[] }).rows.map((r) => [r.caseId, r.teamId]));
}

/**
 * The team view for a manager, read in one tenant transaction: their teams, every open case in
 * them (only children they may name), caseloads by lead practitioner, the choices the filters
 * offer, and one page of the cases that match the query, in its order. A query naming a worker or
 * team not offered is read without that filter; a page past the last is the last.
 */
export async function readTeamView(tx: Tx, principal: Principal, query: TeamQuery, today: LocalDate, layers: readonly CaseLayer[]) {
  const teams = await repo.teamsManagedBy(tx, principal.userId);
  const teamIds = teams.map((t) => t.id);
  const facts = await permittedOnly(tx, principal, 'team.view', await openCaseFacts(tx, { teamIds }), (f) => f.personId);
  const teamOf = await teamOfCases(tx, teamIds);
  // The layers' due items, by case: only the cases listed above are ever looked up.
  const layered = new Map<string, DueItem[]>();
  for (const layer of layers) {
    for (const item of await layer.due(tx, { teamIds }, today)) layered.set(item.caseId, [...(layered.get(item.caseId) ?? []), item]);
  }

  const all: TeamCase[] = facts.map((f) => {
    const due = withLayers(dueItems(f, today), layered.get(f.caseId) ?? []).sort(byUrgency);
    const types = new Set<CaseType>();
    if (f.basis === 'early_help' || f.basis === 'section_17') types.add(f.basis);
    for (const d of due) {
      const type = TYPE_OF_RULE[d.rule];
      if (type) types.add(type);
    }
    return {
      caseId: f.caseId,
      childName: `${f.preferredName ?? f.givenNames} ${f.familyName}`,
      familyName: f.familyName,
      givenNames: f.preferredName ?? f.givenNames,
      leadPractitionerId: f.leadPractitionerId,
      leadPractitionerName: f.leadPractitionerName,
      teamId: teamOf.get(f.caseId) ?? '',
      teamName: f.teamName,
      openedOn: f.openedOn,
      types: (Object.keys(CASE_TYPES) as CaseType[]).filter((t) => types.has(t)),
      due,
      overdue: due.filter((d) => d.status.state === 'overdue').length,
    };
  });

  // Caseloads, and the workers and teams the filters offer: those leading or holding these cases.
  const caseloads = new Map<string, { id: string; name: string; cases: number; overdue: number }>();
  const casesInTeam = new Map<string, number>();
  for (const c of all) {
    const worker = caseloads.get(c.leadPractitionerId) ?? { id: c.leadPractitionerId, name: c.leadPractitionerName, cases: 0, overdue: 0 };
    worker.cases++;
    if (c.overdue > 0) worker.overdue++;
    caseloads.set(worker.id, worker);
    casesInTeam.set(c.teamId, (casesInTeam.get(c.teamId) ?? 0) + 1);
  }
  const workers = [...caseloads.values()].sort((a, b) => names.compare(a.name, b.name) || a.id.localeCompare(b.id));
  const teamsWithCases = teams.filter((t) => casesInTeam.has(t.id));

  const applied: TeamQuery = {
    page: 1,
    sort: query.sort,
    worker: workers.some((w) => w.id === query.worker) ? query.worker : undefined,
    team: teamsWithCases.some((t) => t.id === query.team) ? query.team : undefined,
    due: query.due,
    type: query.type,
  };
  const matched = all
    .filter(
      (c) =>
        (!applied.worker || c.leadPractitionerId === applied.worker) &&
        (!applied.team || c.teamId === applied.team) &&
        (!applied.due || DUE_MATCHES[applied.due](c)) &&
        (!applied.type || c.types.includes(applied.type)),
    )
    .sort((a, b) => SORTS[applied.sort](a, b) || a.caseId.localeCompare(b.caseId));
  const pageCount = Math.max(1, Math.ceil(matched.length / TEAM_PAGE_SIZE));
  applied.page = Math.min(Math.max(1, query.page), pageCount);
  const from = (applied.page - 1) * TEAM_PAGE_SIZE;

  return {
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    /** The teams holding cases, to choose between when there is more than one. */
    teamsWithCases: teamsWithCases.map((t) => ({ id: t.id, name: t.name, cases: casesInTeam.get(t.id)! })),
    total: all.length,
    overdueCases: all.filter((c) => c.overdue > 0).length,
    workers,
    query: applied,
    matched: matched.length,
    pageCount,
    from: matched.length === 0 ? 0 : from + 1,
    to: Math.min(from + TEAM_PAGE_SIZE, matched.length),
    cases: matched.slice(from, from + TEAM_PAGE_SIZE),
  };
}
