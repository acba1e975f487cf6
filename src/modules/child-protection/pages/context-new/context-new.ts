import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { choice, date, defineForm, text } from '../../../../platform/web/form.ts';
import { pageForm } from '../../../../platform/web/page-form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { HARM_CONTEXT_KIND_LABELS } from '../../codes.ts';

/** A context of harm outside the home: what kind, what it is called, what is known. */
export const contextForm = (today: LocalDate) =>
  defineForm({
    kind: choice(HARM_CONTEXT_KIND_LABELS, 'Select what kind of context it is'),
    name: text('a name for the context', { required: true, max: 200, oneLine: true }),
    description: text('what is known about it', { required: true }),
    identified: date('it was identified', { today }),
  });

export function contextNewPage(app: FastifyInstance, deps: Deps) {
  pageForm(app, {
    path: '/contexts/new',
    permission: 'contexts.manage',
    load: () => Promise.resolve({}),
    allowed: () => true,
    template: 'modules/child-protection/pages/context-new/context-new.njk',
    title: 'Add a context of harm outside the home',
    context: () => ({ backLink: '/contexts', kinds: optionsFrom(HARM_CONTEXT_KIND_LABELS) }),
    form: () => contextForm(todayInEngland(deps.clock)),
    save: (principal, _view, input) => deps.childProtection.createContext(principal, { kind: input.kind, name: input.name, description: input.description, identifiedOn: input.identified }),
    done: (_view, id) => `/contexts/${id}?saved=1`,
  });
}
