import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@js-joda/core';
import type { z } from 'zod';
import type { Deps } from '../../../../deps.ts';
import { todayInEngland } from '../../../../platform/clock.ts';
import { choice, date, defineForm, optionalChoice, text, type Earlier } from '../../../../platform/web/form.ts';
import { optionsFrom } from '../../../../platform/web/views.ts';
import { field } from '../../../../platform/web/form-fields.ts';
import { OWNER_LABELS } from '../../case-codes.ts';
import { isCode } from '../../codes.ts';
import { caseForm } from '../case-form.ts';
import { sent, withRules, type Problem } from '../fields.ts';

export const PLAN_ROWS = 5;
const ROWS = Array.from({ length: PLAN_ROWS }, (_, i) => i);

/** A goal, in the family's words: one line. */
const goal = (i: number) => ({ [`goal${i}`]: text(`goal ${i + 1}`, { max: 500, oneLine: true }) });

/** An action, and who is responsible for it and their name: both needed once the action is written. */
const action = (i: number) => {
  const written = (a: Earlier) => a[`action${i}`] !== undefined;
  return {
    [`action${i}`]: text(`action ${i + 1}`, { max: 500, oneLine: true }),
    [`owner${i}`]: (a: Earlier) => (written(a) ? choice(OWNER_LABELS, `Select who is responsible for action ${i + 1}`) : optionalChoice(OWNER_LABELS, '').catch(undefined)),
    [`ownerName${i}`]: (a: Earlier) => text(`who does action ${i + 1}`, { max: 100, oneLine: true, ...(written(a) ? { required: true, missing: `Enter the name of who does action ${i + 1}` } : {}) }),
  };
};

/**
 * The plan's rules that look across its rows (so at later answers than the field they are on):
 * at least one goal (on the first), at least one action (on the first), and no name without its action.
 */
function acrossRows(body: Readonly<Record<string, unknown>>): Problem[] {
  const problems: Problem[] = [];
  if (!ROWS.some((i) => sent(body, `goal${i}`))) problems.push(['goal0', 'Enter at least one goal, in the family’s words']);
  for (const i of ROWS) if (!sent(body, `action${i}`) && sent(body, `ownerName${i}`)) problems.push([`action${i}`, `Enter action ${i + 1}, or remove who does it`]);
  const complete = ROWS.some((i) => sent(body, `action${i}`) && sent(body, `ownerName${i}`) && isCode(OWNER_LABELS, field.parse(body[`owner${i}`])));
  if (!complete && !sent(body, 'action0')) problems.push(['action0', 'Enter at least one action']);
  return problems;
}

type Owner = keyof typeof OWNER_LABELS;

/** The Family Help plan: goals in the family's words, actions with owners. */
export const planForm = (earliest: { date: string; what: string } | undefined, today: LocalDate) => {
  const form = defineForm({
    started: date('the plan was agreed', { today, ...(earliest ? { earliest } : {}) }),
    ...Object.assign({}, ...ROWS.map(goal)) as Record<string, z.ZodType<string | undefined>>,
    ...Object.assign({}, ...ROWS.map(action)) as Record<string, (a: Earlier) => z.ZodType<string | undefined>>,
  });
  return withRules(form, acrossRows);
};

/** The plan as the service takes it: the goals written, and the actions with who does them. */
export function planFrom(answers: Readonly<Record<string, unknown>> & { started: string }) {
  return {
    startedOn: answers.started,
    goals: ROWS.map((i) => answers[`goal${i}`]).filter((g): g is string => typeof g === 'string'),
    actions: ROWS.flatMap((i) => {
      const [action, ownerKind, ownerName] = [answers[`action${i}`], answers[`owner${i}`], answers[`ownerName${i}`]];
      return typeof action === 'string' && typeof ownerName === 'string' ? [{ action, ownerKind: ownerKind as Owner, ownerName }] : [];
    }),
  };
}

export function planPage(app: FastifyInstance, deps: Deps) {
  caseForm(app, deps, 'plan', {
    template: 'modules/family-help/pages/plan/plan.njk',
    title: 'Agree the Family Help plan',
    context: () => ({ rows: ROWS, owners: [{ value: '', text: 'Select' }, ...optionsFrom(OWNER_LABELS)] }),
    form: (view) =>
      planForm(view.lastCompletedAssessment?.completedOn ? { date: view.lastCompletedAssessment.completedOn, what: 'the assessment was completed' } : undefined, todayInEngland(deps.clock)),
    save: (principal, view, input) => deps.cases.agreePlan(principal, view.c.id, planFrom(input)),
    saved: 'plan',
  });
}
