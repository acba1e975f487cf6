import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { errorList, notFound } from '../../../../platform/web/errors.ts';
import { REFERENCE_FORMAT } from '../../front-door.ts';
import { requestFormContext } from '../request/request.ts';
import { requestDetails, requestForm } from '../request/request-form.ts';

const sentQuery = z.object({ reference: z.string().regex(REFERENCE_FORMAT), by: z.enum(['phone', 'email']) });

/**
 * The public page: no sign-in. Spam is held off by a hidden field and a gentle limit on the
 * requests accepted from one address — never a puzzle, and never by losing what a parent wrote.
 */
export function getHelpPages(app: FastifyInstance, deps: Deps) {
  const getHelpAuthority = deps.config.getHelpAuthority;
  const acceptedFromOneAddress = app.createRateLimit({ max: 10, timeWindow: '1 hour' });
  const showGetHelp = async (reply: FastifyReply, context: Record<string, unknown>) =>
    reply.page('modules/family-help/pages/get-help/get-help.njk', {
      pageTitle: 'Ask for help for your family',
      authorityName: await deps.authorities.name(getHelpAuthority!),
      contactPhone: await deps.authorities.contactPhone(getHelpAuthority!),
      ...requestFormContext('public'),
      ...context,
    });

  app.get('/get-help', { config: { permission: 'public' } }, async (_request, reply) => {
    if (!getHelpAuthority) throw notFound();
    return showGetHelp(reply, {});
  });

  app.post('/get-help', { config: { permission: 'public', publicFormAuthority: getHelpAuthority } }, async (request, reply) => {
    if (!getHelpAuthority) throw notFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = requestForm('public', todayInEngland(deps.clock));
    const parsed = form.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, form.fields);
      return showGetHelp(reply.code(400), { values: body, errorList: list, errors: byField });
    }
    // Only requests that could be sent count; the page keeps every word when the limit is reached.
    const limit = await acceptedFromOneAddress(request);
    if (!limit.isAllowed && limit.isExceeded) {
      request.log.warn({ errorId: 'get_help_limited' }, 'public requests limited from one address');
      return showGetHelp(reply.code(429), { values: body, limited: true });
    }
    const { reference } = await deps.frontDoor.submitPublic(getHelpAuthority, requestDetails(parsed.data), { ip: request.ip });
    // Sent on to a page of its own, so a refresh or the back button never sends it again.
    return reply.redirect(`/get-help/sent?${new URLSearchParams({ reference, by: parsed.data.submitterPhone ? 'phone' : 'email' }).toString()}`, 303);
  });

  app.get('/get-help/sent', { config: { permission: 'public' } }, async (request, reply) => {
    if (!getHelpAuthority) throw notFound();
    const query = sentQuery.safeParse(request.query);
    if (!query.success) return reply.redirect('/get-help', 303);
    return reply.page('modules/family-help/pages/get-help/get-help-sent.njk', {
      pageTitle: 'We have your request',
      authorityName: await deps.authorities.name(getHelpAuthority),
      contactPhone: await deps.authorities.contactPhone(getHelpAuthority),
      reference: query.data.reference,
      contactBy: query.data.by,
    });
  });
}
