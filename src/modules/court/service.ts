import { randomUUID } from 'node:crypto';
import { LocalDate } from '@js-joda/core';
import { can } from '../../platform/access/policy.ts';
import type { Principal } from '../../platform/auth/service.ts';
import { todayInEngland, type Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/client.ts';
import { dueDate, timescaleState } from '../../platform/timescales/rules.ts';
import { HttpError } from '../../platform/web/errors.ts';
import { formatDate } from '../../platform/web/views.ts';
import { caseOpener } from '../family-help/case-access.ts';
import type { CaseLayer } from '../family-help/cases.ts';
import { dueItem, type DueCase } from '../family-help/due.ts';
import type { CaseRow } from '../family-help/for-layers.ts';
import type { PeopleService } from '../people/service.ts';
import { OUTCOMES } from './codes.ts';
import * as repo from './repository.ts';
import { openIssued } from './proceedings-read-model.ts';

const stale = (caseId: string) => new HttpError(409, 'stale_case', 'Someone else changed this while you were working on it', { backTo: `/cases/${caseId}/court` });
const closed = (caseId: string) => new HttpError(409, 'case_closed', 'This case is closed', { backTo: `/cases/${caseId}` });

/** Proceedings must end within 26 weeks of being issued (Children Act 1989 s.32(1)(a)(ii)). */
export const deadlineFor = (issuedOn: string) => dueDate('care_proceedings', LocalDate.parse(issuedOn)).toString();

/**
 * Court work on the child's one case: pre-proceedings, the offer of family group decision
 * making, proceedings issued, hearings, the 26-week clock, outcome and orders. Before proceedings
 * are issued the family must have been offered family group decision making, or an emergency
 * recorded with its reason: the service refuses anything else, whatever the form sent.
 */
export function createCourtService(database: Database, clock: Clock, peopleService: PeopleService) {
  const today = () => todayInEngland(clock);
  const withCase = caseOpener(database, peopleService, clock);

  /** The proceedings not yet decided, if any. */
  const current = async (tx: Tx, caseId: string) => (await repo.proceedingsForCase(tx, caseId)).find((p) => !p.outcome);

  /** A change by whoever may manage the child's court work, on the open case's current proceedings. */
  async function change(principal: Principal, caseId: string, action: string, fn: (tx: Tx, c: CaseRow, p: repo.ProceedingsRow | undefined) => Promise<void>) {
    await withCase(principal, caseId, 'court.manage', action, async ({ tx, c }) => {
      if (c.closedOn) throw closed(c.id);
      await fn(tx, c, await current(tx, c.id));
    });
  }

  const dueIn = (row: DueCase & { issuedOn: string }, now: LocalDate) => dueItem(row, 'care_proceedings', row.issuedOn, now);

  return {
    async overview(principal: Principal, caseId: string) {
      const { person, relationships, value } = await withCase(principal, caseId, 'record.view', 'court_work_viewed', async ({ tx, c }) => {
        const proceedings = await repo.proceedingsForCase(tx, c.id);
        return { c, proceedings, events: await repo.eventsFor(tx, proceedings.map((p) => p.id)) };
      });
      const open = value.proceedings.find((p) => !p.outcome);
      return {
        ...value,
        current: open,
        deadline: open?.issuedOn ? deadlineFor(open.issuedOn) : undefined,
        clock: open?.issuedOn ? timescaleState(LocalDate.parse(deadlineFor(open.issuedOn)), today()) : undefined,
        child: { id: person.id, name: `${person.preferredName ?? person.givenNames} ${person.familyName}` },
        canManage: !value.c.closedOn && can(principal, 'court.manage', { relationships }),
      };
    },

    async sendLetter(principal: Principal, caseId: string, input: { letterSentOn: string }) {
      await change(principal, caseId, 'pre_proceedings_started', async (tx, c, p) => {
        if (p) throw stale(c.id);
        await repo.insertProceedings(tx, { id: randomUUID(), laCode: c.laCode, caseId: c.id, personId: c.personId, letterSentOn: input.letterSentOn, startedBy: principal.userId, startedByName: principal.displayName });
      });
    },

    async recordFgdmOffer(principal: Principal, caseId: string, input: { version: number; offeredOn: string; response: string }) {
      await change(principal, caseId, 'fgdm_offer_recorded', async (tx, c, p) => {
        if (!p || p.issuedOn || !(await repo.updateProceedings(tx, p.id, input.version, { fgdmOfferedOn: input.offeredOn, fgdmResponse: input.response }))) throw stale(c.id);
      });
    },

    async recordEvent(principal: Principal, caseId: string, kind: 'pre_proceedings_meeting' | 'hearing', input: { heldOn: string; hearingType: string | undefined; summary: string }) {
      await change(principal, caseId, kind === 'hearing' ? 'hearing_recorded' : 'pre_proceedings_meeting_recorded', async (tx, c, p) => {
        if (!p || (kind === 'hearing' && !p.issuedOn)) throw stale(c.id);
        await repo.insertEvent(tx, { id: randomUUID(), laCode: c.laCode, proceedingsId: p.id, kind, heldOn: input.heldOn, hearingType: input.hearingType ?? null, summary: input.summary, recordedBy: principal.userId, recordedByName: principal.displayName, recordedAt: clock.now() });
      });
    },

    /** Issues proceedings: refused unless family group decision making was offered, or an emergency is recorded with its reason. */
    async issue(principal: Principal, caseId: string, input: { version: number | undefined; issuedOn: string; court: string; application: string; emergencyReason: string | undefined }) {
      await change(principal, caseId, 'proceedings_issued', async (tx, c, p) => {
        if (p?.issuedOn) throw stale(c.id);
        if (!p?.fgdmOfferedOn && !input.emergencyReason?.trim()) {
          throw new HttpError(409, 'fgdm_required', 'Family group decision making must be offered before proceedings are issued', {
            reason: 'Family group decision making must be offered to the family before proceedings are issued. Record the offer, or record the emergency and why there was no time to offer it.',
            backTo: `/cases/${c.id}/court`,
          });
        }
        const issued = { issuedOn: input.issuedOn, court: input.court, application: input.application, emergencyReason: p?.fgdmOfferedOn ? null : input.emergencyReason! };
        if (!p) await repo.insertProceedings(tx, { id: randomUUID(), laCode: c.laCode, caseId: c.id, personId: c.personId, ...issued, startedBy: principal.userId, startedByName: principal.displayName });
        else if (!(await repo.updateProceedings(tx, p.id, input.version ?? -1, issued))) throw stale(c.id);
      });
    },

    async recordOutcome(principal: Principal, caseId: string, input: { version: number; outcomeOn: string; outcome: string; extensionReason: string | undefined }) {
      await change(principal, caseId, 'proceedings_concluded', async (tx, c, p) => {
        if (!p?.issuedOn || !(await repo.updateProceedings(tx, p.id, input.version, { outcomeOn: input.outcomeOn, outcome: input.outcome, extensionReason: input.extensionReason ?? null }))) throw stale(c.id);
      });
    },

    /** Court as a layer on the Family Help case: its summary, the 26-week clock, and no closure while proceedings are open. */
    layer: {
      async summary(tx: Tx, c: CaseRow, now: LocalDate) {
        const all = await repo.proceedingsForCase(tx, c.id);
        if (all.length === 0) return undefined;
        const open = all.find((p) => !p.outcome);
        const lines = open
          ? [open.issuedOn ? `Care proceedings issued ${formatDate(open.issuedOn)}: to finish by ${formatDate(deadlineFor(open.issuedOn))} (26 weeks)` : `Pre-proceedings${open.letterSentOn ? ` since ${formatDate(open.letterSentOn)}` : ''}${open.fgdmOfferedOn ? '' : '. Family group decision making not yet offered'}`]
          : all.map((p) => `Proceedings concluded ${formatDate(p.outcomeOn!)}: ${OUTCOMES[p.outcome as keyof typeof OUTCOMES] ?? p.outcome}`);
        const due = open?.issuedOn && !c.closedOn ? (await openIssued(tx, { caseId: c.id })).map((r) => dueIn(r, now)) : [];
        return { id: 'court', title: 'Court', href: `/cases/${c.id}/court`, lines, due };
      },
      async closeBlocker(tx: Tx, caseId: string) {
        return (await current(tx, caseId)) ? 'Court work is open on this case: record its outcome before closing the case' : undefined;
      },
      async due(tx: Tx, where: { userId: string } | { teamIds: readonly string[] }, now: LocalDate) {
        return (await openIssued(tx, where)).map((r) => dueIn(r, now));
      },
    } satisfies CaseLayer,
  };
}

export type CourtService = ReturnType<typeof createCourtService>;
