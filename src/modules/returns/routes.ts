import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { mayEver } from '../../platform/access/policy.ts';
import { errorList, notFound } from '../../platform/web/errors.ts';
import { choice, defineForm } from '../../platform/web/form.ts';
import { formatDate, type Option } from '../../platform/web/views.ts';
import { censusPeriod } from './cin/census.ts';
import { CIN_COLLECTIONS, type CinCollection } from './cin/structure.ts';

const idParams = z.object({ id: z.uuid() });
/** Generating the CIN census: which collection year. */
export const generateForm = defineForm({ collection: choice(Object.keys(CIN_COLLECTIONS) as CinCollection[], 'Select the collection year') });
/** Newest first: the year the data team is most likely preparing; each with the period it covers. */
const COLLECTIONS: Option[] = Object.keys(CIN_COLLECTIONS).sort().reverse().map((value) => {
  const { from, to } = censusPeriod(value);
  return { value, text: value, hint: `${formatDate(from)} to ${formatDate(to)}` };
});
/** A run that has not finished within this is followed on its own page. */
const WAIT_MS = 8_000;

/** The Returns pages: the CIN census generated, checked and downloaded by the data team and managers. */
export function returnsRoutes(app: FastifyInstance, deps: Deps) {
  const runId = (params: unknown) => {
    const parsed = idParams.safeParse(params);
    if (!parsed.success) throw notFound();
    return parsed.data.id;
  };

  const showReturns = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) =>
    reply.page('modules/returns/pages/returns.njk', { pageTitle: 'Returns', collections: COLLECTIONS, runs: await deps.returns.runs(request.principal!), values: {}, ...extra });

  app.get('/returns', { config: { permission: 'returns.view', audit: false } }, (request, reply) => showReturns(request, reply));

  app.post('/returns/cin', { config: { permission: 'returns.generate', audit: 'cin_census_generated' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = generateForm.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, generateForm.fields);
      return showReturns(request, reply.code(400), { values: body, errorList: list, errors: byField });
    }
    const collection = parsed.data.collection;
    const { id } = await deps.returns.startCinCensus(request.principal!, collection, {
      waitMs: WAIT_MS,
      onError: (error) => request.log.error({ err: error }, 'CIN census run failed'),
    });
    request.auditDetails = { run: id, collection };
    return reply.redirect(`/returns/cin/${id}`, 303);
  });

  app.get('/returns/cin/:id', { config: { permission: 'returns.view', audit: 'cin_census_checked' } }, async (request, reply) => {
    const view = await deps.returns.run(request.principal!, runId(request.params));
    request.auditDetails = { run: view.run.id };
    return reply.page('modules/returns/pages/cin-run.njk', {
      pageTitle: `CIN census ${view.run.collection}`,
      backLink: '/returns',
      ...view,
      period: censusPeriod(view.run.collection),
      canOpenRecords: mayEver(request.principal!, 'record.open'),
    });
  });

  for (const [file, what, type] of [['census.xml', 'xml', 'application/xml'], ['report.csv', 'csv', 'text/csv']] as const) {
    app.get(`/returns/cin/:id/${file}`, { config: { permission: 'returns.view', audit: what === 'xml' ? 'cin_census_downloaded' : 'cin_report_downloaded' } }, async (request, reply) => {
      const id = runId(request.params);
      const download = await deps.returns.download(request.principal!, id, what);
      request.auditDetails = { run: id, collection: download.collection, children: download.children };
      const name = `CIN_census_${request.principal!.laCode}_${download.collection}${what === 'csv' ? '_report' : ''}.${what}`;
      return reply.header('Content-Type', `${type}; charset=utf-8`).header('Content-Disposition', `attachment; filename="${name}"`).send(download.body);
    });
  }
}
