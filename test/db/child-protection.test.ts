// Child protection as a layer on the one case: a school's concern → strategy discussion with the
// agencies' input → section 47 → initial conference → plan, with a Child Protection Lead
// Practitioner co-working while the family's lead practitioner stays → core group → review → the
// plan ends. Who may decide what; partners see only what is shared with them, and not after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/platform/clock.ts';
import { buildAddress, buildPerson, insertPeople } from '../builders/people.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { dateFields, principalOf, rowsOf, summaryFields, userIdOf } from '../support/records.ts';

const clock = new FakeClock(new Date('2026-03-02T10:00:00Z')); // Monday 2 March 2026
let t: TestApp;
let lead: Session; // family.help: the family's lead practitioner throughout
let cpLead: Session; // cp.lead: the Child Protection Lead Practitioner
let police: Session;
let health: Session;
let school: Session;
let caseId = '';
// Her location is withheld: where she lives never reaches a partner, whatever is shared.
const child = buildPerson({ givenNames: 'Kayla', familyName: 'Brightwater', dateOfBirth: '2016-07-07', sex: 'F', locationWithheld: true });
const CANARY = 'ZZCANARY-cp-not-shared';
const ADDRESS_CANARY = 'ZZCANARY-cp-address';

const cp = (path = '') => `/cases/${caseId}/child-protection${path}`;
const signInAll = async () => {
  [lead, cpLead, police, health, school] = await Promise.all([t.signIn('family.help'), t.signIn('cp.lead'), t.signIn('police.partner'), t.signIn('health.partner'), t.signIn('school.partner')]);
};
const shareIdFor = async (username: string, purpose: string) =>
  (await rowsOf(t, `select id from information_share where partner_user_id = $1 and purpose = $2 order by decided_at desc limit 1`, [await userIdOf(t, username), purpose]))[0]!['id'] as string;
const shareWith = (partner: string, what: string) => ({ decision: 'share', partner, what, reasons: 'They know the family', lawfulBasis: 'public_task_safeguarding', consent: 'not_sought', consentReason: 'Telling the father first could put Kayla at risk' });

beforeAll(async () => {
  t = await startTestApp({ clock });
  await insertPeople(t.db.database, [child], [buildAddress(child.id, { line1: `4 ${ADDRESS_CANARY} Close`, town: 'Ashby Marsh', postcode: 'DB9 9ZZ', fromDate: '2020-01-01' })]);
  // The school raises a concern through its own form; the front door decides on a strategy discussion.
  const requestId = await t.deps.frontDoor.submit(await principalOf(t, 'school.partner'), 'partner', {
    source: '2A', asker: undefined, submitterName: 'Gareth Lewis', submitterOrganisation: 'Oakfield Primary', submitterPhone: undefined, submitterEmail: undefined,
    childGivenNames: 'Kayla', childFamilyName: 'Brightwater', childDateOfBirth: '2016-07-07', childAddress: undefined, childPostcode: undefined, otherChildren: undefined,
    concerns: 'Bruising to both arms; says her dad grabbed her', helpWanted: undefined, familyKnows: 'no', honeypot: false,
  });
  const decided = await t.deps.frontDoor.decide(await principalOf(t, 'social.worker'), requestId, {
    version: 1, person: child.id, decision: 'strategy_discussion', reasons: 'Injury with a disclosure', childViews: 'Kayla said it hurt', familyViews: undefined,
    consentBasis: 'not_needed_safeguarding', leadUserId: await userIdOf(t, 'family.help'), primaryNeed: 'N1', basis: 'early_help', urgent: true,
  });
  caseId = decided.caseId!;
  await signInAll();
  // Something recorded on the case that is never shared: it must not reach a partner.
  const note = await lead.post(`/cases/${caseId}/notes`, { kind: 'case_note', ...dateFields('occurred', '2026-03-02'), title: 'Home visit', body: `Dad's new partner ${CANARY}`, state: 'final', version: '0', openedAt: String(clock.now().getTime()) }, `/cases/${caseId}/notes/new`);
  expect(note.statusCode).toBe(303);
});
afterAll(() => t.close());

describe('child protection on the one case', () => {
  it('opens the case from the front door with a strategy discussion waiting, due the next working day', async () => {
    const [c] = await rowsOf(t, 'select lead_practitioner_id from family_help_case where id = $1', [caseId]);
    expect(c!['lead_practitioner_id']).toBe(await userIdOf(t, 'family.help'));
    const queue = await cpLead.get('/child-protection');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Kayla Brightwater');
    expect(queue.body).toContain('Due 3 March 2026');
    expect(queue.body).toContain('Urgent');
    // Only the multi-agency team sees the queue.
    for (const s of [lead, police]) expect((await s.get('/child-protection')).statusCode).toBe(403);
    // Before taking it, the Child Protection Lead Practitioner has no relationship to the child.
    expect((await cpLead.get(cp())).statusCode).toBe(403);
    const casePage = await lead.get(`/cases/${caseId}`);
    expect(casePage.body).toContain('waiting for a Child Protection Lead Practitioner');
    expect(casePage.body).toContain('Hold the strategy discussion (urgent)');
  });

  it('the Child Protection Lead Practitioner takes it and is co-allocated beside the family’s lead, who stays', async () => {
    const version = /name="version" value="(\d+)"/.exec((await cpLead.get('/child-protection')).body)?.[1] ?? '';
    const took = await cpLead.post(`/child-protection/${(await rowsOf(t, 'select id from strategy_discussion where case_id = $1', [caseId]))[0]!['id'] as string}/take`, { version }, '/child-protection');
    expect(took.statusCode).toBe(303);
    const page = await cpLead.get(cp());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Priya Shah');
    expect(page.body).toContain('They stay the family’s lead practitioner throughout');
    const allocations = await rowsOf(t, 'select u.username, a.capacity from allocation a join user_account u on u.id = a.user_id where a.person_id = $1 and a.to_date is null order by u.username', [child.id]);
    expect(allocations.map((a) => `${String(a['username'])}: ${String(a['capacity'])}`)).toEqual(['cp.lead: Child Protection Lead Practitioner', 'family.help: Lead practitioner (Family Help)']);
  });

  it('records every sharing decision, with GOV.UK errors first, including a decision not to share', async () => {
    const bad = await cpLead.post(cp('/share-discussion'), { decision: 'share', consent: 'refused' }, cp('/share-discussion'));
    expect(bad.statusCode).toBe(400);
    expect(summaryFields(bad.body)).toEqual(['partner', 'what', 'reasons', 'lawfulBasis', 'consentReason']);
    expect(await rowsOf(t, 'select * from information_share where case_id = $1', [caseId])).toHaveLength(0);

    for (const [username, what] of [['police.partner', 'Kayla, 9, has bruising to both arms and says her dad grabbed her.'], ['health.partner', 'Bruising to both arms; please check health records for earlier injuries.']] as const) {
      expect((await cpLead.post(cp('/share-discussion'), shareWith(await userIdOf(t, username), what), cp('/share-discussion'))).statusCode).toBe(303);
    }
    // Nothing goes ahead without consent when nothing is shared: no reason for it is asked (issue 13, item 9).
    const notShared = await cpLead.post(cp('/share-discussion'), { decision: 'not_share', agency: 'other', reasons: 'Housing has no role in this', lawfulBasis: 'public_task_safeguarding', consent: 'not_sought' }, cp('/share-discussion'));
    expect(notShared.statusCode).toBe(303);
    const decisions = await rowsOf(t, 'select decision, agency from information_share where case_id = $1 order by decided_at, agency', [caseId]);
    expect(decisions.map((d) => `${String(d['decision'])} ${String(d['agency'])}`).sort()).toEqual(['not_share other', 'share health', 'share police']);
    // The decision not to share is in the child's chronology.
    expect((await lead.get(`/people/${child.id}`)).body).toContain('Decided not to share information with Another agency');
  });

  it('partners see only what was shared with them, add what they know, and every view is audited', async () => {
    const shareId = await shareIdFor('police.partner', 'strategy_discussion');
    const list = await police.get('/shared');
    expect(list.body).toContain('Kayla Brightwater');
    const page = await police.get(`/shared/${shareId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('says her dad grabbed her');
    expect(page.body).not.toContain(CANARY);
    expect(page.body).not.toContain('check health records'); // health's share, not theirs
    const empty = await police.post(`/shared/${shareId}`, { body: '' }, `/shared/${shareId}`);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter what your agency knows');
    expect((await police.post(`/shared/${shareId}`, { body: 'Police attended a domestic incident at the address in January.' }, `/shared/${shareId}`)).statusCode).toBe(303);
    expect((await cpLead.get(cp())).body).toContain('Police attended a domestic incident');
    // Another partner cannot open it; the school has nothing shared yet; partners never browse the record.
    expect((await health.get(`/shared/${shareId}`)).statusCode).toBe(404);
    expect((await school.get('/shared')).body).toContain('Nothing is shared with you');
    for (const s of [police, health, school]) {
      expect((await s.get(`/people/${child.id}`)).statusCode).toBe(403);
      expect((await s.get(cp())).statusCode).toBe(403);
    }
    // Every page a partner can reach, with every id this child's work has, holds nothing unshared.
    const ids = [child.id, caseId, ...(await rowsOf(t, 'select id from information_share where case_id = $1', [caseId])).map((r) => String(r['id'])), ...(await rowsOf(t, 'select id from strategy_discussion where case_id = $1', [caseId])).map((r) => String(r['id']))];
    for (const [name, s] of [['police', police], ['health', health], ['school', school]] as const) {
      for (const route of t.app.declaredRoutes) {
        if (route.method !== 'GET' || route.url.includes(':file')) continue;
        for (const url of route.url.includes(':') ? ids.map((id) => route.url.replace(/:\w+/g, id)) : [route.url]) {
          const body = (await s.get(url)).body;
          expect(body, `${name} ${url}`).not.toContain(CANARY);
          expect(body, `${name} ${url}`).not.toContain(ADDRESS_CANARY);
          expect(body, `${name} ${url}`).not.toContain('DB9 9ZZ');
        }
      }
    }
    const audited = await rowsOf(t, `select action, outcome from audit_event where child_id = $1 and action in ('shared_information_viewed', 'agency_contribution_added') order by seq`, [child.id]);
    expect(audited.filter((a) => a['outcome'] === 'success').length).toBeGreaterThanOrEqual(3);
    expect(audited.some((a) => a['outcome'] === 'denied')).toBe(false); // a stranger's refusal names no child
  }, 120_000); // a crawl of every page a partner can reach: hundreds of requests

  it('only the Child Protection Lead Practitioner decides; the family’s lead keeps the case', async () => {
    for (const path of ['/discussion', '/share-discussion']) expect((await lead.get(cp(path))).statusCode, path).toBe(403);
    const overview = await lead.get(cp());
    expect(overview.body).not.toContain('Record the strategy discussion');
    const caseForCp = await cpLead.get(`/cases/${caseId}/close`);
    expect(caseForCp.statusCode).toBe(404); // the case is the lead's to close
    expect((await cpLead.get(`/cases/${caseId}/basis`)).statusCode).toBe(404);
    await expect(t.deps.childProtection.recordDiscussion(await principalOf(t, 'family.help'), (await rowsOf(t, 'select id from strategy_discussion where case_id = $1', [caseId]))[0]!['id'] as string, { version: 2, heldOn: '2026-03-02', agencies: ['police', 'social_care'], decision: 'no_further_action', reasons: 'x' })).rejects.toMatchObject({ statusCode: 403 });
  });

  it('the strategy discussion decides on a section 47 enquiry: the case becomes child in need, the conference is due in 15 working days', async () => {
    const bad = await cpLead.post(cp('/discussion'), { version: '2', ...dateFields('held', '2026-03-01'), agencies: ['police'] }, cp('/discussion'));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The date of the strategy discussion must be on or after the day it was convened (2 March 2026)');
    expect(bad.body).toContain('a strategy discussion has at least two');
    const ok = await cpLead.post(cp('/discussion'), { version: '2', ...dateFields('held', '2026-03-02'), agencies: ['police', 'health', 'social_care'], decision: 'section_47', reasons: 'Injury with a disclosure' }, cp('/discussion'));
    expect(ok.statusCode).toBe(303);
    const basis = await rowsOf(t, 'select basis, from_date::text as f, to_date::text as t from case_basis where case_id = $1 order by from_date', [caseId]);
    expect(basis.at(-1)).toMatchObject({ basis: 'section_17', f: '2026-03-02', t: null });
    const page = await cpLead.get(cp());
    expect(page.body).toContain('Hold the initial child protection conference');
    expect(page.body).toContain('Due 23 March 2026'); // 15 working days from Monday 2 March
    // The agencies keep what was shared until the conference.
    expect((await police.get(`/shared/${await shareIdFor('police.partner', 'strategy_discussion')}`)).statusCode).toBe(200);
  });

  it('the case cannot close while child protection work is open', async () => {
    clock.set(new Date('2026-03-16T10:00:00Z'));
    await signInAll();
    const version = /name="version" value="(\d+)"/.exec((await lead.get(`/cases/${caseId}/close`)).body)?.[1] ?? '';
    const refused = await lead.post(`/cases/${caseId}/close`, { version, ...dateFields('closed', '2026-03-16'), reason: 'RC8' }, `/cases/${caseId}/close`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('A section 47 enquiry is open');
    expect((await rowsOf(t, 'select closed_on from family_help_case where id = $1', [caseId]))[0]!['closed_on']).toBeNull();
  });

  it('the enquiry’s outcome and the initial conference, checked against CIN census rules when recorded, start the plan', async () => {
    const version = /name="version" value="(\d+)"/.exec((await cpLead.get(cp('/enquiry'))).body)?.[1] ?? '';
    expect((await cpLead.post(cp('/enquiry'), { version, ...dateFields('completed', '2026-03-13'), outcome: 'conference', findings: 'Injuries consistent with the account' }, cp('/enquiry'))).statusCode).toBe(303);

    const weekend = await cpLead.post(cp('/initial-conference'), { ...dateFields('held', '2026-03-14'), decision: 'plan' }, cp('/initial-conference'));
    expect(weekend.statusCode).toBe(400);
    expect(weekend.body).toContain('14 March 2026 is a Saturday. Check the date, or confirm that the conference was held at the weekend');
    expect(weekend.body).toContain('Yes, it was held on that day');
    expect(summaryFields(weekend.body)).toEqual(['weekend', 'attendees', 'childViews', 'childViewsHow', 'parentsViews', 'category', 'reasons']);

    const held = await cpLead.post(
      cp('/initial-conference'),
      {
        ...dateFields('held', '2026-03-16'),
        attendees: 'Independent chair\nHannah Price, Child Protection Lead Practitioner\nPriya Shah, lead practitioner\nDC Sam Fletcher, police\nMother',
        childViews: 'I want to stay with mum',
        childViewsHow: 'advocate',
        parentsViews: 'Mother agrees with the plan',
        parentsRepresentative: 'A solicitor from Demo Law',
        decision: 'plan',
        category: 'PHY',
        reasons: 'Likely to suffer significant harm',
      },
      cp('/initial-conference'),
    );
    expect(held.statusCode).toBe(303);
    const [plan] = await rowsOf(t, 'select started_on::text as s, initial_category, cp_lead_user_id from cp_plan where case_id = $1', [caseId]);
    expect(plan).toMatchObject({ s: '2026-03-16', initial_category: 'PHY', cp_lead_user_id: await userIdOf(t, 'cp.lead') });
    // Sharing for the discussion ended with the conference: the next request is refused.
    const ended = await police.get(`/shared/${await shareIdFor('police.partner', 'strategy_discussion')}`);
    expect(ended.statusCode).toBe(403);
    expect(ended.body).toContain('no longer shared with you');
    const page = await lead.get(cp());
    expect(page.body).toContain('None: this is the first');
    expect(page.body).toContain('Hold the first child protection review conference');
    expect(page.body).toContain('Due 16 June 2026');
    expect(page.body).toContain('Visit the child (child protection plan)');
    expect((await lead.get(`/people/${child.id}`)).body).toContain('Child protection plan started: Physical abuse');
  });

  it('the family’s lead records core groups; the school joins the core group by a new sharing decision', async () => {
    const planId = (await rowsOf(t, 'select id from cp_plan where case_id = $1', [caseId]))[0]!['id'] as string;
    expect((await lead.post(cp('/core-group'), { ...dateFields('held', '2026-03-16'), attendees: 'Priya Shah\nGareth Lewis, school', progress: `Safety plan agreed ${CANARY}` }, cp('/core-group'))).statusCode).toBe(303);
    expect((await cpLead.post(cp('/share-plan'), shareWith(await userIdOf(t, 'school.partner'), 'Kayla is on a child protection plan. Tell us about any new marks.'), cp('/share-plan'))).statusCode).toBe(303);
    const shareId = await shareIdFor('school.partner', 'core_group');
    const page = await school.get(`/shared/${shareId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tell us about any new marks');
    expect(page.body).toContain('16 March 2026'); // the core group's dates, not its notes
    expect(page.body).not.toContain(CANARY);
    expect((await rowsOf(t, 'select count(*)::int as n from core_group_meeting where plan_id = $1', [planId]))[0]!['n']).toBe(1);
  });

  it('a review conference ends the plan: sharing ends with it, and the co-allocation; the lead stays', async () => {
    clock.set(new Date('2026-06-15T10:00:00Z'));
    await signInAll();
    const early = await cpLead.post(cp('/review-conference'), { ...dateFields('held', '2026-03-16') }, cp('/review-conference'));
    expect(early.body).toContain('must be on or after the day after the plan started (17 March 2026)');
    const review = await cpLead.post(
      cp('/review-conference'),
      { ...dateFields('held', '2026-06-15'), attendees: 'Chair\nHannah Price\nPriya Shah', childViews: 'Things are better', childViewsHow: 'directly', parentsViews: 'Relieved', decision: 'end', reasons: 'No longer likely to suffer significant harm' },
      cp('/review-conference'),
    );
    expect(review.statusCode).toBe(303);
    const [plan] = await rowsOf(t, 'select ended_on::text as e, end_reason from cp_plan where case_id = $1', [caseId]);
    expect(plan).toMatchObject({ e: '2026-06-15', end_reason: 'no_longer_at_risk' });
    expect((await school.get(`/shared/${await shareIdFor('school.partner', 'core_group')}`)).statusCode).toBe(403);
    const allocations = await rowsOf(t, 'select u.username from allocation a join user_account u on u.id = a.user_id where a.person_id = $1 and a.to_date is null', [child.id]);
    expect(allocations.map((a) => a['username'])).toEqual(['family.help']);
    expect((await lead.get(`/cases/${caseId}`)).body).toContain('No child protection work open now');
  });

  it('a later plan for the same child is a second or subsequent plan; its conference waits for the enquiry’s outcome, and one held on a Saturday is recorded once confirmed', async () => {
    // Days later: a plan cannot start the day the last one ended (CIN rule 8940, overlapping plans).
    clock.set(new Date('2026-06-22T10:00:00Z'));
    await signInAll();
    const principal = await principalOf(t, 'family.help');
    await t.deps.childProtection.conveneFromCase(principal, caseId, { urgent: false, concerns: 'New concerns' });
    const cpPrincipal = await principalOf(t, 'cp.lead');
    const [d] = await rowsOf(t, 'select id, version from strategy_discussion where case_id = $1 and decided_at is null', [caseId]);
    await t.deps.childProtection.take(cpPrincipal, String(d!['id']), Number(d!['version']));
    await t.deps.childProtection.recordDiscussion(cpPrincipal, String(d!['id']), { version: Number(d!['version']) + 1, heldOn: '2026-06-16', agencies: ['police', 'social_care'], decision: 'section_47', reasons: 'New injury' });
    // The enquiry has no outcome yet: there is no conference to record.
    expect((await cpLead.get(cp('/initial-conference'))).statusCode).toBe(404);
    expect((await cpLead.get(cp())).body).not.toContain('Record the initial conference');
    await expect(t.deps.childProtection.recordConference(cpPrincipal, caseId, 'initial', {
      heldOn: '2026-06-17', attendees: ['Chair'], childViews: 'Scared', childViewsHow: 'worker', parentsViews: 'Angry', parentsRepresentative: undefined, decision: 'plan', category: 'MUL', reasons: 'Risk again',
    })).rejects.toThrow();
    const [enquiry] = await rowsOf(t, 'select id, version from section47_enquiry where case_id = $1 and completed_on is null', [caseId]);
    await t.deps.childProtection.completeEnquiry(cpPrincipal, String(enquiry!['id']), { version: Number(enquiry!['version']), completedOn: '2026-06-18', outcome: 'conference', findings: 'Substantiated' });

    const conference = { ...dateFields('held', '2026-06-20'), attendees: 'Chair', childViews: 'Scared', childViewsHow: 'worker', parentsViews: 'Angry', decision: 'plan', category: 'MUL', reasons: 'Risk again' };
    const asked = await cpLead.post(cp('/initial-conference'), conference, cp('/initial-conference'));
    expect(asked.statusCode).toBe(400);
    expect(summaryFields(asked.body)).toEqual(['weekend']);
    expect(await rowsOf(t, "select id from cp_plan where case_id = $1 and started_on = '2026-06-20'", [caseId])).toEqual([]);
    // Confirmed: recorded, though the census will list it as an error (8875) for the authority to explain.
    expect((await cpLead.post(cp('/initial-conference'), { ...conference, weekend: 'yes' }, cp('/initial-conference'))).statusCode).toBe(303);
    expect(await rowsOf(t, 'select started_on::text as s from cp_plan where case_id = $1 and ended_on is null', [caseId])).toEqual([{ s: '2026-06-20' }]);
    const page = await lead.get(cp());
    expect(page.body).toContain('Second or subsequent plan');
    expect((await lead.get(`/cases/${caseId}`)).body).toContain('a second or subsequent plan');
  });

  it('a child on a plan has one visit clock, and the Family Help plan the protection plan replaced is not due', async () => {
    const casePage = (await lead.get(`/cases/${caseId}`)).body;
    expect(casePage).toContain('Visit the child (child protection plan)');
    expect(casePage).not.toMatch(/>Visit the child</);
    expect(casePage).not.toContain('Agree the Family Help plan');
    const myWork = (await lead.get('/my-work')).body;
    expect(myWork).not.toContain('Agree the Family Help plan');
  });
});
