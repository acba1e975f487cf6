import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { errorList } from '../../../../platform/web/errors.ts';
import { defineForm, text } from '../../../../platform/web/form.ts';
import { formatAge } from '../../age.ts';
import type { SearchInput } from '../../service.ts';
import { nhsNumberOrUpn, postcode, searchedDateOfBirth } from '../fields.ts';

/**
 * The search form, as the query string sends it (`today` bounds an expected date of birth). Every
 * field is optional but one must be given; each is checked and normalised, and every problem is
 * reported, in page order.
 */
export const searchForm = (today: LocalDate) =>
  defineForm({
    name: text('name', { max: 200, oneLine: true }),
    dob: searchedDateOfBirth(today),
    identifier: nhsNumberOrUpn(text('NHS number or UPN', { max: 20, oneLine: true })),
    postcode: postcode(text('postcode', { max: 10, oneLine: true })),
  });

/** What to search for, from the form's answers; nothing at all is a problem at the first field. */
export function searchFor(answers: z.infer<ReturnType<typeof searchForm>>): SearchInput | undefined {
  const criteria: SearchInput = {
    ...(answers.name ? { name: answers.name } : {}),
    ...(answers.dob ? { dateOfBirth: answers.dob } : {}),
    ...answers.identifier,
    ...(answers.postcode ? { postcode: answers.postcode } : {}),
  };
  return Object.keys(criteria).length > 0 ? criteria : undefined;
}

const NOTHING = 'Enter a name, date of birth, NHS number, UPN or postcode';

export function searchPage(app: FastifyInstance, deps: Deps) {
  app.get<{ Querystring: Record<string, string> }>(
    '/people',
    { config: { permission: 'people.search', audit: false } }, // the service audits each search
    async (request, reply) => {
      const query = request.query;
      const searched = Object.values(query).some((v) => typeof v === 'string' && v.trim() !== '');
      const context = { pageTitle: 'Find a person', values: query };
      if (!searched) return reply.page('modules/people/pages/search/search.njk', context);
      const form = searchForm(todayInEngland(deps.clock));
      const parsed = form.safeParse(query);
      const criteria = parsed.success ? searchFor(parsed.data) : undefined;
      if (!criteria) {
        const { list, byField } = errorList(parsed.error?.issues ?? [{ path: ['name'], message: NOTHING }], form.fields);
        return reply.code(400).page('modules/people/pages/search/search.njk', { ...context, errorList: list, errors: byField });
      }
      const results = await deps.people.search(request.principal!, criteria);
      const today = deps.clock.now();
      return reply.page('modules/people/pages/search/search.njk', {
        ...context,
        searched: true,
        results: results.map((r) => (r.kind === 'visible' && r.dateOfBirth ? { ...r, age: formatAge(r.dateOfBirth, today) } : r)),
      });
    },
  );
}
