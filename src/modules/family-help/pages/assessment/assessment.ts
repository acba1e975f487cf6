import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { checkboxes, date, defineForm, notAsked, optionalYesNo, text, version, YES_NO_OPTIONS, yesNo, type Earlier } from '../../../../platform/web/form.ts';
import { field } from '../../../../platform/web/form-fields.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { ASSESSMENT_FACTORS } from '../../codes.ts';
import type { CaseView } from '../case-form.ts';
import { caseForm } from '../case-form.ts';
import { seenAlone } from '../fields.ts';

/** The CIN census factors identified: at least one, and ‘No factors identified’ (factor 21) on its own. */
const factorsIdentified = checkboxes(ASSESSMENT_FACTORS).transform((factors, ctx) => {
  const problem = factors.length === 0 ? 'Select the factors identified at the assessment, or ‘No factors identified’' : factors.includes('21') && factors.length > 1 ? '‘No factors identified’ cannot be selected with other factors' : undefined;
  if (!problem) return factors;
  ctx.addIssue({ code: 'custom', message: problem });
  return z.NEVER;
});

/**
 * The completed assessment. CIN census rules are checked here, when the practitioner still knows
 * the answer. "Save as draft" (the button sends `action=draft`) keeps what is written so far,
 * checking only lengths: an assessment takes weeks, and nothing typed is lost to a required field
 * not yet known. The button pressed decides the rules, so it is read first.
 */
export const assessmentForm = (earliest: { date: string; what: string }, today: LocalDate) => {
  const drafting = ({ action }: Earlier) => action === 'draft';
  return defineForm({
    action: field,
    version: version(),
    completed: (a: Earlier) => (drafting(a) ? notAsked : date('the assessment was completed', { today, earliest })),
    factors: (a: Earlier) => (drafting(a) ? checkboxes(ASSESSMENT_FACTORS) : factorsIdentified),
    childSeen: (a: Earlier) => (drafting(a) ? optionalYesNo : yesNo('Select whether the child was seen')),
    childSeenAlone: (a: Earlier) => (drafting(a) ? optionalYesNo : seenAlone(a['childSeen'])),
    childViews: (a: Earlier) => text('the child’s views', { required: !drafting(a) }),
    familyViews: text('the family’s views'),
    analysis: (a: Earlier) => text('what the assessment found', { required: !drafting(a), max: 20000 }),
  });
};

/** The assessment completed on or after the day it started (or the referral). */
const earliestFor = (view: CaseView) =>
  view.openAssessment?.startedOn ? { date: view.openAssessment.startedOn, what: 'the day it started' } : { date: view.c.referralDate, what: 'the referral' };

/** What a draft assessment holds so far, as its form's values. */
function assessmentValues(a: CaseView['openAssessment']) {
  if (!a) return {};
  const yesNo = (v: boolean | null) => (v === null ? undefined : v ? 'yes' : 'no');
  return { factors: a.factors, childSeen: yesNo(a.childSeen), childSeenAlone: yesNo(a.childSeenAlone), childViews: a.childViews ?? undefined, familyViews: a.familyViews ?? undefined, analysis: a.analysis ?? undefined };
}

export function assessmentPage(app: FastifyInstance, deps: Deps) {
  caseForm(app, deps, 'assessment', {
    template: 'modules/family-help/pages/assessment/assessment.njk',
    title: 'Complete the assessment',
    applies: (view) => !!view.openAssessment,
    context: (view) => ({ assessment: view.openAssessment, factors: optionsFrom(ASSESSMENT_FACTORS), yesNo: YES_NO_OPTIONS, values: assessmentValues(view.openAssessment) }),
    form: (view) => assessmentForm(earliestFor(view), todayInEngland(deps.clock)),
    save: async (principal, view, input) => {
      const { version, factors, childViews, familyViews, analysis } = input;
      if (input.action !== 'draft') {
        return deps.cases.completeAssessment(principal, view.c.id, {
          version,
          completedOn: input.completed!,
          factors,
          childSeen: input.childSeen!,
          childSeenAlone: input.childSeenAlone!,
          childViews: childViews!,
          familyViews,
          analysis: analysis!,
        });
      }
      await deps.cases.saveAssessmentDraft(principal, view.c.id, { version, factors, childSeen: input.childSeen, childSeenAlone: input.childSeenAlone, childViews, familyViews, analysis });
      return 'assessment-draft';
    },
    saved: 'assessment',
  });
}
