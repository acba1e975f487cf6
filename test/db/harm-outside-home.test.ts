// Harm outside the home: a context (a place, a peer group, an online space) linking several
// children who are not related; an extra-familial harm plan, joint with youth justice, that can
// continue past 18 to 25; a child protection plan only for a child under 18.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/platform/clock.ts';
import { insertMany, peopleTables } from '../../src/modules/people/repository.ts';
import { buildCase } from '../builders/cases.ts';
import { buildPerson, buildRelationship, insertPeople } from '../builders/people.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { dateFields, principalOf, rowsOf } from '../support/records.ts';

const clock = new FakeClock(new Date('2026-05-05T10:00:00Z')); // Tuesday 5 May 2026
let t: TestApp;
let lead: Session;
let cpLead: Session;
const children = [
  buildPerson({ givenNames: 'Tyrese', familyName: 'Holloway', dateOfBirth: '2010-01-10', sex: 'M' }),
  buildPerson({ givenNames: 'Callum', familyName: 'Ashworth', dateOfBirth: '2009-06-11', sex: 'M' }),
  buildPerson({ givenNames: 'Leah', familyName: 'Marchetti', dateOfBirth: '2008-05-20', sex: 'F' }), // 18 on 20 May 2026
];
const caseIds: string[] = [];

const cp = (i: number, path = '') => `/cases/${caseIds[i]!}/child-protection${path}`;

beforeAll(async () => {
  t = await startTestApp({ clock });
  await insertPeople(t.db.database, children);
  for (const child of children) caseIds.push((await buildCase(t, child, { decision: 'strategy_discussion', request: { concerns: 'Seen with older men at the underpass late at night', familyKnows: 'yes' }, decide: { reasons: 'Exploitation' } })).caseId);
  [lead, cpLead] = await Promise.all([t.signIn('family.help'), t.signIn('cp.lead')]);
});
afterAll(() => t.close());

describe('harm outside the home', () => {
  it('the multi-agency team adds a context; practitioners link three unrelated children to it', async () => {
    expect((await lead.get('/contexts')).statusCode).toBe(403);
    const bad = await cpLead.post('/contexts/new', { kind: 'place' }, '/contexts/new');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a name for the context');
    const added = await cpLead.post('/contexts/new', { kind: 'place', name: 'Riverside Park underpass', description: 'Older men meet children here after dark', ...dateFields('identified', '2026-05-01') }, '/contexts/new');
    expect(added.statusCode).toBe(303);
    const contextId = /\/contexts\/([0-9a-f-]{36})/.exec(added.headers.location as string)![1]!;
    for (const i of [0, 1, 2]) {
      const linked = await lead.post(cp(i, '/link-context'), { context: contextId, why: 'Seen at the underpass by police' }, cp(i, '/link-context'));
      expect(linked.statusCode, `child ${i}`).toBe(303);
    }
    const page = await cpLead.get(`/contexts/${contextId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Children linked (3)');
    expect(page.body).toContain('3 of them are not related to any other child linked here');
    for (const child of children) expect(page.body).toContain(child.familyName);
    // Names are linked only where the record would open: not for the Child Protection Lead Practitioner,
    // who has taken none of their strategy discussions; for the manager of the team that holds their cases.
    for (const child of children) expect(page.body).not.toContain(`href="/people/${child.id}"`);
    const managersView = await (await t.signIn('team.manager')).get(`/contexts/${contextId}`);
    for (const child of children) expect(managersView.body).toContain(`href="/people/${child.id}"`);
    // The view is audited on each child's record.
    const audited = await rowsOf(t, `select child_id from audit_event where action = 'harm_context_viewed'`);
    expect(new Set(audited.map((a) => a['child_id']))).toEqual(new Set(children.map((c) => c.id)));
    expect((await lead.get(cp(0))).body).toContain('Riverside Park underpass');
    // Linked already: not offered again.
    expect((await lead.get(cp(0))).body).not.toContain('to a context of harm outside the home</a>');
  });

  it('sees children who are related, whichever way round the relationship was recorded', async () => {
    await t.db.database.tenant('999', (tx) => insertMany(tx, peopleTables.relationship, [buildRelationship(children[1]!.id, children[2]!.id, 'half_sibling')]));
    const contextId = (await rowsOf(t, 'select id from harm_context'))[0]!['id'] as string;
    const page = await cpLead.get(`/contexts/${contextId}`);
    expect(page.body).toContain('1 of them is not related to any other child linked here');
    // Each is named as related to the other: once in their own row, once in the other's.
    expect((page.body.match(/Callum Ashworth/g) ?? []).length).toBe(2);
    expect((page.body.match(/Leah Marchetti/g) ?? []).length).toBe(2);
  });

  it('a strategy discussion decides on a plan for harm outside the home: one joint plan with youth justice, past 18', async () => {
    const principal = await principalOf(t, 'cp.lead');
    for (const i of [0, 2]) {
      const [d] = await rowsOf(t, 'select id, version from strategy_discussion where case_id = $1', [caseIds[i]]);
      await t.deps.childProtection.take(principal, String(d!['id']), Number(d!['version']));
      await t.deps.childProtection.recordDiscussion(principal, String(d!['id']), { version: Number(d!['version']) + 1, heldOn: '2026-05-05', agencies: ['police', 'social_care', 'other'], decision: 'extra_familial_harm', reasons: 'Criminal exploitation' });
    }
    const bad = await cpLead.post(cp(0, '/efh-plan'), { ...dateFields('started', '2026-05-05'), youthJustice: 'yes' }, cp(0, '/efh-plan'));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the youth justice worker’s name');
    const started = await cpLead.post(cp(0, '/efh-plan'), { ...dateFields('started', '2026-05-05'), jointAssessment: 'Exploited to carry drugs', youthJustice: 'yes', youthJusticeWorker: 'Sam Okoro, Youth Justice Service' }, cp(0, '/efh-plan'));
    expect(started.statusCode).toBe(303);
    const page = await lead.get(cp(0));
    expect(page.body).toContain('Extra-familial harm plan');
    expect(page.body).toContain('One joint plan with the youth justice service: Sam Okoro');
    expect((await lead.get(`/cases/${caseIds[0]!}`)).body).toContain('joint with youth justice (Sam Okoro, Youth Justice Service)');
    // Not counted as a child protection plan.
    expect((await rowsOf(t, `select kind from cp_plan where case_id = $1`, [caseIds[0]]))[0]!['kind']).toBe('extra_familial_harm');

    // Leah turns 18 on 20 May: her extra-familial harm plan carries on past it.
    expect((await cpLead.post(cp(2, '/efh-plan'), { ...dateFields('started', '2026-05-05'), jointAssessment: 'Groomed online', youthJustice: 'no' }, cp(2, '/efh-plan'))).statusCode).toBe(303);
    clock.set(new Date('2026-09-01T10:00:00Z'));
    [lead, cpLead] = await Promise.all([t.signIn('family.help'), t.signIn('cp.lead')]);
    const review = await cpLead.post(cp(2, '/review-conference'), { ...dateFields('held', '2026-08-05'), attendees: 'Chair\nHannah Price', childViews: 'I am safer', childViewsHow: 'directly', parentsViews: 'Relieved', decision: 'continue', reasons: 'Still at risk online' }, cp(2, '/review-conference'));
    expect(review.statusCode).toBe(303);
    expect((await rowsOf(t, `select ended_on from cp_plan where case_id = $1`, [caseIds[2]]))[0]!['ended_on']).toBeNull();
  });

  it('a child protection plan is for a child under 18', async () => {
    const principal = await principalOf(t, 'cp.lead');
    // A new discussion for Leah, now 18: a conference cannot start a child protection plan.
    await t.deps.childProtection.endPlan(principal, (await rowsOf(t, 'select id from cp_plan where case_id = $1', [caseIds[2]]))[0]!['id'] as string, { version: 2, endedOn: '2026-09-01', reason: 'other' });
    await t.deps.childProtection.conveneFromCase(await principalOf(t, 'family.help'), caseIds[2]!, { urgent: true, concerns: 'New concerns' });
    const [d] = await rowsOf(t, 'select id, version from strategy_discussion where case_id = $1 and decided_at is null', [caseIds[2]]);
    await t.deps.childProtection.take(principal, String(d!['id']), Number(d!['version']));
    await t.deps.childProtection.recordDiscussion(principal, String(d!['id']), { version: Number(d!['version']) + 1, heldOn: '2026-09-01', agencies: ['police', 'social_care'], decision: 'section_47', reasons: 'x' });
    // The conference follows the enquiry's outcome.
    const [enquiry] = await rowsOf(t, 'select id, version from section47_enquiry where case_id = $1 and completed_on is null', [caseIds[2]]);
    await t.deps.childProtection.completeEnquiry(principal, String(enquiry!['id']), { version: Number(enquiry!['version']), completedOn: '2026-09-01', outcome: 'conference', findings: 'x' });
    const refused = await cpLead.post(cp(2, '/initial-conference'), { ...dateFields('held', '2026-09-01'), attendees: 'Chair', childViews: 'x', childViewsHow: 'directly', parentsViews: 'x', decision: 'plan', category: 'EMO', reasons: 'x' }, cp(2, '/initial-conference'));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('A child protection plan is for a child under 18: they turned 18 on 20 May 2026');
  });
});
