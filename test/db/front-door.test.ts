// The one front door: a family asking on the public page, a partner's form, staff recording a
// call; the queue with its one-working-day clock; the decision that opens the child's one case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/platform/clock.ts';
import { buildPerson, insertPeople } from '../builders/people.ts';
import { Session, startTestApp, type TestApp } from '../support/app.ts';
import { rowsOf, userIdOf } from '../support/records.ts';

// Friday 6 March 2026, 4pm: a request now is due on Monday 9 March.
const clock = new FakeClock(new Date('2026-03-06T16:00:00Z'));
let t: TestApp;
const known = buildPerson({ givenNames: 'Tyler', familyName: 'Brennan-Howe', dateOfBirth: '2014-08-08', sex: 'M' });
const CANARY = 'ZZCANARY';

const requestsFor = (familyName: string) => rowsOf(t, 'select *, received_on::text as received_on from request_for_help where child_family_name = $1 order by received_at', [familyName]);
const summaryLinks = (body: string) => [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '').matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);

const publicRequest = (overrides: Record<string, string> = {}) => ({
  asker: 'parent',
  submitterName: 'Danielle Howe',
  submitterPhone: '07700 900982',
  childGivenNames: 'Tyler',
  childFamilyName: 'Brennan-Howe',
  'dob-day': '8',
  'dob-month': '8',
  'dob-year': '2014',
  concerns: `Tyler has stopped going to school and I cannot get him to talk to me. ${CANARY}-concerns`,
  helpWanted: 'Someone he trusts to talk to',
  ...overrides,
});

beforeAll(async () => {
  t = await startTestApp({ clock });
  await insertPeople(t.db.database, [known]);
});
afterAll(() => t.close());

describe('the public page, /get-help', () => {
  it('needs no sign-in, says first that a child in danger needs 999, and where Childline is', async () => {
    const response = await new Session(t.app).get('/get-help');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body.indexOf('call 999')).toBeGreaterThan(0);
    expect(body.indexOf('call 999')).toBeLessThan(body.indexOf('<form'));
    expect(body).toContain('0800 1111');
    expect(body).toContain('Demo Borough Council');
  });

  it('lists every problem in page order and keeps nothing', async () => {
    const visitor = new Session(t.app);
    const response = await visitor.post('/get-help', { asker: 'relative', submitterEmail: 'not-an-email', childFamilyName: 'Nobody', 'dob-day': '31', 'dob-month': '2', 'dob-year': '2015' }, '/get-help');
    expect(response.statusCode).toBe(400);
    expect(summaryLinks(response.body)).toEqual([
      ['submitterName', 'Enter your name'],
      ['submitterEmail', 'Enter an email address in the correct format, like name@example.com'],
      ['childGivenNames', 'Enter the child’s first name'],
      ['dob', 'Date of birth must be a real date, like 3 3 2015'],
      ['concerns', 'Enter what is happening'],
      ['familyKnows', 'Select whether the family knows about this request'],
    ]);
    expect(await requestsFor('Nobody')).toEqual([]);
  });

  it('takes a request, with the referral source for who is asking, and gives a reference on a page of its own', async () => {
    const response = await new Session(t.app).post('/get-help', publicRequest(), '/get-help');
    expect(response.statusCode).toBe(303);
    const location = String(response.headers.location);
    expect(location).toMatch(/^\/get-help\/sent\?reference=[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}&by=phone$/);
    const sent = await new Session(t.app).get(location);
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('We have your request');
    expect(sent.body).toContain('contact you by phone');
    expect(sent.body).toContain('0808 157 0192');
    const reference = new URL(location, 'http://x').searchParams.get('reference');
    expect(sent.body).toContain(reference);
    const [saved] = await requestsFor('Brennan-Howe');
    expect(saved).toMatchObject({ channel: 'public', source: '1A', reference, submitter_relationship: 'parent', received_on: '2026-03-06', family_knows: 'yes', submitted_by: null, decided_at: null });
    const [event] = (await t.deps.audit.recent('999', 3)).filter((e) => e.action === 'request_received');
    expect(event).toMatchObject({ outcome: 'success', details: { channel: 'public', source: '1A' } });
    // The front door sees the reference the family will quote.
    const triager = await t.signIn('family.help');
    expect((await triager.get('/front-door')).body).toContain(`Reference ${reference}`);
    expect((await triager.get(`/front-door/${String(saved!.id)}`)).body).toContain(`Reference ${reference}`);
  });

  it('sends a request once, however often the form is sent again (a refresh, a double click)', async () => {
    const visitor = new Session(t.app);
    const form = await visitor.get('/get-help');
    const submission = /name="_submission" value="([^"]+)"/.exec(form.body)![1]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const fields = { _csrf: csrf, _submission: submission, ...publicRequest({ childFamilyName: 'Twice-Sent' }) };
    const first = await visitor.postRaw('/get-help', fields);
    const again = await visitor.postRaw('/get-help', fields);
    expect(first.statusCode).toBe(303);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(first.headers.location);
    expect(await requestsFor('Twice-Sent')).toHaveLength(1);
  });

  it('shows the form again for a confirmation address that was not one we gave', async () => {
    const visitor = new Session(t.app);
    for (const query of ['', '?reference=<script>&by=phone', '?reference=ABCD-EFGH&by=post']) {
      const response = await visitor.get(`/get-help/sent${query}`);
      expect(response.statusCode, query).toBe(303);
      expect(response.headers.location).toBe('/get-help');
    }
  });

  it('drops, without saying so, a form that fills in the hidden field', async () => {
    const response = await new Session(t.app).post('/get-help', publicRequest({ childFamilyName: 'Honeypot', website: 'http://spam.example' }), '/get-help');
    expect(response.statusCode).toBe(303);
    expect(String(response.headers.location)).toMatch(/^\/get-help\/sent\?reference=/);
    expect(await requestsFor('Honeypot')).toEqual([]);
    expect((await t.deps.audit.recent('999', 3)).some((e) => e.action === 'public_request_discarded')).toBe(true);
  });

  it('counts only requests that could be sent, and when one address has sent many keeps every word and says how else to reach us', async () => {
    const visitor = new Session(t.app);
    // A parent struggling with the form is never turned away for it.
    for (let i = 0; i < 12; i++) expect((await visitor.post('/get-help', { ...publicRequest(), concerns: '' }, '/get-help')).statusCode).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await visitor.post('/get-help', publicRequest({ childFamilyName: `Limited${i}` }), '/get-help')).statusCode);
    const limitedAt = statuses.indexOf(429);
    // Ten an hour from one address (three were sent from here above).
    expect(statuses.slice(0, limitedAt).every((s) => s === 303)).toBe(true);
    expect(limitedAt).toBe(10 - 3);
    const limited = await visitor.post('/get-help', publicRequest({ childFamilyName: 'Limited-Kept', concerns: `Please help us. ${CANARY}-kept` }), '/get-help');
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Your request has not been sent');
    expect(limited.body).toContain(`${CANARY}-kept`);
    expect(limited.body).toContain('0808 157 0192');
    expect(limited.body).toContain('call 999');
    expect(limited.body).toContain('0800 1111');
    expect(limited.body).not.toContain('sign in');
    expect(await requestsFor('Limited-Kept')).toEqual([]);
  });
});

describe('partners', () => {
  it('a school asks through its own form and sees the request waiting; a health partner says which service they are', async () => {
    const school = await t.signIn('school.partner');
    const sent = await school.post('/my-requests/new', { childGivenNames: 'Maisie', childFamilyName: 'Calder', concerns: `Arrives hungry most days. ${CANARY}-school`, familyKnows: 'yes' }, '/my-requests/new');
    expect(sent.statusCode).toBe(303);
    const [saved] = await requestsFor('Calder');
    expect(saved).toMatchObject({ channel: 'partner', source: '2A', submitter_name: 'Gareth Lewis', submitter_organisation: 'Oakfield Primary School (demo)' });
    const mine = await school.get('/my-requests');
    expect(mine.body).toContain('Maisie Calder');
    expect(mine.body).toContain('Waiting for a decision');

    const health = await t.signIn('health.partner');
    const missing = await health.post('/my-requests/new', { childGivenNames: 'Ava', childFamilyName: 'Healthcheck', concerns: 'Missed appointments', familyKnows: 'no' }, '/my-requests/new');
    expect(missing.statusCode).toBe(400);
    expect(summaryLinks(missing.body)[0]).toEqual(['source', 'Select which service you work in']);
    expect((await health.post('/my-requests/new', { source: '3B', childGivenNames: 'Ava', childFamilyName: 'Healthcheck', concerns: 'Missed appointments', familyKnows: 'no' }, '/my-requests/new')).statusCode).toBe(303);
    expect((await requestsFor('Healthcheck'))[0]).toMatchObject({ source: '3B' });
    // A partner may not choose a source that is not theirs.
    const police = await t.signIn('police.partner');
    await police.post('/my-requests/new', { source: '1A', childGivenNames: 'Leo', childFamilyName: 'Policecase', concerns: 'Domestic incident', familyKnows: 'yes' }, '/my-requests/new');
    expect((await requestsFor('Policecase'))[0]).toMatchObject({ source: '6' });
  });

  it('partners see only their own requests, and never the front door', async () => {
    const police = await t.signIn('police.partner');
    const mine = await police.get('/my-requests');
    expect(mine.body).not.toContain('Maisie Calder');
    expect(mine.body).not.toContain(CANARY);
    for (const url of ['/front-door', '/front-door/new', '/team']) expect((await police.get(url)).statusCode, url).toBe(403);
    const [calder] = await requestsFor('Calder');
    const view = await police.get(`/front-door/${String(calder!['id'])}`);
    expect(view.statusCode).toBe(403);
    expect(view.body).not.toContain(CANARY);
  });
});

describe('the front door', () => {
  it('lists waiting requests oldest first, each with its one-working-day clock', async () => {
    const worker = await t.signIn('social.worker');
    const page = await worker.get('/front-door');
    expect(page.statusCode).toBe(200);
    expect(page.body.indexOf('Tyler Brennan-Howe')).toBeLessThan(page.body.indexOf('Maisie Calder'));
    expect(page.body).toContain('Due 9 March 2026'); // Friday's request: due Monday
  });

  it('shows the triager likely matches, and opens the Family Help case with a lead practitioner from the decision', async () => {
    const [request] = await requestsFor('Brennan-Howe');
    const id = String(request!['id']);
    const worker = await t.signIn('social.worker');
    const view = await worker.get(`/front-door/${id}`);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain(`value="${known.id}"`); // the known Tyler, matched by name and date of birth
    expect(view.body).toContain(`${CANARY}-concerns`);

    const empty = await worker.post(`/front-door/${id}/decision`, { version: '1' }, `/front-door/${id}`);
    expect(empty.statusCode).toBe(400);
    expect(summaryLinks(empty.body).map(([field]) => field)).toEqual(['person', 'decision', 'consentBasis', 'reasons']);
    const noLead = await worker.post(`/front-door/${id}/decision`, { version: '1', person: known.id, decision: 'family_help', consentBasis: 'consent_given', reasons: 'Needs help' }, `/front-door/${id}`);
    expect(summaryLinks(noLead.body).map(([field]) => field)).toEqual(['leadUserId', 'primaryNeed', 'basis']);
    expect((await requestsFor('Brennan-Howe'))[0]!['decided_at']).toBeNull();

    const lead = await userIdOf(t, 'family.help');
    const decided = await worker.post(
      `/front-door/${id}/decision`,
      { version: '1', person: known.id, decision: 'family_help', leadUserId: lead, primaryNeed: 'N4', basis: 'early_help', consentBasis: 'consent_given', reasons: 'Mum is asking for help; school attendance falling.', childViews: 'I just don’t want to go.' },
      `/front-door/${id}`,
    );
    expect(decided.statusCode).toBe(303);
    expect(decided.headers.location).toBe(`/front-door/${id}?decided=1`);
    const back = await worker.get(decided.headers.location as string);
    expect(back.body).toContain('The decision was recorded. The Family Help case is open, led by Priya Shah');
    const caseId = /href="\/cases\/([0-9a-f-]{36})"/.exec(back.body)?.[1];
    const [c] = await rowsOf(t, 'select *, referral_date::text as referral_date, opened_on::text as opened_on from family_help_case where id = $1', [caseId]);
    expect(c).toMatchObject({ person_id: known.id, lead_practitioner_id: lead, lead_profession: 'Family support worker', primary_need: 'N4', referral_date: '2026-03-06', opened_on: '2026-03-06', closed_on: null });
    expect(await rowsOf(t, 'select basis, from_date::text, to_date from case_basis where case_id = $1', [caseId])).toEqual([{ basis: 'early_help', from_date: '2026-03-06', to_date: null }]);
    expect((await requestsFor('Brennan-Howe'))[0]).toMatchObject({ decision: 'family_help', person_id: known.id, case_id: caseId, re_referral: false, consent_basis: 'consent_given' });
    const [event] = (await t.deps.audit.recent('999', 5)).filter((e) => e.action === 'request_decided');
    expect(event).toMatchObject({ childId: known.id, details: { decision: 'family_help', met: true } });

    // The lead now has the child: the case opens for them, with the assessment due 45 working days from the referral.
    const familyHelp = await t.signIn('family.help');
    const casePage = await familyHelp.get(`/cases/${caseId}`);
    expect(casePage.statusCode).toBe(200);
    expect(casePage.body).toContain('Priya Shah, Family support worker');
    expect(casePage.body).toMatch(/Complete the assessment[\s\S]*?Due 13 May 2026/);
    expect((await familyHelp.get('/')).body).toContain('Tyler Brennan-Howe');
  });

  it('a second decision on the same request is refused: someone decided first', async () => {
    const [request] = await requestsFor('Brennan-Howe');
    const manager = await t.signIn('team.manager');
    const late = await manager.post(`/front-door/${String(request!['id'])}/decision`, { version: '1', person: known.id, decision: 'advice', consentBasis: 'not_sought', reasons: 'Advice' }, '/front-door');
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('This request has already been decided');
    expect((await requestsFor('Brennan-Howe'))[0]).toMatchObject({ decision: 'family_help' });
  });

  it('staff record a call; deciding Family Help for a child with an open case joins that case', async () => {
    const manager = await t.signIn('team.manager');
    const recorded = await manager.post(
      '/front-door/new',
      { source: '3B', submitterName: 'Health visitor', childGivenNames: 'Tyler', childFamilyName: 'Brennan-Howe', concerns: 'Second concern', familyKnows: 'yes' },
      '/front-door/new',
    );
    expect(recorded.statusCode).toBe(303);
    const second = (await requestsFor('Brennan-Howe'))[1]!;
    expect(second).toMatchObject({ channel: 'staff', source: '3B' });
    const view = await manager.get(`/front-door/${String(second['id'])}`);
    expect(view.body).toContain('Open Family Help case, led by Priya Shah: this request will join it');
    const decided = await manager.post(
      `/front-door/${String(second['id'])}/decision`,
      { version: '1', person: known.id, decision: 'family_help', leadUserId: await userIdOf(t, 'social.worker'), primaryNeed: 'N1', basis: 'section_17', consentBasis: 'consent_given', reasons: 'Joins the open case' },
      `/front-door/${String(second['id'])}`,
    );
    expect(decided.statusCode).toBe(303);
    const cases = await rowsOf(t, 'select id, lead_practitioner_name from family_help_case where person_id = $1', [known.id]);
    expect(cases).toHaveLength(1); // one continuous case; the lead stays
    expect(cases[0]!['lead_practitioner_name']).toBe('Priya Shah');
    expect((await requestsFor('Brennan-Howe'))[1]).toMatchObject({ case_id: cases[0]!['id'] });
  });

  it('records a child new to the service from the request, and an advice decision opens no case', async () => {
    const [calder] = await requestsFor('Calder');
    const worker = await t.signIn('social.worker');
    const decided = await worker.post(
      `/front-door/${String(calder!['id'])}/decision`,
      { version: '1', person: 'new', decision: 'advice', consentBasis: 'not_sought', reasons: 'School to refer to the holiday food programme', familyViews: `${CANARY}-family-views` },
      `/front-door/${String(calder!['id'])}`,
    );
    expect(decided.statusCode).toBe(303);
    expect(decided.headers.location).toBe('/front-door?decided=1');
    const [person] = await rowsOf(t, "select id, given_names, family_name, sex from person where family_name = 'Calder'");
    expect(person).toMatchObject({ given_names: 'Maisie', sex: 'U' });
    expect(await rowsOf(t, 'select id from family_help_case where person_id = $1', [person!['id']])).toEqual([]);
    // The school sees the decision, and nothing of the reasons or the family's views.
    const mine = await (await t.signIn('school.partner')).get('/my-requests');
    expect(mine.body).toContain('Advice and signposting');
    expect(mine.body).not.toContain(CANARY);
    expect(mine.body).not.toContain('holiday food programme');
  });

  it('shows an undecided request as overdue once its working day has passed', async () => {
    clock.set(new Date('2026-03-10T09:00:00Z')); // Tuesday: Friday's requests were due Monday
    try {
      const page = await (await t.signIn('social.worker')).get('/front-door');
      expect(page.body).toContain('Overdue since 9 March 2026');
    } finally {
      clock.set(new Date('2026-03-06T16:00:00Z'));
    }
  });
});
