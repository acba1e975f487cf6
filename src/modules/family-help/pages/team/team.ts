import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { CASE_TYPES, DUE_FILTERS, TEAM_SORTS, type CaseType, type DueFilter, type TeamQuery, type TeamSort } from '../../team-view.ts';

const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as [K, ...K[]];
/** A field sent twice (`?page=1&page=2`) counts once, as its first value. */
const first = (value: unknown) => (Array.isArray(value) ? (value as unknown[])[0] : value);
const field = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema);

/**
 * The team view's query string: what is not understood is read as its default (the first page,
 * most urgent first, no filter), so a mistyped or stale link still shows the team, never an error.
 */
export const teamQuery = z.object({
  page: field(z.coerce.number().int().positive()).catch(1),
  sort: field(z.enum(keysOf<TeamSort>(TEAM_SORTS))).catch('urgent'),
  worker: field(z.uuid().optional()).catch(undefined),
  team: field(z.uuid().optional()).catch(undefined),
  due: field(z.enum(keysOf<DueFilter>(DUE_FILTERS)).optional()).catch(undefined),
  type: field(z.enum(keysOf<CaseType>(CASE_TYPES)).optional()).catch(undefined),
});

/** The address of one page of the view, carrying its filters and order (the defaults left out). */
function teamHref(query: TeamQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['worker', 'team', 'due', 'type'] as const) if (query[key]) params.set(key, query[key]);
  if (query.sort !== 'urgent') params.set('sort', query.sort);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/team?${search}` : '/team';
}

/** GOV.UK pagination: previous and next, the first and last pages, the current one and its neighbours, gaps as ellipses. */
export function pagination(query: TeamQuery, pageCount: number) {
  if (pageCount <= 1) return undefined;
  const current = query.page;
  const shown = [...new Set([1, current - 1, current, current + 1, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1]! > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: teamHref(query, n), current: n === current });
  });
  return {
    items,
    previous: current > 1 ? { href: teamHref(query, current - 1) } : undefined,
    next: current < pageCount ? { href: teamHref(query, current + 1) } : undefined,
  };
}

/** The manager's team view: their teams' open cases, filtered, sorted and paged by a GET form, so it works without JavaScript. */
export function teamPage(app: FastifyInstance, deps: Deps) {
  app.get('/team', { config: { permission: 'team.view', audit: 'team_viewed' } }, async (request, reply) => {
    const view = await deps.cases.teamView(request.principal!, teamQuery.parse(request.query ?? {}));
    const { query, pageCount } = view;
    return reply.page('modules/family-help/pages/team/team.njk', {
      pageTitle: pageCount > 1 ? `Team (page ${query.page} of ${pageCount})` : 'Team',
      ...view,
      filtered: Boolean(query.worker || query.team || query.due || query.type),
      typeLabels: CASE_TYPES,
      workerOptions: [{ value: '', text: 'Anyone' }, ...view.workers.map((w) => ({ value: w.id, text: `${w.name} (${w.cases})` }))],
      teamOptions: [{ value: '', text: 'All your teams' }, ...view.teamsWithCases.map((t) => ({ value: t.id, text: `${t.name} (${t.cases})` }))],
      dueOptions: [{ value: '', text: 'All cases' }, ...optionsFrom(DUE_FILTERS)],
      typeOptions: [{ value: '', text: 'All types' }, ...optionsFrom(CASE_TYPES)],
      sortOptions: optionsFrom(TEAM_SORTS),
      pagination: pagination(query, pageCount),
    });
  });
}
