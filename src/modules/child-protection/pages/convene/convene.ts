import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { defineForm, text, yesNo } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { YES_NO } from '../../codes.ts';
import { openNow } from '../../open-now.ts';
import { cpForm } from '../cp-form.ts';

/** Convening a strategy discussion: how urgent, and what is known (the part that may be shared). */
export const conveneForm = () =>
  defineForm({
    urgent: yesNo('Select whether the strategy discussion is urgent'),
    concerns: text('what is known and why significant harm is suspected', { required: true }),
  });

export function convenePage(app: FastifyInstance, deps: Deps) {
  cpForm(app, deps, 'convene', {
    template: 'modules/child-protection/pages/convene/convene.njk',
    title: 'Convene a strategy discussion',
    right: 'canRecord',
    target: (view) => !openNow(view).discussion,
    context: () => ({ answers: optionsFrom(YES_NO) }),
    form: () => conveneForm(),
    save: (principal, view, input) => deps.childProtection.conveneFromCase(principal, view.c.id, input),
    saved: 'convened',
  });
}
