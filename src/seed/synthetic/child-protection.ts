import { LocalDate } from '@js-joda/core';
import type { AbuseCategory } from '../../modules/child-protection/codes.ts';
import type { coreGroupMeeting, cpConference, cpPlan, harmContext, harmContextMember, informationShare, section47Enquiry, strategyDiscussion } from '../../modules/child-protection/tables.ts';
import type { caseNote } from '../../modules/family-help/tables.ts';
import type { courtEvent, courtProceedings } from '../../modules/court/tables.ts';
import { addDays } from './dates.ts';
import { englandAndWales } from '../../platform/timescales/working-days.ts';
import type { Random } from '../random.ts';

/**
 * The child protection history of a synthetic authority, as layers on its Family Help cases,
 * calibrated to England's figures (reference/dashboard-indicators.md §5, 2025): about 189 section
 * 47 enquiries and 59 initial conferences per 10,000 children a year, 86% of conferences starting
 * a plan, about 41 children on plans per 10,000 at 31 March, 24.5% of plans second or subsequent.
 */

/** Chance a new case starts with a strategy discussion and a section 47 enquiry. */
const ENQUIRY = 0.41;
/** Chance an enquiry leads to an initial conference, and a conference to a plan. */
const CONFERENCE = 0.27;
const PLAN = 0.86;
/** For a child who has had a plan before: far more likely to come back to one. */
const ENQUIRY_AGAIN = 0.75;
const CONFERENCE_AGAIN = 0.7;
/** Chance concerns rise again on the same case after a plan ends at review. */
const REPEAT = 0.4;
/** Working days from the strategy discussion to the conference (EES table C4: median 14). */
const TO_CONFERENCE: Record<string, number> = { early: 0.09, due: 0.72, late: 0.09, very_late: 0.1 };
/** Which review conference ends the plan: 3, 9, 15, 21 or 27 months in (mean about 9.5 months). */
const ENDS_AT_REVIEW: Record<string, number> = { '1': 0.3, '2': 0.35, '3': 0.22, '4': 0.09, '5': 0.04 };
const CATEGORIES: Record<AbuseCategory, number> = { NEG: 0.48, EMO: 0.37, PHY: 0.07, SAB: 0.04, MUL: 0.04 };
/** Open child protection work a synthetic Child Protection Lead Practitioner holds. */
const CP_CASELOAD = 15;

export interface SyntheticProtection {
  users: { id: string; laCode: string; organisationId: string; username: string; displayName: string; role: string; isDemo: boolean; active: boolean }[];
  discussions: (typeof strategyDiscussion.$inferInsert)[];
  shares: (typeof informationShare.$inferInsert)[];
  enquiries: (typeof section47Enquiry.$inferInsert)[];
  conferences: (typeof cpConference.$inferInsert)[];
  plans: (typeof cpPlan.$inferInsert)[];
  coreGroups: (typeof coreGroupMeeting.$inferInsert)[];
  visits: (typeof caseNote.$inferInsert)[];
  /** Child Protection Lead Practitioners co-allocated to open work. */
  allocations: { id: string; personId: string; userId: string; fromDate: string }[];
  contexts: (typeof harmContext.$inferInsert)[];
  contextMembers: (typeof harmContextMember.$inferInsert)[];
  proceedings: (typeof courtProceedings.$inferInsert)[];
  courtEvents: (typeof courtEvent.$inferInsert)[];
}

/** What the Family Help generator needs to know about a case's child protection, before it decides the case's outcome. */
export interface ProtectionTimeline {
  convenedOn: string;
  heldOn: string;
  urgent: boolean;
  enquiryDoneOn: string;
  conferenceOn: string | undefined;
  /** The review conference at which the plan is meant to end (the case stays open until after it). */
  planEndsOn: string | undefined;
  reviews: string[];
  category: AbuseCategory;
}

export interface DemoProtectionStaff {
  organisationId: string;
  /** The demo Child Protection Lead Practitioner: given open plans so their work has something in it. */
  cpLeadUserId: string | undefined;
  /** Demo partners: the core groups of the demo lead's first plans are shared with them. */
  partners: { userId: string; agency: 'police' | 'health' | 'education'; name: string }[];
}

export function createProtectionGenerator(random: Random, options: { laCode: string; asOf: string; staff: DemoProtectionStaff }) {
  const { laCode, asOf, staff } = options;
  const end = LocalDate.parse(asOf);
  const before = (date: string) => date <= asOf;
  const workingDays = (from: string, n: number) => englandAndWales.addWorkingDays(LocalDate.parse(from), n).toString();
  /** A weekday on or after the date (conferences are never at weekends: CIN rule 8875). */
  const weekday = (date: string) => workingDays(LocalDate.parse(date).minusDays(1).toString(), 1);
  const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const out: SyntheticProtection = { users: [], discussions: [], shares: [], enquiries: [], conferences: [], plans: [], coreGroups: [], visits: [], allocations: [], contexts: [], contextMembers: [], proceedings: [], courtEvents: [] };
  const plansBefore = new Map<string, number>();

  const leads: { userId: string; name: string; load: number }[] = [];
  if (staff.cpLeadUserId) leads.push({ userId: staff.cpLeadUserId, name: 'Hannah Price', load: 0 });
  const newLead = () => {
    const n = out.users.length + 1;
    const lead = { userId: random.uuid(), name: `CP Lead ${n}`, load: 0 };
    out.users.push({ id: lead.userId, laCode, organisationId: staff.organisationId, username: `synthetic.${laCode}.cplead.${n}`, displayName: lead.name, role: 'cp_lead_practitioner', isDemo: true, active: true });
    leads.push(lead);
    return lead;
  };
  const pastLeads = () => leads.filter((l) => l.userId !== staff.cpLeadUserId);
  const leadFor = (open: boolean) => {
    if (!open) return random.pick(pastLeads().length > 0 ? pastLeads() : [newLead()]);
    const lead = leads.find((l) => l.load < (l.userId === staff.cpLeadUserId ? 12 : CP_CASELOAD)) ?? newLead();
    lead.load++;
    return lead;
  };
  let demoShares = 0;

  /** One run from a strategy discussion: the enquiry, perhaps a conference, perhaps a plan to the review that ends it. */
  function episode(convenedOn: string, conferenceChance: number): ProtectionTimeline {
    const urgent = random.chance(0.6);
    const heldOn = workingDays(convenedOn, urgent ? random.int(0, 1) : random.int(1, 3));
    const enquiryDoneOn = workingDays(heldOn, random.int(6, 14));
    const category = random.weighted(CATEGORIES);
    const none = { convenedOn, heldOn, urgent, enquiryDoneOn, conferenceOn: undefined, planEndsOn: undefined, reviews: [], category };
    if (!random.chance(conferenceChance)) return none;
    const band = random.weighted(TO_CONFERENCE);
    const gap = band === 'early' ? random.int(5, 10) : band === 'due' ? random.int(11, 15) : band === 'late' ? random.int(16, 20) : random.int(21, 35);
    const conferenceOn = workingDays(heldOn, gap);
    const done = enquiryDoneOn < conferenceOn ? enquiryDoneOn : conferenceOn;
    if (!random.chance(PLAN)) return { ...none, enquiryDoneOn: done, conferenceOn };
    const reviews: string[] = [];
    let review = LocalDate.parse(conferenceOn).plusMonths(3).minusDays(random.int(0, 10));
    const endsAt = Number(random.weighted(ENDS_AT_REVIEW));
    for (let i = 1; i <= endsAt; i++) {
      reviews.push(weekday(review.toString()));
      review = review.plusMonths(6).minusDays(random.int(0, 14));
    }
    return { ...none, enquiryDoneOn: done, conferenceOn, planEndsOn: reviews.at(-1), reviews };
  }

  return {
    out,
    /**
     * Contexts of harm outside the home, each linking a few teenagers with open cases from
     * different families (about one context per 15,000 children).
     */
    contexts(teenagers: readonly { personId: string; familyId: string }[], population: number) {
      const pool = [...teenagers];
      const names = ['Riverside Park underpass', 'The Eastgate lot', 'A gaming server chat', 'Saltcote bus station', 'Kingsmoor shopping precinct', 'A group chat on a messaging app', 'The Hollins Park flats', 'Westbury skate park'];
      const kinds = ['place', 'peer_group', 'online', 'place', 'place', 'online', 'place', 'place'] as const;
      for (let n = 0; n < Math.min(names.length, Math.max(1, Math.round(population / 15_000))); n++) {
        const id = random.uuid();
        const lead = leads[0] ?? newLead();
        const identifiedOn = end.minusDays(random.int(20, 200)).toString();
        out.contexts.push({ id, laCode, kind: kinds[n]!, name: names[n]!, description: 'Synthetic: children seen here with older young people and adults', identifiedOn, createdBy: lead.userId, createdByName: lead.name });
        const families = new Set<string>();
        for (let k = random.int(3, 5); k > 0 && pool.length > 0; ) {
          const child = pool.splice(random.int(0, pool.length - 1), 1)[0]!;
          if (families.has(child.familyId)) continue;
          families.add(child.familyId);
          out.contextMembers.push({ id: random.uuid(), laCode, contextId: id, personId: child.personId, linkedOn: identifiedOn, why: 'Synthetic: seen there by police', linkedBy: lead.userId, linkedByName: lead.name });
          k--;
        }
      }
    },
    /**
     * Whether a new case starts with a strategy discussion, and if so its dates: the enquiry, any
     * conference, and the review at which any plan ends. Children who have had a plan come back
     * to one far more often (24.5% of plans are second or subsequent).
     */
    timeline(personId: string, decidedOn: string): ProtectionTimeline[] {
      const again = (plansBefore.get(personId) ?? 0) > 0;
      if (!random.chance(again ? ENQUIRY_AGAIN : ENQUIRY)) return [];
      const episodes = [episode(decidedOn, again ? CONFERENCE_AGAIN : CONFERENCE)];
      // After a plan ends the case often stays open, and concerns can rise again: a second plan.
      for (let last = episodes[0]!; last.planEndsOn && random.chance(REPEAT); last = episodes.at(-1)!) {
        episodes.push(episode(addDays(last.planEndsOn, random.int(60, 360)), CONFERENCE_AGAIN));
      }
      return episodes;
    },

    /**
     * The rows for a case's child protection, cut at the as-of date and at the case's closure (or
     * the child's 18th birthday): what had happened by then, and what is still open.
     */
    write(t: ProtectionTimeline, c: { caseId: string; personId: string; closedOn: string | undefined; leadName: string; leadUserId: string }) {
      const last = c.closedOn ?? asOf;
      const happened = (date: string | undefined): date is string => date !== undefined && before(date) && date <= last;
      if (!happened(t.convenedOn)) return; // after the as-of date, or after the case closed
      if (c.closedOn && !happened(t.heldOn)) return; // a case closes only after its discussion is held
      // A plan starts only if the case is still open the day after its conference (a child turning 18 closes it).
      const planStarts = t.conferenceOn && t.planEndsOn && happened(t.conferenceOn) && (!c.closedOn || c.closedOn > t.conferenceOn);
      const planEnd = planStarts ? (happened(t.planEndsOn) ? t.planEndsOn : c.closedOn && c.closedOn > t.conferenceOn! ? c.closedOn : undefined) : undefined;
      const held = happened(t.heldOn);
      // Still open at the as-of date, after the discussion: the enquiry waiting for its conference, or the plan.
      const open = held && !c.closedOn && ((!!t.conferenceOn && !happened(t.conferenceOn)) || (planStarts && !planEnd));
      const lead = leadFor(!!open);
      const discussionId = random.uuid();
      out.discussions.push({
        id: discussionId,
        laCode,
        caseId: c.caseId,
        personId: c.personId,
        convenedFrom: 'request',
        convenedOn: t.convenedOn,
        convenedBy: c.leadUserId,
        convenedByName: 'Front door',
        urgent: t.urgent,
        concerns: 'Synthetic: reasonable cause to suspect significant harm',
        // A discussion not yet held waits in the multi-agency team's queue for a lead to take it.
        chairUserId: held ? lead.userId : null,
        chairName: held ? lead.name : null,
        heldOn: held ? t.heldOn : null,
        agencies: held ? ['police', 'health', 'social_care', ...(random.chance(0.5) ? ['education'] : [])] : null,
        decision: held ? 'section_47' : null,
        reasons: held ? 'Synthetic: the threshold for an enquiry is met' : null,
        decidedAt: held ? at(t.heldOn, 15) : null,
      });
      if (open) out.allocations.push({ id: random.uuid(), personId: c.personId, userId: lead.userId, fromDate: t.convenedOn });
      if (!held) return;
      // Recent sharing decisions: police and health, for the discussion.
      if (end.minusYears(1).toString() <= t.heldOn) {
        const endedAt = happened(t.conferenceOn) ? at(t.conferenceOn, 17) : happened(t.enquiryDoneOn) && !t.conferenceOn ? at(t.enquiryDoneOn, 17) : null;
        for (const agency of ['police', 'health'] as const) {
          out.shares.push({
            id: random.uuid(), laCode, personId: c.personId, caseId: c.caseId, purpose: 'strategy_discussion', discussionId, agency, partnerName: agency === 'police' ? 'Public protection unit' : 'Safeguarding team',
            decision: 'share', what: 'Synthetic: what the agency needed to know for the discussion', reasons: 'To decide whether to start an enquiry', lawfulBasis: 'public_task_safeguarding', consent: 'not_sought', consentReason: 'Asking could put the child at greater risk',
            decidedBy: lead.userId, decidedByName: lead.name, decidedAt: at(t.convenedOn, 11), endedAt, endReason: endedAt ? 'Its purpose ended' : null,
          });
        }
      }
      const enquiryId = random.uuid();
      // A case closed (at 18) before its enquiry or conference closes the enquiry with it, and no conference follows.
      const cutShort = !!c.closedOn && (t.enquiryDoneOn > c.closedOn || (!!t.conferenceOn && t.conferenceOn > c.closedOn));
      const enquiryDoneOn = cutShort && t.enquiryDoneOn > c.closedOn! ? c.closedOn! : t.enquiryDoneOn;
      const enquiryDone = happened(enquiryDoneOn);
      out.enquiries.push({
        id: enquiryId, laCode, caseId: c.caseId, personId: c.personId, discussionId, startedOn: t.heldOn,
        completedOn: enquiryDone ? enquiryDoneOn : null,
        outcome: enquiryDone ? (t.conferenceOn && !cutShort ? 'conference' : random.chance(0.8) ? 'family_help' : 'no_further_action') : null,
        findings: enquiryDone ? 'Synthetic findings' : null,
      });
      if (!t.conferenceOn || !happened(t.conferenceOn) || cutShort) return;
      const planId = planStarts ? random.uuid() : null;
      const attendees = ['Independent chair', `${lead.name}, Child Protection Lead Practitioner`, `${c.leadName}, lead practitioner`, 'Police', 'Health visitor or school nurse', 'Parent'];
      const conference = (kind: 'initial' | 'review', heldOn: string, decision: 'plan' | 'no_plan' | 'continue' | 'end') => ({
        id: random.uuid(), laCode, caseId: c.caseId, personId: c.personId, enquiryId: kind === 'initial' ? enquiryId : null, planId, kind, heldOn, attendees,
        childViews: 'Synthetic: what the child said', childViewsHow: random.pick(['directly', 'advocate', 'worker', 'written']), parentsViews: 'Synthetic: what the parents said',
        parentsRepresentative: random.chance(0.3) ? 'Parent advocate' : null, decision, category: decision === 'plan' || decision === 'continue' ? t.category : null,
        reasons: 'Synthetic reasons', recordedBy: lead.userId, recordedByName: lead.name,
      });
      out.conferences.push(conference('initial', t.conferenceOn, planId ? 'plan' : 'no_plan'));
      if (!planId) return;
      const previous = plansBefore.get(c.personId) ?? 0;
      plansBefore.set(c.personId, previous + 1);
      const endedAtReview = planEnd !== undefined && planEnd === t.planEndsOn;
      const eighteenth = planEnd !== undefined && !endedAtReview;
      out.plans.push({
        id: planId, laCode, caseId: c.caseId, personId: c.personId, startedOn: t.conferenceOn, initialCategory: t.category, latestCategory: t.category,
        cpLeadUserId: lead.userId, cpLeadName: lead.name, endedOn: planEnd ?? null,
        endReason: planEnd ? (endedAtReview ? 'no_longer_at_risk' : eighteenth ? random.pick(['looked_after', 'moved_away', 'turned_18']) : 'other') : null,
      });
      for (const review of t.reviews) {
        if (!happened(review) || (planEnd && review > planEnd)) break;
        out.conferences.push(conference('review', review, review === planEnd ? 'end' : 'continue'));
      }
      // The first core group meets within ten working days, if the plan is still running by then (and it has happened).
      const coreGroupId = random.uuid();
      const coreGroupOn = workingDays(t.conferenceOn, random.int(5, 10));
      if (happened(coreGroupOn) && (!planEnd || coreGroupOn <= planEnd)) {
        out.coreGroups.push({ id: coreGroupId, laCode, planId, heldOn: coreGroupOn, attendees, progress: 'Synthetic: the core group agreed the plan', recordedBy: c.leadUserId, recordedByName: c.leadName });
      }
      if (planEnd) return;
      // An open plan: the child seen within the last fortnight (mostly), and its core group shared.
      const seen = end.minusDays(random.chance(0.85) ? random.int(1, 12) : random.int(15, 30)).toString();
      if (seen > t.conferenceOn) {
        const when = at(seen, 14);
        out.visits.push({ id: random.uuid(), caseId: c.caseId, laCode, kind: 'visit', occurredOn: seen, title: 'Child protection visit', body: 'Synthetic visit', childSeen: true, childSeenAlone: random.chance(0.7), state: 'final', authorId: c.leadUserId, authorName: c.leadName, createdAt: when, updatedAt: when, finalisedAt: when, recordingSeconds: random.int(900, 3600) });
      }
      // Some open plans are in pre-proceedings, and a few in care proceedings on the 26-week clock.
      const court = random.float();
      if (court < 0.09) {
        const letterSentOn = end.minusDays(random.int(10, 120)).toString();
        if (letterSentOn > t.conferenceOn) {
          const proceedingsId = random.uuid();
          const fgdmOfferedOn = random.chance(0.9) ? workingDays(letterSentOn, random.int(0, 5)) : undefined;
          const issuedOn = court < 0.03 && fgdmOfferedOn ? workingDays(fgdmOfferedOn, random.int(10, 30)) : undefined;
          const issued = issuedOn && before(issuedOn) ? issuedOn : undefined;
          out.proceedings.push({
            id: proceedingsId, laCode, caseId: c.caseId, personId: c.personId, letterSentOn,
            fgdmOfferedOn: fgdmOfferedOn && before(fgdmOfferedOn) ? fgdmOfferedOn : null, fgdmResponse: fgdmOfferedOn && before(fgdmOfferedOn) ? random.pick(['accepted', 'held', 'declined']) : null,
            issuedOn: issued ?? null, court: issued ? 'Family Court at Demoford' : null, application: issued ? 'care_order' : null, startedBy: lead.userId, startedByName: lead.name,
          });
          const meeting = workingDays(letterSentOn, random.int(5, 10));
          if (before(meeting)) out.courtEvents.push({ id: random.uuid(), laCode, proceedingsId, kind: 'pre_proceedings_meeting', heldOn: meeting, summary: 'Synthetic: parents and their solicitor attended', recordedBy: lead.userId, recordedByName: lead.name, recordedAt: at(meeting, 16) });
          const hearing = issued ? workingDays(issued, random.int(12, 18)) : undefined;
          if (hearing && before(hearing)) out.courtEvents.push({ id: random.uuid(), laCode, proceedingsId, kind: 'hearing', heldOn: hearing, hearingType: 'cmh', summary: 'Synthetic: directions for assessments', recordedBy: lead.userId, recordedByName: lead.name, recordedAt: at(hearing, 16) });
        }
      }
      const demo = lead.userId === staff.cpLeadUserId && demoShares < 4;
      if (demo) demoShares++;
      for (const partner of demo ? staff.partners : []) {
        out.shares.push({
          id: random.uuid(), laCode, personId: c.personId, caseId: c.caseId, purpose: 'core_group', planId, agency: partner.agency, partnerUserId: partner.userId, partnerName: partner.name,
          decision: 'share', what: 'Synthetic: the plan’s aims and what the core group needs to know', reasons: 'Core group member', lawfulBasis: 'public_task_safeguarding', consent: 'given',
          decidedBy: lead.userId, decidedByName: lead.name, decidedAt: at(t.conferenceOn, 16),
        });
      }
    },
  };
}
