import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { errorList } from '../../../../platform/web/errors.ts';
import { choice, defineForm } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { BREAK_GLASS_HOURS } from '../../service.ts';
import { BREAK_GLASS_REASONS } from '../../break-glass-reasons.ts';
import { explanation } from '../fields.ts';
import { personId } from '../person-id.ts';

/** Emergency access: why, from the list, and what has happened, in enough words for a manager to review. */
export const breakGlassForm = defineForm({
  reasonCode: choice(BREAK_GLASS_REASONS, 'Select why you need emergency access'),
  reason: explanation({
    min: 20,
    max: 1000,
    missing: 'Explain why you need this record now',
    short: 'Explain why you need this record now, in at least 20 characters',
    long: 'Your explanation must be 1,000 characters or fewer',
    odd: 'Your explanation must only include letters, numbers and punctuation',
  }),
});

/** Emergency access to a record the user has no relationship to: read-only, for four hours, with a reason. */
export function emergencyAccessPage(app: FastifyInstance, deps: Deps) {
  const show = (reply: FastifyReply, id: string, context: Record<string, unknown>) =>
    reply.page('modules/people/pages/emergency-access/emergency-access.njk', {
      pageTitle: 'Get emergency access',
      backLink: `/people/${id}`,
      personId: id,
      hours: BREAK_GLASS_HOURS,
      reasons: optionsFrom(BREAK_GLASS_REASONS),
      values: {},
      ...context,
    });

  app.get('/people/:id/emergency-access', { config: { permission: 'record.break_glass' } }, async (request, reply) => {
    const id = personId(request.params);
    request.auditChildId = id;
    await deps.people.checkEmergencyAccess(request.principal!, id);
    return show(reply, id, {});
  });

  app.post('/people/:id/emergency-access', { config: { permission: 'record.break_glass', audit: false } }, async (request, reply) => {
    const id = personId(request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = breakGlassForm.safeParse(body);
    if (!parsed.success) {
      request.auditChildId = id;
      await deps.people.checkEmergencyAccess(request.principal!, id);
      const { list, byField } = errorList(parsed.error.issues, breakGlassForm.fields);
      return show(reply.code(400), id, { values: body, errorList: list, errors: byField });
    }
    await deps.people.breakGlass(request.principal!, id, { code: parsed.data.reasonCode, text: parsed.data.reason });
    return reply.redirect(`/people/${id}`, 303);
  });
}
