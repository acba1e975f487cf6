import { LocalDate } from '@js-joda/core';
import type { CaseInsert, RequestInsert } from '../../modules/family-help/repository.ts';
import type { assessment, caseBasis, caseNote, familyHelpPlan, planAction, planGoal, planReview, team, teamMember } from '../../modules/family-help/tables.ts';
import type { PrimaryNeed, ReferralSource, AssessmentFactor } from '../../modules/family-help/codes.ts';
import { englandAndWales } from '../../platform/timescales/working-days.ts';
import { Random as RandomStream, type Random } from '../random.ts';
import { addDays } from './dates.ts';
import { createProtectionGenerator, type DemoProtectionStaff, type SyntheticProtection } from './child-protection.ts';

/**
 * The Family Help history of a synthetic authority: requests for help for every child the
 * people seed referred, decisions, cases with lead practitioners in teams, assessments, plans,
 * reviews, visits and closures, calibrated to England's figures (reference/dashboard-indicators.md §5):
 * about 519 referrals per 10,000 children a year, 22.6% of them within 12 months of the last,
 * 6.5% ending at the front door, 30.8% assessed as not in need, about 330 children in need per
 * 10,000 at 31 March.
 */

/**
 * Chance a referral is followed by another within a year, and later: tuned so that 22.6% of
 * referrals come within 12 months of a case closing (the flag the front door sets) and there are
 * about 519 referrals per 10,000 children a year.
 */
const RE_REFERRAL_WITHIN_YEAR = 0.28;
const REFERRAL_LATER = 0.045;
const ADVICE_ONLY = 0.085;
const ASSESSED_NOT_IN_NEED = 0.308;
/** How long help under section 17 lasts after the assessment, in days: a mean of about ten months. */
const CIN_MEAN_DAYS = 295;
/** Each synthetic lead practitioner's caseload. */
const CASELOAD = 22;
/** The demo Family Help practitioner's and demo social worker's open cases: a full caseload, and a social worker's smaller one. */
const DEMO_CASELOAD = { familyHelp: CASELOAD + 3, socialWorker: 12 };
/** No new request for help this close to a child's 18th birthday: the front door decides within days, and help ends at 18. */
const LAST_REFERRAL_DAYS_BEFORE_18 = 14;

const SOURCES: Partial<Record<ReferralSource, number>> = { '6': 0.29, '2A': 0.2, '3A': 0.03, '3B': 0.04, '3D': 0.03, '3E': 0.03, '3F': 0.03, '5A': 0.05, '5D': 0.04, '1A': 0.07, '1C': 0.01, '1B': 0.02, '4': 0.02, '7': 0.03, '8': 0.07, '9': 0.02, '10': 0.02 };
const NEEDS: Partial<Record<PrimaryNeed, number>> = { N1: 0.52, N2: 0.09, N3: 0.05, N4: 0.11, N5: 0.12, N6: 0.02, N7: 0.01, N8: 0.04, N9: 0.04 };
const FACTORS: Partial<Record<AssessmentFactor, number>> = { '4B': 0.33, '3B': 0.32, '17A': 0.19, '4A': 0.18, '16A': 0.18, '20': 0.16, '1B': 0.14, '2B': 0.14, '5A': 0.12, '18C': 0.12, '7A': 0.04, '24A': 0.04, '15A': 0.05 };
const PROFESSIONS = { 'Family support worker': 0.4, 'Social worker': 0.45, 'Youth worker': 0.07, 'Health visitor': 0.08 } as const;
const GOALS = [
  'The children get to school on time every day',
  'Mum feels less alone and knows who to call',
  'The family has enough money for food and bills',
  'The children feel safe at home',
  'Everyone in the house sleeps better',
  'Dad and the children spend time together each week',
];

export interface DemoStaff {
  organisationId: string;
  /** The demo Family Help practitioner, given a full caseload so My work has work in it. */
  familyHelpUserId: string | undefined;
  familyHelpName?: string | undefined;
  /** The demo Family Help team: synthetic workers join it up to about 600 cases. */
  demoTeamId: string | undefined;
  /** The demo social worker, given a social worker's caseload of open cases (in their own team). */
  socialWorker?: { userId: string; name: string; teamId: string } | undefined;
}

export interface SyntheticFamilyHelp {
  users: { id: string; laCode: string; organisationId: string; username: string; displayName: string; role: string; isDemo: boolean; active: boolean }[];
  teams: (typeof team.$inferInsert)[];
  teamMembers: (typeof teamMember.$inferInsert)[];
  requests: RequestInsert[];
  cases: CaseInsert[];
  bases: (typeof caseBasis.$inferInsert)[];
  assessments: (typeof assessment.$inferInsert)[];
  plans: (typeof familyHelpPlan.$inferInsert)[];
  goals: (typeof planGoal.$inferInsert)[];
  actions: (typeof planAction.$inferInsert)[];
  reviews: (typeof planReview.$inferInsert)[];
  notes: (typeof caseNote.$inferInsert)[];
  /** Lead practitioners of open cases: allocations that open the child's record to them. */
  allocations: { id: string; personId: string; userId: string; fromDate: string }[];
  /** Child protection: layers on these cases. */
  protection: SyntheticProtection;
}

interface Lead {
  userId: string;
  name: string;
  profession: string;
  teamId: string;
}

export function generateFamilyHelp(
  random: Random,
  options: {
    laCode: string;
    asOf: string;
    population: number;
    families: { referralDate: string; children: { id: string; dateOfBirth: string }[] }[];
    names: Map<string, string>;
    staff: DemoStaff;
    protectionStaff: DemoProtectionStaff;
  },
): SyntheticFamilyHelp {
  const { laCode, asOf, staff } = options;
  // Child protection draws from its own stream, so the Family Help history keeps its shape.
  const protection = createProtectionGenerator(new RandomStream(random.int(1, 2 ** 31 - 1)), { laCode, asOf, staff: options.protectionStaff });
  const out: SyntheticFamilyHelp = { users: [], teams: [], teamMembers: [], requests: [], cases: [], bases: [], assessments: [], plans: [], goals: [], actions: [], reviews: [], notes: [], allocations: [], protection: protection.out };
  const end = LocalDate.parse(asOf);
  const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`);
  const workingDays = (from: string, n: number) => englandAndWales.addWorkingDays(LocalDate.parse(from), n).toString();
  const before = (date: string) => LocalDate.parse(date).isBefore(end) || date === asOf;

  // Teams, managers and lead practitioners, added as caseloads fill. The demo team fills first:
  // the demo practitioner's caseload, then the demo social worker's.
  const leads: { lead: Lead; load: number; most: number }[] = [];
  let teamCount = 0;
  let workerCount = 0;
  let current: { teamId: string; members: number } | undefined;
  if (staff.demoTeamId && staff.familyHelpUserId) {
    current = { teamId: staff.demoTeamId, members: 1 };
    leads.push({ lead: { userId: staff.familyHelpUserId, name: staff.familyHelpName ?? 'Family Help practitioner', profession: 'Family support worker', teamId: staff.demoTeamId }, load: 0, most: DEMO_CASELOAD.familyHelp });
  }
  if (staff.socialWorker) {
    const { userId, name, teamId } = staff.socialWorker;
    if (current?.teamId === teamId) current.members++;
    leads.push({ lead: { userId, name, profession: 'Social worker', teamId }, load: 0, most: DEMO_CASELOAD.socialWorker });
  }
  const demoLeads = new Set(leads.map((l) => l.lead.userId));
  const newLead = (): { lead: Lead; load: number; most: number } => {
    if (!current || current.members >= 28) {
      teamCount++;
      const managerId = random.uuid();
      const base = random.pick(['Northfield', 'Ashby Marsh', 'Kingsmoor', 'Riverside', 'Eastgate', 'Hollins Park', 'Westbury', 'Saltcote']);
      out.users.push({ id: managerId, laCode, organisationId: staff.organisationId, username: `synthetic.${laCode}.manager.${teamCount}`, displayName: `Team manager ${teamCount}`, role: 'team_manager', isDemo: true, active: true });
      const teamId = random.uuid();
      out.teams.push({ id: teamId, laCode, name: `${base} Family Help team ${teamCount}`, kind: 'family_help', base: 'family_hub', baseName: `${base} Family Hub`, managerUserId: managerId });
      current = { teamId, members: 0 };
    }
    workerCount++;
    const profession = random.weighted(PROFESSIONS);
    const userId = random.uuid();
    out.users.push({
      id: userId,
      laCode,
      organisationId: staff.organisationId,
      username: `synthetic.${laCode}.worker.${workerCount}`,
      displayName: `Worker ${workerCount}`,
      role: profession === 'Social worker' ? 'social_worker' : 'family_help_practitioner',
      isDemo: true,
      active: true,
    });
    out.teamMembers.push({ teamId: current.teamId, userId, laCode, profession });
    current.members++;
    const entry = { lead: { userId, name: `Worker ${workerCount}`, profession, teamId: current.teamId }, load: 0, most: CASELOAD };
    leads.push(entry);
    return entry;
  };
  // The workforce an authority this size needs for its open cases (about 3.5% of its children),
  // there from the start so that closed cases spread across it rather than piling on the first few.
  for (let i = Math.ceil((options.population * 0.035) / CASELOAD); i > 0; i--) newLead();
  const pastLeads = leads.filter((l) => !demoLeads.has(l.lead.userId));
  /** A lead with room: closed cases free their place, so only open cases at the as-of date count. */
  const leadFor = (openAtEnd: boolean): Lead => {
    if (!openAtEnd) return random.pick(pastLeads).lead;
    const withRoom = leads.find((l) => l.load < l.most) ?? newLead();
    withRoom.load++;
    return withRoom.lead;
  };

  // Every referral of every child: the family's first, then re-referrals within a year, and later ones.
  const referrals: { personId: string; date: string; familyId: string; dateOfBirth: string }[] = [];
  /** Each family's children: brothers and sisters, who may be helped together. */
  const childrenOf = new Map<string, string[]>();
  for (const family of options.families) {
    const familyId = random.uuid();
    childrenOf.set(familyId, family.children.map((c) => c.id));
    for (const child of family.children) {
      let date = family.referralDate < child.dateOfBirth ? child.dateOfBirth : family.referralDate;
      // A young person's last request for help comes while they are still a child, with time to decide on it.
      const lastReferral = LocalDate.parse(child.dateOfBirth).plusYears(18).minusDays(LAST_REFERRAL_DAYS_BEFORE_18).toString();
      for (let n = 0; n < 6 && before(date) && date <= lastReferral; n++) {
        referrals.push({ personId: child.id, date, familyId, dateOfBirth: child.dateOfBirth });
        const r = random.float();
        if (r < RE_REFERRAL_WITHIN_YEAR) date = addDays(date, random.int(60, 360));
        else if (r < RE_REFERRAL_WITHIN_YEAR + REFERRAL_LATER) date = addDays(date, random.int(380, 1100));
        else break;
      }
    }
  }
  referrals.sort((a, b) => a.date.localeCompare(b.date) || a.personId.localeCompare(b.personId));

  const openUntil = new Map<string, { caseId: string; closes: string | undefined }>();
  /** Teenagers with open cases: the children a context of harm outside the home can link. */
  const teenagers: { personId: string; familyId: string }[] = [];
  const lastClosed = new Map<string, string>();
  /** The family each case is helped in, and the families each child's cases have been in. */
  const familyOfCase = new Map<string, string>();
  const familiesOfChild = new Map<string, Set<string>>();
  /**
   * As the front door does it: a new case joins a brother's or sister's open case's family, or
   * starts a family of its own (named by its first case). A child's own earlier case is never in
   * the family of their new one, so it is never shown as a sibling's.
   */
  const familyFor = (caseId: string, personId: string, familyKey: string, decidedOn: string): string => {
    const own = familiesOfChild.get(personId) ?? new Set<string>();
    familiesOfChild.set(personId, own);
    let family = caseId;
    for (const sibling of childrenOf.get(familyKey) ?? []) {
      const open = sibling === personId ? undefined : openUntil.get(sibling);
      const id = open && (!open.closes || open.closes >= decidedOn) ? familyOfCase.get(open.caseId) : undefined;
      if (id && !own.has(id)) {
        family = id;
        break;
      }
    }
    own.add(family);
    familyOfCase.set(caseId, family);
    return family;
  };
  for (const ref of referrals) {
    const id = random.uuid();
    const receivedOn = ref.date;
    const source = random.weighted(SOURCES);
    const name = options.names.get(ref.personId) ?? 'Child';
    const [given = 'Child', ...rest] = name.split(' ');
    const decidedOn = workingDays(receivedOn, random.chance(0.92) ? random.int(0, 1) : random.int(2, 4));
    const open = openUntil.get(ref.personId);
    const joining = open && (!open.closes || open.closes >= receivedOn) ? open : undefined;
    const closedBefore = lastClosed.get(ref.personId);
    const reReferral = closedBefore !== undefined && !LocalDate.parse(closedBefore).isBefore(LocalDate.parse(receivedOn).minusMonths(12));
    const advice = !joining && random.chance(ADVICE_ONLY);
    const request: RequestInsert = {
      id,
      laCode,
      receivedAt: at(receivedOn, random.int(8, 17)),
      receivedOn,
      channel: source.startsWith('1') ? 'public' : 'partner',
      source,
      submitterName: null,
      childGivenNames: given,
      childFamilyName: rest.join(' ') || 'Unknown',
      concerns: 'Synthetic request for help',
      familyKnows: 'yes',
      personId: ref.personId,
      decision: advice ? 'advice' : 'family_help',
      decisionReasons: advice ? 'Advice and signposting met the need' : 'The family needs help',
      consentBasis: advice ? 'not_sought' : 'consent_given',
      reReferral,
      decidedAt: before(decidedOn) ? at(decidedOn, 16) : null,
      decidedByName: before(decidedOn) ? 'Front door' : null,
      caseId: null,
    };
    if (!before(decidedOn)) {
      // Still waiting for a decision at the as-of date.
      out.requests.push({ ...request, decision: null, decisionReasons: null, consentBasis: null, reReferral: null });
      continue;
    }
    out.requests.push(request);
    if (advice) {
      lastClosed.set(ref.personId, decidedOn);
      continue;
    }
    if (joining) {
      request.caseId = joining.caseId;
      continue;
    }

    // A new case: the assessment, then either no further help, early help, or help as a child in need.
    // Some start with a strategy discussion and a section 47 enquiry; a child on a plan is a child in need.
    const caseId = random.uuid();
    request.caseId = caseId;
    const cp = protection.timeline(ref.personId, decidedOn);
    if (cp.length > 0) {
      request.decision = 'strategy_discussion';
      request.decisionReasons = 'Reasonable cause to suspect significant harm';
      request.consentBasis = 'not_needed_safeguarding';
    }
    // Help as a child ends by the 18th birthday at the latest: an assessment under way is finished by then.
    const eighteenth = LocalDate.parse(ref.dateOfBirth).plusYears(18).minusDays(1).toString();
    const assessmentDue = workingDays(decidedOn, random.chance(0.85) ? random.int(10, 44) : random.int(46, 70));
    const assessedOn = eighteenth >= decidedOn && assessmentDue > eighteenth ? eighteenth : assessmentDue;
    const assessedAs = random.float() < ASSESSED_NOT_IN_NEED / (1 - ADVICE_ONLY) ? (random.chance(0.5) ? 'nfa' : 'early_help') : 'cin';
    const outcome = cp.some((e) => e.planEndsOn) ? 'cin' : assessedAs;
    const helpDays = outcome === 'cin' ? Math.round(-CIN_MEAN_DAYS * Math.log(1 - random.float())) + 30 : outcome === 'early_help' ? random.int(60, 240) : 0;
    let planned = outcome === 'nfa' ? assessedOn : addDays(assessedOn, helpDays);
    // The case stays open past its child protection work: the enquiry, the conference, the plan's last review.
    const lastEpisode = cp.at(-1);
    const protectionEnds = lastEpisode ? (lastEpisode.planEndsOn ?? lastEpisode.conferenceOn ?? lastEpisode.enquiryDoneOn) : undefined;
    // (helpDays gives the extra time, so the Family Help stream draws the same numbers with or without child protection.)
    if (protectionEnds && planned <= protectionEnds) planned = addDays(protectionEnds, lastEpisode?.planEndsOn ? 30 + (helpDays % 150) : 1 + (helpDays % 60));
    const closes = planned > eighteenth && eighteenth >= decidedOn ? eighteenth : planned;
    const closedOn = before(closes) ? closes : undefined;
    const lead = leadFor(closedOn === undefined);
    out.cases.push({
      id: caseId,
      laCode,
      personId: ref.personId,
      familyId: familyFor(caseId, ref.personId, ref.familyId, decidedOn),
      requestId: id,
      referralDate: receivedOn,
      openedOn: decidedOn,
      leadPractitionerId: lead.userId,
      leadPractitionerName: lead.name,
      leadProfession: lead.profession,
      teamId: lead.teamId,
      primaryNeed: random.weighted(NEEDS),
      moneyWorries: random.chance(0.2),
      closedOn: closedOn ?? null,
      // After a section 47 enquiry a case never closes as 'after assessment, no further action' (CIN rule 2990).
      closureReason: closedOn ? (outcome === 'nfa' ? (cp.length > 0 ? 'RC7' : 'RC8') : random.chance(0.9) ? 'RC7' : random.pick(['RC3', 'RC4', 'RC5'])) : null,
    });
    openUntil.set(ref.personId, { caseId, closes: closedOn });
    if (closedOn) lastClosed.set(ref.personId, closedOn);
    else {
      out.allocations.push({ id: random.uuid(), personId: ref.personId, userId: lead.userId, fromDate: decidedOn });
      const age = end.year() - LocalDate.parse(ref.dateOfBirth).year();
      if (age >= 13 && age <= 17) teenagers.push({ personId: ref.personId, familyId: ref.familyId });
    }
    for (const episode of cp) protection.write(episode, { caseId, personId: ref.personId, closedOn, leadName: lead.name, leadUserId: lead.userId });

    const basisStart = receivedOn;
    const assessmentDone = before(assessedOn);
    // Help steps down to early help once assessed, but not while child protection work is still under way.
    const stepsDownOn = protectionEnds && protectionEnds >= assessedOn ? addDays(protectionEnds, 1) : assessedOn;
    if (outcome === 'early_help' && before(stepsDownOn) && (!closedOn || stepsDownOn <= closedOn)) {
      out.bases.push({ id: random.uuid(), caseId, laCode, basis: 'section_17', fromDate: basisStart, toDate: addDays(stepsDownOn, -1) });
      out.bases.push({ id: random.uuid(), caseId, laCode, basis: 'early_help', fromDate: stepsDownOn, toDate: closedOn ?? null, reason: 'Assessed: help as targeted early help' });
    } else {
      out.bases.push({ id: random.uuid(), caseId, laCode, basis: 'section_17', fromDate: basisStart, toDate: closedOn ?? null });
    }
    const factors = [...new Set([random.weighted(FACTORS), ...(random.chance(0.6) ? [random.weighted(FACTORS)] : [])])];
    out.assessments.push({
      id: random.uuid(),
      caseId,
      laCode,
      startedOn: decidedOn,
      completedOn: assessmentDone ? assessedOn : null,
      factors: assessmentDone ? (outcome === 'nfa' && random.chance(0.3) ? ['21'] : factors) : [],
      childSeen: assessmentDone ? true : null,
      childSeenAlone: assessmentDone ? random.chance(0.7) : null,
      childViews: assessmentDone ? 'Synthetic: what the child said' : null,
      analysis: assessmentDone ? 'Synthetic assessment' : null,
    });
    if (outcome === 'nfa' || !assessmentDone) continue;

    // The plan, its reviews every three months or so, and (open cases) the last visits.
    const planStart = workingDays(assessedOn, random.int(2, 12));
    if (!before(planStart) || (closedOn && planStart > closedOn)) continue;
    const planId = random.uuid();
    out.plans.push({ id: planId, caseId, laCode, startedOn: planStart, endedOn: closedOn ?? null });
    out.goals.push({ id: random.uuid(), planId, laCode, position: 0, goal: random.pick(GOALS) });
    out.actions.push({ id: random.uuid(), planId, laCode, position: 0, action: 'Meet every fortnight', ownerKind: 'practitioner', ownerName: lead.name });
    for (let review = LocalDate.parse(planStart).plusDays(random.int(75, 105)); ; review = review.plusDays(random.int(75, 110))) {
      const on = review.toString();
      if (!before(on) || (closedOn && on > closedOn)) break;
      out.reviews.push({ id: random.uuid(), planId, laCode, reviewedOn: on, progress: 'Synthetic review', recordedBy: lead.userId, recordedByName: lead.name });
    }
    if (!closedOn && outcome === 'cin') {
      const seen = end.minusDays(random.chance(0.85) ? random.int(1, 25) : random.int(30, 60)).toString();
      if (seen > planStart) {
        const when = at(seen, 15);
        out.notes.push({ id: random.uuid(), caseId, laCode, kind: 'visit', occurredOn: seen, title: 'Home visit', body: 'Synthetic visit', childSeen: true, childSeenAlone: random.chance(0.6), state: 'final', authorId: lead.userId, authorName: lead.name, createdAt: when, updatedAt: when, finalisedAt: when, recordingSeconds: random.int(600, 2700) });
      }
    }
  }
  protection.contexts(teenagers, options.population);
  return out;
}
