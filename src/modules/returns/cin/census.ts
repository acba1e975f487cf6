import { LocalDate } from '@js-joda/core';
import { XMLBuilder } from 'fast-xml-parser';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { englandAndWales } from '../../../platform/timescales/working-days.ts';
import * as read from './read-model.ts';
import { censusOf } from './rules/census-model.ts';
import type { CinCollection } from './structure.ts';

/** A collection year's census period: 1 April to 31 March, the reference date (cin_validator `make_census_period`). */
export function censusPeriod(collection: string): CensusPeriod {
  const endYear = Number(collection.slice(0, 4)) + 1;
  return { from: `${endYear - 1}-04-01`, to: `${endYear}-03-31`, year: String(endYear) };
}
export interface CensusPeriod {
  from: string;
  to: string;
  /** The census's Year: the year the period ends. */
  year: string;
}

/** The collection year a date falls in: '2026-27' for 22 November 2026. */
export function collectionYearOf(date: string) {
  const year = Number(date.slice(0, 4)) - (date.slice(5) < '04-01' ? 1 : 0);
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

type Element = Record<string, unknown>;
const upTo = (date: string | null | undefined, to: string) => (date && date <= to ? date : undefined);
/** Still under way on the census year's first day, or begun in it: not ended before it. */
const liveIn = (ended: string | null | undefined, from: string) => !ended || ended >= from;

/** The parts of a period [start, end) outside the holes (periods [from, to), open-ended when to is absent). */
export function cutAround(start: string, end: string | undefined, holes: readonly { from: string; to?: string | undefined }[]) {
  let pieces: { from: string; to: string | undefined }[] = [{ from: start, to: end }];
  for (const hole of holes) {
    pieces = pieces.flatMap((p) => [
      ...(p.from < hole.from ? [{ from: p.from, to: p.to && p.to < hole.from ? p.to : hole.from }] : []),
      ...(hole.to && (!p.to || p.to > hole.to) ? [{ from: p.from > hole.to ? p.from : hole.to, to: p.to }] : []),
    ]);
  }
  return pieces.filter((p) => !p.to || p.to > p.from);
}

/** Leaves out what is not there: an element absent, never empty. */
const compact = (e: Element): Element => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));

/**
 * The CIN census for an authority and collection year, straight from the record. A Family Help
 * case holds one CINdetails for each period helped under section 17 (from its referral, or from
 * the change of basis, to its closure or its change back to early help); periods of early help are
 * not census episodes. Referrals that ended at the front door with advice are ReferralNFA episodes.
 * Child protection and court facts sit in the episode they happened in.
 */
export async function buildCinCensus(database: Database, laCode: string, collection: CinCollection, options: { now: Date; release: string }) {
  const period = censusPeriod(collection);
  const { children, counts } = await database.tenant(laCode, (tx) => censusChildren(tx, period, collection));
  const message = censusMessage(period, children, { laCode, ...options });
  return { xml: censusXml(message), census: censusOf(message), counts };
}

/**
 * One child's census for a period, in a collection's format, read inside the caller's
 * transaction: what the rules see of the child, including what the transaction has just written.
 * Never written out as XML: the rules read it as built.
 */
export async function childCensus(tx: Executor, personId: string, period: CensusPeriod, collection: CinCollection, laCode: string) {
  const { children } = await censusChildren(tx, period, collection, personId);
  return censusOf(censusMessage(period, children, { laCode, now: new Date(0), release: 'check' }));
}

/** The census's Child elements for the period: every child in need, or only one. */
async function censusChildren(tx: Executor, { from, to }: CensusPeriod, collection: CinCollection, personId?: string) {
  const episodeRows = await read.episodes(tx, from, to, personId);
  const nfaRows = await read.noFurtherAction(tx, from, to, personId);
  const facts = await read.caseFacts(tx, [...new Set(episodeRows.map((e) => e.caseId))]);
  const byCase = <T extends { caseId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) map.set(item.caseId, [...(map.get(item.caseId) ?? []), item]);
    return map;
  };
  const assessments = byCase(facts.assessments);
  const plans = byCase(facts.plans);
  const enquiries = byCase(facts.enquiries);
  const cpPlans = byCase(facts.cpPlans);
  const proceedings = byCase(facts.proceedings);

  const details = new Map<string, { referralDate: string; element: Element }[]>();
  const add = (personId: string, referralDate: string, element: Element) => details.set(personId, [...(details.get(personId) ?? []), { referralDate, element }]);

  for (const e of episodeRows) {
    const start = e.basisFrom;
    // A case closes on its closure date; help that steps down to early help closes its episode on the day early help begins.
    const end = e.basisTo && e.basisTo !== e.caseClosedOn ? LocalDate.parse(e.basisTo).plusDays(1).toString() : (e.basisTo ?? undefined);
    const closed = upTo(end, to);
    const last = end ?? to;
    const stepUp = start !== e.referralDate; // help that became section 17 after early help: a new episode
    // A fact belongs to the episode it falls in; one dated before the referral still belongs to the
    // case's first episode, where the rules can see it (1103, 2889 …), not to earlier early help.
    const inEpisode = (date: string | null | undefined): date is string => !!date && date <= last && date <= to && (date >= start || !stepUp);
    const episodeAssessments = (assessments.get(e.caseId) ?? []).filter((a) => inEpisode(a.startedOn));
    const episodeEnquiries = (enquiries.get(e.caseId) ?? []).filter((s) => inEpisode(s.startedOn));
    const episodeCpPlans = (cpPlans.get(e.caseId) ?? []).filter((p) => inEpisode(p.startedOn));
    // A child on a child protection plan is not on a child in need plan (4001, 4016, 4017): the Family
    // Help plan's time is cut around the child protection plans, and it ends with the episode.
    const holes = (cpPlans.get(e.caseId) ?? []).map((p) => ({ from: p.startedOn, to: p.endedOn ?? undefined }));
    const cinPlans = (plans.get(e.caseId) ?? [])
      .flatMap((p) => cutAround(p.startedOn, [p.endedOn, end].filter((d): d is string => !!d).sort()[0], holes))
      .filter((p) => inEpisode(p.from));
    // Stepping down to early help after an assessment alone is RC9; after a plan or an enquiry, the child is no longer in need (RC7).
    const steppedDown = episodeEnquiries.length + episodeCpPlans.length + cinPlans.length > 0 ? 'RC7' : 'RC9';
    add(e.personId, stepUp ? start : e.referralDate, compact({
      CINreferralDate: stepUp ? start : e.referralDate,
      ReferralSource: stepUp ? '5D' : e.source,
      PrimaryNeedCode: e.primaryNeed,
      CINclosureDate: closed,
      ReasonForClosure: closed ? (closed === e.caseClosedOn ? (e.closureReason ?? 'RC7') : steppedDown) : undefined,
      // What was under way in the year: facts that ended before it belong to earlier censuses (8696, 8715, 8930).
      Assessments: episodeAssessments.filter((a) => liveIn(a.completedOn, from)).map((a) => {
        const authorised = upTo(a.completedOn, to);
        return compact({
          AssessmentActualStartDate: a.startedOn,
          AssessmentAuthorisationDate: authorised,
          FactorsIdentifiedAtAssessment: authorised && a.factors.length > 0 ? { AssessmentFactors: a.factors } : undefined,
        });
      }),
      CINPlanDates: cinPlans.filter((p) => liveIn(p.to, from)).map((p) => compact({ CINPlanStartDate: p.from, CINPlanEndDate: upTo(p.to, to) })),
      Section47: episodeEnquiries.filter((s) => liveIn(s.conferenceOn ?? s.completedOn, from)).map((s) => compact({
        S47ActualStartDate: s.startedOn,
        InitialCPCtarget: englandAndWales.addWorkingDays(LocalDate.parse(s.startedOn), 15).toString(),
        DateOfInitialCPC: upTo(s.conferenceOn, to),
        ICPCnotRequired: s.completedOn && s.completedOn <= to && s.outcome !== 'conference' ? 'true' : 'false',
      })),
      ReferralNFA: 'false',
      ChildProtectionPlans: episodeCpPlans.filter((p) => liveIn(p.endedOn, from)).map((p) => {
        const reviews = p.reviews.filter((r) => r <= to);
        return compact({
          CPPstartDate: p.startedOn,
          CPPendDate: upTo(p.endedOn, to),
          InitialCategoryOfAbuse: p.initialCategory,
          LatestCategoryOfAbuse: p.latestCategory,
          NumberOfPreviousCPP: p.previous,
          Reviews: reviews.length > 0 ? { CPPreviewDate: reviews } : undefined,
        });
      }),
      // From 2025-26: pre-proceedings and the offer of family group decision making.
      PreProceedingsandFGDM:
        collection === '2024-25'
          ? undefined
          : (proceedings.get(e.caseId) ?? []).filter((k) => inEpisode(k.letterSentOn ?? k.issuedOn)).map((k) => compact({
              PPStartDate: upTo(k.letterSentOn, to),
              LBPSentDate: upTo(k.letterSentOn, to),
              FGDMMeetingOffer: upTo(k.fgdmOfferedOn, to),
              InitialPPMeetingDate: upTo(k.meetingOn, to),
              ReviewMeetingsCount: k.meetings > 1 ? k.meetings - 1 : undefined,
              CourtAppDate: upTo(k.issuedOn, to),
            })),
    }));
  }
  for (const n of nfaRows) {
    add(n.personId, n.receivedOn, { CINreferralDate: n.receivedOn, ReferralSource: n.source, CINclosureDate: upTo(n.decidedOn, to) ?? n.receivedOn, ReasonForClosure: 'RC8', ReferralNFA: 'true' });
  }

  const people = await read.people(tx, [...details.keys()]);
  const children = people
    .sort((a, b) => a.laPersonId.localeCompare(b.laPersonId))
    .map((p) => ({
      ChildIdentifiers: compact({
        LAchildID: p.laPersonId,
        UPN: p.upn ?? undefined,
        UPNunknown: p.upn ? undefined : (p.upnUnknownReason ?? undefined),
        PersonBirthDate: p.dateOfBirth ?? undefined,
        ExpectedPersonBirthDate: p.dateOfBirth ? undefined : (p.expectedDateOfBirth ?? undefined),
        Sex: p.sex ?? 'U',
        PersonDeathDate: p.dateOfDeath ?? undefined,
      }),
      ChildCharacteristics: { Ethnicity: p.ethnicity ?? 'NOBT', Disabilities: { Disability: p.disabilities.length > 0 ? p.disabilities : ['NONE'] } },
      CINdetails: details.get(p.id)!.sort((a, b) => a.referralDate.localeCompare(b.referralDate)).map((d) => d.element),
    }));
  return { children, counts: { children: children.length, episodes: [...details.values()].reduce((n, d) => n + d.length, 0) } };
}

/** The census's Message element, as a tree of elements (repeating ones as lists). */
function censusMessage({ to, year }: CensusPeriod, children: Element[], options: { laCode: string; now: Date; release: string }): Element {
  return {
    Header: {
      CollectionDetails: { Collection: 'CIN', Year: year, ReferenceDate: to },
      Source: { SourceLevel: 'L', LEA: options.laCode, SoftwareCode: 'Stable Homes', Release: options.release, SerialNo: '001', DateTime: options.now.toISOString().slice(0, 19) },
    },
    Children: { Child: children },
  };
}

function censusXml(message: Element) {
  return new XMLBuilder({ ignoreAttributes: false, format: true, indentBy: '  ', suppressEmptyNode: true }).build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, Message: message });
}
