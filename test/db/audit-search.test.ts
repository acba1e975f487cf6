// Issue 13, item 15: the audit trail searched by user, child, action, outcome and dates, paged,
// and downloaded as CSV for an investigation (the download audited) — the authority's own events only.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOBODY } from '../../src/platform/audit/service.ts';
import { FakeClock } from '../../src/platform/clock.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { principalOf, rowsOf } from '../support/records.ts';

let t: TestApp;
const clock = new FakeClock(new Date('2026-03-03T09:00:00Z'));
let admin: Session;
let childId: string;
let laPersonId: string;

const actor = (username: string, role = 'social_worker') => ({ userId: null, username, role, organisation: 'Demo Borough Council Children’s Services' });

/** Records an event at a moment, for the demo authority unless told otherwise. */
async function eventAt(iso: string, event: { username?: string; action?: string; outcome?: 'success' | 'denied' | 'failure' | 'error'; childId?: string; laCode?: string; details?: Record<string, unknown> }) {
  clock.set(new Date(iso));
  await t.deps.audit.recordNow({
    laCode: event.laCode ?? '999',
    actor: event.username ? actor(event.username) : NOBODY,
    action: event.action ?? 'test_event',
    outcome: event.outcome ?? 'success',
    ...(event.childId ? { childId: event.childId } : {}),
    ...(event.details ? { details: event.details } : {}),
  });
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  // A child of the demo authority, recorded by a practitioner, and events about them.
  const created = await t.deps.people.create(await principalOf(t, 'social.worker'), { givenNames: 'Ada', familyName: 'Testchild', preferredName: undefined, dateOfBirth: '2016-05-04', expectedDateOfBirth: undefined, sex: 'F', nhsNumber: undefined, confirmed: true });
  if (!('created' in created)) throw new Error('child not created');
  childId = created.created;
  laPersonId = String((await rowsOf(t, 'select la_person_id from person where id = $1', [childId]))[0]!['la_person_id']);

  // 1 March 2026 (GMT) and around the clocks going forward on 29 March 2026 (01:00 UTC).
  await eventAt('2026-03-01T10:00:00Z', { username: 'investigated.worker', action: 'record_viewed', childId });
  await eventAt('2026-03-01T23:30:00Z', { username: 'investigated.worker', action: 'record_viewed', outcome: 'denied', childId });
  await eventAt('2026-03-28T23:30:00Z', { username: 'investigated.worker', action: 'case_viewed', childId }); // 28 March in England
  await eventAt('2026-03-29T23:30:00Z', { username: 'investigated.worker', action: 'case_viewed', childId }); // 30 March in England (BST)
  await eventAt('2026-03-30T10:00:00Z', { username: 'someone.else', action: 'record_viewed', childId, details: { note: '=HYPERLINK("http://evil")' } });
  // Another authority's events that would match every filter.
  await eventAt('2026-03-01T10:00:00Z', { laCode: '998', username: 'investigated.worker', action: 'record_viewed', childId });
  await eventAt('2026-03-30T10:00:00Z', { laCode: '998', username: 'investigated.worker', action: 'record_viewed', outcome: 'denied', childId });
  // Plenty of events for paging.
  clock.set(new Date('2026-03-31T09:00:00Z'));
  for (let i = 0; i < 120; i++) await t.deps.audit.recordNow({ laCode: '999', actor: actor('busy.worker'), action: 'page_view', outcome: 'success', details: { i } });
  clock.set(new Date('2026-04-01T09:00:00Z'));
  admin = await t.signIn('admin');
});
afterAll(() => t?.close());

/** The event numbers in the results table, in order. */
const seqs = (body: string) => [...body.matchAll(/<tr class="govuk-table__row">\s*<td class="govuk-table__cell">(\d+)<\/td>/g)].map((m) => Number(m[1]));
/** The usernames in the results table. */
const who = (body: string) => [...body.matchAll(/<tr class="govuk-table__row">\s*<td class="govuk-table__cell">\d+<\/td>\s*<td class="govuk-table__cell">[^<]*<\/td>\s*<td class="govuk-table__cell">([^<]*)/g)].map((m) => m[1]!);
const heading = (body: string) => /<h2 class="govuk-heading-m" id="results">([^<]*)<\/h2>/.exec(body)?.[1]?.replace(/\s+/g, ' ').trim();
const fieldErrors = (body: string) => [...body.matchAll(/class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span>([^<]*)<\/p>/g)].map((m) => m[1]!.trim());
const csv = (body: string) => parse<Record<string, string>>(body, { columns: true });
const latestEvent = async (action: string) => (await rowsOf(t, 'select * from audit_event where la_code = $1 and action = $2 order by seq desc limit 1', ['999', action]))[0];

describe('finding events', () => {
  it('by user, exactly, whatever the case typed', async () => {
    const page = await admin.get('/audit?user=Investigated.Worker');
    expect(page.statusCode).toBe(200);
    expect(heading(page.body)).toBe('4 events');
    expect(new Set(who(page.body))).toEqual(new Set(['investigated.worker']));
    // The authority's own events only: the neighbour's two by the same name are not there.
    const ours = (await rowsOf(t, "select seq from audit_event where la_code = '999' and username = 'investigated.worker' order by seq desc")).map((r) => Number(r['seq']));
    expect(seqs(page.body)).toEqual(ours);
  });

  it('by the child the event is about, by LA person ID or by record id', async () => {
    for (const child of [laPersonId, childId, childId.toUpperCase()]) {
      const page = await admin.get(`/audit?child=${encodeURIComponent(child)}`);
      expect(heading(page.body), child).toBe('6 events'); // five here, and the child's creation
      expect(page.body).toContain(`<td class="govuk-table__cell">${laPersonId}</td>`);
    }
    expect(heading((await admin.get('/audit?child=DB9999999')).body)).toBe('No events match');
  });

  it('by action and outcome, together', async () => {
    const denied = await admin.get('/audit?action=record_viewed&outcome=denied');
    expect(heading(denied.body)).toBe('1 event');
    expect(denied.body).toContain('Refused');
    expect(heading((await admin.get('/audit?action=record_viewed')).body)).toBe('3 events');
    // The list offers actions by their words.
    expect(denied.body).toMatch(/<option value="record_viewed" selected>Opened a child’s record<\/option>/);
    // An action the list does not name can still be asked for by its code.
    const unnamed = await admin.get('/audit?action=test_event');
    expect(unnamed.statusCode).toBe(200);
    expect(unnamed.body).toMatch(/<option value="test_event" selected>test event<\/option>/);
  });

  it('by dates in England, both ends included, across the clocks going forward', async () => {
    const march1 = await admin.get('/audit?user=investigated.worker&from-day=1&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026');
    expect(heading(march1.body)).toBe('2 events');
    const march28 = await admin.get('/audit?user=investigated.worker&from-day=28&from-month=3&from-year=2026&to-day=28&to-month=3&to-year=2026');
    expect(heading(march28.body)).toBe('1 event');
    // 23:30 UTC on 29 March is 00:30 on 30 March in England (BST).
    const march29 = await admin.get('/audit?user=investigated.worker&from-day=29&from-month=3&from-year=2026&to-day=29&to-month=3&to-year=2026');
    expect(heading(march29.body)).toBe('No events match');
    const march30 = await admin.get('/audit?user=investigated.worker&from-day=30&from-month=3&from-year=2026');
    expect(heading(march30.body)).toBe('1 event');
    expect(march30.body).toContain('30 March 2026 at 12:30am');
  });

  it('records each search, with its filters, in the audit trail', async () => {
    await admin.get(`/audit?user=investigated.worker&child=${laPersonId}&outcome=denied&page=1`);
    expect(await latestEvent('audit_trail_viewed')).toMatchObject({ username: 'admin', outcome: 'success', details: { filters: { user: 'investigated.worker', child: laPersonId, outcome: 'denied' }, page: 1 } });
  });
});

describe('paging', () => {
  it('shows 50 events a page, newest first, with GOV.UK pagination that keeps the filters', async () => {
    const first = await admin.get('/audit?user=busy.worker');
    expect(heading(first.body)).toBe('120 events');
    const firstSeqs = seqs(first.body);
    expect(firstSeqs).toHaveLength(50);
    expect(firstSeqs).toEqual([...firstSeqs].sort((a, b) => b - a));
    expect(first.body).toContain('Events 1 to 50, newest first');
    expect(first.body).toContain('class="govuk-pagination"');
    expect(first.body).toContain('href="/audit?user=busy.worker&amp;page=2"');
    expect(first.body).toContain('href="/audit?user=busy.worker&amp;page=3"');
    expect(first.body).not.toContain('govuk-pagination__prev');

    const third = await admin.get('/audit?user=busy.worker&page=3');
    expect(seqs(third.body)).toHaveLength(20);
    expect(third.body).toContain('Events 101 to 120, newest first');
    expect(Math.max(...seqs(third.body))).toBeLessThan(Math.min(...firstSeqs));
    expect(third.body).not.toContain('govuk-pagination__next');
    // A page past the end shows the last; a page that is not a number shows the first.
    expect(seqs((await admin.get('/audit?user=busy.worker&page=99')).body)).toEqual(seqs(third.body));
    expect(seqs((await admin.get('/audit?user=busy.worker&page=two')).body)).toEqual(firstSeqs);
  });
});

describe('bad filters get GOV.UK error messages, never a server error', () => {
  it.each([
    ['from-day=31&from-month=2&from-year=2026', ['from'], 'The start date must be a real date, like 3 3 2026'],
    ['to-day=1&to-year=2026', ['to'], 'The end date must include a day, month and year'],
    ['from-day=2&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026', ['to'], 'The end date must be the same as or after the start date'],
    ['from-day=1&from-month=1&from-year=2099', ['from'], 'The start date must be today or in the past'],
    ['outcome=maybe', ['outcome'], 'Select an outcome from the list'],
    ['action=DROP%20TABLE', ['action'], 'Select an action from the list'],
    ['child=%3Cscript%3E', ['child'], 'Enter the child’s LA person ID, like DB0001234, or their record’s id'],
  ])('%s', async (query, fields, message) => {
    const page = await admin.get(`/audit?${query}`);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('There is a problem');
    expect([...page.body.matchAll(/govuk-error-summary__list">[\s\S]*?<\/ul>/g)][0]![0]).toContain(`href="#${fields[0]}"`);
    expect(fieldErrors(page.body)).toEqual([message]);
    expect(page.body).not.toContain('<script>');
    // Nothing is listed until the filters are put right.
    expect(seqs(page.body)).toEqual([]);
    // The download says the same.
    expect((await admin.get(`/audit/events.csv?${query}`)).statusCode).toBe(400);
  });

  it('a parameter sent twice, or an unknown one, is ignored rather than breaking the page', async () => {
    expect((await admin.get('/audit?outcome=success&outcome=denied&user=a&user=b&nonsense=1')).statusCode).toBe(200);
    expect((await admin.get('/audit/events.csv?outcome=success&outcome=denied')).statusCode).toBe(200);
  });
});

describe('the CSV download', () => {
  it('holds exactly the filtered events, newest first, with the hash chain, and is itself audited with the filters', async () => {
    const response = await admin.get(`/audit/events.csv?child=${laPersonId}&from-day=1&from-month=3&from-year=2026`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="audit-trail-999-2026-04-01.csv"');
    const rows = csv(response.body);
    const expected = await rowsOf(t, "select * from audit_event where la_code = '999' and child_id = $1 and occurred_at >= '2026-03-01T00:00:00Z' order by seq desc", [childId]);
    expect(rows.map((r) => Number(r['Event']))).toEqual(expected.map((e) => Number(e['seq'])));
    expect(rows[0]).toMatchObject({ Username: 'someone.else', Role: 'Social worker', Action: 'Opened a child’s record', 'Action code': 'record_viewed', 'Child record id': childId, 'LA person ID': laPersonId, Outcome: 'Done', 'When (UTC)': '2026-03-30T10:00:00.000Z', Hash: expected[0]!['hash'] });
    expect(rows[0]!['Details']).toBe(JSON.stringify({ note: '=HYPERLINK("http://evil")' }));
    expect(rows.some((r) => r['Username'] === 'investigated.worker' && r['Outcome'] === 'Refused')).toBe(true);

    expect(await latestEvent('audit_trail_exported')).toMatchObject({
      username: 'admin',
      outcome: 'success',
      route: '/audit/events.csv',
      details: { filters: { child: laPersonId, from: '2026-03-01' }, events: expected.length },
    });
  });

  it('reads the matching events in batches, newest first, up to its limit, and says when there were more', async () => {
    const all = (await rowsOf(t, "select seq from audit_event where la_code = '999' and username = 'busy.worker' order by seq desc")).map((r) => Number(r['seq']));
    const whole = await t.deps.audit.matching('999', { username: 'busy.worker' }, 500, 7);
    expect(whole.more).toBe(false);
    expect(whole.events.map((e) => e.seq)).toEqual(all);
    const capped = await t.deps.audit.matching('999', { username: 'busy.worker' }, 50, 7);
    expect(capped.more).toBe(true);
    expect(capped.events.map((e) => e.seq)).toEqual(all.slice(0, 50));
    expect((await t.deps.audit.matching('999', { username: 'busy.worker' }, 120, 7)).more).toBe(false);
  });

  it('never holds another authority’s events', async () => {
    const rows = csv((await admin.get('/audit/events.csv?user=investigated.worker')).body);
    expect(rows).toHaveLength(4);
    const ours = new Set((await rowsOf(t, "select hash from audit_event where la_code = '999'")).map((r) => r['hash']));
    expect(rows.every((r) => ours.has(r['Hash']))).toBe(true);
    const valley = await t.signIn('valley.admin');
    const theirs = csv((await valley.get('/audit/events.csv?user=investigated.worker')).body);
    expect(theirs).toHaveLength(2);
    expect(theirs.some((r) => ours.has(r['Hash']))).toBe(false);
  });

  it('makes a formula typed as a username inert', async () => {
    await eventAt('2026-04-01T08:00:00Z', { username: '=cmd|calc', action: 'sign_in', outcome: 'failure' });
    clock.set(new Date('2026-04-01T09:00:00Z'));
    const [row] = csv((await admin.get('/audit/events.csv?user=%3Dcmd%7Ccalc')).body);
    expect(row!['Username']).toBe("'=cmd|calc");
  });
});

describe('who may see it', () => {
  it('the data team and administrators; a team manager or a practitioner is refused the page and the download', async () => {
    expect((await (await t.signIn('data.analyst')).get('/audit/events.csv')).statusCode).toBe(200);
    for (const username of ['team.manager', 'family.help', 'police.partner']) {
      const s = await t.signIn(username);
      expect((await s.get('/audit')).statusCode, username).toBe(403);
      expect((await s.get('/audit/events.csv')).statusCode, username).toBe(403);
    }
  });

  it('checking the audit trail still works, and still shows the events', async () => {
    const checked = await admin.post('/audit/verify', {}, '/audit');
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toContain('The audit trail is intact');
    expect(seqs(checked.body).length).toBe(50);
  });
});
