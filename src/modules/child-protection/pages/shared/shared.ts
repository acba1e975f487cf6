import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import type { Principal } from '../../../../platform/auth/service.ts';
import { errorList } from '../../../../platform/web/errors.ts';
import { defineForm, text } from '../../../../platform/web/form.ts';
import { formatDate } from '../../../../platform/web/views.ts';
import { SHARE_PURPOSE_LABELS } from '../../codes.ts';
import { idOf } from '../cp-form.ts';

/** What a partner agency adds through a share. */
export const contributionForm = () =>
  defineForm({
    body: text('what your agency knows', { required: true, max: 10000 }),
  });

/** One share, as its partner sees it, and what their agency adds to it. */
export function sharedPage(app: FastifyInstance, deps: Deps) {
  const show = async (reply: FastifyReply, principal: Principal, id: string, context: Record<string, unknown>) => {
    const view = await deps.childProtection.sharedView(principal, id);
    return reply.page('modules/child-protection/pages/shared/shared.njk', {
      pageTitle: `Shared with you: ${view.child.name}`,
      backLink: '/shared',
      ...view,
      meetings: view.plan ? view.plan.meetings.map((m) => formatDate(m)) : [],
      purposeLabels: SHARE_PURPOSE_LABELS,
      values: {},
      ...context,
    });
  };

  app.get('/shared/:id', { config: { permission: 'shares.view', audit: false } }, async (request, reply) => {
    const saved = (request.query as Record<string, unknown>)['saved'] === '1';
    return show(reply, request.principal!, idOf(request.params), { saved });
  });

  app.post('/shared/:id', { config: { permission: 'shares.view', audit: false } }, async (request, reply) => {
    const id = idOf(request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = contributionForm();
    const parsed = form.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, form.fields);
      return show(reply.code(400), request.principal!, id, { values: body, errorList: list, errors: byField });
    }
    await deps.childProtection.contribute(request.principal!, id, { body: parsed.data.body });
    return reply.redirect(`/shared/${id}?saved=1`, 303);
  });
}
