import type { Tx } from '../../platform/db/client.ts';
import type { ChronologyEntry, RecordContribution } from '../people/chronology.ts';
import { CLOSURE_REASONS, REFERRAL_SOURCES, isCode } from './codes.ts';
import { BASIS_LABELS, DECISION_LABELS } from './decision-form.ts';
import * as repo from './repository.ts';

/**
 * Family Help's part of a child's record: every request, decision, case, change of basis,
 * assessment, plan, review, visit and closure in the chronology, and the open case as the
 * child's current involvement. Drafts are their author's and stay out.
 */
export async function familyHelpContribution(tx: Tx, personId: string): Promise<RecordContribution> {
  const entries: ChronologyEntry[] = [];
  const add = (date: string | null | undefined, title: string, details?: string) => {
    if (date) entries.push({ date, category: 'help', title, ...(details ? { details } : {}) });
  };
  for (const r of await repo.requestsForPerson(tx, personId)) {
    add(r.receivedOn, `Request for help: ${isCode(REFERRAL_SOURCES, r.source) ? REFERRAL_SOURCES[r.source] : r.source}${r.reReferral ? ' (re-referral)' : ''}`);
    if (r.decidedAt && r.decision) add(r.decidedAt.toISOString().slice(0, 10), `Decision: ${DECISION_LABELS[r.decision].text}`, r.decidedByName ? `By ${r.decidedByName}` : undefined);
  }
  const involvements: RecordContribution['involvements'] = [];
  for (const c of await repo.casesForPerson(tx, personId)) {
    add(c.openedOn, `Family Help case opened, led by ${c.leadPractitionerName} (${c.leadProfession})`);
    for (const b of await repo.basisHistory(tx, c.id)) add(b.fromDate, `Basis: ${BASIS_LABELS[b.basis]}`, b.reason ?? undefined);
    for (const a of await repo.assessments(tx, c.id)) add(a.completedOn, 'Assessment completed');
    const plan = await repo.currentPlan(tx, c.id);
    if (plan) {
      add(plan.startedOn, 'Family Help plan agreed');
      for (const review of (await repo.planDetails(tx, plan.id)).reviews) add(review.reviewedOn, 'Plan reviewed', `By ${review.recordedByName}`);
    }
    for (const n of await repo.notes(tx, c.id)) {
      if (n.state === 'draft') continue;
      if (n.kind === 'visit') add(n.occurredOn, `Visit: ${n.title}`, n.childSeen ? (n.childSeenAlone ? 'Child seen, and seen alone' : 'Child seen') : 'Child not seen');
    }
    if (c.closedOn) add(c.closedOn, `Family Help case closed: ${isCode(CLOSURE_REASONS, c.closureReason) ? CLOSURE_REASONS[c.closureReason] : (c.closureReason ?? '')}`);
    else involvements.push({ title: 'Family Help', href: `/cases/${c.id}`, since: c.openedOn, detail: `Led by ${c.leadPractitionerName}, ${c.leadProfession}` });
  }
  return { chronology: entries, involvements };
}
