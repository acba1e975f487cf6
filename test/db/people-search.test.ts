import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSyntheticAuthority } from '../../src/seed/synthetic/authority.ts';
import { buildAddress, buildPerson, insertPeople } from '../builders/people.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let worker: Session;
const CANARY = 'ZZCANARY';

const people = {
  muhammad: buildPerson({ givenNames: 'Muhammad', familyName: 'Rahman', dateOfBirth: '2014-06-01', sex: 'M' }),
  roisin: buildPerson({ givenNames: 'Róisín', familyName: "O'Sullivan", dateOfBirth: '2016-02-11' }),
  lilyMae: buildPerson({ givenNames: 'Lily-Mae', familyName: 'Smith-Jones', dateOfBirth: '2019-09-09' }),
  preferred: buildPerson({ givenNames: 'Alexandra', familyName: 'Nowak', preferredName: 'Sasha', dateOfBirth: '2012-12-12' }),
  oluwaseun: buildPerson({ givenNames: 'Oluwaseun', familyName: 'Adeyemi', dateOfBirth: '2013-05-05', sex: 'M' }),
  withheld: buildPerson({ givenNames: 'Keira', familyName: 'Hollowell', locationWithheld: true, dateOfBirth: '2017-07-07' }),
  restricted: buildPerson({ givenNames: 'Harriet', familyName: `Restrictedname${CANARY}`, recordKind: 'restricted', dateOfBirth: '2011-01-11' }),
  sealed: buildPerson({ givenNames: 'Poppy', familyName: `Sealedname${CANARY}`, recordKind: 'sealed', dateOfBirth: '2018-08-08' }),
};

const search = async (query: Record<string, string>) => worker.get(`/people?${new URLSearchParams(query).toString()}`);
const resultIds = (body: string) => [...body.matchAll(/href="\/people\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

beforeAll(async () => {
  t = await startTestApp();
  // A realistic crowd of similar names around the people we look for.
  await seedSyntheticAuthority(t.db.database, t.deps.audit, { laCode: '999', population: 8_000, years: 5, seed: 5, asOf: '2026-03-31' });
  await insertPeople(t.db.database, Object.values(people), [
    buildAddress(people.withheld.id, { postcode: 'DB7 9ZZ', line1: `12 ${CANARY} Road` }),
    buildAddress(people.oluwaseun.id, { postcode: 'DB3 2QT' }),
  ]);
  worker = await t.signIn('social.worker');
});
afterAll(() => t.close());

describe('finding a person', () => {
  it.each([
    ['Mohammed Rahman', 'muhammad', 'another transliteration'],
    ['Mohamed Rahmen|1|6|2014', 'muhammad', 'a transliteration and a misspelling, with the date of birth'],
    ['roisin osullivan', 'roisin', 'no accents or apostrophe'],
    ['Roisin O Sullivan', 'roisin', 'the apostrophe as a space'],
    ['Lily Mae Smith Jones', 'lilyMae', 'hyphens as spaces'],
    ['Smith-Jones|9|9|2019', 'lilyMae', 'the double-barrelled surname and date of birth'],
    ['Sasha Nowak', 'preferred', 'the preferred name'],
    ['Alexandra Nowak', 'preferred', 'the legal name'],
    ['Nowak Alexandra', 'preferred', 'names in the other order'],
    ['Oluwaseyi Adeyemi', 'oluwaseun', 'a related Yoruba spelling'],
    ['Adeyemmi', 'oluwaseun', 'a misspelt family name alone'],
    ['Muhammad Rahnam', 'muhammad', 'two letters swapped, which changes how the name sounds'],
    ['Keria Holowel', 'withheld', 'both names misspelt'],
  ] as const)('finds %s in the top 3 (%s)', async (query: string, who: keyof typeof people, _why: string) => {
    const [name = '', day, month, year] = query.split('|');
    const response = await search(day && month && year ? { name, 'dob-day': day, 'dob-month': month, 'dob-year': year } : { name });
    expect(response.statusCode).toBe(200);
    expect(resultIds(response.body).slice(0, 3)).toContain(people[who].id);
  });

  it('finds by NHS number, UPN-less date of birth and postcode', async () => {
    expect(resultIds((await search({ identifier: people.roisin.nhsNumber! })).body)).toEqual([people.roisin.id]);
    const spaced = `${people.roisin.nhsNumber!.slice(0, 3)} ${people.roisin.nhsNumber!.slice(3, 6)} ${people.roisin.nhsNumber!.slice(6)}`;
    expect(resultIds((await search({ identifier: spaced })).body)).toEqual([people.roisin.id]);
    expect(resultIds((await search({ 'dob-day': '5', 'dob-month': '5', 'dob-year': '2013' })).body)).toContain(people.oluwaseun.id);
    expect(resultIds((await search({ postcode: 'db3 2qt' })).body)).toEqual([people.oluwaseun.id]);
  });

  it('ranks the person with the matching date of birth first among namesakes', async () => {
    const response = await search({ name: 'Muhammad Rahman', 'dob-day': '1', 'dob-month': '6', 'dob-year': '2014' });
    expect(resultIds(response.body)[0]).toBe(people.muhammad.id);
  });

  it('shows a withheld location as "Withheld" and never sends the postcode', async () => {
    const response = await search({ name: 'Keira Hollowell' });
    expect(resultIds(response.body)).toContain(people.withheld.id);
    expect(response.body).toContain('Withheld');
    expect(response.body).not.toContain('DB7 9ZZ');
    expect(response.body).not.toContain(CANARY);
  });

  it('says a restricted record exists and whom to contact, with no name, date or link', async () => {
    const response = await search({ name: 'Harriet Restrictedname' });
    expect(response.body).toContain('A restricted record matches this search');
    expect(response.body).not.toContain(CANARY);
    expect(response.body).not.toContain('11 January 2011');
    expect(resultIds(response.body)).not.toContain(people.restricted.id);
  });

  it('finds a renamed person by their new name, by sound and by spelling; their name words follow the new name', async () => {
    const renamed = buildPerson({ givenNames: 'Tamsin', familyName: 'Quigglesworth', dateOfBirth: '2015-03-03' });
    await insertPeople(t.db.database, [renamed], []);
    expect(resultIds((await search({ name: 'Tamsin Quiglesworth' })).body).slice(0, 3)).toContain(renamed.id);
    await t.db.database.tenant('999', (tx) => tx.execute(sql`update person set family_name = 'Brackenbury-Vale' where id = ${renamed.id}`));
    expect(resultIds((await search({ name: 'Tamsin Brackenbury Vale' })).body).slice(0, 3)).toContain(renamed.id);
    expect(resultIds((await search({ name: 'Tamsin Brakenbery Vael' })).body).slice(0, 3)).toContain(renamed.id);
    const words = await t.db.database.tenant('999', (tx) => tx.execute(sql`select word from person_name_word where person_id = ${renamed.id} order by word`));
    expect((words as { rows: { word: string }[] }).rows.map((r) => r.word)).toEqual(['brackenbury', 'tamsin', 'vale']);
  });

  it('never shows a sealed record to anyone outside its access list, not even that it exists', async () => {
    for (const query of [{ name: 'Poppy Sealedname' }, { identifier: people.sealed.nhsNumber! }, { 'dob-day': '8', 'dob-month': '8', 'dob-year': '2018' }]) {
      const response = await search(query);
      expect(response.body).not.toContain(CANARY);
      expect(response.body).not.toContain('restricted record');
      expect(resultIds(response.body)).not.toContain(people.sealed.id);
    }
  });

  it('shows restricted and sealed records to the people on their access list', async () => {
    const manager = await t.signIn('team.manager');
    const { rows } = await t.db.superuser((c) => c.query<{ id: string }>(`select id from user_account where username = 'team.manager'`));
    await t.db.database.tenant('999', (tx) =>
      tx.execute(sql`insert into person_access (person_id, user_id, la_code, reason) values
        (${people.sealed.id}, ${rows[0]!.id}, '999', 'adoption team'), (${people.restricted.id}, ${rows[0]!.id}, '999', 'named senior manager')`),
    );
    const sealed = await manager.get(`/people?${new URLSearchParams({ name: 'Poppy Sealedname' }).toString()}`);
    expect(resultIds(sealed.body)).toContain(people.sealed.id);
    const restricted = await manager.get(`/people?${new URLSearchParams({ name: 'Harriet Restrictedname' }).toString()}`);
    expect(resultIds(restricted.body)).toContain(people.restricted.id);
    expect(restricted.body).toContain('Restricted record');
  });

  it('lists every problem with the form, in page order, and searches for nothing', async () => {
    const response = await search({ name: 'x', 'dob-day': '31', 'dob-month': '2', 'dob-year': '2015', identifier: '123', postcode: 'nowhere' });
    expect(response.statusCode).toBe(400);
    const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(response.body)![1]!;
    expect([...summary.matchAll(/href="#([a-z]+)"/g)].map((m) => m[1])).toEqual(['dob', 'identifier', 'postcode']);
    expect(response.body).not.toMatch(/people found|closest matches/);
  });

  it('is for staff who need it: partners and the data team are refused', async () => {
    for (const username of ['police.partner', 'data.analyst']) {
      const s = await t.signIn(username);
      expect((await s.get('/people?name=Rahman')).statusCode).toBe(403);
    }
  });

  it('records each search in the audit trail without the words searched for', async () => {
    await search({ name: 'Mohammed Rahman' });
    const [event] = (await t.deps.audit.recent('999', 5)).filter((e) => e.action === 'people_searched');
    expect(event).toMatchObject({ username: 'social.worker', details: { by: ['name'] } });
    expect(JSON.stringify(event)).not.toContain('Rahman');
  });
});
