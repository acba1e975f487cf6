import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { errorList } from '../../platform/web/errors.ts';
import { SEARCH_FIELDS, searchForm } from './search-form.ts';
import { formatAge } from './age.ts';
import { notFound } from '../../platform/web/errors.ts';
import { z } from 'zod';

const personParams = z.object({ id: z.uuid() });

export function peopleRoutes(app: FastifyInstance, deps: Deps) {
  app.get<{ Querystring: Record<string, string> }>(
    '/people',
    { config: { permission: 'people.search', audit: false } }, // the service audits each search
    async (request, reply) => {
      const query = request.query;
      const searched = Object.values(query).some((v) => typeof v === 'string' && v.trim() !== '');
      const context = { pageTitle: 'Find a person', values: query };
      if (!searched) return reply.page('modules/people/pages/search.njk', context);
      const parsed = searchForm.safeParse(query);
      if (!parsed.success) {
        const { list, byField } = errorList(parsed.error.issues, SEARCH_FIELDS);
        return reply.code(400).page('modules/people/pages/search.njk', { ...context, errorList: list, errors: byField });
      }
      const results = await deps.people.search(request.principal!, parsed.data);
      const today = deps.clock.now();
      return reply.page('modules/people/pages/search.njk', {
        ...context,
        searched: true,
        results: results.map((r) => (r.kind === 'visible' && r.dateOfBirth ? { ...r, age: formatAge(r.dateOfBirth, today) } : r)),
      });
    },
  );

  app.get('/people/:id', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    // A malformed id is "not found", exactly like a record that does not exist or is sealed.
    const params = personParams.safeParse(request.params);
    if (!params.success) throw notFound();
    request.auditChildId = params.data.id;
    const record = await deps.people.record(request.principal!, params.data.id);
    const today = deps.clock.now();
    return reply.page('modules/people/pages/record.njk', {
      pageTitle: record.name,
      backLink: '/people',
      record: { ...record, age: record.dateOfBirth ? formatAge(record.dateOfBirth, today) : undefined },
      related: record.related.map((r) => ({ ...r, age: r.dateOfBirth ? formatAge(r.dateOfBirth, today) : undefined })),
    });
  });
}
