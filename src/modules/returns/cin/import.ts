import { randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { can } from '../../../platform/access/policy.ts';
import type { AuditService } from '../../../platform/audit/service.ts';
import { actorOf, type Principal } from '../../../platform/auth/service.ts';
import type { Database, Tx } from '../../../platform/db/client.ts';
import { HttpError } from '../../../platform/web/errors.ts';
import { completeProtectionHistory, recordProtectionHistory, type ProtectionHistoryRows } from '../../child-protection/history.ts';
import { completeCourtHistory, recordCourtHistory, type CourtHistoryRows } from '../../court/history.ts';
import { completeHistory, historyTeam, recordFamilyHelpHistory, type FamilyHelpHistoryRows } from '../../family-help/history.ts';
import { recordPeopleFromHistory, type HistoricPerson } from '../../people/history.ts';
import { censusPeriod, type CensusPeriod } from './census.ts';
import * as repo from './import-read-model.ts';
import { readCensus, type CensusChild, type Episode, type Fields } from './rules/census-model.ts';
import { checkStructure, type CinCollection, type StructureProblem } from './structure.ts';

/** How many of an invalid file's problems the refusal names. */
const PROBLEMS_SHOWN = 5;
/** The team imported cases sit in until someone allocates them: a census names no team or worker. */
export const IMPORT_TEAM = 'Imported CIN census history';

export interface CinImportResult {
  collection: CinCollection;
  /** Children in the file. */
  children: number;
  /** Of them, children the record already held (matched by LAchildID or UPN). */
  matched: number;
  /** Of them, children recorded anew. */
  created: number;
  /** CINdetails recorded anew. */
  episodes: number;
  /** CINdetails an earlier import recorded, given what this file adds (a closure, a plan, a review…). */
  added: number;
  /** CINdetails the record already held in full, or holds from its own recording: left as they were. */
  skipped: number;
}

/** An invalid census file: nothing was imported. */
export class CinImportRefused extends HttpError {
  constructor(
    readonly collection: CinCollection,
    readonly problems: readonly StructureProblem[],
  ) {
    const first = problems.slice(0, PROBLEMS_SHOWN).map((p) => (p.line ? `line ${p.line}: ${p.message}` : p.message));
    const more = problems.length > PROBLEMS_SHOWN ? ` (and ${problems.length - PROBLEMS_SHOWN} more)` : '';
    super(422, 'invalid_census', `The file is not a valid ${collection} CIN census, so nothing was imported. ${first.join('; ')}${more}`);
  }
}

/**
 * Imports an authority's previous CIN census (from the system it used before) into the record:
 * each child matched to the person the record already holds or recorded anew, and each CINdetails
 * as the facts the census is generated from (census.ts, read-model.ts), so that generating the
 * census for the same year gives the same children and episodes back.
 *
 * A census says nothing of who did the work or what was said: the importing user is recorded as
 * the recorder (and as lead, until someone is allocated), and every narrative field says it was
 * imported and what the census does not hold. Importing is idempotent: an episode the record holds
 * is not recorded again. One an earlier import recorded is given what a later year's file adds
 * (its closure, later plans, reviews, conferences), filling in only what is still empty, so a
 * history can be imported a year at a time; one the record holds from its own recording is left
 * alone. All or nothing, in one transaction, with the import and every person created audited in it.
 */
export async function importCinCensus(database: Database, audit: AuditService, principal: Principal, xml: string, collection: CinCollection): Promise<CinImportResult> {
  if (!can(principal, 'returns.generate')) throw new HttpError(403, 'forbidden', 'You do not have permission to see this page');
  const structure = await checkStructure(xml, collection);
  const census = readCensus(xml);
  const period = censusPeriod(collection);
  const problems = [...structure.problems];
  if (structure.valid && (census.year !== period.year || census.referenceDate !== period.to)) {
    problems.push({ line: undefined, message: `The file is the census for ${census.year || 'no year'} (reference date ${census.referenceDate || 'none'}), not the ${collection} collection (${period.year}, ${period.to})` });
  }
  if (!structure.valid || problems.length > 0) throw new CinImportRefused(collection, problems);
  const preProceedings = readPreProceedings(xml);

  return database.tenant(principal.laCode, async (tx) => {
    const importer = new Importer(tx, principal, collection);
    const children = census.children.map((child, i) => ({ child, preProceedings: preProceedings[i] ?? [] }));
    await importer.load(children.map((c) => c.child));
    for (const { child, preProceedings: p } of children) await importer.child(child, p);
    const created = await importer.write();

    const actor = actorOf(principal);
    for (const id of created) {
      await audit.record(tx, { laCode: principal.laCode, actor, action: 'person_created', outcome: 'success', childId: id, details: { checkedDuplicates: true, source: 'cin_census_import', collection } });
    }
    const result: CinImportResult = { collection, children: children.length, ...importer.counts, created: created.length };
    await audit.record(tx, { laCode: principal.laCode, actor, action: 'cin_census_imported', outcome: 'success', details: { ...result } });
    return result;
  });
}

/**
 * The person the record already holds for a child in a census, if any. A census has no names, so
 * only identifiers match: the same LAchildID (the authority's own id for the child: the same
 * child), else the same UPN (a child's one school number) when exactly one person has it. A date
 * of birth and sex alone are never enough, even when one person has them: many children share
 * them, and without a name nobody can tell them apart, so attaching a history to the wrong child
 * would be worse than a duplicate someone can later merge. A child not matched is recorded anew.
 */
export function matchChild(child: CensusChild, byLaId: ReadonlyMap<string, string>, byUpn: ReadonlyMap<string, readonly string[]>): string | undefined {
  const sameLaId = byLaId.get(child.ids['LAchildID'] ?? '');
  if (sameLaId) return sameLaId;
  const sameUpn = child.ids['UPN'] ? (byUpn.get(child.ids['UPN']) ?? []) : [];
  return sameUpn.length === 1 ? sameUpn[0] : undefined;
}

/** What the record says where the census says nothing (a name, a view). */
const NOT_RECORDED = 'Not recorded';
/**
 * A census has no names: a child recorded from it is "Not recorded (CIN census <LAchildID>)", and
 * their record, lists and search results show exactly that until someone adds their name.
 */
const familyNameOf = (laId: string) => `(CIN census ${laId})`;

/** The dated facts of one case. */
type CaseFacts = repo.HeldFacts;

/** One import: what the record holds of the file's children, and the rows and updates it will write. */
class Importer {
  readonly counts = { matched: 0, episodes: 0, added: 0, skipped: 0 };
  private readonly laCode: string;
  private readonly imported: string;
  private readonly period: CensusPeriod;
  private readonly now = new Date();
  private byLaId = new Map<string, string>();
  private readonly byUpn = new Map<string, string[]>();
  private periods = new Map<string, repo.HeldPeriod[]>();
  private advice = new Map<string, string[]>();
  private planStarts = new Map<string, string[]>();
  /** The dated facts of each case the file may add to, as held and as added by this import. */
  private readonly facts = new Map<string, CaseFacts>();
  private teamId: string | undefined;
  private readonly created: string[] = [];
  /** The rows to write, as each module's history interface takes them. */
  private readonly rows = {
    people: [] as HistoricPerson[],
    familyHelp: { requests: [], cases: [], bases: [], assessments: [], plans: [] } as FamilyHelpHistoryRows,
    protection: { enquiries: [], plans: [], conferences: [] } as ProtectionHistoryRows,
    court: { proceedings: [], events: [] } as CourtHistoryRows,
  };
  /** Episodes an earlier import left open, closed before the rows are written (a child has one open case at a time). */
  private readonly closures: ((tx: Tx) => Promise<void>)[] = [];
  /** Facts an earlier import left open, filled in after the rows are written. */
  private readonly updates: ((tx: Tx) => Promise<void>)[] = [];

  constructor(
    private readonly tx: Tx,
    private readonly principal: Principal,
    private readonly collection: CinCollection,
  ) {
    this.laCode = principal.laCode;
    this.imported = repo.importedBasisReason(collection);
    this.period = censusPeriod(collection);
  }

  /** What the record holds of the file's children: the people, their episodes, plans and the facts of imported cases. */
  async load(children: readonly CensusChild[]) {
    const known = await repo.peopleByIdentifiers(
      this.tx,
      this.laCode,
      children.map((c) => c.ids['LAchildID']!),
      children.flatMap((c) => (c.ids['UPN'] ? [c.ids['UPN']] : [])),
    );
    this.byLaId = new Map(known.map((p) => [p.laPersonId, p.id]));
    for (const p of known) if (p.upn) this.byUpn.set(p.upn, [...(this.byUpn.get(p.upn) ?? []), p.id]);
    const ids = [...new Set(children.flatMap((c) => matchChild(c, this.byLaId, this.byUpn) ?? []))];
    const periods = await repo.heldPeriods(this.tx, ids);
    this.periods = groupBy(periods, (p) => p.personId);
    this.advice = groupBy(await repo.heldAdvice(this.tx, ids), (a) => a.personId, (a) => a.receivedOn);
    this.planStarts = groupBy(await repo.heldPlanStarts(this.tx, ids), (p) => p.personId, (p) => p.startedOn);
    const held = await repo.heldFacts(this.tx, [...new Set(periods.filter((p) => p.imported).map((p) => p.caseId))]);
    for (const kind of Object.keys(held) as (keyof CaseFacts)[]) {
      for (const fact of held[kind]) (this.caseFacts(fact.caseId)[kind] as { caseId: string }[]).push(fact);
    }
  }

  async child(child: CensusChild, preProceedings: readonly Fields[][]) {
    const laId = child.ids['LAchildID']!;
    let personId = matchChild(child, this.byLaId, this.byUpn);
    if (personId) this.counts.matched++;
    else {
      personId = randomUUID();
      this.rows.people.push(newPerson(this.laCode, personId, child));
      this.created.push(personId);
      // The same child twice in one file is one person.
      this.byLaId.set(laId, personId);
      if (child.ids['UPN']) this.byUpn.set(child.ids['UPN'], [personId]);
    }
    // NumberOfPreviousCPP counts plans the record may not hold (they ended before this census's
    // year, or before the record began): what it does not hold is kept on the plan (read-model.ts).
    const starts = new Set([...(this.planStarts.get(personId) ?? []), ...child.episodes.flatMap((e) => e.plans.map((p) => p.fields['CPPstartDate']!))]);
    this.planStarts.set(personId, [...starts]);
    const notHeld = (plan: Fields) => {
      const missing = Number(plan['NumberOfPreviousCPP'] ?? 0) - [...starts].filter((s) => s < plan['CPPstartDate']!).length;
      return missing > 0 ? missing : null;
    };
    for (const [i, episode] of child.episodes.entries()) await this.episode(personId, laId, child, episode, preProceedings[i] ?? [], notHeld);
  }

  private async episode(personId: string, laId: string, child: CensusChild, episode: Episode, preProceedings: readonly Fields[], notHeld: (plan: Fields) => number | null) {
    const f = episode.fields;
    const referralDate = f['CINreferralDate']!;
    const closedOn = f['CINclosureDate'] ?? null;
    const request = {
      laCode: this.laCode,
      receivedAt: middayOn(referralDate),
      receivedOn: referralDate,
      // A census says where a referral came from (its source), not how: the import is staff recording it.
      channel: 'staff' as const,
      source: f['ReferralSource'] ?? '10',
      childGivenNames: NOT_RECORDED,
      childFamilyName: familyNameOf(laId),
      childDateOfBirth: child.ids['PersonBirthDate'] ?? null,
      concerns: `${this.imported}, which does not say what the concerns were`,
      personId,
      decidedByName: this.imported,
    };

    if (yes(f['ReferralNFA'])) {
      const held = this.advice.get(personId) ?? [];
      if (held.includes(referralDate)) {
        this.counts.skipped++;
        return;
      }
      this.advice.set(personId, [...held, referralDate]);
      this.counts.episodes++;
      // Ended at the front door with advice, on the census's closure date.
      this.rows.familyHelp.requests.push({ ...request, id: randomUUID(), decision: 'advice', decisionReasons: `${this.imported}: no further action after the referral`, decidedAt: middayOn(closedOn ?? referralDate) });
      return;
    }

    const held = this.periods.get(personId) ?? [];
    const overlapping = held.filter((p) => overlaps(p, { from: referralDate, to: closedOn }));
    const earlier = overlapping.find((p) => p.imported && p.basisId && p.from === referralDate);
    if (overlapping.length > 0 && !(earlier && overlapping.every((p) => p.caseId === earlier.caseId))) {
      // The record holds this time from its own recording: it is the record's to say.
      this.counts.skipped++;
      return;
    }
    if (earlier) {
      let changed = false;
      if (closedOn && earlier.to === null) {
        const { caseId, basisId } = earlier;
        const reason = f['ReasonForClosure'] ?? null;
        const recorded = this.rows.familyHelp.cases.find((c) => c.id === caseId);
        if (recorded) {
          // Recorded by this import (the same episode twice in the file): closed before it is written.
          Object.assign(recorded, { closedOn, closureReason: reason });
          Object.assign(this.rows.familyHelp.bases.find((b) => b.id === basisId)!, { toDate: closedOn });
        } else this.closures.push((tx) => completeHistory.closeEpisode(tx, caseId, basisId!, closedOn, reason));
        earlier.to = closedOn;
        changed = true;
      }
      changed = this.episodeFacts(earlier.caseId, personId, episode, preProceedings, closedOn, notHeld) || changed;
      if (changed) this.counts.added++;
      else this.counts.skipped++;
      return;
    }

    this.counts.episodes++;
    const caseId = randomUUID();
    const basisId = randomUUID();
    const requestId = randomUUID();
    held.push({ personId, caseId, basisId, from: referralDate, to: closedOn, imported: true });
    this.periods.set(personId, held);
    // A census does not say when a referral was decided or the case opened: the referral date is recorded for both.
    this.rows.familyHelp.requests.push({ ...request, id: requestId, decision: 'family_help', decisionReasons: this.imported, decidedAt: middayOn(referralDate), caseId });
    this.rows.familyHelp.cases.push({
      id: caseId,
      laCode: this.laCode,
      personId,
      familyId: randomUUID(),
      requestId,
      referralDate,
      openedOn: referralDate,
      // A census names no worker: the case is with the person who imported it until someone is allocated.
      leadPractitionerId: this.principal.userId,
      leadPractitionerName: this.principal.displayName,
      leadProfession: `Not recorded (${lowerFirst(this.imported)})`,
      teamId: await this.importTeam(),
      primaryNeed: f['PrimaryNeedCode'] ?? 'N0',
      closedOn,
      closureReason: closedOn ? (f['ReasonForClosure'] ?? null) : null,
    });
    this.rows.familyHelp.bases.push({ id: basisId, caseId, laCode: this.laCode, basis: 'section_17', fromDate: referralDate, toDate: closedOn, reason: this.imported, recordedBy: this.principal.userId });
    this.episodeFacts(caseId, personId, episode, preProceedings, closedOn, notHeld);
  }

  /**
   * The episode's assessments, plans, enquiries, conferences, child protection plans and
   * pre-proceedings that the case does not hold yet, and the ends of those it holds open.
   * Facts are known by their start dates. Says whether it added anything.
   */
  private episodeFacts(caseId: string, personId: string, episode: Episode, preProceedings: readonly Fields[], closedOn: string | null, notHeld: (plan: Fields) => number | null) {
    const held = this.caseFacts(caseId);
    const { rows, imported, laCode } = this;
    const owner = { laCode, caseId, personId };
    const recorder = { recordedBy: this.principal.userId, recordedByName: this.principal.displayName };
    const notSaid = `Not recorded: ${lowerFirst(imported)}, which does not hold it`;
    const conference = { attendees: [`Not recorded (${lowerFirst(imported)})`], childViews: notSaid, childViewsHow: 'not_recorded', parentsViews: notSaid, reasons: imported, ...recorder };
    let changed = false;
    const update = (fn: (tx: Tx) => Promise<void>) => {
      this.updates.push(fn);
      changed = true;
    };

    for (const a of episode.assessments) {
      const startedOn = a.fields['AssessmentActualStartDate']!;
      const completedOn = a.fields['AssessmentAuthorisationDate'] ?? null;
      const h = held.assessments.find((x) => x.startedOn === startedOn);
      if (!h) {
        const id = randomUUID();
        rows.familyHelp.assessments.push({ id, caseId, laCode, startedOn, completedOn, factors: a.factors });
        held.assessments.push({ id, caseId, startedOn, completedOn });
        changed = true;
      } else if (!h.completedOn && completedOn) {
        update((tx) => completeHistory.completeAssessment(tx, h.id, completedOn, a.factors));
        h.completedOn = completedOn;
      }
    }

    for (const p of episode.cinPlans) {
      const startedOn = p['CINPlanStartDate']!;
      const endedOn = p['CINPlanEndDate'] ?? null;
      const h = held.plans.find((x) => x.startedOn === startedOn);
      if (!h) {
        const id = randomUUID();
        rows.familyHelp.plans.push({ id, caseId, laCode, startedOn, endedOn });
        held.plans.push({ id, caseId, startedOn, endedOn });
        changed = true;
      } else if (!h.endedOn && endedOn) {
        update((tx) => completeHistory.endPlan(tx, h.id, endedOn));
        h.endedOn = endedOn;
      }
    }

    const review = (planId: string, heldOn: string, endedOn: string | null) => {
      rows.protection.conferences.push({ id: randomUUID(), ...owner, planId, kind: 'review', heldOn, decision: heldOn === endedOn ? 'end' : 'continue', ...conference });
      changed = true;
    };
    for (const p of episode.plans) {
      const startedOn = p.fields['CPPstartDate']!;
      const endedOn = p.fields['CPPendDate'] ?? null;
      const latestCategory = p.fields['LatestCategoryOfAbuse']!;
      const h = held.cpPlans.find((x) => x.startedOn === startedOn);
      if (!h) {
        const id = randomUUID();
        rows.protection.plans.push({
          id,
          ...owner,
          kind: 'child_protection',
          startedOn,
          initialCategory: p.fields['InitialCategoryOfAbuse']!,
          latestCategory,
          cpLeadUserId: this.principal.userId,
          cpLeadName: this.principal.displayName,
          endedOn,
          earlierPlansNotHeld: notHeld(p.fields),
        });
        held.cpPlans.push({ id, caseId, startedOn, endedOn, latestCategory, reviews: [...p.reviews] });
        changed = true;
        for (const heldOn of p.reviews) review(id, heldOn, endedOn);
        continue;
      }
      if (!h.endedOn && endedOn) {
        update((tx) => completeProtectionHistory.endPlan(tx, h.id, endedOn));
        h.endedOn = endedOn;
      }
      const later = p.reviews.filter((r) => !h.reviews.includes(r));
      // The category can change at a review: a file that knows of a later review knows the latest category.
      if (later.length > 0 && latestCategory !== h.latestCategory && [...p.reviews].sort().at(-1)! > ([...h.reviews].sort().at(-1) ?? '')) {
        update((tx) => completeProtectionHistory.setLatestCategory(tx, h.id, latestCategory));
        h.latestCategory = latestCategory;
      }
      for (const heldOn of later) review(h.id, heldOn, h.endedOn);
      h.reviews.push(...later);
    }

    for (const s of episode.section47) {
      const startedOn = s['S47ActualStartDate']!;
      const conferenceOn = s['DateOfInitialCPC'] ?? null;
      const notRequired = !conferenceOn && yes(s['ICPCnotRequired']);
      // A census gives neither the day an enquiry ended nor what it found: the latest day it can
      // have ended is recorded (its conference; else the episode's closure or the reference date).
      const latest = closedOn && closedOn < this.period.to ? closedOn : this.period.to;
      const found = conferenceOn
        ? `${imported}: the enquiry led to an initial child protection conference; the census does not say when the enquiry ended or what it found`
        : `${imported}: no initial conference was needed; the census does not say when the enquiry ended, what it found or what followed`;
      let h = held.enquiries.find((x) => x.startedOn === startedOn);
      if (!h) {
        h = { id: randomUUID(), caseId, startedOn, completedOn: conferenceOn ?? (notRequired ? latest : null), conferenceOn: null };
        rows.protection.enquiries.push({ ...owner, id: h.id, startedOn, completedOn: h.completedOn, outcome: conferenceOn ? 'conference' : null, findings: conferenceOn || notRequired ? found : null });
        held.enquiries.push(h);
        changed = true;
      } else if (!h.completedOn && (conferenceOn || notRequired)) {
        const { id } = h;
        const completedOn = conferenceOn ?? latest;
        update((tx) => completeProtectionHistory.completeEnquiry(tx, id, completedOn, conferenceOn ? 'conference' : null, found));
        h.completedOn = completedOn;
      }
      if (!conferenceOn || h.conferenceOn) continue;
      // A child protection plan starts at its initial conference (CIN rule 2885).
      const plan = held.cpPlans.find((x) => x.startedOn === conferenceOn);
      const category = episode.plans.find((x) => x.fields['CPPstartDate'] === conferenceOn)?.fields['InitialCategoryOfAbuse'] ?? null;
      rows.protection.conferences.push({ id: randomUUID(), ...owner, enquiryId: h.id, planId: plan?.id ?? null, kind: 'initial', heldOn: conferenceOn, decision: plan ? 'plan' : 'no_plan', category, ...conference });
      h.conferenceOn = conferenceOn;
      changed = true;
    }

    for (const k of preProceedings) {
      const letterSentOn = k['LBPSentDate'] ?? k['PPStartDate'] ?? null;
      const fgdmOfferedOn = k['FGDMMeetingOffer'] ?? null;
      const issuedOn = k['CourtAppDate'] ?? null;
      const meetingOn = k['InitialPPMeetingDate'] ?? null;
      let h = held.proceedings.find((x) => (x.letterSentOn ?? x.issuedOn) === (letterSentOn ?? issuedOn));
      if (!h) {
        h = { id: randomUUID(), caseId, letterSentOn, fgdmOfferedOn, issuedOn, meetingOn: null };
        rows.court.proceedings.push({ ...owner, id: h.id, letterSentOn, fgdmOfferedOn, issuedOn, startedBy: this.principal.userId, startedByName: this.principal.displayName });
        held.proceedings.push(h);
        changed = true;
      } else if ((fgdmOfferedOn && !h.fgdmOfferedOn) || (issuedOn && !h.issuedOn)) {
        const { id } = h;
        update((tx) => completeCourtHistory.fillProceedings(tx, id, { fgdmOfferedOn, issuedOn }));
        h.fgdmOfferedOn ??= fgdmOfferedOn;
        h.issuedOn ??= issuedOn;
      }
      if (meetingOn && !h.meetingOn) {
        rows.court.events.push({ id: randomUUID(), laCode, proceedingsId: h.id, kind: 'pre_proceedings_meeting', heldOn: meetingOn, summary: imported, ...recorder, recordedAt: this.now });
        h.meetingOn = meetingOn;
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Writes through each module's history interface, whose checks run first: the closures, the rows
   * in the order the foreign keys need (as the synthetic authority is written), then the updates.
   * Returns the people created.
   */
  async write() {
    const { tx, rows } = this;
    for (const close of this.closures) await close(tx);
    await recordPeopleFromHistory(tx, rows.people);
    await recordFamilyHelpHistory(tx, rows.familyHelp);
    await recordProtectionHistory(tx, rows.protection);
    await recordCourtHistory(tx, rows.court);
    for (const update of this.updates) await update(tx);
    return this.created;
  }

  private caseFacts(caseId: string): CaseFacts {
    let facts = this.facts.get(caseId);
    if (!facts) {
      facts = { assessments: [], plans: [], enquiries: [], cpPlans: [], proceedings: [] };
      this.facts.set(caseId, facts);
    }
    return facts;
  }

  /** The authority's team for imported cases, created the first time it is needed. */
  private async importTeam() {
    this.teamId ??= await historyTeam(this.tx, this.laCode, IMPORT_TEAM, 'Not recorded (imported history)');
    return this.teamId;
  }
}

function newPerson(laCode: string, id: string, child: CensusChild): HistoricPerson {
  const ids = child.ids;
  const sex = ids['Sex'];
  return {
    id,
    laCode,
    // The census's LAchildID stays the child's LA id, so the census generated from the record names them the same.
    laPersonId: ids['LAchildID']!,
    givenNames: NOT_RECORDED,
    familyName: familyNameOf(ids['LAchildID']!),
    dateOfBirth: ids['PersonBirthDate'] ?? null,
    expectedDateOfBirth: ids['ExpectedPersonBirthDate'] ?? null,
    dateOfDeath: ids['PersonDeathDate'] ?? null,
    sex: sex === 'M' || sex === 'F' ? sex : 'U',
    ethnicity: child.characteristics['Ethnicity'] ?? null,
    disabilities: child.disabilities.filter((d) => d !== 'NONE'),
    upn: ids['UPN'] ?? null,
    upnUnknownReason: ids['UPN'] ? null : (ids['UPNunknown'] ?? null),
  };
}

/** Two periods share a day (an open period runs on). */
const overlaps = (a: { from: string; to: string | null }, b: { from: string; to: string | null }) => (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
const yes = (value: string | undefined) => value === 'true' || value === 'TRUE' || value === '1';
/** Midday UTC: the same date in England whatever the season. */
const middayOn = (date: string) => new Date(`${date}T12:00:00Z`);

function groupBy<T, V = T>(list: readonly T[], key: (item: T) => string, value: (item: T) => V = (item) => item as unknown as V) {
  const map = new Map<string, V[]>();
  for (const item of list) map.set(key(item), [...(map.get(key(item)) ?? []), value(item)]);
  return map;
}

/**
 * The pre-proceedings of each child's episodes (2025-26 on), in the file's order: `readCensus`
 * reads what the rules check, which does not include them.
 */
function readPreProceedings(xml: string): Fields[][][] {
  type Node = Record<string, unknown>;
  const list = (node: unknown, name: string) => ((node as Node | undefined)?.[name] ?? []) as Node[];
  const parsed = new XMLParser({ isArray: (name) => ['Child', 'CINdetails', 'PreProceedingsandFGDM'].includes(name), parseTagValue: false }).parse(xml) as { Message?: Node };
  return list(parsed.Message?.['Children'], 'Child').map((child) =>
    list(child, 'CINdetails').map((d) =>
      list(d, 'PreProceedingsandFGDM').map((k) => Object.fromEntries(Object.entries(k).flatMap(([name, v]) => (typeof v === 'string' ? [[name, v.trim()]] : [])))),
    ),
  );
}
