// The CIN census rules at the moment of recording: a save that breaks an error rule is refused with
// the problem at its field and nothing saved; one that raises a query is saved, and the next page
// says what the census will ask. Problems the child already had never block new work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/platform/clock.ts';
import { buildCase } from '../builders/cases.ts';
import { buildPerson, insertPeople } from '../builders/people.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { dateFields, rowsOf, summaryFields } from '../support/records.ts';

const clock = new FakeClock(new Date('2026-05-11T10:00:00Z')); // Monday 11 May 2026
let t: TestApp;
let lead: Session;
let caseId: string;
const child = buildPerson({ givenNames: 'Nell', familyName: 'Trevanion', dateOfBirth: '2016-01-09', sex: 'F' });
const assessments = async () => rowsOf(t, 'select started_on::text as s, completed_on::text as c from assessment where case_id = $1', [caseId]);

beforeAll(async () => {
  t = await startTestApp({ clock });
  await insertPeople(t.db.database, [child]);
  ({ caseId } = await buildCase(t, child, { request: { concerns: 'Unexplained bruises' } }));
  lead = await t.signIn('family.help');
});
afterAll(() => t.close());

describe('census rules when a fact is recorded', () => {
  it('refuses an assessment starting before the referral (rule 1103), at the field, saving nothing', async () => {
    const refused = await lead.post(`/cases/${caseId}/assessment/start`, dateFields('started', '2026-05-08'));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('An assessment cannot start before the referral (the referral of 11 May 2026)');
    expect(summaryFields(refused.body)).toEqual(['started']);
    expect(refused.body).toContain('name="started-day" type="text" value="8"');
    expect(await assessments()).toEqual([]);
    // The real date is saved.
    expect((await lead.post(`/cases/${caseId}/assessment/start`, dateFields('started', '2026-05-11'))).statusCode).toBe(303);
    expect(await assessments()).toEqual([{ s: '2026-05-11', c: null }]);
  });

  it('saves a closure the census will query (rule 8585Q: closed as died, with no date of death) and says so on the next page', async () => {
    const form = await lead.get(`/cases/${caseId}/assessment`);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    const completed = await lead.post(`/cases/${caseId}/assessment`, { version, ...dateFields('completed', '2026-05-11'), factors: ['2A'], childSeen: 'yes', childSeenAlone: 'yes', childViews: 'Said little', analysis: 'Needs help' });
    expect(completed.statusCode).toBe(303);
    const caseVersion = /name="version" value="(\d+)"/.exec((await lead.get(`/cases/${caseId}/close`)).body)?.[1] ?? '';
    const closed = await lead.post(`/cases/${caseId}/close`, { version: caseVersion, ...dateFields('closed', '2026-05-11'), reason: 'RC2' });
    expect(closed.statusCode).toBe(303);
    expect(closed.headers.location).toBe(`/cases/${caseId}?saved=closed&check=8585Q`);
    const page = await lead.get(closed.headers.location as string);
    expect(page.body).toContain('The Children in Need census will ask about this');
    expect(page.body).toContain('The case was closed because the child died, but their record has no date of death');
    expect((await rowsOf(t, 'select closure_reason from family_help_case where id = $1', [caseId]))[0]!['closure_reason']).toBe('RC2');
  });

  it('names only query rules from the page address: anything else there is ignored', async () => {
    const page = await lead.get(`/cases/${caseId}?check=1103,<script>,8585Q`);
    expect(page.body).not.toContain('An assessment cannot start before the referral');
    expect(page.body).not.toContain('&lt;script&gt;');
  });
});
