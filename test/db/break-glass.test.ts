import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/platform/clock.ts';
import { buildAddress, buildPerson, insertPeople } from '../builders/people.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// reference/security.md property 9: break-glass.
const clock = new FakeClock(new Date('2026-03-03T22:00:00Z'));
let t: TestApp;
const child = buildPerson({ givenNames: 'Emergency', familyName: 'Child', dateOfBirth: '2015-01-01' });
const restricted = buildPerson({ givenNames: 'Restricted', familyName: 'Child', recordKind: 'restricted' });
const sealed = buildPerson({ givenNames: 'Sealed', familyName: 'Child', recordKind: 'sealed' });
const withheld = buildPerson({ givenNames: 'Hidden', familyName: 'Whereabouts', locationWithheld: true, dateOfBirth: '2014-04-04' });
const REASON = { reasonCode: 'edt_emergency', reason: 'Police at the home at 10pm; mother taken to hospital, child alone.' };

beforeAll(async () => {
  t = await startTestApp({ clock });
  await insertPeople(t.db.database, [child, restricted, sealed, withheld], [buildAddress(withheld.id, { line1: '7 ZZCANARY Close', postcode: 'ZQ1 1ZZ' })]);
});
afterAll(() => t.close());

describe('emergency (break-glass) access', () => {
  it('(a) with no relationship the worker is refused and offered emergency access', async () => {
    const s = await t.signIn('cp.lead');
    const response = await s.get(`/people/${child.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain(`href="/people/${child.id}/emergency-access"`);
  });

  it('(b) without a reason nothing is granted, and every problem is listed', async () => {
    const s = await t.signIn('cp.lead');
    const response = await s.post(`/people/${child.id}/emergency-access`, { reason: 'too short' }, `/people/${child.id}/emergency-access`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select why you need emergency access');
    expect(response.body).toContain('at least 20 characters');
    expect((await s.get(`/people/${child.id}`)).statusCode).toBe(403);
  });

  it('(c) with a reason the record opens read only, is audited as break-glass, and waits for review', async () => {
    const s = await t.signIn('cp.lead');
    const granted = await s.post(`/people/${child.id}/emergency-access`, REASON, `/people/${child.id}/emergency-access`);
    expect(granted.statusCode).toBe(303);
    const record = await s.get(`/people/${child.id}`);
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain('You are using emergency access until 4 March 2026 at 2:00am');
    expect(record.body).not.toContain('Add a significant event');
    const events = await t.deps.audit.recent('999', 5);
    expect(events.find((e) => e.action === 'break_glass')).toMatchObject({ username: 'cp.lead', childId: child.id, details: { reasonCode: 'edt_emergency', hours: 4 } });
    expect(events.find((e) => e.action === 'record_viewed')).toMatchObject({ childId: child.id, details: { relationships: ['break_glass'] } });

    const reviews = await (await t.signIn('team.manager')).get('/access-reviews');
    expect(reviews.body).toContain('cp.lead opened Emergency Child’s record');
    expect(reviews.body).toContain('mother taken to hospital');
  });

  it('(e) nothing can be written under emergency access', async () => {
    const s = await t.signIn('cp.lead');
    expect((await s.get(`/people/${child.id}/significant-events/new`)).statusCode).toBe(403);
    const write = await s.post(`/people/${child.id}/significant-events`, { 'occurred-day': '1', 'occurred-month': '3', 'occurred-year': '2026', category: 'other', title: 'Written in an emergency' }, '/');
    expect(write.statusCode).toBe(403);
  });

  it('(d) after four hours the record closes again', async () => {
    clock.advance(4 * 3_600_000 + 1_000);
    const fresh = await t.signIn('cp.lead');
    expect((await fresh.get(`/people/${child.id}`)).statusCode).toBe(403);
  });

  it('(f) is never available for a restricted or sealed record', async () => {
    const s = await t.signIn('cp.lead');
    const toRestricted = await s.post(`/people/${restricted.id}/emergency-access`, REASON, `/people/${child.id}/emergency-access`);
    expect(toRestricted.statusCode).toBe(403);
    expect((await s.get(`/people/${restricted.id}`)).statusCode).toBe(403);
    const toSealed = await s.post(`/people/${sealed.id}/emergency-access`, REASON, `/people/${child.id}/emergency-access`);
    expect(toSealed.statusCode).toBe(404);
  });

  it('(g) the review queue keeps the item until a manager closes it, and the review is audited', async () => {
    const manager = await t.signIn('team.manager');
    const page = await manager.get('/access-reviews');
    const id = /action="\/access-reviews\/([0-9a-f-]+)"/.exec(page.body)![1]!;
    const missing = await manager.post(`/access-reviews/${id}`, {}, '/access-reviews');
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Select whether the access was appropriate');
    // A note the database cannot store (a NUL) is a problem with the form, not a server error.
    const nul = await manager.post(`/access-reviews/${id}`, { outcome: 'appropriate', note: 'EDT call-out\u0000 confirmed.' }, '/access-reviews');
    expect(nul.statusCode).toBe(400);
    const done = await manager.post(`/access-reviews/${id}`, { outcome: 'appropriate', note: 'EDT call-out confirmed.' }, '/access-reviews');
    expect(done.statusCode).toBe(303);
    expect((await manager.get('/access-reviews')).body).toContain('There is nothing to review');
    expect((await t.deps.audit.recent('999', 3)).find((e) => e.action === 'break_glass_reviewed')).toMatchObject({ username: 'team.manager', details: { outcome: 'appropriate' } });
  });

  it('shows a withheld location to no one using emergency access: the address is "Withheld"', async () => {
    const s = await t.signIn('family.help');
    expect((await s.post(`/people/${withheld.id}/emergency-access`, REASON, `/people/${withheld.id}/emergency-access`)).statusCode).toBe(303);
    const record = await s.get(`/people/${withheld.id}`);
    expect(record.statusCode).toBe(200);
    expect(record.body).toMatch(/Address\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Withheld/);
    expect(record.body).not.toContain('ZZCANARY');
    expect(record.body).not.toMatch(/ZQ1/i);
  });

  it('is not for partners, the data team or advocates', async () => {
    for (const username of ['police.partner', 'data.analyst', 'advocate']) {
      const s = await t.signIn(username);
      expect((await s.get(`/people/${child.id}/emergency-access`)).statusCode).toBe(403);
    }
  });
});
