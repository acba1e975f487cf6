import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { errorList } from '../../../../platform/web/errors.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { REFERRAL_SOURCES } from '../../codes.ts';
import { ASKER_LABELS, FAMILY_KNOWS, PARTNER_SOURCES, type RequestChannel } from '../../front-door-codes.ts';
import { requestDetails, requestForm } from './request-form.ts';

/** What the request form shows each channel: who may be asking, and the sources to choose from. */
export const requestFormContext = (channel: RequestChannel, role?: string) => ({
  channel,
  askers: optionsFrom(ASKER_LABELS),
  familyKnows: optionsFrom(FAMILY_KNOWS),
  sources:
    channel === 'staff'
      ? Object.entries(REFERRAL_SOURCES).map(([value, text]) => ({ value, text: `${value}: ${text}` }))
      : (PARTNER_SOURCES[role ?? ''] ?? []).map((value) => ({ value, text: REFERRAL_SOURCES[value] })),
  values: {},
});

/** A partner asking for help for a child, and staff recording a request that came by phone, email or in person. */
export function requestPages(app: FastifyInstance, deps: Deps) {
  const today = () => todayInEngland(deps.clock);

  // A partner's own form.
  const showPartnerForm = (reply: FastifyReply, role: string, context: Record<string, unknown>) =>
    reply.page('modules/family-help/pages/request/request-form.njk', { pageTitle: 'Ask for help for a child', backLink: '/my-requests', ...requestFormContext('partner', role), ...context });

  app.get('/my-requests/new', { config: { permission: 'requests.submit' } }, async (request, reply) => showPartnerForm(reply, request.principal!.role, {}));

  app.post('/my-requests/new', { config: { permission: 'requests.submit', audit: false } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = requestForm('partner', today(), PARTNER_SOURCES[request.principal!.role] ?? []);
    const parsed = form.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, form.fields);
      return showPartnerForm(reply.code(400), request.principal!.role, { values: body, errorList: list, errors: byField });
    }
    await deps.frontDoor.submit(request.principal!, 'partner', requestDetails(parsed.data));
    return reply.redirect('/my-requests?sent=1', 303);
  });

  // Staff recording a call.
  const showStaffForm = (reply: FastifyReply, context: Record<string, unknown>) =>
    reply.page('modules/family-help/pages/request/request-form.njk', { pageTitle: 'Record a request for help', backLink: '/front-door', ...requestFormContext('staff'), ...context });

  app.get('/front-door/new', { config: { permission: 'requests.record' } }, async (_request, reply) => showStaffForm(reply, {}));

  app.post('/front-door/new', { config: { permission: 'requests.record', audit: false } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = requestForm('staff', today());
    const parsed = form.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, form.fields);
      return showStaffForm(reply.code(400), { values: body, errorList: list, errors: byField });
    }
    const id = await deps.frontDoor.submit(request.principal!, 'staff', requestDetails(parsed.data));
    return reply.redirect(`/front-door/${id}`, 303);
  });
}
