import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { defineForm, text, version, YES_NO_OPTIONS, yesNo } from '../../../../platform/web/form.ts';
import { caseForm } from '../case-form.ts';

/** What a disabled child needs and whether the family has money worries: first-class on the case, not buried in notes. */
export const supportForm = () =>
  defineForm({
    version: version(),
    disabilityNeeds: text('what the child needs', { max: 5000 }),
    moneyWorries: yesNo('Select whether the family has money worries'),
  });

export function supportPage(app: FastifyInstance, deps: Deps) {
  caseForm(app, deps, 'support', {
    template: 'modules/family-help/pages/support/support.njk',
    title: 'Disability and money',
    right: 'canManage',
    // The form opens with what the case holds now.
    context: (view) => ({ yesNo: YES_NO_OPTIONS, values: { version: String(view.c.version), disabilityNeeds: view.c.disabilityNeeds ?? undefined, moneyWorries: view.c.moneyWorries ? 'yes' : 'no' } }),
    form: () => supportForm(),
    save: (principal, view, input) => deps.cases.updateSupport(principal, view.c.id, { version: input.version, disabilityNeeds: input.disabilityNeeds ?? null, moneyWorries: input.moneyWorries }),
    saved: 'support',
  });
}
