import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { FINANCIAL_HELP_KINDS, NOTE_KIND_LABELS, OWNER_LABELS } from '../../case-codes.ts';
import { ASSESSMENT_FACTORS, CLOSURE_REASONS, isCode, PRIMARY_NEEDS, REFERRAL_SOURCES } from '../../codes.ts';
import { BASIS_LABELS, DECISION_LABELS } from '../../front-door-codes.ts';
import { caseId } from '../case-form.ts';

/** The Family Help case page: everything on the case, and the ways on to its forms for whoever may use them. */
export function casePage(app: FastifyInstance, deps: Deps) {
  app.get('/cases/:id', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const view = await deps.cases.view(request.principal!, caseId(request.params));
    const query = request.query as Record<string, unknown>;
    return reply.page('modules/family-help/pages/case/case.njk', {
      pageTitle: `Family Help: ${view.child.name}`,
      backLink: `/people/${view.child.id}`,
      ...view,
      assessments: view.assessments.map((a) => ({ ...a, factorNames: a.factors.map((f) => (isCode(ASSESSMENT_FACTORS, f) ? ASSESSMENT_FACTORS[f] : f)) })),
      financialHelpTotal: view.financialHelp.reduce((total, f) => total + f.amountPence, 0),
      childProtectionShown: view.layers.some((l) => l.id === 'child_protection'),
      basisLabels: BASIS_LABELS,
      needLabels: PRIMARY_NEEDS,
      closureLabels: CLOSURE_REASONS,
      sourceLabels: REFERRAL_SOURCES,
      decisionLabels: DECISION_LABELS,
      ownerLabels: OWNER_LABELS,
      noteKinds: NOTE_KIND_LABELS,
      financialKinds: FINANCIAL_HELP_KINDS,
      saved: typeof query['saved'] === 'string' ? query['saved'] : undefined,
      opened: query['opened'] === '1',
    });
  });
}
