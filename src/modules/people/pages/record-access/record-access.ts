import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';

/** The privacy officer's restricted and sealed records, and finding any record by its LA person ID. */
export function recordAccessPage(app: FastifyInstance, deps: Deps) {
  app.get<{ Querystring: Record<string, string> }>('/record-access', { config: { permission: 'record.seal', audit: 'protected_records_listed' } }, async (request, reply) => {
    const principal = request.principal!;
    const laPersonId = typeof request.query['laPersonId'] === 'string' ? request.query['laPersonId'].trim() : '';
    const context = { pageTitle: 'Restricted and sealed records', values: { laPersonId } };
    if (laPersonId) {
      const found = /^[A-Za-z0-9]{1,20}$/.test(laPersonId) ? await deps.people.findForPrivacyOfficer(principal, laPersonId) : undefined;
      if (found) return reply.redirect(`/people/${found}/access`, 303);
      const text = 'No one in this authority has that LA person ID';
      reply.code(400);
      return reply.page('modules/people/pages/record-access/record-access.njk', { ...context, records: await deps.people.protectedRecords(principal), errorList: [{ text, href: '#laPersonId' }], errors: { laPersonId: { text } } });
    }
    return reply.page('modules/people/pages/record-access/record-access.njk', { ...context, records: await deps.people.protectedRecords(principal) });
  });
}
