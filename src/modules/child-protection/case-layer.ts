import { LocalDate } from '@js-joda/core';
import type { Tx } from '../../platform/db/client.ts';
import { dueDate } from '../../platform/timescales/rules.ts';
import { formatDate } from '../../platform/web/views.ts';
import type { CaseLayer } from '../family-help/cases.ts';
import type * as cases from '../family-help/for-layers.ts';
import { ABUSE_CATEGORIES, type AbuseCategory } from './codes.ts';
import { allProtectionDue, protectionDueItems } from './due.ts';
import * as read from './protection-read-model.ts';
import * as repo from './repository.ts';

/** Child protection as a layer on the Family Help case: the case page's summary, its due items, and the closure guard. */
export const protectionLayer = {
  async summary(tx: Tx, c: cases.CaseRow, now: LocalDate) {
    const facts = (await read.protectionFacts(tx, { caseId: c.id }))[0];
    const plans = await repo.plansForCase(tx, c.id);
    const discussions = await repo.discussionsForCase(tx, c.id);
    if (discussions.length === 0 && plans.length === 0) return undefined;
    const lines: string[] = [];
    const waiting = discussions.find((d) => !d.decidedAt);
    if (waiting) lines.push(`Strategy discussion convened ${formatDate(waiting.convenedOn)}${waiting.urgent ? ' (urgent)' : ''}: ${waiting.chairName ? `chaired by ${waiting.chairName}` : 'waiting for a Child Protection Lead Practitioner'}`);
    if (facts?.enquiryStartedOn) lines.push(`Section 47 enquiry since ${formatDate(facts.enquiryStartedOn)}: the initial conference is due by ${formatDate(dueDate('initial_child_protection_conference', LocalDate.parse(facts.enquiryStartedOn)).toString())}`);
    const plan = plans.find((p) => !p.endedOn);
    if (plan) {
      const before = await repo.plansBefore(tx, c.personId, plan.startedOn);
      lines.push(
        plan.kind === 'extra_familial_harm'
          ? `Extra-familial harm plan since ${formatDate(plan.startedOn)}${plan.youthJusticeWorker ? `, joint with youth justice (${plan.youthJusticeWorker})` : ''}. Child Protection Lead Practitioner: ${plan.cpLeadName}`
          : `Child protection plan since ${formatDate(plan.startedOn)} (${ABUSE_CATEGORIES[plan.latestCategory as AbuseCategory] ?? plan.latestCategory})${before > 0 ? ', a second or subsequent plan' : ''}. Child Protection Lead Practitioner: ${plan.cpLeadName}`,
      );
    }
    if (lines.length === 0) lines.push(`No child protection work open now${plans.length > 0 ? `: ${plans.length} plan${plans.length === 1 ? '' : 's'} in the past` : ''}.`);
    return { id: 'child_protection', title: 'Child protection', href: `/cases/${c.id}/child-protection`, lines, due: facts && !c.closedOn ? protectionDueItems(facts, now) : [] };
  },
  /** Child protection clocks for cases a worker leads or co-works as Child Protection Lead Practitioner, or a manager's teams. */
  async due(tx: Tx, where: { userId: string } | { teamIds: readonly string[] }, now: LocalDate) {
    return allProtectionDue(await read.protectionFacts(tx, where), now);
  },
  /** Why a Family Help case cannot close yet: child protection work still open on it. */
  async closeBlocker(tx: Tx, caseId: string): Promise<string | undefined> {
    const open = (await read.protectionFacts(tx, { caseId }))[0];
    if (open?.planStartedOn) return 'The child is on a child protection plan: end the plan before closing the case';
    if (open?.enquiryStartedOn) return 'A section 47 enquiry is open: record its outcome before closing the case';
    if (open?.discussionConvenedOn) return 'A strategy discussion is waiting: record it before closing the case';
    return undefined;
  },
} satisfies CaseLayer;
