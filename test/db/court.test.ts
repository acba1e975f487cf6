// Court on the one case: pre-proceedings, the family group decision making guard, proceedings
// against the 26-week clock, hearings and the outcome; who may record them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/platform/clock.ts';
import { buildProtectionPlan, buildSection47 } from '../builders/cases.ts';
import { buildPerson, insertPeople } from '../builders/people.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { dateFields, principalOf, rowsOf } from '../support/records.ts';

const clock = new FakeClock(new Date('2026-04-01T10:00:00Z')); // Wednesday 1 April 2026
let t: TestApp;
let lead: Session;
let cpLead: Session;
let manager: Session;
const children = [
  buildPerson({ givenNames: 'Orla', familyName: 'Penhallow', dateOfBirth: '2019-02-02', sex: 'F' }),
  buildPerson({ givenNames: 'Rhys', familyName: 'Tregarthen', dateOfBirth: '2020-03-03', sex: 'M' }),
];
const caseIds: string[] = [];

const court = (i: number, path = '') => `/cases/${caseIds[i]!}/court${path}`;

beforeAll(async () => {
  t = await startTestApp({ clock });
  await insertPeople(t.db.database, children);
  for (const child of children) caseIds.push((await buildSection47(t, child, { heldOn: '2026-04-01', request: { concerns: 'Found alone at home' } })).caseId);
  [lead, cpLead, manager] = await Promise.all([t.signIn('family.help'), t.signIn('cp.lead'), t.signIn('team.manager')]);
});
afterAll(() => t.close());

describe('court work on the case', () => {
  it('begins for a child already on a child protection plan: the case shows the plan and pre-proceedings side by side', async () => {
    const child = buildPerson({ givenNames: 'Ines', familyName: 'Carrow', dateOfBirth: '2018-05-05', sex: 'F' });
    await insertPeople(t.db.database, [child]);
    const { caseId } = await buildProtectionPlan(t, child, { heldOn: '2026-04-01', conferenceOn: '2026-04-01', category: 'EMO' });
    expect((await cpLead.post(`/cases/${caseId}/court/letter`, dateFields('sent', '2026-04-01'), `/cases/${caseId}/court/letter`)).statusCode).toBe(303);
    const page = (await lead.get(`/cases/${caseId}`)).body;
    expect(page).toContain('Child protection plan since 1 April 2026 (Emotional abuse)');
    expect(page).toContain('Pre-proceedings since 1 April 2026');
  });

  it('is the Child Protection Lead Practitioner’s or the manager’s to record; the family’s lead reads it', async () => {
    expect((await lead.get(court(0))).statusCode).toBe(200);
    expect((await lead.get(court(0))).body).not.toContain('Start pre-proceedings');
    expect((await lead.get(court(0, '/letter'))).statusCode).toBe(403);
    expect((await cpLead.get(court(0))).body).toContain('Start pre-proceedings');
    expect((await manager.get(court(0, '/letter'))).statusCode).toBe(200);
  });

  it('refuses to issue proceedings until family group decision making is offered, or an emergency is recorded', async () => {
    expect((await cpLead.post(court(0, '/letter'), dateFields('sent', '2026-04-01'), court(0, '/letter'))).statusCode).toBe(303);
    const page = await cpLead.get(court(0, '/issue'));
    expect(page.body).toContain('Family group decision making has not been offered to this family');
    const refused = await cpLead.post(court(0, '/issue'), { ...dateFields('issued', '2026-04-01'), court: 'Family Court at Demoford', application: 'care_order' }, court(0, '/issue'));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter the emergency, and why family group decision making could not be offered first');
    expect((await rowsOf(t, 'select issued_on from court_proceedings where case_id = $1', [caseIds[0]]))[0]!['issued_on']).toBeNull();
    // The service holds the rule whatever a form sends.
    await expect(t.deps.court.issue(await principalOf(t, 'cp.lead'), caseIds[0]!, { version: 1, issuedOn: '2026-04-01', court: 'X', application: 'care_order', emergencyReason: undefined })).rejects.toMatchObject({ statusCode: 409, id: 'fgdm_required' });

    expect((await cpLead.post(court(0, '/fgdm'), { ...dateFields('offered', '2026-04-01'), response: 'held' }, court(0, '/fgdm'))).statusCode).toBe(303);
    expect((await cpLead.post(court(0, '/meeting'), { ...dateFields('held', '2026-04-01'), summary: 'Parents and their solicitor attended' }, court(0, '/meeting'))).statusCode).toBe(303);
    const issued = await cpLead.post(court(0, '/issue'), { ...dateFields('issued', '2026-04-01'), court: 'Family Court at Demoford', application: 'care_order' }, court(0, '/issue'));
    expect(issued.statusCode).toBe(303);
    const overview = await lead.get(court(0));
    expect(overview.body).toContain('To finish by 30 September 2026'); // 26 weeks from 1 April 2026
    const myWork = await lead.get('/');
    expect(myWork.body).toContain('Conclude care proceedings');
    expect((await lead.get(`/people/${children[0]!.id}`)).body).toContain('Family group decision making offered');
  });

  it('issues in an emergency without the offer, with the reason recorded', async () => {
    const issued = await manager.post(court(1, '/issue'), { ...dateFields('issued', '2026-04-01'), court: 'Family Court at Demoford', application: 'emergency_protection_order', emergencyReason: 'Baby found with a serious injury; not safe to wait' }, court(1, '/issue'));
    expect(issued.statusCode).toBe(303);
    const [p] = await rowsOf(t, 'select fgdm_offered_on, emergency_reason from court_proceedings where case_id = $1', [caseIds[1]]);
    expect(p).toMatchObject({ fgdm_offered_on: null, emergency_reason: 'Baby found with a serious injury; not safe to wait' });
  });

  it('asks why when proceedings run past 26 weeks; the case cannot close while they are open', async () => {
    clock.set(new Date('2026-10-13T10:00:00Z'));
    [lead, cpLead] = await Promise.all([t.signIn('family.help'), t.signIn('cp.lead')]);
    expect((await lead.get('/')).body).toContain('Overdue since 30 September 2026');
    const version = /name="version" value="(\d+)"/.exec((await lead.get(`/cases/${caseIds[0]!}/close`)).body)?.[1] ?? '';
    expect((await lead.post(`/cases/${caseIds[0]!}/close`, { version, ...dateFields('closed', '2026-10-13'), reason: 'RC8' }, `/cases/${caseIds[0]!}/close`)).statusCode).toBe(409);
    expect((await cpLead.post(court(0, '/hearing'), { ...dateFields('held', '2026-10-12'), hearingType: 'final', summary: 'Final hearing' }, court(0, '/hearing'))).statusCode).toBe(303);
    const late = await cpLead.post(court(0, '/outcome'), { ...dateFields('decided', '2026-10-12'), outcome: 'supervision_order' }, court(0, '/outcome'));
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('Enter why the proceedings took longer than 26 weeks (they were due to finish by 30 September 2026)');
    expect((await cpLead.post(court(0, '/outcome'), { ...dateFields('decided', '2026-10-12'), outcome: 'supervision_order', extensionReason: 'An expert assessment was needed' }, court(0, '/outcome'))).statusCode).toBe(303);
    expect((await lead.get(court(0))).body).toContain('Proceedings concluded: Supervision order');
  });
});
