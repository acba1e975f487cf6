import type { FastifyInstance, FastifyReply } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { errorList } from '../../../../platform/web/errors.ts';
import { choice, date, defineForm, text } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { CHRONOLOGY_CATEGORIES, SIGNIFICANT_EVENT_CATEGORIES } from '../../chronology.ts';
import { personId } from '../person-id.ts';

/** A significant event, as the form sends it. `today` keeps "not in the future" testable. */
export const significantEventForm = (today: LocalDate) =>
  defineForm({
    occurred: date('it happened', { today, called: 'Date' }),
    category: choice(SIGNIFICANT_EVENT_CATEGORIES, 'Select what kind of event it was'),
    title: text('what happened', { required: true, max: 200, oneLine: true }),
    details: text('details'),
  });

const CATEGORIES = optionsFrom(Object.fromEntries(SIGNIFICANT_EVENT_CATEGORIES.map((value) => [value, CHRONOLOGY_CATEGORIES[value]])));

/** Adding a significant event to a child's chronology, for those who may add to it. */
export function significantEventPage(app: FastifyInstance, deps: Deps) {
  const show = (reply: FastifyReply, id: string, context: Record<string, unknown>) =>
    reply.page('modules/people/pages/significant-event/significant-event.njk', {
      pageTitle: 'Add a significant event',
      backLink: `/people/${id}#chronology`,
      personId: id,
      categories: CATEGORIES,
      values: {},
      ...context,
    });

  app.get('/people/:id/significant-events/new', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const id = personId(request.params);
    await deps.people.checkCanAddSignificantEvent(request.principal!, id);
    return show(reply, id, {});
  });

  app.post('/people/:id/significant-events', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const id = personId(request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = significantEventForm(todayInEngland(deps.clock));
    const parsed = form.safeParse(body);
    if (!parsed.success) {
      await deps.people.checkCanAddSignificantEvent(request.principal!, id); // the form's errors only for those who may use it
      const { list, byField } = errorList(parsed.error.issues, form.fields);
      return show(reply.code(400), id, { values: body, errorList: list, errors: byField });
    }
    const { occurred, category, title, details } = parsed.data;
    await deps.people.addSignificantEvent(request.principal!, id, { occurredOn: occurred, category, title, details });
    return reply.redirect(`/people/${id}?added=1#chronology`, 303);
  });
}
