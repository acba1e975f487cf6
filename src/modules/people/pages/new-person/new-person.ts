import type { FastifyInstance, FastifyReply } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { field } from '../../../../platform/web/form-fields.ts';
import { errorList } from '../../../../platform/web/errors.ts';
import { choice, defineForm } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { formatAge } from '../../age.ts';
import type { NewPerson } from '../../service.ts';
import { birthDate, optionalNhsNumber, personName } from '../fields.ts';

/** Sex as a new record takes it (the CIN census's codes). */
export const SEXES = { F: 'Female', M: 'Male', U: 'Not known' } as const;

/** A new person, as the form sends it; every problem reported in page order. */
export const newPersonForm = (today: LocalDate) =>
  defineForm({
    givenNames: personName('first names', { required: true }),
    familyName: personName('last name', { required: true }),
    preferredName: personName('preferred name', { required: false }),
    dob: birthDate(today),
    sex: choice(SEXES, 'Select the sex, or ‘Not known’'),
    nhsNumber: optionalNhsNumber(),
    // Sent by the page that showed the likely duplicates: none of them is this person.
    confirm: field.transform((value) => value === 'new'),
  });

/** The person to add, from the form's answers: a date after today is the expected date of birth of a baby not yet born. */
export function newPerson({ dob, confirm, ...answers }: z.infer<ReturnType<typeof newPersonForm>>, today: LocalDate): NewPerson {
  const expected = dob > today.toString();
  return { ...answers, dateOfBirth: expected ? undefined : dob, expectedDateOfBirth: expected ? dob : undefined, confirmed: confirm };
}

/** Adding a person: their details, then (if anyone like them is already known) the likely duplicates, to confirm none is them. */
export function newPersonPage(app: FastifyInstance, deps: Deps) {
  const show = (reply: FastifyReply, context: Record<string, unknown>) =>
    reply.page('modules/people/pages/new-person/new-person.njk', { pageTitle: 'Add a person', backLink: '/people', sexes: optionsFrom(SEXES), values: {}, ...context });

  app.get('/people/new', { config: { permission: 'people.create' } }, async (_request, reply) => show(reply, {}));

  app.post('/people/new', { config: { permission: 'people.create', audit: false } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const today = todayInEngland(deps.clock);
    const form = newPersonForm(today);
    const parsed = form.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, form.fields);
      return show(reply.code(400), { values: body, errorList: list, errors: byField });
    }
    const result = await deps.people.create(request.principal!, newPerson(parsed.data, today));
    if ('created' in result) return reply.redirect(`/people/${result.created}`, 303);
    const now = deps.clock.now();
    return reply.page('modules/people/pages/new-person/check-duplicates.njk', {
      pageTitle: 'Check this person is not already known',
      backLink: '/people/new',
      values: body,
      candidates: result.candidates.map((r) => (r.kind === 'visible' && r.dateOfBirth ? { ...r, age: formatAge(r.dateOfBirth, now) } : r)),
    });
  });
}
