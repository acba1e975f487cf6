import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { formatAge } from '../../age.ts';
import { CHRONOLOGY_CATEGORIES, isChronologyCategory } from '../../chronology.ts';
import { renderNetworkDiagram } from '../../network-diagram.ts';
import { personId } from '../person-id.ts';

/** A child's record: who they are, who works with them, their family and network, and their chronology. */
export function recordPage(app: FastifyInstance, deps: Deps) {
  app.get('/people/:id', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const id = personId(request.params);
    request.auditChildId = id;
    const query = request.query as Record<string, unknown>;
    const category = isChronologyCategory(query['category']) ? query['category'] : undefined;
    const record = await deps.people.record(request.principal!, id, category);
    const today = deps.clock.now();
    return reply.page('modules/people/pages/record/record.njk', {
      pageTitle: record.name,
      network: renderNetworkDiagram(record.name, record.related),
      backLink: '/people',
      record: { ...record, age: record.dateOfBirth ? formatAge(record.dateOfBirth, today) : undefined },
      related: record.related.map((r) => ({ ...r, age: r.dateOfBirth ? formatAge(r.dateOfBirth, today) : undefined })),
      // The chronology's filter: everything, or one category.
      categories: [{ value: '', text: 'Everything' }, ...optionsFrom(CHRONOLOGY_CATEGORIES)],
      categoryLabels: CHRONOLOGY_CATEGORIES,
      category,
      added: query['added'] === '1',
      identitySaved: query['identity'] === '1',
    });
  });
}
