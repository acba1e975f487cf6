import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, insertPeople } from '../builders/people.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let worker: Session;
const known = buildPerson({ givenNames: 'Aaliyah', familyName: 'Begum', dateOfBirth: '2017-10-10' });
const secret = buildPerson({ givenNames: 'Aaliyah', familyName: 'Begum', dateOfBirth: '2017-10-10', recordKind: 'sealed' });

beforeAll(async () => {
  t = await startTestApp();
  await insertPeople(t.db.database, [known, secret]);
  worker = await t.signIn('family.help');
});
afterAll(() => t.close());

const add = (fields: Record<string, string>) => worker.post('/people/new', fields, '/people/new');
const aaliyah = { givenNames: 'Aliyah', familyName: 'Begum', 'dob-day': '10', 'dob-month': '10', 'dob-year': '2017', sex: 'F' };

describe('adding a person', () => {
  it('shows likely duplicates first (never a sealed one) and creates nothing', async () => {
    const response = await add(aaliyah);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Check this person is not already known');
    expect(response.body).toContain(`href="/people/${known.id}"`);
    expect(response.body).not.toContain(secret.id);
    const count = await t.db.superuser((c) => c.query<{ n: string }>(`select count(*) as n from person where given_names = 'Aliyah'`));
    expect(Number(count.rows[0]!.n)).toBe(0);
  });

  it('creates the record once the worker says none of them is this person, and opens it for them', async () => {
    const response = await add({ ...aaliyah, confirm: 'new' });
    expect(response.statusCode).toBe(303);
    const record = await worker.get(response.headers.location as string);
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain('Aliyah Begum');
    expect(record.body).toContain('Duty worker, since');
    const [event] = (await t.deps.audit.recent('999', 5)).filter((e) => e.action === 'person_created');
    expect(event).toMatchObject({ username: 'family.help', details: { checkedDuplicates: true } });
  });

  it('creates straight away when nobody like them is known', async () => {
    const response = await add({ givenNames: 'Zebedee', familyName: 'Quartermaine', 'dob-day': '1', 'dob-month': '2', 'dob-year': '2020', sex: 'M' });
    expect(response.statusCode).toBe(303);
  });

  it('lists every problem in page order and creates nothing', async () => {
    const response = await add({ givenNames: '', familyName: '123', 'dob-day': '40', 'dob-month': '1', 'dob-year': '2020', nhsNumber: '1234567890' });
    expect(response.statusCode).toBe(400);
    const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(response.body)![1]!;
    expect([...summary.matchAll(/href="#([A-Za-z]+)"/g)].map((m) => m[1])).toEqual(['givenNames', 'familyName', 'dob', 'sex', 'nhsNumber']);
  });

  it('is for practitioners and managers only', async () => {
    for (const username of ['police.partner', 'data.analyst', 'placements.officer']) {
      expect((await (await t.signIn(username)).get('/people/new')).statusCode).toBe(403);
    }
  });
});
