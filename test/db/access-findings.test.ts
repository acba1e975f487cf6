// Regression tests for what an independent security test found (issue 12), each written to fail
// before its fix: a manager reaching other teams' cases, access lists skipped by lists and shares,
// refusals left unaudited, parallel writes failing with 500, inputs giving 500, and more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/platform/clock.ts';
import { buildWorld, principalFor, type WorldChild } from '../support/access-world.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { dateFields, rowsOf } from '../support/records.ts';

const clock = new FakeClock(new Date('2026-03-02T10:00:00Z')); // Monday 2 March 2026
const TODAY = '2026-03-02';
let t: TestApp;
let world: WorldChild[];
const child = (key: string) => world.find((c) => c.key === key)!;

beforeAll(async () => {
  t = await startTestApp({ clock });
  world = await buildWorld(t, TODAY);
}, 120_000);
afterAll(() => t?.close());

/** The page's hidden version field. */
const versionOn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';

describe('1. a manager relates to a child only through the teams they manage', () => {
  it('team.manager cannot open or change a case of the Eastgate team, which another manager manages', async () => {
    const s = await t.signIn('team.manager');
    const eastgate = child('eastgate');
    for (const url of [`/cases/${eastgate.caseId}`, `/people/${eastgate.personId}`, `/people/${eastgate.personId}/access-log`]) {
      const page = await s.get(url);
      expect(page.statusCode, url).toBe(403);
      expect(page.body).not.toContain(eastgate.canary.name);
    }
    for (const form of ['support', 'basis', 'close', 'court/fgdm', 'court/issue']) expect((await s.get(`/cases/${eastgate.caseId}/${form}`)).statusCode, form).toBe(403);
    // Saving what the tester saved: case support, a management oversight note, the authorisation of another team's note.
    const token = /name="_csrf" value="([^"]+)"/.exec((await s.get('/')).body)![1]!;
    expect((await s.postRaw(`/cases/${eastgate.caseId}/support`, { _csrf: token, version: '1', disabilityNeeds: 'Hacked', moneyWorries: 'yes' })).statusCode).toBe(403);
    expect(
      (await s.postRaw(`/cases/${eastgate.caseId}/notes`, { _csrf: token, kind: 'management_oversight', state: 'final', title: 'Oversight', body: 'Not mine to write', ...dateFields('occurred', TODAY) })).statusCode,
    ).toBe(403);
    expect((await s.postRaw(`/cases/${eastgate.caseId}/notes/${eastgate.noteId}/authorise`, { _csrf: token, version: '1' })).statusCode).toBe(403);
    expect(await rowsOf(t, "select count(*)::int as n from case_note where case_id = $1 and (kind = 'management_oversight' or state = 'authorised')", [eastgate.caseId])).toEqual([{ n: 0 }]);
    expect(await rowsOf(t, 'select disability_needs from family_help_case where id = $1', [eastgate.caseId])).toEqual([{ disability_needs: null }]);
  });

  it('the Eastgate manager can: the case is in their team', async () => {
    const s = await t.signIn('eastgate.manager');
    const eastgate = child('eastgate');
    expect((await s.get(`/cases/${eastgate.caseId}`)).statusCode).toBe(200);
    expect((await s.get(`/cases/${eastgate.caseId}/support`)).statusCode).toBe(200);
  });

  it('a manager reads, but does not change, what the workers they manage are allocated to', async () => {
    const s = await t.signIn('team.manager');
    // social.worker is allocated to a child with no case yet; cp.lead co-works an Eastgate case.
    expect((await s.get(`/people/${child('noCase').personId}`)).statusCode).toBe(200);
    const coworked = child('coworked');
    expect((await s.get(`/cases/${coworked.caseId}`)).statusCode).toBe(200);
    expect((await s.get(`/cases/${coworked.caseId}/support`)).statusCode).toBe(404); // not theirs to change: the form is not there
    expect([403, 404]).toContain((await s.get(`/cases/${coworked.caseId}/court/issue`)).statusCode);
  });
});

describe('2. lists, shares and relatives follow the record kind', () => {
  const names = (body: string) => world.filter((c) => body.includes(c.canary.name)).map((c) => c.key).sort();

  it('My work never names a restricted or sealed child to a worker off its list, even one allocated to them', async () => {
    expect(names((await (await t.signIn('social.worker')).get('/')).body)).toEqual(['noCase']);
    // family.help leads both cases but is on the sealed list only.
    const mine = names((await (await t.signIn('family.help')).get('/')).body);
    expect(mine).toContain('sealed');
    expect(mine).not.toContain('restricted');
    expect(mine).toContain('allocated');
  });

  it('the team view names neither to a manager off their lists', async () => {
    const team = names((await (await t.signIn('team.manager')).get('/team')).body);
    expect(team).toContain('allocated');
    expect(team).not.toContain('restricted');
    expect(team).not.toContain('sealed');
  });

  it('a partner off the list sees neither the share in their list nor the share itself', async () => {
    const police = await t.signIn('police.partner');
    expect(names((await police.get('/shared')).body)).toEqual(['allocated']);
    expect((await police.get(`/shared/${child('allocated').shareIds[0]}`)).statusCode).toBe(200);
    const restrictedShare = await police.get(`/shared/${child('restricted').shareIds[0]}`);
    expect(restrictedShare.statusCode).toBe(404);
    expect(restrictedShare.body).not.toContain(child('restricted').canary.name);
    const health = await t.signIn('health.partner');
    expect(names((await health.get('/shared')).body)).toEqual([]);
    expect((await health.get(`/shared/${child('sealed').shareIds[0]}`)).statusCode).toBe(404);
  });

  it('emergency access to a brother shows his network without his restricted or sealed sisters', async () => {
    const page = await (await t.signIn('placements.officer')).get(`/people/${child('sibling').personId}`);
    expect(page.statusCode).toBe(200);
    expect(names(page.body)).toEqual(['sibling', 'withheld']);
    expect(page.body).not.toContain(`/people/${child('restricted').personId}`);
  });

  it('a relative is linked only when the link would open their record: otherwise the name alone (issue 13, item 11)', async () => {
    const sibling = child('sibling');
    const withheld = child('withheld');
    // Emergency access to the brother: his brother is named, but the placements officer could not open that record.
    const emergency = await (await t.signIn('placements.officer')).get(`/people/${sibling.personId}`);
    expect(emergency.body).toContain(withheld.canary.name);
    expect(emergency.body).not.toContain(`href="/people/${withheld.personId}"`);
    expect((await (await t.signIn('placements.officer')).get(`/people/${withheld.personId}`)).statusCode).toBe(403);
    // Allocated to the brother, the lead of the withheld child's case follows the link.
    await t.db.superuser((c) => c.query("insert into allocation (id, person_id, user_id, la_code, capacity, from_date) select gen_random_uuid(), $1, id, '999', 'Social worker', $2 from user_account where username = 'family.help'", [sibling.personId, TODAY]));
    try {
      const lead = await t.signIn('family.help');
      const page = await lead.get(`/people/${sibling.personId}`);
      expect(page.body).toContain(`href="/people/${withheld.personId}"`);
      expect((await lead.get(`/people/${withheld.personId}`)).statusCode).toBe(200);
    } finally {
      await t.db.superuser((c) => c.query("delete from allocation where person_id = $1 and user_id = (select id from user_account where username = 'family.help')", [sibling.personId]));
    }
  });

  it('once on the list, they are named again', async () => {
    const restricted = child('restricted');
    await t.db.superuser((c) => c.query("insert into person_access (person_id, user_id, la_code, reason) select $1, id, '999', 'test' from user_account where username = 'police.partner'", [restricted.personId]));
    try {
      expect(names((await (await t.signIn('police.partner')).get('/shared')).body)).toEqual(['allocated', 'restricted']);
    } finally {
      await t.db.superuser((c) => c.query("delete from person_access where person_id = $1 and user_id = (select id from user_account where username = 'police.partner')", [restricted.personId]));
    }
  });
});

describe('3. every refusal of a signed-in request is audited, whatever the route says', () => {
  const deniedSince = async (seq: number) =>
    rowsOf(t, "select route, child_id, details->>'reason' as reason from audit_event where la_code = '999' and seq > $1 and outcome = 'denied' order by seq", [seq]);
  const head = async () => Number((await rowsOf(t, "select seq from audit_chain_head where la_code = '999'"))[0]!['seq']);

  it.each([
    ['a role that may not search', 'police.partner', 'GET', (): string => '/people?name=Ash'],
    ['a probe of a sealed record', 'social.worker', 'GET', (): string => `/people/${child('sealed').personId}`],
    ['another authority’s child', 'family.help', 'GET', (): string => `/people/${child('neighbour').personId}`],
    ['another authority’s case', 'family.help', 'GET', (): string => `/cases/${child('neighbour').caseId}`],
    ['an unknown case', 'family.help', 'GET', (): string => '/cases/00000000-0000-4000-8000-000000000000'],
    ['emergency access to a sealed record', 'placements.officer', 'GET', (): string => `/people/${child('sealed').personId}/emergency-access`],
    ['emergency access to a restricted record', 'placements.officer', 'POST', (): string => `/people/${child('restricted').personId}/emergency-access`],
    ['emergency access to another authority’s child', 'placements.officer', 'POST', (): string => `/people/${child('neighbour').personId}/emergency-access`],
    ['a role that may not decide at the front door', 'data.analyst', 'POST', (): string => '/front-door/00000000-0000-4000-8000-000000000000/decision'],
  ] as const)('%s', async (_what, username, method, url) => {
    const s = await t.signIn(username);
    const token = /name="_csrf" value="([^"]+)"/.exec((await s.get('/')).body)![1]!;
    const before = await head();
    const response = method === 'GET' ? await s.get(url()) : await s.postRaw(url(), { _csrf: token, reasonCode: 'child_missing', reason: 'Police report Ash missing since this evening, need contacts.' });
    expect([403, 404]).toContain(response.statusCode);
    expect((await deniedSince(before)).length).toBeGreaterThan(0);
  });

  it('a sealed record is "not found" to the user, and the audit trail knows which record was probed', async () => {
    const before = await head();
    await (await t.signIn('social.worker')).get(`/people/${child('sealed').personId}`);
    expect(await deniedSince(before)).toContainEqual({ route: null, child_id: child('sealed').personId, reason: 'sealed' });
  });

  it('a form sent with another session’s token is refused and audited', async () => {
    const a = await t.signIn('family.help');
    const b = await t.signIn('family.help');
    const tokenA = /name="_csrf" value="([^"]+)"/.exec((await a.get('/')).body)![1]!;
    // B's own CSRF cookie, A's token: the token is tied to A's session, so B's request is refused.
    const before = await head();
    const response = await b.postRaw('/people/new', { _csrf: tokenA, givenNames: 'Kit', familyName: 'Marlowe', 'dob-day': '1', 'dob-month': '1', 'dob-year': '2015', sex: 'M' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Your form has expired');
    expect((await deniedSince(before)).map((e) => e['reason'])).toContain('FST_CSRF_INVALID_TOKEN');
  });
});

describe('4. parallel writes succeed or answer 409, never 500', () => {
  it('ten people added at once each get their own LA person id', async () => {
    const s = await t.signIn('family.help');
    const token = /name="_csrf" value="([^"]+)"/.exec((await s.get('/people/new')).body)![1]!;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        s.postRaw('/people/new', { _csrf: token, givenNames: `Parallel${String.fromCharCode(65 + i)}`, familyName: 'Sandoval', 'dob-day': '3', 'dob-month': '3', 'dob-year': '2016', sex: 'F', confirm: 'new' }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(303));
    const ids = await rowsOf(t, "select la_person_id from person where family_name = 'Sandoval'");
    expect(new Set(ids.map((r) => r['la_person_id'])).size).toBe(10);
  });

  it('twenty decisions at once on one request: one decides, the others are told it is decided', async () => {
    const triager = await principalFor(t, 'social.worker');
    const requestId = await t.deps.frontDoor.submit(triager, 'staff', {
      source: '2A', asker: undefined, submitterName: 'Head teacher', submitterOrganisation: 'School', submitterPhone: undefined, submitterEmail: undefined,
      childGivenNames: 'Rowan', childFamilyName: 'Quickly', childDateOfBirth: '2015-01-01', childAddress: undefined, childPostcode: undefined, otherChildren: undefined,
      concerns: 'Worried', helpWanted: undefined, familyKnows: 'yes', honeypot: false,
    });
    const s = await t.signIn('social.worker');
    const form = await s.get(`/front-door/${requestId}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        s.postRaw(`/front-door/${requestId}/decision`, { _csrf: token, version: versionOn(form.body), person: 'new', decision: 'advice', reasons: 'Signposted to the family hub', consentBasis: 'consent_given' }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([303, ...Array(19).fill(409)]);
    expect(await rowsOf(t, "select count(*)::int as n from person where family_name = 'Quickly'")).toEqual([{ n: 1 }]);
  });
});

describe('5. inputs that gave 500 are refused at the field', () => {
  it('year 0000, or any year before 1900, in a date', async () => {
    const s = await t.signIn('family.help');
    const search = await s.get('/people?dob-day=1&dob-month=1&dob-year=0000');
    expect(search.statusCode).toBe(400);
    expect(search.body).toContain('Date of birth must be in 1900 or later');
    const person = await s.post('/people/new', { givenNames: 'Old', familyName: 'Timer', 'dob-day': '1', 'dob-month': '1', 'dob-year': '0000', sex: 'M' }, '/people/new');
    expect(person.statusCode).toBe(400);
    expect(person.body).toContain('Date of birth must be in 1900 or later');
    const allocated = child('allocated');
    const event = await s.post(`/people/${allocated.personId}/significant-events`, { 'occurred-day': '1', 'occurred-month': '1', 'occurred-year': '1899', category: 'family', title: 'Long ago' }, `/people/${allocated.personId}/significant-events/new`);
    expect(event.statusCode).toBe(400);
    expect(event.body).toContain('Date must be in 1900 or later');
    const context = await (await t.signIn('cp.lead')).post('/contexts/new', { kind: 'place', name: 'The old mill', description: 'Seen there', ...dateFields('identified', '0000-01-01') }, '/contexts/new');
    expect(context.statusCode).toBe(400);
    expect(context.body).toContain('must be in 1900 or later');
  });

  it.each(['abc', 'NaN', '1e308', '2147483648', '12345678901234567890', '-1'])('a form version of %s', async (version) => {
    const s = await t.signIn('family.help');
    const allocated = child('allocated');
    const token = /name="_csrf" value="([^"]+)"/.exec((await s.get('/')).body)![1]!;
    const support = await s.postRaw(`/cases/${allocated.caseId}/support`, { _csrf: token, version, disabilityNeeds: '', moneyWorries: 'no' });
    expect(support.statusCode).toBe(400);
    expect(support.body).toContain('This form has expired');
    const basis = await s.postRaw(`/cases/${allocated.caseId}/basis`, { _csrf: token, version, basis: 'early_help', ...dateFields('from', TODAY), reason: 'Stepping down' });
    expect(basis.statusCode).toBe(400);
    const manager = await t.signIn('team.manager');
    const managerToken = /name="_csrf" value="([^"]+)"/.exec((await manager.get('/')).body)![1]!;
    expect((await manager.postRaw(`/cases/${allocated.caseId}/notes/${allocated.noteId}/authorise`, { _csrf: managerToken, version })).statusCode).toBe(400);
  });
});

describe('7. for judgement', () => {
  it('an amount is read only when it is well formed: 12,34,56 is refused, 1,234.50 is £1,234.50', async () => {
    const s = await t.signIn('family.help');
    const allocated = child('allocated');
    const url = `/cases/${allocated.caseId}/financial-help`;
    const bad = await s.post(url, { ...dateFields('given', TODAY), amount: '12,34,56', kind: 'food' }, url);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Amount must be in pounds and pence');
    expect((await s.post(url, { ...dateFields('given', TODAY), amount: '£1,234.50', kind: 'food' }, url)).statusCode).toBe(303);
    expect(await rowsOf(t, 'select amount_pence from financial_help where case_id = $1', [allocated.caseId])).toEqual([{ amount_pence: 123450 }]);
  });

  it('bidirectional override characters are taken out of names', async () => {
    const s = await t.signIn('family.help');
    const response = await s.post('/people/new', { givenNames: 'Ali\u202Eecila', familyName: 'Str\u2066and', 'dob-day': '4', 'dob-month': '4', 'dob-year': '2017', sex: 'F', confirm: 'new' }, '/people/new');
    expect(response.statusCode).toBe(303);
    expect(await rowsOf(t, "select given_names, family_name from person where family_name like 'Str%and'")).toEqual([{ given_names: 'Aliecila', family_name: 'Strand' }]);
  });
});

describe('restricting and sealing a record, and keeping its access list', () => {
  const tokenOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)![1]!;

  it('the manager of the team holding the case restricts it: its workers and the manager stay on the list, the rest of the team is told only that it exists', async () => {
    const withheld = child('withheld');
    const manager = await t.signIn('team.manager');
    const page = await manager.get(`/people/${withheld.personId}/access`);
    expect(page.statusCode).toBe(200);
    const saved = await manager.postRaw(`/people/${withheld.personId}/access`, { _csrf: tokenOf(page.body), version: versionOn(page.body), action: 'kind', kind: 'restricted', kindReason: 'Her mother works in the Northfield team' });
    expect(saved.statusCode).toBe(303);
    const list = await rowsOf(t, 'select u.username from person_access a join user_account u on u.id = a.user_id where a.person_id = $1 order by 1', [withheld.personId]);
    expect(list.map((r) => r['username'])).toEqual(['family.help', 'team.manager']);
    expect((await (await t.signIn('family.help')).get(`/people/${withheld.personId}`)).statusCode).toBe(200);
    const colleague = await t.signIn('social.worker');
    expect((await colleague.get(`/people/${withheld.personId}`)).statusCode).toBe(403);
    const search = await colleague.get(`/people?name=${encodeURIComponent(`Ash ${withheld.canary.name}`)}`);
    expect(search.body).toContain('A restricted record matches this search');
    expect(search.body).not.toContain(`/people/${withheld.personId}`);
    expect(await rowsOf(t, "select details->>'from' as from, details->>'to' as to from audit_event where action = 'record_kind_changed' and child_id = $1", [withheld.personId])).toEqual([{ from: 'ordinary', to: 'restricted' }]);
  });

  it('a manager may not seal a record, nor change a record their team does not hold', async () => {
    const withheld = child('withheld');
    const manager = await t.signIn('team.manager');
    const page = await manager.get(`/people/${withheld.personId}/access`);
    const seal = await manager.postRaw(`/people/${withheld.personId}/access`, { _csrf: tokenOf(page.body), version: versionOn(page.body), action: 'kind', kind: 'sealed', kindReason: 'Adopted' });
    expect(seal.statusCode).toBe(403);
    expect((await manager.get(`/people/${child('eastgate').personId}/access`)).statusCode).toBe(403);
    expect((await manager.get(`/people/${child('noCase').personId}/access`)).statusCode).toBe(403); // supervises only: reads, does not restrict
    expect((await (await t.signIn('family.help')).get(`/people/${withheld.personId}/access`)).statusCode).toBe(403);
    expect(await rowsOf(t, 'select record_kind from person where id = $1', [withheld.personId])).toEqual([{ record_kind: 'restricted' }]);
  });

  it('two tabs: the second save, made from what the first changed, changes nothing and says so', async () => {
    const withheld = child('withheld');
    const manager = await t.signIn('team.manager');
    const [tab1, tab2] = [await manager.get(`/people/${withheld.personId}/access`), await manager.get(`/people/${withheld.personId}/access`)];
    const socialWorker = (await principalFor(t, 'social.worker')).userId;
    const familyHelp = (await principalFor(t, 'family.help')).userId;
    const added = await manager.postRaw(`/people/${withheld.personId}/access`, { _csrf: tokenOf(tab1.body), version: versionOn(tab1.body), action: 'add', userId: socialWorker, addReason: 'Covering visits while Priya is away' });
    expect(added.statusCode).toBe(303);
    const again = await manager.postRaw(`/people/${withheld.personId}/access`, { _csrf: tokenOf(tab1.body), version: versionOn(tab1.body), action: 'add', userId: socialWorker, addReason: 'Covering visits while Priya is away' });
    expect(again.statusCode).toBe(409); // a second submit of the same form
    const stale = await manager.postRaw(`/people/${withheld.personId}/access`, { _csrf: tokenOf(tab2.body), version: versionOn(tab2.body), action: 'remove', userId: familyHelp });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed who can open this record');
    const list = await rowsOf(t, 'select u.username, a.granted_by_name from person_access a join user_account u on u.id = a.user_id where a.person_id = $1 order by 1', [withheld.personId]);
    expect(list).toEqual([
      { username: 'family.help', granted_by_name: 'Marcus Reid' },
      { username: 'social.worker', granted_by_name: 'Marcus Reid' },
      { username: 'team.manager', granted_by_name: 'Marcus Reid' },
    ]);
    const bad = await manager.postRaw(`/people/${withheld.personId}/access`, { _csrf: tokenOf(tab1.body), version: versionOn((await manager.get(`/people/${withheld.personId}/access`)).body), action: 'add', userId: '', addReason: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select who to add to the list');
  });

  it('the privacy officer finds a record by its LA person ID and seals it; then only its list knows it exists', async () => {
    const withheld = child('withheld');
    const admin = await t.signIn('admin');
    const [row] = await rowsOf(t, 'select la_person_id from person where id = $1', [withheld.personId]);
    const found = await admin.get(`/record-access?laPersonId=${String(row!["la_person_id"])}`);
    expect(found.statusCode).toBe(303);
    expect(found.headers.location).toBe(`/people/${withheld.personId}/access`);
    expect((await admin.get('/record-access?laPersonId=NOSUCH1')).statusCode).toBe(400);
    const page = await admin.get(`/people/${withheld.personId}/access`);
    expect(page.statusCode).toBe(200);
    expect((await admin.postRaw(`/people/${withheld.personId}/access`, { _csrf: tokenOf(page.body), version: versionOn(page.body), action: 'kind', kind: 'sealed', kindReason: 'Adoption order made' })).statusCode).toBe(303);
    const list = await admin.get('/record-access');
    expect(list.body).toContain(withheld.canary.name);
    expect(list.body).toMatch(/Sealed<\/td>/);
    // Still on the list: opens. Off it: not found, and not in search at all.
    expect((await (await t.signIn('family.help')).get(`/people/${withheld.personId}`)).statusCode).toBe(200);
    expect((await (await t.signIn('cp.lead')).get(`/people/${withheld.personId}`)).statusCode).toBe(404);
    const search = await (await t.signIn('cp.lead')).get(`/people?name=${encodeURIComponent(`Ash ${withheld.canary.name}`)}`);
    expect(search.body).not.toContain('A restricted record matches this search');
    // A manager on the list may read it, but only the privacy officer changes a sealed record's list.
    const managerPage = await (await t.signIn('team.manager')).get(`/people/${withheld.personId}/access`);
    expect(managerPage.statusCode).toBe(200);
    expect(managerPage.body).toContain('Only the privacy officer can change who can open it');
  });
});

describe('a form sent more than once is acted on once', () => {
  it('twenty identical case notes sent at once make one note; the repeats are told, and a refresh afterwards goes where the first went', async () => {
    const allocated = child('allocated');
    const s = await t.signIn('family.help');
    const form = await s.get(`/cases/${allocated.caseId}/notes/new`);
    const fields = {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!,
      _submission: /name="_submission" value="([^"]+)"/.exec(form.body)![1]!,
      kind: 'case_note', state: 'final', title: 'Phone call with school', body: 'Ash was in every day this week.', ...dateFields('occurred', TODAY),
    };
    const responses = await Promise.all(Array.from({ length: 20 }, () => s.postRaw(`/cases/${allocated.caseId}/notes`, fields)));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((st) => st === 303).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((st) => st === 303 || st === 409)).toBe(true);
    expect(responses.find((r) => r.statusCode === 409)?.body ?? 'This form has already been sent').toContain('This form has already been sent');
    expect(await rowsOf(t, "select count(*)::int as n from case_note where case_id = $1 and title = 'Phone call with school'", [allocated.caseId])).toEqual([{ n: 1 }]);
    const refresh = await s.postRaw(`/cases/${allocated.caseId}/notes`, fields);
    expect(refresh.statusCode).toBe(303);
    expect(refresh.headers.location).toBe(responses.find((r) => r.statusCode === 303)!.headers.location);
    expect(await rowsOf(t, "select count(*)::int as n from case_note where case_id = $1 and title = 'Phone call with school'", [allocated.caseId])).toEqual([{ n: 1 }]);
  });

  it('a form with an error can be corrected and sent again; another user cannot replay someone’s form', async () => {
    const allocated = child('allocated');
    const s = await t.signIn('family.help');
    const form = await s.get(`/cases/${allocated.caseId}/notes/new`);
    const base = { _csrf: /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!, _submission: /name="_submission" value="([^"]+)"/.exec(form.body)![1]!, kind: 'case_note', state: 'final', ...dateFields('occurred', TODAY) };
    expect((await s.postRaw(`/cases/${allocated.caseId}/notes`, { ...base, title: 'Second call' })).statusCode).toBe(400);
    expect((await s.postRaw(`/cases/${allocated.caseId}/notes`, { ...base, title: 'Second call', body: 'All well.' })).statusCode).toBe(303);
    const other = await t.signIn('social.worker');
    const otherToken = /name="_csrf" value="([^"]+)"/.exec((await other.get('/')).body)![1]!;
    const replay = await other.postRaw(`/cases/${allocated.caseId}/notes`, { ...base, _csrf: otherToken, title: 'Second call', body: 'All well.' });
    expect(replay.statusCode).toBe(409);
    expect(await rowsOf(t, "select count(*)::int as n from case_note where case_id = $1 and title = 'Second call'", [allocated.caseId])).toEqual([{ n: 1 }]);
  });
});
