import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMany, peopleTables } from '../../src/modules/people/repository.ts';
import { buildPerson, insertPeople } from '../builders/people.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
const CANARY = 'ZZCANARY';
const child = buildPerson({ givenNames: 'Jayden', familyName: 'Marsh', preferredName: 'Jay', dateOfBirth: '2016-05-05', sex: 'M' });
const mother = buildPerson({ givenNames: 'Kelly', familyName: 'Marsh', dateOfBirth: '1990-01-01', sex: 'F' });
const sister = buildPerson({ givenNames: 'Tia', familyName: 'Marsh', dateOfBirth: '2018-02-02', sex: 'F' });
const adoptedSibling = buildPerson({ givenNames: 'Newname', familyName: `Adoptive${CANARY}`, recordKind: 'sealed', dateOfBirth: '2020-01-01' });
const restricted = buildPerson({ givenNames: 'Staff', familyName: `Relative${CANARY}`, recordKind: 'restricted' });
const unallocated = buildPerson({ givenNames: 'Nobody', familyName: `Allocated${CANARY}` });

const userId = async (username: string) =>
  (await t.db.superuser((c) => c.query<{ id: string }>('select id from user_account where username = $1', [username]))).rows[0]!.id;

beforeAll(async () => {
  t = await startTestApp();
  await insertPeople(t.db.database, [child, mother, sister, adoptedSibling, restricted, unallocated]);
  const socialWorker = await userId('social.worker');
  await t.db.database.tenant('999', async (tx) => {
    await insertMany(tx, peopleTables.relationship, [
      { id: randomUUID(), laCode: '999', fromPersonId: mother.id, toPersonId: child.id, type: 'parent', parentalResponsibility: true, mattersToChild: true },
      { id: randomUUID(), laCode: '999', fromPersonId: child.id, toPersonId: sister.id, type: 'sibling', mattersToChild: true },
      { id: randomUUID(), laCode: '999', fromPersonId: child.id, toPersonId: adoptedSibling.id, type: 'sibling' },
    ]);
    for (const personId of [child.id, restricted.id]) {
      await tx.execute(sql`insert into allocation (id, person_id, user_id, la_code, capacity, from_date)
        values (${randomUUID()}, ${personId}, ${socialWorker}, '999', 'Social worker', '2026-01-01')`);
    }
  });
});
afterAll(() => t.close());

describe("the child's record", () => {
  it('opens for the allocated worker, with who matters to the child, and is audited with the child', async () => {
    const s = await t.signIn('social.worker');
    const response = await s.get(`/people/${child.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1 class="govuk-heading-l">Jay Marsh</h1>');
    expect(response.body).toContain('Jayden Marsh'); // legal name
    expect(response.body).toMatch(/Kelly Marsh[\s\S]*?Mother/);
    expect(response.body).toMatch(/Tia Marsh[\s\S]*?Sister/);
    const [event] = (await t.deps.audit.recent('999', 3)).filter((e) => e.action === 'record_viewed');
    expect(event).toMatchObject({ username: 'social.worker', childId: child.id, outcome: 'success' });
  });

  it('never links to a sealed identity from an open record', async () => {
    const s = await t.signIn('social.worker');
    const body = (await s.get(`/people/${child.id}`)).body;
    expect(body).not.toContain(CANARY);
    expect(body).not.toContain(adoptedSibling.id);
  });

  it("opens for the manager of an allocated child, and lists the worker's children in My work", async () => {
    expect((await (await t.signIn('team.manager')).get(`/people/${child.id}`)).statusCode).toBe(200);
    const myWork = await (await t.signIn('social.worker')).get('/');
    expect(myWork.body).toContain(`href="/people/${child.id}"`);
  });

  it('refuses a worker with no relationship to the child, shows nothing of it, and records the attempt', async () => {
    for (const username of ['family.help', 'police.partner']) {
      const response = await (await t.signIn(username)).get(`/people/${unallocated.id}`);
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('You are not allocated to this child');
      expect(response.body).not.toContain(CANARY);
    }
    const denied = (await t.deps.audit.recent('999', 10)).filter((e) => e.action === 'record_viewed' && e.outcome === 'denied');
    expect(denied[0]).toMatchObject({ username: 'police.partner', childId: unallocated.id, details: { reason: 'no_relationship' } });
  });

  it('keeps a restricted record closed to anyone off its list, even the allocated worker', async () => {
    const response = await (await t.signIn('social.worker')).get(`/people/${restricted.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This is a restricted record');
    expect(response.body).not.toContain(CANARY);
  });

  it('answers a sealed record exactly as a record that does not exist', async () => {
    const s = await t.signIn('social.worker');
    const sealed = await s.get(`/people/${adoptedSibling.id}`);
    const missing = await s.get(`/people/${randomUUID()}`);
    const malformed = await s.get('/people/not-an-id');
    expect(sealed.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
    const strip = (body: string) => body.replace(/name="_(csrf|submission)" value="[^"]+"/g, '').replace(/nonce="[^"]+"/g, '');
    expect(strip(sealed.body)).toBe(strip(missing.body));
  });

  it('is not for the data team or administrators', async () => {
    for (const username of ['data.analyst', 'admin']) {
      expect((await (await t.signIn(username)).get(`/people/${child.id}`)).statusCode).toBe(403);
    }
  });
});

describe('the chronology', () => {
  it('an allocated practitioner adds a significant event, which appears in the chronology, and the addition is audited', async () => {
    const s = await t.signIn('social.worker');
    const form = await s.get(`/people/${child.id}/significant-events/new`);
    expect(form.statusCode).toBe(200);
    const response = await s.post(
      `/people/${child.id}/significant-events`,
      { 'occurred-day': '14', 'occurred-month': '2', 'occurred-year': '2026', category: 'education', title: 'Started at Oakfield Primary School', details: 'Settled well in the first week.' },
      `/people/${child.id}/significant-events/new`,
    );
    expect(response.statusCode).toBe(303);
    const record = await s.get(`/people/${child.id}`);
    expect(record.body).toMatch(/14 February 2026[\s\S]*?Started at Oakfield Primary School[\s\S]*?Recorded by Tom Okafor/);
    expect(record.body).toMatch(/1 January 2026[\s\S]*?Allocated: Social worker/);
    expect(record.body).toMatch(/5 May 2016[\s\S]*?Born/);
    const filtered = await s.get(`/people/${child.id}?category=education`);
    expect(filtered.body).toContain('Started at Oakfield Primary School');
    expect(filtered.body).not.toMatch(/<td class="govuk-table__cell">Born/);
    const [event] = (await t.deps.audit.recent('999', 5)).filter((e) => e.action === 'significant_event_added');
    expect(event).toMatchObject({ username: 'social.worker', childId: child.id, outcome: 'success' });
  });

  it('lists every problem with the event, in page order, and saves nothing', async () => {
    const s = await t.signIn('social.worker');
    const response = await s.post(
      `/people/${child.id}/significant-events`,
      { 'occurred-day': '1', 'occurred-month': '1', 'occurred-year': '2099', title: '' },
      `/people/${child.id}/significant-events/new`,
    );
    expect(response.statusCode).toBe(400);
    const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(response.body)![1]!;
    expect([...summary.matchAll(/href="#([a-z]+)">([^<]+)</g)].map((m) => [m[1], m[2]!.trim()])).toEqual([
      ['occurred', 'Date must be today or in the past'],
      ['category', 'Select what kind of event it was'],
      ['title', 'Enter what happened'],
    ]);
  });

  it('cannot be added to by a manager (read only) or anyone unallocated', async () => {
    const manager = await t.signIn('team.manager');
    expect((await manager.get(`/people/${child.id}/significant-events/new`)).statusCode).toBe(403);
    const other = await t.signIn('family.help');
    const forged = await other.post(
      `/people/${child.id}/significant-events`,
      { 'occurred-day': '1', 'occurred-month': '1', 'occurred-year': '2026', category: 'other', title: 'Forged' },
      '/',
    );
    expect(forged.statusCode).toBe(403);
    expect((await (await t.signIn('social.worker')).get(`/people/${child.id}`)).body).not.toContain('Forged');
  });
});

describe('who viewed this record', () => {
  it('lists exactly who opened or tried to open the record, for the manager and the privacy officer only', async () => {
    const fresh = buildPerson({ givenNames: 'Viewed', familyName: 'Child' });
    await insertPeople(t.db.database, [fresh]);
    const socialWorker = await userId('social.worker');
    await t.db.database.tenant('999', (tx) =>
      tx.execute(sql`insert into allocation (id, person_id, user_id, la_code, capacity, from_date) values (${randomUUID()}, ${fresh.id}, ${socialWorker}, '999', 'Social worker', '2026-01-01')`),
    );
    await (await t.signIn('social.worker')).get(`/people/${fresh.id}`);
    await (await t.signIn('cp.lead')).get(`/people/${fresh.id}`); // refused: not allocated
    await (await t.signIn('team.manager')).get(`/people/${fresh.id}`);

    const log = await (await t.signIn('admin')).get(`/people/${fresh.id}/access-log`);
    expect(log.statusCode).toBe(200);
    const rows = [...log.body.matchAll(/<td class="govuk-table__cell">([a-z.]+)<br>/g)].map((m) => m[1]);
    expect(rows).toEqual(['team.manager', 'cp.lead', 'social.worker']);
    expect(log.body).toContain('Refused');
    expect(log.body).not.toContain('Viewed Child</a>'); // the privacy officer sees who looked, not the record

    const again = await (await t.signIn('admin')).get(`/people/${fresh.id}/access-log`);
    expect([...again.body.matchAll(/<td class="govuk-table__cell">([a-z.]+)<br>/g)].map((m) => m[1])[0]).toBe('admin'); // looking is logged

    // The manager of the worker allocated to the child sees the same list, with the privacy officer's two looks.
    const managers = await (await t.signIn('team.manager')).get(`/people/${fresh.id}/access-log`);
    expect(managers.statusCode).toBe(200);
    expect([...managers.body.matchAll(/<td class="govuk-table__cell">([a-z.]+)<br>/g)].map((m) => m[1])).toEqual(['admin', 'admin', 'team.manager', 'cp.lead', 'social.worker']);

    expect((await (await t.signIn('social.worker')).get(`/people/${fresh.id}/access-log`)).statusCode).toBe(403);
    // A manager has no one allocated here to manage: refused, as for any child outside their teams.
    const unallocated = buildPerson({ givenNames: 'Nobody', familyName: 'Managed' });
    await insertPeople(t.db.database, [unallocated]);
    expect((await (await t.signIn('team.manager')).get(`/people/${unallocated.id}/access-log`)).statusCode).toBe(403);
  });
});

describe('the network diagram', () => {
  it('draws the child and the people around them as an SVG with the same facts in words', async () => {
    const body = (await (await t.signIn('social.worker')).get(`/people/${child.id}`)).body;
    expect(body).toMatch(/<div class="app-network__diagram" role="img" aria-label="Jay Marsh&#39;s network: 2 people. Who matters to Jay Marsh: Kelly Marsh \(Mother\), Tia Marsh \(Sister\).">\s*<svg/);
    // The Content Security Policy allows no inline styles: none in the diagram.
    const svg = /<svg[\s\S]*?<\/svg>/.exec(body)?.[0] ?? '';
    expect(svg).toContain('font-size="14px"');
    expect(svg).not.toMatch(/ style=|<style/);
    expect(body).toMatch(/<text[^>]*>Kelly Marsh<\/text>/);
    expect(body).not.toContain(CANARY); // the sealed sibling is not drawn either
  });
});
