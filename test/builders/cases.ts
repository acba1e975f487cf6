// Builders for a child's case and the layers on it, made through the app's own services (so their
// checks and audit run, as in production): a test states only what it is about, and takes the rest
// from here. Each builder says what it starts from and returns the ids a test goes on with.
import type { PersonInsert } from '../../src/modules/people/repository.ts';
import type { TestApp } from '../support/app.ts';
import { principalOf, rowsOf } from '../support/records.ts';

type FrontDoor = TestApp['deps']['frontDoor'];
type RequestDetails = Parameters<FrontDoor['submit']>[2];
type DecisionInput = Parameters<FrontDoor['decide']>[2];

/** A request for help recorded by staff about `child`: a professional's concerns, nothing else said. */
export async function buildRequest(t: TestApp, child: Pick<PersonInsert, 'givenNames' | 'familyName' | 'dateOfBirth'>, details: Partial<RequestDetails> = {}, recordedBy = 'social.worker') {
  return t.deps.frontDoor.submit(await principalOf(t, recordedBy), 'staff', {
    source: '2A',
    asker: undefined,
    submitterName: 'Head teacher',
    submitterOrganisation: 'Oakfield Primary',
    submitterPhone: undefined,
    submitterEmail: undefined,
    childGivenNames: child.givenNames,
    childFamilyName: child.familyName,
    childDateOfBirth: child.dateOfBirth ?? undefined,
    childAddress: undefined,
    childPostcode: undefined,
    otherChildren: undefined,
    concerns: 'Worried about the child',
    helpWanted: undefined,
    familyKnows: 'yes',
    honeypot: false,
    ...details,
  });
}

export interface CaseOptions {
  /** Family Help with the family's agreement (the default), or a strategy discussion about significant harm. */
  decision?: 'family_help' | 'strategy_discussion';
  /** Who leads the case (a username); the triager decides. */
  lead?: string;
  triager?: string;
  request?: Partial<RequestDetails>;
  decide?: Partial<DecisionInput>;
}

/**
 * A child's Family Help case, opened at the front door from a request about them (`child` is
 * already on the record): led by `family.help` unless said otherwise.
 */
export async function buildCase(t: TestApp, child: Pick<PersonInsert, 'id' | 'givenNames' | 'familyName' | 'dateOfBirth'>, options: CaseOptions = {}) {
  const { decision = 'family_help', lead = 'family.help', triager = 'social.worker' } = options;
  const protection = decision === 'strategy_discussion';
  const requestId = await buildRequest(t, child, { ...(protection ? { source: '6', submitterName: 'Police', submitterOrganisation: 'Demoshire Police', concerns: 'Found alone at home', familyKnows: 'no' } : {}), ...options.request }, triager);
  const decided = await t.deps.frontDoor.decide(await principalOf(t, triager), requestId, {
    version: 1,
    person: child.id,
    decision,
    reasons: protection ? 'Suspected significant harm' : 'Needs help as a child in need',
    childViews: undefined,
    familyViews: undefined,
    consentBasis: protection ? 'not_needed_safeguarding' : 'consent_given',
    leadUserId: (await principalOf(t, lead)).userId,
    primaryNeed: 'N1',
    basis: 'section_17',
    ...(protection ? { urgent: true } : {}),
    ...options.decide,
  });
  return { requestId, caseId: decided.caseId! };
}

/** The strategy discussion convened on a case, as stored: its id and version. */
export async function discussionOf(t: TestApp, caseId: string) {
  const [d] = await rowsOf(t, 'select id, version from strategy_discussion where case_id = $1 order by convened_on desc limit 1', [caseId]);
  return { discussionId: String(d!['id']), version: Number(d!['version']) };
}

/**
 * A case whose strategy discussion was taken by the Child Protection Lead Practitioner (`cp.lead`)
 * and held on `heldOn`, deciding on a section 47 enquiry: the start of child protection.
 */
export async function buildSection47(t: TestApp, child: Pick<PersonInsert, 'id' | 'givenNames' | 'familyName' | 'dateOfBirth'>, { heldOn, cpLead = 'cp.lead', ...options }: CaseOptions & { heldOn: string; cpLead?: string }) {
  const { caseId, requestId } = await buildCase(t, child, { ...options, decision: 'strategy_discussion' });
  const cp = await principalOf(t, cpLead);
  const { discussionId, version } = await discussionOf(t, caseId);
  await t.deps.childProtection.take(cp, discussionId, version);
  await t.deps.childProtection.recordDiscussion(cp, discussionId, { version: version + 1, heldOn, agencies: ['police', 'social_care'], decision: 'section_47', reasons: 'Suspected significant harm' });
  return { caseId, requestId, discussionId };
}

/**
 * A child on a child protection plan: the section 47 enquiry (from `buildSection47`) completed on
 * `conferenceOn` with a conference, and the initial conference that day starting the plan under
 * `category`. Held on a weekday: a conference is not held at weekends.
 */
export async function buildProtectionPlan(
  t: TestApp,
  child: Pick<PersonInsert, 'id' | 'givenNames' | 'familyName' | 'dateOfBirth'>,
  { heldOn, conferenceOn, category = 'NEG', cpLead = 'cp.lead', ...options }: CaseOptions & { heldOn: string; conferenceOn: string; category?: 'NEG' | 'PHY' | 'SAB' | 'EMO' | 'MUL'; cpLead?: string },
) {
  const started = await buildSection47(t, child, { ...options, heldOn, cpLead });
  const cp = await principalOf(t, cpLead);
  const [enquiry] = await rowsOf(t, 'select id, version from section47_enquiry where case_id = $1 and completed_on is null', [started.caseId]);
  await t.deps.childProtection.completeEnquiry(cp, String(enquiry!['id']), { version: Number(enquiry!['version']), completedOn: conferenceOn, outcome: 'conference', findings: 'Concerns substantiated' });
  await t.deps.childProtection.recordConference(cp, started.caseId, 'initial', {
    heldOn: conferenceOn,
    attendees: ['Chair', 'Social worker', 'Parent'],
    childViews: 'Said they want things to be calmer at home',
    childViewsHow: 'worker',
    parentsViews: 'Agree to work with the plan',
    parentsRepresentative: undefined,
    decision: 'plan',
    category,
    reasons: 'Likely to suffer significant harm',
  });
  const [plan] = await rowsOf(t, 'select id from cp_plan where case_id = $1 and ended_on is null', [started.caseId]);
  return { ...started, planId: String(plan!['id']) };
}
