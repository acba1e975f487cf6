// The one front door: a family asking on the public page, a partner's form, staff recording a
// call; the queue with its one-working-day clock; the decision that opens the child's one case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/platform/clock.ts';
import { buildAddress, buildPerson, insertPeople } from '../builders/people.ts';
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

/** The public page's limit counts requests from one computer: these families use their own. */
const ANOTHER_FAMILY = '203.0.113.7';

// Issue 13, item 3: what the family told us — the address, the parent who asked, a brother named —
// goes onto the record as the triager decides, each person matched to a record or recorded new.
describe('what the request told us, carried to the record', () => {
  const mother = buildPerson({ givenNames: 'Marta', familyName: 'Kowalska', dateOfBirth: '1988-02-11', sex: 'F' });
  const otherTomasz = buildPerson({ givenNames: 'Tomasz', familyName: 'Kowalski', dateOfBirth: '1961-07-01', sex: 'M' });
  const hidden = buildPerson({ givenNames: 'Marta', familyName: 'Kowalska', dateOfBirth: '1990-01-01', sex: 'F', recordKind: 'restricted' });
  let requestId = '';
  const decision = (extra: Record<string, string>) => ({
    version: '1', person: 'new', decision: 'advice', consentBasis: 'consent_given', reasons: 'Mum asked for parenting support; signposted to the family hub',
    factsAsked: 'address asker', ...extra,
  });
  const facts = {
    addAddress: 'yes', addressLine1: '14 Mill Lane', addressTown: 'Dunbridge', addressPostcode: 'db2 7xy',
    r1Add: 'yes', r1GivenNames: 'Marta', r1FamilyName: 'Kowalska', r1Relationship: 'mother', r1LivesWith: 'yes',
    r2GivenNames: 'Tomasz', r2FamilyName: 'Kowalska', r2Relationship: 'brother', r2LivesWith: 'yes', 'r2Dob-day': '', 'r2Dob-month': '', 'r2Dob-year': '',
  };

  beforeAll(async () => {
    await insertPeople(t.db.database, [mother, otherTomasz, hidden]);
    const sent = await new Session(t.app, ANOTHER_FAMILY).post(
      '/get-help',
      publicRequest({ submitterName: 'Marta Kowalska', childGivenNames: 'Zofia', childFamilyName: 'Kowalska', 'dob-day': '4', 'dob-month': '5', 'dob-year': '2017', childAddress: '14 Mill Lane, Dunbridge', childPostcode: 'DB2 7XY', otherChildren: 'Her brother Tomasz, 4' }),
      '/get-help',
    );
    expect(sent.statusCode).toBe(303);
    requestId = String((await requestsFor('Kowalska'))[0]!['id']);
  });

  it('offers the address and the person who asked, checked against the records already held', async () => {
    const page = await (await t.signIn('social.worker')).get(`/front-door/${requestId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="factsAsked" value="address asker"');
    expect(page.body).toMatch(/id="addressLine1" name="addressLine1" type="text" value="14 Mill Lane"/);
    expect(page.body).toMatch(/id="addressTown" name="addressTown" type="text" value="Dunbridge"/);
    expect(page.body).toMatch(/id="r1FamilyName" name="r1FamilyName" type="text" spellcheck="false" value="Kowalska"/);
    expect(page.body).toContain('The person who asked: Marta Kowalska');
    expect(page.body).toContain('About other children, the request says: Her brother Tomasz, 4');
    // Marta's own record is offered for the person who asked, with a way to check who she is; the restricted one is not.
    expect(page.body).toContain(`name="r1Match" type="radio" value="${mother.id}"`);
    expect(page.body).toContain(`href="/front-door/${requestId}/people/${mother.id}"`);
    expect(page.body).not.toContain(hidden.id);
  });

  it('asks what goes on the record, in page order, and writes nothing until it is answered', async () => {
    const worker = await t.signIn('social.worker');
    const unanswered = await worker.post(`/front-door/${requestId}/decision`, decision({ addAddress: 'yes', addressLine1: '', addressTown: 'Dunbridge', addressPostcode: 'XX', r2GivenNames: 'Tomasz' }), `/front-door/${requestId}`);
    expect(unanswered.statusCode).toBe(400);
    expect(summaryLinks(unanswered.body)).toEqual([
      ['addressLine1', 'Enter the first line of the address'],
      ['addressPostcode', 'Enter a real postcode, like DB1 4AB'],
      ['r1Add', 'Select whether to add the person who asked to the record'],
      ['r2FamilyName', 'Enter Tomasz’s last name'],
      ['r2Relationship', 'Select how Tomasz is related to the child'],
      ['r2LivesWith', 'Select whether Tomasz lives with the child'],
    ]);
    expect(unanswered.body).toMatch(/name="r2GivenNames" type="text" spellcheck="false" value="Tomasz"/); // kept
    expect(await rowsOf(t, "select id from person where given_names = 'Zofia'")).toEqual([]);
  });

  it('asks whether a person named is someone already known before writing anything, and refuses a record it did not offer', async () => {
    const worker = await t.signIn('social.worker');
    // Tomasz Kowalski is a likely match for the brother by name: the triager must say whether he is.
    const ask = await worker.post(`/front-door/${requestId}/decision`, decision({ ...facts, r1Match: mother.id }), `/front-door/${requestId}`);
    expect(ask.statusCode).toBe(400);
    expect(summaryLinks(ask.body)).toEqual([['r2Match', 'Select whether Tomasz Kowalska is one of the people already known, or someone new']]);
    expect(ask.body).toContain(`name="r2Match" type="radio" value="${otherTomasz.id}"`);
    expect(ask.body).toMatch(new RegExp(`name="r1Match" type="radio" value="${mother.id}" checked`));
    // A restricted record the search never offered, typed into the form, is not taken: the triager is asked again.
    const crafted = await worker.post(`/front-door/${requestId}/decision`, decision({ ...facts, r1Match: hidden.id, r2Match: 'new' }), `/front-door/${requestId}`);
    expect(crafted.statusCode).toBe(400);
    expect(summaryLinks(crafted.body).map(([field]) => field)).toEqual(['r1Match']);
    expect(await rowsOf(t, "select id from person where given_names = 'Zofia'")).toEqual([]);
    expect((await requestsFor('Kowalska'))[0]!['decided_at']).toBeNull();
  });

  it('records the child with the address, the mother matched to her record and the brother new, living together', async () => {
    const worker = await t.signIn('social.worker');
    const decided = await worker.post(`/front-door/${requestId}/decision`, decision({ ...facts, r1Match: mother.id, r2Match: 'new' }), `/front-door/${requestId}`);
    expect(decided.statusCode).toBe(303);
    const [zofia] = await rowsOf(t, "select id from person where given_names = 'Zofia' and family_name = 'Kowalska'");
    const childId = String(zofia!['id']);
    expect(await rowsOf(t, 'select line1, town, postcode, from_date::text, to_date from person_address where person_id = $1', [childId])).toEqual([
      { line1: '14 Mill Lane', town: 'Dunbridge', postcode: 'DB2 7XY', from_date: '2026-03-06', to_date: null },
    ]);
    // One Marta Kowalska (her record, not a copy), and a new Tomasz.
    expect(await rowsOf(t, "select id from person where given_names = 'Marta' and family_name = 'Kowalska' and record_kind = 'ordinary'")).toEqual([{ id: mother.id }]);
    const [tomasz] = await rowsOf(t, "select id, sex, date_of_birth from person where given_names = 'Tomasz' and family_name = 'Kowalska'");
    expect(tomasz).toMatchObject({ sex: 'M', date_of_birth: null });
    const relationships = await rowsOf(t, 'select from_person_id, type, from_date::text from relationship where to_person_id = $1 order by type', [childId]);
    expect(relationships).toEqual([
      { from_person_id: mother.id, type: 'parent', from_date: '2026-03-06' },
      { from_person_id: tomasz!['id'], type: 'sibling', from_date: '2026-03-06' },
    ]);
    const household = await rowsOf(t, 'select person_id from household_member where household_id = (select household_id from household_member where person_id = $1) and to_date is null', [childId]);
    expect(household.map((h) => h['person_id']).sort()).toEqual([childId, mother.id, tomasz!['id']].sort());
    // Each record written is audited with the request.
    const events = (await t.deps.audit.recent('999', 10)).filter((e) => e.details?.['requestId'] === requestId);
    expect(events.map((e) => [e.action, e.childId])).toEqual(expect.arrayContaining([
      ['record_updated_from_request', childId],
      ['record_updated_from_request', mother.id],
      ['person_created', tomasz!['id']],
    ]));
    // A worker allocated to Zofia opens her record and sees what the family said, without asking again.
    const lead = await userIdOf(t, 'social.worker');
    await rowsOf(t, "insert into allocation (id, person_id, user_id, la_code, capacity, from_date) values (gen_random_uuid(), $1, $2, '999', 'Duty worker', '2026-03-06')", [childId, lead]);
    const record = await worker.get(`/people/${childId}`);
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain('14 Mill Lane');
    expect(record.body).toContain('Marta Kowalska');
    expect(record.body).toContain('Mother');
    expect(record.body).toContain('Brother');
    expect(record.body.match(/Lives with Zofia Kowalska/g)).toHaveLength(2);
  });

  it('adds nothing twice: the same address and a relationship already held are left as they are; a new address ends the old', async () => {
    const [zofia] = await rowsOf(t, "select id from person where given_names = 'Zofia'");
    const childId = String(zofia!['id']);
    const [tomasz] = await rowsOf(t, "select id from person where given_names = 'Tomasz' and family_name = 'Kowalska'");
    const worker = await t.signIn('social.worker');
    const again = async (address: Record<string, string>) => {
      const sent = await new Session(t.app, ANOTHER_FAMILY).post('/get-help', publicRequest({ submitterName: 'Marta Kowalska', childGivenNames: 'Zofia', childFamilyName: 'Kowalska', 'dob-day': '4', 'dob-month': '5', 'dob-year': '2017', ...address }), '/get-help');
      expect(sent.statusCode).toBe(303);
      const id = String((await requestsFor('Kowalska')).find((r) => r['decided_at'] === null)!['id']);
      const decided = await worker.post(`/front-door/${id}/decision`, {
        ...decision({ person: childId, addAddress: 'yes', addressLine1: address['childAddress']!.split(',')[0]!, addressTown: 'Dunbridge', addressPostcode: address['childPostcode']! }),
        r1Add: 'yes', r1GivenNames: 'Marta', r1FamilyName: 'Kowalska', r1Relationship: 'mother', r1LivesWith: 'yes', r1Match: mother.id,
        r2GivenNames: 'Tomasz', r2FamilyName: 'Kowalska', r2Relationship: 'brother', r2LivesWith: 'yes', r2Match: String(tomasz!['id']),
      }, `/front-door/${id}`);
      expect(decided.statusCode).toBe(303);
    };
    await again({ childAddress: '14 mill lane, Dunbridge', childPostcode: 'DB27XY' });
    expect(await rowsOf(t, 'select count(*)::int as n from person_address where person_id = $1', [childId])).toEqual([{ n: 1 }]);
    expect(await rowsOf(t, 'select count(*)::int as n from relationship where to_person_id = $1', [childId])).toEqual([{ n: 2 }]);
    expect(await rowsOf(t, 'select count(*)::int as n from household_member where person_id = $1', [mother.id])).toEqual([{ n: 1 }]);
    await again({ childAddress: '3 Weir Road, Dunbridge', childPostcode: 'DB3 1QQ' });
    expect(await rowsOf(t, 'select line1, from_date::text, to_date::text from person_address where person_id = $1 order by from_date, to_date nulls last', [childId])).toEqual([
      { line1: '14 Mill Lane', from_date: '2026-03-06', to_date: '2026-03-06' },
      { line1: '3 Weir Road', from_date: '2026-03-06', to_date: null },
    ]);
  });
});

// Issue 13, item 4: a triager opens a likely match to check who they are — their identity, never
// what is recorded about them — audited with the request, and only while the request waits.
describe('checking who a likely match is', () => {
  const grandmother = buildPerson({ givenNames: 'Halina', familyName: 'Nowicka', dateOfBirth: '1959-03-03', sex: 'F' });
  const restricted = buildPerson({ givenNames: 'Halina', familyName: 'Nowicka', dateOfBirth: '1960-04-04', sex: 'F', recordKind: 'restricted' });
  let requestId = '';

  beforeAll(async () => {
    await insertPeople(t.db.database, [grandmother, restricted], [buildAddress(grandmother.id, { line1: `9 ${CANARY}-line Street`, postcode: 'DB4 2AA' })]);
    const sent = await new Session(t.app, ANOTHER_FAMILY).post('/get-help', publicRequest({ asker: 'relative', familyKnows: 'yes', submitterName: 'Halina Nowicka', childGivenNames: 'Kuba', childFamilyName: 'Nowicki' }), '/get-help');
    expect(sent.statusCode).toBe(303);
    requestId = String((await requestsFor('Nowicki'))[0]!['id']);
  });

  it('shows a triager their names, date of birth, postcode and relatives, not their address, and audits it with the request', async () => {
    const worker = await t.signIn('social.worker');
    const page = await worker.get(`/front-door/${requestId}/people/${grandmother.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Who is Halina Nowicka?');
    expect(page.body).toContain('3 March 1959');
    expect(page.body).toContain('DB4 2AA');
    expect(page.body).not.toContain(`${CANARY}-line`);
    const [event] = (await t.deps.audit.recent('999', 3)).filter((e) => e.action === 'record_identity_checked');
    expect(event).toMatchObject({ outcome: 'success', childId: grandmother.id, details: { requestId, purpose: 'triage' } });
  });

  it('refuses a restricted record (audited), a role that does not triage, and any check once the request is decided', async () => {
    const worker = await t.signIn('social.worker');
    expect((await worker.get(`/front-door/${requestId}/people/${restricted.id}`)).statusCode).toBe(403);
    const [refusal] = (await t.deps.audit.recent('999', 3)).filter((e) => e.action === 'record_identity_checked');
    expect(refusal).toMatchObject({ outcome: 'denied', childId: restricted.id });
    expect((await (await t.signIn('data.analyst')).get(`/front-door/${requestId}/people/${grandmother.id}`)).statusCode).toBe(403);
    const decided = await worker.post(`/front-door/${requestId}/decision`, { version: '1', person: 'new', decision: 'advice', consentBasis: 'consent_given', reasons: 'Advice', factsAsked: 'asker', r1Add: 'no' }, `/front-door/${requestId}`);
    expect(decided.statusCode).toBe(303);
    expect((await worker.get(`/front-door/${requestId}/people/${grandmother.id}`)).statusCode).toBe(409);
  });
});

describe('the decided request', () => {
  it('links to the case only for a triager who could open it, and says who it opens to otherwise', async () => {
    const cpLead = await t.signIn('cp.lead'); // triages, but is not in the lead's team
    const recorded = await cpLead.post('/front-door/new', { source: '3B', submitterName: 'Health visitor', childGivenNames: 'Orla', childFamilyName: 'Penhaligon', concerns: 'Missed checks', familyKnows: 'yes' }, '/front-door/new');
    expect(recorded.statusCode).toBe(303);
    const id = String((await requestsFor('Penhaligon'))[0]!['id']);
    const decided = await cpLead.post(
      `/front-door/${id}/decision`,
      { version: '1', person: 'new', decision: 'family_help', leadUserId: await userIdOf(t, 'family.help'), primaryNeed: 'N3', basis: 'early_help', consentBasis: 'consent_given', reasons: 'Health visitor worried' },
      `/front-door/${id}`,
    );
    expect(decided.statusCode).toBe(303);
    const theirs = await cpLead.get(`/front-door/${id}`);
    expect(theirs.body).not.toContain('href="/cases/');
    expect(theirs.body).toContain('The Family Help case is led by Priya Shah: it opens to them, their team and its manager.');
    const caseId = (await requestsFor('Penhaligon'))[0]!['case_id'];
    expect((await cpLead.get(`/cases/${String(caseId)}`)).statusCode).toBe(403);
    // A triager in the lead's team is linked to it.
    expect((await (await t.signIn('social.worker')).get(`/front-door/${id}`)).body).toContain(`href="/cases/${String(caseId)}"`);
  });
});

describe('a brother or sister named in the request', () => {
  it('matched to a child with an open case, brings the new case into their family', async () => {
    const manager = await t.signIn('team.manager');
    const recorded = await manager.post('/front-door/new', { source: '3B', submitterName: 'Health visitor', childGivenNames: 'Mia', childFamilyName: 'Brennan-Howe', concerns: 'Tyler’s sister: the same worries at home', familyKnows: 'yes' }, '/front-door/new');
    expect(recorded.statusCode).toBe(303);
    const id = String((await requestsFor('Brennan-Howe')).find((r) => r['child_given_names'] === 'Mia')!['id']);
    const decided = await manager.post(
      `/front-door/${id}/decision`,
      {
        version: '1', person: 'new', decision: 'family_help', leadUserId: await userIdOf(t, 'family.help'), primaryNeed: 'N4', basis: 'early_help', consentBasis: 'consent_given', reasons: 'Helped with her brother',
        r1GivenNames: 'Tyler', r1FamilyName: 'Brennan-Howe', r1Relationship: 'brother', r1LivesWith: 'yes', r1Match: known.id,
      },
      `/front-door/${id}`,
    );
    expect(decided.statusCode).toBe(303);
    const cases = await rowsOf(t, "select c.family_id, p.given_names from family_help_case c join person p on p.id = c.person_id where p.family_name = 'Brennan-Howe' and c.closed_on is null order by p.given_names");
    expect(cases.map((c) => c['given_names'])).toEqual(['Mia', 'Tyler']);
    expect(cases[0]!['family_id']).toBe(cases[1]!['family_id']);
  });
});
