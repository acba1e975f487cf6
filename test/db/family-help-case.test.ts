// The Family Help case: one continuous case with one lead practitioner; assessment, plan,
// reviews, a change of basis that keeps the case and the worker, closure and re-referral;
// recording with drafts, final notes, authorisation, recording time and stale-save conflicts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/platform/clock.ts';
import { buildPerson, insertPeople } from '../builders/people.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { dateFields, principalOf, rowsOf, summaryFields, userIdOf } from '../support/records.ts';

const clock = new FakeClock(new Date('2026-03-02T10:00:00Z')); // Monday 2 March 2026
let t: TestApp;
let lead: Session; // family.help, the lead practitioner
let other: Session; // social.worker: same team, not allocated
let manager: Session;
let caseId = '';
const child = buildPerson({ givenNames: 'Jade', familyName: 'Okafor-Lane', dateOfBirth: '2015-05-05', sex: 'F' });
const CANARY = 'ZZCANARY';
/** The organisation on the principals this test calls the services as. */
const ORGANISATION = 'Demo Borough Council Children’s Services';

const signInAll = async () => {
  [lead, other, manager] = await Promise.all([t.signIn('family.help'), t.signIn('social.worker'), t.signIn('team.manager')]);
};

beforeAll(async () => {
  t = await startTestApp({ clock });
  await insertPeople(t.db.database, [child]);
  const triager = await principalOf(t, 'social.worker', ORGANISATION);
  const requestId = await t.deps.frontDoor.submit(triager, 'staff', {
    source: '2A', asker: undefined, submitterName: 'Head teacher', submitterOrganisation: 'Oakfield', submitterPhone: undefined, submitterEmail: undefined,
    childGivenNames: 'Jade', childFamilyName: 'Okafor-Lane', childDateOfBirth: '2015-05-05', childAddress: undefined, childPostcode: undefined, otherChildren: undefined,
    concerns: 'Late most days', helpWanted: undefined, familyKnows: 'yes', honeypot: false,
  });
  const decided = await t.deps.frontDoor.decide(triager, requestId, {
    version: 1, person: child.id, decision: 'family_help', reasons: 'Attendance', childViews: undefined, familyViews: undefined, consentBasis: 'consent_given',
    leadUserId: await userIdOf(t, 'family.help'), primaryNeed: 'N4', basis: 'early_help',
  });
  caseId = decided.caseId!;
  await signInAll();
});
afterAll(() => t.close());

describe('the case', () => {
  it('opens for its lead, read only for their team and its manager, and not at all outside the team', async () => {
    expect((await lead.get(`/cases/${caseId}`)).statusCode).toBe(200);
    for (const reader of [manager, other]) {
      const page = await reader.get(`/cases/${caseId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('Start an assessment'); // read only
    }
    expect((await other.get(`/cases/${caseId}/plan`)).statusCode).toBe(404);
    const refused = await (await t.signIn('cp.lead')).get(`/cases/${caseId}`); // another team
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('Jade');
    for (const partner of ['school.partner', 'police.partner']) expect((await (await t.signIn(partner)).get(`/cases/${caseId}`)).statusCode, partner).toBe(403);
  });

  it('a form that does not apply to the case as it stands is not there, when opened as when sent: no assessment to complete, no plan to review', async () => {
    // Before, these were checked only when the form was sent: opening one showed a broken page (an assessment "Started" on no date).
    for (const path of ['assessment', 'review']) {
      expect((await lead.get(`/cases/${caseId}/${path}`)).statusCode, path).toBe(404);
      expect((await lead.post(`/cases/${caseId}/${path}`, {}, `/cases/${caseId}/${path}`)).statusCode, path).toBe(404);
    }
  });

  it('an assessment checks its dates and the CIN census factor rules when it is saved, then completes', async () => {
    expect((await lead.post(`/cases/${caseId}/assessment/start`, dateFields('started', '2026-03-02'))).statusCode).toBe(303);
    clock.set(new Date('2026-03-20T10:00:00Z'));
    await signInAll();
    const version = /name="version" value="(\d+)"/.exec((await lead.get(`/cases/${caseId}/assessment`)).body)?.[1] ?? '';
    const bad = await lead.post(`/cases/${caseId}/assessment`, { version, ...dateFields('completed', '2026-02-27'), factors: ['21', '4B'], childSeen: 'no', childSeenAlone: 'yes' }, `/cases/${caseId}/assessment`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The date the assessment was completed must be on or after the day it started (2 March 2026)');
    expect(bad.body).toContain('‘No factors identified’ cannot be selected with other factors');
    expect(bad.body).toContain('Select ‘No’ if the child was not seen at all, or change ‘Was the child seen?’ to ‘Yes’');
    expect(summaryFields(bad.body)).toEqual(['completed', 'factors', 'childSeenAlone', 'childViews', 'analysis']);
    expect((await rowsOf(t, 'select completed_on from assessment where case_id = $1', [caseId]))[0]!['completed_on']).toBeNull();

    // Written over weeks: a draft keeps what is there so far, with nothing required yet, and the assessment stays open.
    const draft = await lead.post(`/cases/${caseId}/assessment`, { version, action: 'draft', factors: ['4B'], childSeen: 'yes', childViews: 'I look after my little brother.' }, `/cases/${caseId}/assessment`);
    expect(draft.statusCode).toBe(303);
    expect(draft.headers.location).toBe(`/cases/${caseId}?saved=assessment-draft`);
    expect(await rowsOf(t, 'select completed_on, factors, child_seen, child_seen_alone, child_views from assessment where case_id = $1', [caseId])).toEqual([{ completed_on: null, factors: ['4B'], child_seen: true, child_seen_alone: null, child_views: 'I look after my little brother.' }]);
    const reopened = await lead.get(`/cases/${caseId}/assessment`);
    expect(reopened.body).toContain('I look after my little brother.</textarea>');
    expect(reopened.body).toMatch(/value="4B" checked/);
    const draftVersion = /name="version" value="(\d+)"/.exec(reopened.body)?.[1] ?? '';
    expect(draftVersion).not.toBe(version);
    // A stale draft save (the version before) changes nothing.
    expect((await lead.post(`/cases/${caseId}/assessment`, { version, action: 'draft', childViews: 'Old tab' }, `/cases/${caseId}/assessment`)).statusCode).toBe(409);

    const ok = await lead.post(
      `/cases/${caseId}/assessment`,
      { version: draftVersion, ...dateFields('completed', '2026-03-19'), factors: ['4B', '7A'], childSeen: 'yes', childSeenAlone: 'yes', childViews: 'I look after my little brother in the mornings.', analysis: 'Mum is unwell; Jade is a young carer.' },
      `/cases/${caseId}/assessment`,
    );
    expect(ok.statusCode).toBe(303);
    expect(await rowsOf(t, 'select completed_on::text, factors, child_seen_alone from assessment where case_id = $1', [caseId])).toEqual([{ completed_on: '2026-03-19', factors: ['4B', '7A'], child_seen_alone: true }]);
    const page = await lead.get(`/cases/${caseId}`);
    expect(page.body).toContain('I look after my little brother in the mornings.');
    expect(page.body).toMatch(/Agree the Family Help plan[\s\S]*?Due 2 April 2026/); // 10 working days after 19 March
  });

  it('a plan needs a goal and an owner for every action; then reviews are due every 3 months', async () => {
    const bad = await lead.post(`/cases/${caseId}/plan`, { ...dateFields('started', '2026-03-20'), action0: 'Walk to school together', ownerName0: '' }, `/cases/${caseId}/plan`);
    expect(bad.statusCode).toBe(400);
    expect(summaryFields(bad.body)).toEqual(['goal0', 'action0', 'owner0', 'ownerName0'].filter((f) => f !== 'action0'));
    const ok = await lead.post(
      `/cases/${caseId}/plan`,
      { ...dateFields('started', '2026-03-20'), goal0: 'Jade gets to school on time every day', action0: 'Young carers group on Tuesdays', owner0: 'partner', ownerName0: 'Carers Trust', action1: 'Mum sees her GP', owner1: 'family', ownerName1: 'Mum' },
      `/cases/${caseId}/plan`,
    );
    expect(ok.statusCode).toBe(303);
    const page = await lead.get(`/cases/${caseId}`);
    expect(page.body).toContain('Jade gets to school on time every day');
    expect(page.body).toMatch(/Review the Family Help plan[\s\S]*?Due 20 June 2026/);
    expect((await lead.post(`/cases/${caseId}/review`, { ...dateFields('reviewed', '2026-03-20'), progress: 'On time four days out of five.', childViews: 'Better.' }, `/cases/${caseId}/review`)).statusCode).toBe(303);
    expect((await lead.get(`/cases/${caseId}`)).body).toContain('On time four days out of five.');
  });

  it('changes basis without closing the case or changing the worker; a stale change is refused', async () => {
    const version = /name="version" value="(\d+)"/.exec((await lead.get(`/cases/${caseId}/basis`)).body)?.[1] ?? '';
    const same = await lead.post(`/cases/${caseId}/basis`, { version, basis: 'early_help', ...dateFields('from', '2026-03-20'), reason: 'x' }, `/cases/${caseId}/basis`);
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('select the other basis');
    expect((await lead.post(`/cases/${caseId}/basis`, { version, basis: 'section_17', ...dateFields('from', '2026-03-20'), reason: 'Mum’s health is worse; Jade is a child in need.' }, `/cases/${caseId}/basis`)).statusCode).toBe(303);
    expect(await rowsOf(t, 'select basis, from_date::text, to_date::text from case_basis where case_id = $1 order by from_date', [caseId])).toEqual([
      { basis: 'early_help', from_date: '2026-03-02', to_date: '2026-03-19' },
      { basis: 'section_17', from_date: '2026-03-20', to_date: null },
    ]);
    expect(await rowsOf(t, 'select lead_practitioner_name, closed_on from family_help_case where person_id = $1', [child.id])).toEqual([{ lead_practitioner_name: 'Priya Shah', closed_on: null }]);
    // A new basis starts after the current one began, never on the same day.
    const sameDay = await lead.post(`/cases/${caseId}/basis`, { version: String(Number(version) + 1), basis: 'early_help', ...dateFields('from', '2026-03-20'), reason: 'Back again' }, `/cases/${caseId}/basis`);
    expect(sameDay.statusCode).toBe(400);
    expect(sameDay.body).toContain('The date the change applies from must be on or after 21 March 2026');
    clock.set(new Date('2026-03-23T10:00:00Z'));
    await signInAll();
    const stale = await lead.post(`/cases/${caseId}/basis`, { version, basis: 'early_help', ...dateFields('from', '2026-03-23'), reason: 'Back again' }, `/cases/${caseId}/basis`);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed this case while you were working on it');
    // Under section 17 the child must be seen: a visit is now due.
    expect((await lead.get(`/cases/${caseId}`)).body).toMatch(/Visit the child[\s\S]*?Due/);
  });
});

describe('recording', () => {
  let noteId = '';
  it('saves a draft only its author sees, then final, counting the time spent recording', async () => {
    const form = await lead.get(`/cases/${caseId}/notes/new?kind=visit`);
    const openedAt = /name="openedAt" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    clock.advance(6 * 60_000);
    const missing = await lead.post(`/cases/${caseId}/notes`, { kind: 'visit', openedAt, state: 'final', ...dateFields('occurred', '2026-03-20'), title: 'Home visit' }, `/cases/${caseId}/notes/new?kind=visit`);
    // In the order the page shows them: the error summary reads down the form.
    expect(summaryFields(missing.body)).toEqual(['childSeen', 'childSeenAlone', 'body']);
    const draft = await lead.post(
      `/cases/${caseId}/notes`,
      { kind: 'visit', openedAt, state: 'draft', ...dateFields('occurred', '2026-03-20'), title: 'Home visit', body: `Saw Jade and her brother. ${CANARY}-draft`, childSeen: 'yes', childSeenAlone: 'no' },
      `/cases/${caseId}/notes/new?kind=visit`,
    );
    expect(draft.statusCode).toBe(303);
    const [note] = await rowsOf(t, 'select id, state, recording_seconds, version from case_note where case_id = $1', [caseId]);
    noteId = String(note!['id']);
    expect(note).toMatchObject({ state: 'draft', recording_seconds: 360 });
    expect((await manager.get(`/cases/${caseId}`)).body).not.toContain(`${CANARY}-draft`);
    expect((await lead.get(`/cases/${caseId}`)).body).toContain(`${CANARY}-draft`);
    // Nobody else may carry on with it.
    expect((await manager.get(`/cases/${caseId}/notes/${noteId}`)).statusCode).toBe(404);
  });

  it('a stale save of the draft shows both versions and changes nothing', async () => {
    const open1 = await lead.get(`/cases/${caseId}/notes/${noteId}`);
    const version = /name="version" value="(\d+)"/.exec(open1.body)?.[1] ?? '';
    const openedAt = /name="openedAt" value="(\d+)"/.exec(open1.body)?.[1] ?? '';
    const fields = (body: string, state: string) => ({ version, openedAt, state, ...dateFields('occurred', '2026-03-20'), title: 'Home visit', body, childSeen: 'yes', childSeenAlone: 'no' });
    expect((await lead.post(`/cases/${caseId}/notes/${noteId}`, fields('First tab: Jade was cheerful.', 'draft'), `/cases/${caseId}/notes/${noteId}`)).statusCode).toBe(303);
    const before = await rowsOf(t, 'select body, version from case_note where id = $1', [noteId]);
    const conflict = await lead.post(`/cases/${caseId}/notes/${noteId}`, fields('Second tab: Jade was quiet.', 'draft'), `/cases/${caseId}/notes/${noteId}`);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toMatch(/saved now[\s\S]*First tab: Jade was cheerful\.[\s\S]*Your version[\s\S]*Second tab: Jade was quiet\./);
    expect(await rowsOf(t, 'select body, version from case_note where id = $1', [noteId])).toEqual(before);
    // Saving again from the conflict page (it carries the new version) goes through, as final.
    const newVersion = /name="version" value="(\d+)"/.exec(conflict.body)?.[1] ?? '';
    expect((await lead.post(`/cases/${caseId}/notes/${noteId}`, { ...fields('Second tab: Jade was quiet.', 'final'), version: newVersion }, `/cases/${caseId}/notes/${noteId}`)).statusCode).toBe(303);
    expect((await rowsOf(t, 'select state, body from case_note where id = $1', [noteId]))[0]).toEqual({ state: 'final', body: 'Second tab: Jade was quiet.' });
    expect((await lead.get(`/cases/${caseId}/notes/${noteId}`)).statusCode).toBe(404); // final: no longer edited
  });

  it('the manager authorises a final note and records oversight; the practitioner can do neither', async () => {
    const [note] = await rowsOf(t, 'select version from case_note where id = $1', [noteId]);
    const token = /name="_csrf" value="([^"]+)"/.exec((await lead.get(`/cases/${caseId}`)).body)?.[1] ?? '';
    expect((await lead.postRaw(`/cases/${caseId}/notes/${noteId}/authorise`, { _csrf: token, version: String(note!['version']) })).statusCode).toBe(403);
    const page = await manager.get(`/cases/${caseId}`);
    expect(page.body).toContain('Authorise');
    expect((await manager.post(`/cases/${caseId}/notes/${noteId}/authorise`, { version: String(note!['version']) }, `/cases/${caseId}`)).statusCode).toBe(303);
    expect((await rowsOf(t, 'select state, authorised_by_name from case_note where id = $1', [noteId]))[0]).toEqual({ state: 'authorised', authorised_by_name: 'Marcus Reid' });

    const oversight = await manager.post(
      `/cases/${caseId}/notes`,
      { kind: 'management_oversight', state: 'final', ...dateFields('occurred', '2026-03-20'), title: 'Supervision', body: 'Plan is right; review in 6 weeks.' },
      `/cases/${caseId}/notes/new?kind=management_oversight`,
    );
    expect(oversight.statusCode).toBe(303);
    expect((await lead.get(`/cases/${caseId}/notes/new?kind=management_oversight`)).statusCode).toBe(404);
    const token2 = /name="_csrf" value="([^"]+)"/.exec((await lead.get(`/cases/${caseId}`)).body)?.[1] ?? '';
    expect((await lead.postRaw(`/cases/${caseId}/notes`, { _csrf: token2, kind: 'management_oversight', state: 'final', ...dateFields('occurred', '2026-03-20'), title: 'Self-oversight', body: 'x' })).statusCode).toBe(404); // as the form: not there for them
    expect(await rowsOf(t, "select author_name from case_note where kind = 'management_oversight'")).toEqual([{ author_name: 'Marcus Reid' }]);
  });
});

describe('correcting the record', () => {
  const visit = (body: string, extra: Record<string, string> = {}) => ({ kind: 'visit', state: 'final', ...dateFields('occurred', '2026-03-21'), title: 'Saturday visit', body, childSeen: 'yes', childSeenAlone: 'yes', ...extra });
  const noteTitled = async (title: string) => {
    const row = (await rowsOf(t, 'select id, version, state, body from case_note where case_id = $1 and title = $2', [caseId, title]))[0]!;
    return { id: String(row['id']), version: Number(row['version']), state: String(row['state']), body: String(row['body']) };
  };

  it('a draft saved as final in one tab: saving the other tab keeps what was typed and offers it as an amendment, with a reason', async () => {
    expect((await lead.post(`/cases/${caseId}/notes`, visit('Tab draft.', { state: 'draft' }), `/cases/${caseId}/notes/new?kind=visit`)).statusCode).toBe(303);
    const draft = await noteTitled('Saturday visit');
    const tab1 = await lead.get(`/cases/${caseId}/notes/${draft['id']}`);
    const tab2 = await lead.get(`/cases/${caseId}/notes/${draft['id']}`);
    const versionOf = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';
    expect((await lead.post(`/cases/${caseId}/notes/${draft['id']}`, { ...visit('First tab, final.'), version: versionOf(tab1.body) }, `/cases/${caseId}/notes/${draft['id']}`)).statusCode).toBe(303);
    const stale = await lead.post(`/cases/${caseId}/notes/${draft['id']}`, { ...visit(`Second tab, typed for ten minutes. ${CANARY}-typed`), version: versionOf(tab2.body) }, `/cases/${caseId}`);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('This note was saved as final while you were editing it');
    expect(stale.body).toContain(`${CANARY}-typed`);
    expect(stale.body).toContain(`action="/cases/${caseId}/notes/${draft['id']}/amend"`);
    expect(stale.body).toContain('Why are you amending the note?');
    expect((await noteTitled('Saturday visit'))['body']).toBe('First tab, final.');

    // Without a reason, nothing changes; with one, the amendment is saved and the first version kept.
    const version = versionOf(stale.body);
    const noReason = await lead.post(`/cases/${caseId}/notes/${draft['id']}/amend`, { ...visit(`Second tab. ${CANARY}-typed`), version }, `/cases/${caseId}`);
    expect(noReason.statusCode).toBe(400);
    expect(summaryFields(noReason.body)).toEqual(['reason']);
    const amended = await lead.post(`/cases/${caseId}/notes/${draft['id']}/amend`, { ...visit(`Second tab. ${CANARY}-typed`), version, reason: 'The other tab had the fuller account' }, `/cases/${caseId}`);
    expect(amended.statusCode).toBe(303);
    expect(await noteTitled('Saturday visit')).toMatchObject({ state: 'final', body: `Second tab. ${CANARY}-typed` });
    expect(await rowsOf(t, 'select body, reason, amended_by_name from case_note_amendment where note_id = $1', [draft['id']])).toEqual([{ body: 'First tab, final.', reason: 'The other tab had the fuller account', amended_by_name: 'Priya Shah' }]);
    const page = (await lead.get(`/cases/${caseId}`)).body;
    expect(page).toContain('What it said before (1 amendment)');
    expect(page).toMatch(/Why: The other tab had the fuller account[\s\S]*First tab, final\./);
    expect((await t.deps.audit.recent('999', 5)).some((e) => e.action === 'case_note_amended' && e.outcome === 'success')).toBe(true);
    // The same amendment sent again (a stale version) changes nothing more.
    const again = await lead.post(`/cases/${caseId}/notes/${draft['id']}/amend`, { ...visit('Third.'), version, reason: 'Again' }, `/cases/${caseId}`);
    expect(again.statusCode).toBe(409);
    expect(await rowsOf(t, 'select count(*)::int as n from case_note_amendment where note_id = $1', [draft['id']])).toEqual([{ n: 1 }]);
  });

  it('only the author amends; an authorised note amended needs authorising again', async () => {
    const [authorised] = await rowsOf(t, "select id from case_note where case_id = $1 and state = 'authorised' and kind = 'visit'", [caseId]);
    const id = String(authorised!['id']);
    expect((await other.get(`/cases/${caseId}/notes/${id}/amend`)).statusCode).toBe(404);
    expect((await manager.get(`/cases/${caseId}/notes/${id}/amend`)).statusCode).toBe(404);
    const form = await lead.get(`/cases/${caseId}/notes/${id}/amend`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('An amended note needs authorising again.');
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    expect((await lead.post(`/cases/${caseId}/notes/${id}/amend`, { ...visit('Second tab: Jade was quiet, then laughed at the dog.'), ...dateFields('occurred', '2026-03-20'), title: 'Home visit', childSeenAlone: 'no', version, reason: 'Added what happened at the end' }, `/cases/${caseId}/notes/${id}/amend`)).statusCode).toBe(303);
    expect((await rowsOf(t, 'select state, authorised_by_name from case_note where id = $1', [id]))[0]).toEqual({ state: 'final', authorised_by_name: null });
  });

  it('a note recorded in error stays on the record, marked, and no longer counts as a visit', async () => {
    expect((await lead.post(`/cases/${caseId}/notes`, visit('Wrong child: this was Jayden’s visit.', { title: 'Visit for the wrong child', ...dateFields('occurred', '2026-03-22') }), `/cases/${caseId}/notes/new?kind=visit`)).statusCode).toBe(303);
    const wrong = await noteTitled('Visit for the wrong child');
    const lastSeen = async () => (await rowsOf(t, "select max(occurred_on)::text as d from case_note where case_id = $1 and kind = 'visit' and child_seen and recorded_in_error_at is null", [caseId]))[0]!['d'];
    expect(await lastSeen()).toBe('2026-03-22');
    expect((await lead.get(`/people/${child.id}`)).body).toContain('Visit for the wrong child');
    // Someone not allocated may not; the reason is needed.
    expect((await other.get(`/cases/${caseId}/notes/${wrong['id']}/in-error`)).statusCode).toBe(404);
    const form = await lead.get(`/cases/${caseId}/notes/${wrong['id']}/in-error`);
    expect(form.statusCode).toBe(200);
    const noReason = await lead.post(`/cases/${caseId}/notes/${wrong['id']}/in-error`, { version: String(wrong['version']) }, `/cases/${caseId}/notes/${wrong['id']}/in-error`);
    expect(noReason.statusCode).toBe(400);
    expect(summaryFields(noReason.body)).toEqual(['reason']);
    expect((await lead.post(`/cases/${caseId}/notes/${wrong['id']}/in-error`, { version: String(wrong['version']), reason: 'Recorded on the wrong child’s case' }, `/cases/${caseId}/notes/${wrong['id']}/in-error`)).statusCode).toBe(303);
    const page = (await lead.get(`/cases/${caseId}`)).body;
    expect(page).toContain('Recorded in error');
    expect(page).toContain('Marked as recorded in error by Priya Shah');
    expect(page).toContain('Wrong child: this was Jayden’s visit.'); // kept, marked
    expect((await lead.get(`/people/${child.id}`)).body).not.toContain('Visit for the wrong child');
    expect((await lead.get(`/cases/${caseId}/notes/${wrong['id']}/in-error`)).statusCode).toBe(404); // once
    expect((await lead.get(`/cases/${caseId}/notes/${wrong['id']}/amend`)).statusCode).toBe(404);
    expect(await rowsOf(t, 'select recorded_in_error_by_name, recorded_in_error_reason from case_note where id = $1', [wrong['id']])).toEqual([{ recorded_in_error_by_name: 'Priya Shah', recorded_in_error_reason: 'Recorded on the wrong child’s case' }]);
    // The manager may mark one too.
    const oversight = String((await rowsOf(t, "select id from case_note where case_id = $1 and kind = 'management_oversight'", [caseId]))[0]!['id']);
    expect((await manager.get(`/cases/${caseId}/notes/${oversight}/in-error`)).statusCode).toBe(200);
  });
});

describe('disability and money', () => {
  it('records a disabled child’s needs and money worries on the case, and financial help given, with GOV.UK errors first', async () => {
    const version = /name="version" value="(\d+)"/.exec((await lead.get(`/cases/${caseId}/support`)).body)?.[1] ?? '';
    const missing = await lead.post(`/cases/${caseId}/support`, { version, disabilityNeeds: 'Short breaks' }, `/cases/${caseId}/support`);
    expect(summaryFields(missing.body)).toEqual(['moneyWorries']);
    expect((await lead.post(`/cases/${caseId}/support`, { version, disabilityNeeds: 'Short breaks; a quiet space at school', moneyWorries: 'yes' }, `/cases/${caseId}/support`)).statusCode).toBe(303);
    expect(await rowsOf(t, 'select disability_needs, money_worries from family_help_case where id = $1', [caseId])).toEqual([{ disability_needs: 'Short breaks; a quiet space at school', money_worries: true }]);

    const bad = await lead.post(`/cases/${caseId}/financial-help`, { ...dateFields('given', '2026-03-23'), amount: '12.345', kind: 'nonsense' }, `/cases/${caseId}/financial-help`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Amount must be in pounds and pence, like 25.50');
    expect(summaryFields(bad.body)).toEqual(['amount', 'kind']);
    expect(await rowsOf(t, 'select * from financial_help where case_id = $1', [caseId])).toEqual([]);
    for (const [amount, kind] of [['£1,200', 'household_support'], ['25.5', 'food']] as const) {
      expect((await lead.post(`/cases/${caseId}/financial-help`, { ...dateFields('given', '2026-03-23'), amount, kind }, `/cases/${caseId}/financial-help`)).statusCode).toBe(303);
    }
    expect(await rowsOf(t, 'select amount_pence, kind from financial_help where case_id = $1 order by amount_pence', [caseId])).toEqual([
      { amount_pence: 2550, kind: 'food' },
      { amount_pence: 120000, kind: 'household_support' },
    ]);
    const page = await lead.get(`/cases/${caseId}`);
    expect(page.body).toContain('Financial help given: £1,225.50 in all');
    expect(page.body).toContain('Short breaks; a quiet space at school');
    // The manager reads it but may not add to it.
    expect((await manager.get(`/cases/${caseId}/financial-help`)).statusCode).toBe(404);
  });
});

describe("the child's record", () => {
  it('shows the open case as the current involvement, and every Family Help fact in the chronology, filterable', async () => {
    const record = await lead.get(`/people/${child.id}`);
    expect(record.body).toMatch(new RegExp(`Current involvement[\\s\\S]*?href="/cases/${caseId}">Family Help</a>, since 2 March 2026. Led by Priya Shah`));
    for (const entry of [
      'Request for help: School',
      'Decision: Family Help',
      'Family Help case opened, led by Priya Shah (Family support worker)',
      'Basis: Child in need (section 17)',
      'Assessment completed',
      'Family Help plan agreed',
      'Plan reviewed',
      'Visit: Home visit',
    ]) expect(record.body, entry).toContain(entry);
    const filtered = await lead.get(`/people/${child.id}?category=help`);
    expect(filtered.body).toContain('Assessment completed');
    expect(filtered.body).not.toMatch(/<td class="govuk-table__cell">Born/);
  });
});

describe('My work, the team view, closure and re-referral', () => {
  it('lists the lead’s case with what is due, and the manager’s team view', async () => {
    const myWork = await lead.get('/');
    expect(myWork.body).toContain('You lead 1 Family Help case');
    expect(myWork.body).toMatch(/Jade Okafor-Lane[\s\S]*?Review the Family Help plan/);
    const team = await manager.get('/team');
    expect(team.statusCode).toBe(200);
    expect(team.body).toContain('Northfield Family Help team');
    expect(team.body).toMatch(/Priya Shah<\/td><td class="govuk-table__cell govuk-table__cell--numeric">1</);
    expect((await lead.get('/team')).statusCode).toBe(403);
  });

  it('closes with a CIN reason, ends the lead’s allocation, and a new request within 12 months is a re-referral', async () => {
    const version = /name="version" value="(\d+)"/.exec((await lead.get(`/cases/${caseId}/close`)).body)?.[1] ?? '';
    const bad = await lead.post(`/cases/${caseId}/close`, { version }, `/cases/${caseId}/close`);
    expect(summaryFields(bad.body)).toEqual(['closed', 'reason']);
    expect((await lead.post(`/cases/${caseId}/close`, { version, ...dateFields('closed', '2026-03-20'), reason: 'RC7' }, `/cases/${caseId}/close`)).statusCode).toBe(303);
    expect(await rowsOf(t, 'select closed_on::text, closure_reason from family_help_case where id = $1', [caseId])).toEqual([{ closed_on: '2026-03-20', closure_reason: 'RC7' }]);
    const closedPage = await lead.get(`/cases/${caseId}`);
    expect(closedPage.body).toContain('Closed 20 March 2026');
    expect(closedPage.body).not.toContain('Record a visit');

    clock.set(new Date('2026-09-01T10:00:00Z'));
    await signInAll();
    // The lead's allocation ended with the case: the record no longer opens for them.
    expect((await lead.get(`/people/${child.id}`)).statusCode).toBe(403);
    const triager = await principalOf(t, 'team.manager', ORGANISATION);
    const again = await t.deps.frontDoor.submit(triager, 'staff', {
      source: '1A', asker: undefined, submitterName: 'Mum', submitterOrganisation: undefined, submitterPhone: undefined, submitterEmail: undefined,
      childGivenNames: 'Jade', childFamilyName: 'Okafor-Lane', childDateOfBirth: undefined, childAddress: undefined, childPostcode: undefined, otherChildren: undefined,
      concerns: 'Struggling again', helpWanted: undefined, familyKnows: 'yes', honeypot: false,
    });
    await t.deps.frontDoor.decide(triager, again, { version: 1, person: child.id, decision: 'advice', reasons: 'Signposted', childViews: undefined, familyViews: undefined, consentBasis: 'not_sought' });
    expect((await rowsOf(t, 'select re_referral from request_for_help where id = $1', [again]))[0]).toEqual({ re_referral: true });
  });
});
