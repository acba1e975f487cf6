import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { choice, defineForm, text } from '../../../../platform/web/form.ts';
import { cpForm } from '../cp-form.ts';

/** Linking a child to a context, and why. */
export const linkContextForm = (contextIds: readonly string[]) =>
  defineForm({
    context: choice(contextIds, 'Select the context'),
    why: text('why the child is linked to it', { required: true }),
  });

export function linkContextPage(app: FastifyInstance, deps: Deps) {
  cpForm(app, deps, 'link-context', {
    template: 'modules/child-protection/pages/link-context/link-context.njk',
    title: 'Link to a context of harm outside the home',
    right: 'canRecord',
    target: (view) => view.openContexts.length > 0,
    context: (view) => ({ contextOptions: view.openContexts.map((x) => ({ value: x.id, text: x.name })) }),
    form: (view) => linkContextForm(view.openContexts.map((x) => x.id)),
    save: (principal, view, input) => deps.childProtection.linkToContext(principal, view.c.id, { contextId: input.context, why: input.why }),
    saved: 'linked',
  });
}
