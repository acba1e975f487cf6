// What a child wants said once — the name they use, pronouns, gender identity, sexual
// orientation — shown only to those the child chose, never overwritten by someone who cannot see it.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, insertPeople } from '../builders/people.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let familyHelp: Session; // allocated; the worker the child tells
let socialWorker: Session; // also allocated
let manager: Session; // manages the allocated child, is not allocated
const child = buildPerson({ givenNames: 'Elizabeth', familyName: 'Quarrington', dateOfBirth: '2011-09-09', sex: 'F' });
const CANARY = { name: 'Zedcanaryname', pronouns: 'zz-canary/pronouns', gender: 'ZZCANARY gender', orientation: 'ZZCANARY orientation' };

const userId = async (username: string) =>
  (await t.db.superuser((c) => c.query<{ id: string }>('select id from user_account where username = $1', [username]))).rows[0]!.id;
const formFor = async (s: Session) => s.get(`/people/${child.id}/identity`);
const versionIn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';
const save = async (s: Session, fields: Record<string, string>) => {
  const version = versionIn((await formFor(s)).body);
  return s.post(`/people/${child.id}/identity`, { version, ...fields }, `/people/${child.id}/identity`);
};
const stored = async () =>
  (await t.db.superuser((c) => c.query<{ kind: string; value: string; shared_with: string }>('select kind, value, shared_with from identity_detail where person_id = $1 order by kind', [child.id]))).rows;

beforeAll(async () => {
  t = await startTestApp();
  await insertPeople(t.db.database, [child]);
  for (const username of ['family.help', 'social.worker']) {
    const id = await userId(username);
    await t.db.database.tenant('999', (tx) =>
      tx.execute(sql`insert into allocation (id, person_id, user_id, la_code, capacity, from_date) values (${randomUUID()}, ${child.id}, ${id}, '999', 'Worker', '2026-01-01')`),
    );
  }
  [familyHelp, socialWorker, manager] = await Promise.all([t.signIn('family.help'), t.signIn('social.worker'), t.signIn('team.manager')]);
});
afterAll(() => t.close());

describe('what a child wants people to know', () => {
  it('is recorded once by the worker the child told, each detail with who may see it, and audited', async () => {
    const response = await save(familyHelp, {
      preferred_name: CANARY.name,
      'preferred_name-shared': 'allocated',
      pronouns: CANARY.pronouns,
      'pronouns-shared': 'told',
      gender_identity: CANARY.gender,
      'gender_identity-shared': 'allocated',
      sexual_orientation: CANARY.orientation,
      'sexual_orientation-shared': 'told',
    });
    expect(response.statusCode).toBe(303);
    expect(await stored()).toEqual([
      { kind: 'gender_identity', value: CANARY.gender, shared_with: 'allocated' },
      { kind: 'preferred_name', value: CANARY.name, shared_with: 'allocated' },
      { kind: 'pronouns', value: CANARY.pronouns, shared_with: 'told' },
      { kind: 'sexual_orientation', value: CANARY.orientation, shared_with: 'told' },
    ]);
    const [event] = (await t.deps.audit.recent('999', 5)).filter((e) => e.action === 'identity_details_changed');
    expect(event).toMatchObject({ username: 'family.help', childId: child.id, outcome: 'success' });
    // Audit details never carry the words.
    expect(JSON.stringify(event)).not.toContain('ZZCANARY');
  });

  it('shows the worker the child told everything, with whom each is shared', async () => {
    const body = (await familyHelp.get(`/people/${child.id}`)).body;
    expect(body).toContain(`<h1 class="govuk-heading-l">${CANARY.name} Quarrington</h1>`);
    for (const value of Object.values(CANARY)) expect(body).toContain(value);
    expect(body).toContain('Shared with: Only Priya Shah');
  });

  it('shows another allocated worker only what is shared with allocated workers', async () => {
    const body = (await socialWorker.get(`/people/${child.id}`)).body;
    expect(body).toContain(CANARY.name);
    expect(body).toContain(CANARY.gender);
    expect(body).not.toContain(CANARY.pronouns);
    expect(body).not.toContain(CANARY.orientation);
  });

  it('shows the manager and searchers none of it: the legal name only', async () => {
    const record = (await manager.get(`/people/${child.id}`)).body;
    expect(record).toContain('<h1 class="govuk-heading-l">Elizabeth Quarrington</h1>');
    expect(record).not.toContain('ZZCANARY');
    expect(record).not.toContain(CANARY.name);
    expect(record).not.toContain('zz-canary');
    expect(record).toContain('Nothing they have chosen to share with you.');
    // Search neither shows the name nor finds the child by it.
    const byName = (await socialWorker.get(`/people?name=${CANARY.name}`)).body;
    expect(byName).not.toContain(child.id);
    const byLegal = (await socialWorker.get('/people?name=Elizabeth+Quarrington')).body;
    expect(byLegal).toContain(child.id);
    expect(byLegal).not.toContain(CANARY.name);
  });

  it('offers another worker only the details they may see, and their save leaves the others alone', async () => {
    const form = (await formFor(socialWorker)).body;
    expect(form).toContain('name="gender_identity"');
    expect(form).not.toContain('name="pronouns"');
    expect(form).not.toContain('name="sexual_orientation"');
    expect(form).not.toContain('zz-canary');
    const response = await save(socialWorker, {
      preferred_name: CANARY.name,
      'preferred_name-shared': 'everyone',
      gender_identity: '',
      pronouns: 'an attempt to overwrite',
      'pronouns-shared': 'everyone',
    });
    expect(response.statusCode).toBe(303);
    expect(await stored()).toEqual([
      { kind: 'preferred_name', value: CANARY.name, shared_with: 'everyone' },
      { kind: 'pronouns', value: CANARY.pronouns, shared_with: 'told' },
      { kind: 'sexual_orientation', value: CANARY.orientation, shared_with: 'told' },
    ]);
    // Shared with everyone now: the manager sees it and search finds the child by it.
    expect((await manager.get(`/people/${child.id}`)).body).toContain(`<h1 class="govuk-heading-l">${CANARY.name} Quarrington</h1>`);
    expect((await socialWorker.get(`/people?name=${CANARY.name}`)).body).toContain(child.id);
  });

  it('answers a stale save with both versions and changes nothing', async () => {
    const staleVersion = versionIn((await formFor(familyHelp)).body);
    expect((await save(socialWorker, { preferred_name: 'Beth', 'preferred_name-shared': 'everyone' })).statusCode).toBe(303);
    const before = await stored();
    const response = await familyHelp.post(
      `/people/${child.id}/identity`,
      { version: staleVersion, preferred_name: 'Lizzie', 'preferred_name-shared': 'everyone' },
      `/people/${child.id}/identity`,
    );
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Someone else saved these details while you were editing');
    expect(response.body).toMatch(/What is saved now[\s\S]*Beth[\s\S]*What you entered[\s\S]*value="Lizzie"/);
    // Who they shared it with, in words (the page once showed the stored code, 'everyone').
    expect(response.body).toContain('Beth (shared with: Everyone working with them)');
    expect(await stored()).toEqual(before);
    // Saving again from the conflict page (it carries the new version) goes through.
    const newVersion = versionIn(response.body);
    expect(Number(newVersion)).toBeGreaterThan(Number(staleVersion));
    const again = await familyHelp.post(`/people/${child.id}/identity`, { version: newVersion, preferred_name: 'Lizzie', 'preferred_name-shared': 'everyone', pronouns: CANARY.pronouns, 'pronouns-shared': 'told', sexual_orientation: CANARY.orientation, 'sexual_orientation-shared': 'told' }, `/people/${child.id}/identity`);
    expect(again.statusCode).toBe(303);
    expect((await stored()).find((d) => d.kind === 'preferred_name')?.value).toBe('Lizzie');
  });

  it('lists every problem in page order and saves nothing', async () => {
    const before = await stored();
    const response = await save(familyHelp, { preferred_name: 'x'.repeat(101), 'preferred_name-shared': 'everyone', pronouns: 'she/her', sexual_orientation: 'bi\u0007', 'sexual_orientation-shared': 'told' });
    expect(response.statusCode).toBe(400);
    const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(response.body)?.[1] ?? '';
    expect([...summary.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['preferred_name', 'Name they use must be 100 characters or fewer'],
      ['pronouns-shared', 'Select who they want to see their pronouns'],
      ['sexual_orientation', 'Sexual orientation must only include letters, numbers and punctuation'],
    ]);
    expect(await stored()).toEqual(before);
  });

  it('is for allocated workers only: the manager and an unallocated worker may neither open nor save the form', async () => {
    const before = await stored();
    for (const s of [manager, await t.signIn('cp.lead')]) {
      expect((await s.get(`/people/${child.id}/identity`)).statusCode).toBe(403);
      const token = /name="_csrf" value="([^"]+)"/.exec((await s.get('/people')).body)?.[1] ?? '';
      const response = await s.postRaw(`/people/${child.id}/identity`, { _csrf: token, version: '99', preferred_name: 'Overwritten', 'preferred_name-shared': 'everyone' });
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain('Lizzie');
    }
    expect(await stored()).toEqual(before);
  });
});
