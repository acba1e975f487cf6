import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ROLE_LABELS, isRole } from '../../platform/access/roles.ts';
import type { ChainResult } from '../../platform/audit/chain.ts';
import type { EventFilters } from '../../platform/audit/service.ts';
import { todayInEngland } from '../../platform/clock.ts';
import { errorList } from '../../platform/web/errors.ts';
import { eventsCsv } from './csv.ts';
import { OUTCOMES, filterForm, filterQuery, pageNumber, pagination, trailFilters, type TrailFilters } from './filters.ts';

/** A record id no record has: a child named by an LA person ID that does not exist matches no event. */
const NO_RECORD = '00000000-0000-0000-0000-000000000000';

/** What each audit action means, in words; modules add theirs as they add actions. */
export const ACTION_LABELS: Record<string, string> = {
  sign_in: 'Signed in',
  sign_out: 'Signed out',
  page_view: 'Viewed a page',
  request: 'Submitted a form',
  request_refused: 'Was refused a page or form',
  my_work_viewed: 'Viewed My work',
  users_listed: 'Viewed the list of users',
  user_viewed: 'Viewed a user',
  user_form_viewed: 'Opened a form to add or change a user',
  user_created: 'Created a user',
  user_role_changed: 'Changed a user’s role or teams',
  user_role_refused: 'Was refused giving a role',
  user_password_reset: 'Reset a user’s password',
  new_password_viewed: 'Was shown a new password',
  user_deactivated: 'Deactivated a user',
  user_reactivated: 'Reactivated a user',
  user_unlocked: 'Unlocked a user',
  user_provisioned: 'Account created by single sign-on',
  user_changed_by_identity_provider: 'Account changed by single sign-on',
  audit_trail_viewed: 'Viewed the audit trail',
  audit_trail_exported: 'Downloaded audit events',
  audit_chain_verified: 'Checked the audit trail',
  demo_authority_seeded: 'Created the demo authority',
  synthetic_authority_generated: 'Generated the synthetic authority',
  people_searched: 'Searched for a person',
  person_created: 'Added a person',
  record_viewed: 'Opened a child’s record',
  record_access_log_viewed: 'Viewed who viewed a record',
  record_looked_up: 'Looked up a record by its LA person ID',
  protected_records_listed: 'Viewed the restricted and sealed records',
  record_access_settings_viewed: 'Viewed who can open a record',
  record_access_changed: 'Changed who can open a record',
  record_kind_changed: 'Restricted, sealed or opened up a record',
  access_list_added: 'Added someone to a record’s access list',
  access_list_removed: 'Removed someone from a record’s access list',
  identity_details_form_viewed: 'Opened a child’s identity details',
  identity_details_changed: 'Changed a child’s identity details',
  significant_event_added: 'Added a significant event',
  significant_event_form_viewed: 'Started a significant event',
  break_glass: 'Took emergency access to a record',
  break_glass_reviewed: 'Reviewed an emergency access',
  access_reviews_viewed: 'Viewed access reviews',
  front_door_viewed: 'Viewed the front door',
  request_received: 'Received a request for help',
  request_viewed: 'Viewed a request for help',
  request_decided: 'Decided on a request for help',
  public_request_discarded: 'Discarded an automated request for help',
  team_viewed: 'Viewed the team’s cases',
  case_viewed: 'Viewed a case',
  case_basis_changed: 'Changed a case’s basis',
  case_support_changed: 'Changed a case’s support',
  case_closed: 'Closed a case',
  case_note_added: 'Added a case note or visit',
  case_note_opened: 'Opened a case note',
  case_note_saved: 'Saved a case note',
  case_note_authorised: 'Authorised a case note',
  assessment_started: 'Started an assessment',
  assessment_completed: 'Completed an assessment',
  plan_agreed: 'Agreed a plan',
  plan_reviewed: 'Reviewed a plan',
  financial_help_recorded: 'Recorded financial help',
  strategy_discussions_listed: 'Viewed strategy discussions waiting',
  strategy_discussion_convened: 'Convened a strategy discussion',
  strategy_discussion_taken: 'Took a strategy discussion',
  strategy_discussion_recorded: 'Recorded a strategy discussion',
  information_shared: 'Shared information',
  information_not_shared: 'Decided not to share information',
  shares_listed: 'Viewed what is shared with them',
  shared_information_viewed: 'Viewed shared information',
  agency_contribution_added: 'Added what their agency knows',
  child_protection_viewed: 'Viewed child protection work',
  initial_conference_recorded: 'Recorded an initial conference',
  review_conference_recorded: 'Recorded a review conference',
  core_group_recorded: 'Recorded a core group meeting',
  child_protection_plan_ended: 'Ended a child protection plan',
  extra_familial_harm_plan_started: 'Started a plan for harm outside the home',
  harm_contexts_listed: 'Viewed contexts of harm outside the home',
  harm_context_created: 'Added a context of harm outside the home',
  harm_context_viewed: 'Viewed a context of harm outside the home',
  harm_context_linked: 'Linked a child to a context of harm',
  court_work_viewed: 'Viewed court work',
  pre_proceedings_started: 'Started pre-proceedings',
  pre_proceedings_meeting_recorded: 'Recorded a pre-proceedings meeting',
  fgdm_offer_recorded: 'Recorded an offer of family group decision making',
  proceedings_issued: 'Issued proceedings',
  hearing_recorded: 'Recorded a hearing',
  proceedings_concluded: 'Recorded the outcome of proceedings',
  cin_census_generated: 'Generated a CIN census',
  cin_census_checked: 'Viewed a CIN census',
  cin_census_downloaded: 'Downloaded a CIN census',
  cin_report_downloaded: 'Downloaded a CIN census report',
  cin_census_imported: 'Imported a CIN census',
};

const OUTCOME_LABELS: Record<string, { text: string; colour: string }> = {
  success: { text: 'Done', colour: 'green' },
  denied: { text: 'Refused', colour: 'red' },
  failure: { text: 'Failed', colour: 'orange' },
  error: { text: 'Error', colour: 'red' },
};

const actionLabel = (action: string) => ACTION_LABELS[action] ?? action.replaceAll('_', ' ');
const roleLabel = (role: string | null) => (role && isRole(role) ? ROLE_LABELS[role] : role);

/** Events on a page. */
const PAGE_SIZE = 50;
/** Matches are counted up to this, and the pages reach this far back; narrower filters reach older events. */
const PAGED_LIMIT = 10_000;
/** The most events one download holds. */
const EXPORT_LIMIT = 50_000;

/** The actions to choose from, by their words, and the one asked for if the list does not name it. */
function actionItems(selected: unknown) {
  const items = Object.entries(ACTION_LABELS)
    .sort(([, a], [, b]) => a.localeCompare(b, 'en-GB'))
    .map(([value, text]) => ({ value, text, selected: value === selected }));
  const unnamed = typeof selected === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(selected) && !(selected in ACTION_LABELS);
  return [{ value: '', text: 'Any action' }, ...(unnamed ? [{ value: selected, text: actionLabel(selected), selected: true }] : []), ...items];
}

const outcomeItems = (selected: unknown) => [
  { value: '', text: 'Any outcome' },
  ...OUTCOMES.map((value) => ({ value, text: OUTCOME_LABELS[value]!.text, selected: value === selected })),
];

/** The query as typed, strings only (a repeated parameter is not shown back). */
const typedValues = (query: unknown) =>
  Object.fromEntries(Object.entries((query ?? {}) as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

/** The authority's own audit trail (NCSC cloud principle 13): searched, paged, downloaded, and its hash chain checked. */
export function auditTrailRoutes(app: FastifyInstance, deps: Deps) {
  // The trail holds record ids; people know LA person IDs. Each is asked of the people module.
  /** Filters with a child named by LA person ID turned into its record id (one that matches nothing if there is no such record). */
  const byRecordId = async (laCode: string, { laPersonId, ...filters }: TrailFilters): Promise<EventFilters> =>
    laPersonId === undefined ? filters : { ...filters, childId: (await deps.people.recordIdOf(laCode, laPersonId)) ?? NO_RECORD };
  /** Each event with the LA person ID of the child it is about. */
  const withLaPersonIds = async <E extends { childId: string | null }>(laCode: string, events: readonly E[]) => {
    const ids = await deps.people.laPersonIdsOf(laCode, events.flatMap((e) => (e.childId ? [e.childId] : [])));
    return events.map((e) => ({ ...e, laPersonId: e.childId ? (ids.get(e.childId) ?? null) : null }));
  };
  const LIST = 'modules/audit-trail/list.njk';

  async function showList(request: FastifyRequest, reply: FastifyReply, extra: { report?: ChainResult; problems?: { text: string; href: string }[] } = {}) {
    const query = request.method === 'GET' ? typedValues(request.query) : {};
    const common = {
      pageTitle: 'Audit trail',
      values: query,
      actionItems: actionItems(query['action']),
      outcomeItems: outcomeItems(query['outcome']),
      filtered: Object.keys(query).some((k) => k !== 'page' && query[k]!.trim() !== ''),
      ...(extra.report ? { report: extra.report } : {}),
    };
    const form = filterForm(todayInEngland(deps.clock));
    const parsed = form.safeParse(query);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, form.fields);
      return reply.code(400).page(LIST, { ...common, errorList: list, errors: byField });
    }
    const { filters, stated } = trailFilters(parsed.data);
    const laCode = request.principal!.laCode;
    const found = await deps.audit.search(laCode, await byRecordId(laCode, filters), { page: pageNumber(query['page']), pageSize: PAGE_SIZE, countCap: PAGED_LIMIT });
    const events = await withLaPersonIds(laCode, found.events);
    request.auditDetails = { ...request.auditDetails, filters: stated, page: found.page };
    if (extra.problems) reply.code(400);
    return reply.page(LIST, {
      ...common,
      ...(extra.problems ? { errorList: extra.problems } : {}),
      events: events.map((e) => ({
        ...e,
        actionLabel: actionLabel(e.action),
        roleLabel: roleLabel(e.role),
        outcomeLabel: OUTCOME_LABELS[e.outcome],
      })),
      total: found.total,
      more: found.more,
      first: (found.page - 1) * PAGE_SIZE + 1,
      last: (found.page - 1) * PAGE_SIZE + events.length,
      pagination: pagination(found.page, found.pages, (n) => `/audit${filterQuery(query, { page: String(n) })}`),
      downloadHref: `/audit/events.csv${filterQuery(query)}`,
      exportLimit: EXPORT_LIMIT,
      pagedLimit: PAGED_LIMIT,
    });
  }

  app.get('/audit', { config: { permission: 'audit.view', audit: 'audit_trail_viewed' } }, (request, reply) => showList(request, reply));

  app.post('/audit/verify', { config: { permission: 'audit.verify', audit: 'audit_chain_verified' } }, async (request, reply) => {
    const report = await deps.audit.verify(request.principal!.laCode);
    return showList(request, reply, { report });
  });

  /** The events that match, as CSV for an investigation. The download is itself audited, with the filters. */
  app.get('/audit/events.csv', { config: { permission: 'audit.view', audit: 'audit_trail_exported' } }, async (request, reply) => {
    const query = typedValues(request.query);
    const parsed = filterForm(todayInEngland(deps.clock)).safeParse(query);
    if (!parsed.success) return showList(request, reply);
    const { filters, stated } = trailFilters(parsed.data);
    const laCode = request.principal!.laCode;
    const { events: matched, more } = await deps.audit.matching(laCode, await byRecordId(laCode, filters), EXPORT_LIMIT);
    const events = await withLaPersonIds(laCode, matched);
    if (more) {
      request.auditDetails = { filters: stated, refused: 'too_many' };
      return showList(request, reply, {
        problems: [{ text: `More than ${EXPORT_LIMIT.toLocaleString('en-GB')} events match: narrow the dates or filters to download them`, href: '#from' }],
      });
    }
    request.auditDetails = { filters: stated, events: events.length };
    const body = eventsCsv(
      events.map((e) => ({
        ...e,
        roleLabel: roleLabel(e.role),
        actionLabel: actionLabel(e.action),
        outcomeText: OUTCOME_LABELS[e.outcome]?.text ?? e.outcome,
      })),
    );
    const name = `audit-trail-${laCode}-${todayInEngland(deps.clock).toString()}.csv`;
    return reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}"`).send(body);
  });
}
