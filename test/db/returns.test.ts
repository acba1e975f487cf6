// The Returns pages: the data team and managers generate the CIN census from the record, see its
// errors by rule and by child, and download the file and the report; every download is audited.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStructure } from '../../src/modules/returns/cin/structure.ts';
import { DEMO_AUTHORITY } from '../../src/seed/demo.ts';
import { seedSyntheticAuthority } from '../../src/seed/synthetic/authority.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { rowsOf, summaryFields, userIdOf } from '../support/records.ts';

let t: TestApp;
let analyst: Session;
let manager: Session;
/** The child whose plan was made to break rule 8840, and the run that found it. */
let broken: { personId: string; laId: string };
let runPath: string;

const runCount = async () => Number((await rowsOf(t, 'select count(*)::int as n from return_run'))[0]!['n']);

beforeAll(async () => {
  t = await startTestApp();
  await seedSyntheticAuthority(t.db.database, t.deps.audit, { laCode: DEMO_AUTHORITY.code, population: 2_000, years: 2, seed: 3, asOf: '2026-03-31' });
  // A child protection plan that ends on the day it started, in the 2025-26 year: rule 8840.
  const [plan] = await rowsOf(t, `update cp_plan set ended_on = started_on
     where id = (select id from cp_plan where kind = 'child_protection' and started_on between '2025-04-01' and '2026-03-01' order by started_on limit 1)
     returning person_id, (select la_person_id from person where id = person_id) as la_id`);
  broken = { personId: String(plan!['person_id']), laId: String(plan!['la_id']) };
  [analyst, manager] = await Promise.all([t.signIn('data.analyst'), t.signIn('team.manager')]);
});
afterAll(() => t.close());

describe('the Returns pages', () => {
  it('are for the data team and managers only', async () => {
    expect((await analyst.get('/')).body).toContain('href="/returns"');
    expect((await analyst.get('/returns')).statusCode).toBe(200);
    expect((await manager.get('/returns')).statusCode).toBe(200);
    for (const username of ['social.worker', 'family.help', 'police.partner', 'admin']) {
      const other = await t.signIn(username);
      expect((await other.get('/returns')).statusCode, username).toBe(403);
      expect((await other.postRaw('/returns/cin', { collection: '2025-26' })).statusCode, username).toBe(403);
    }
  });

  it('ask again, with a GOV.UK error, when no collection year is chosen, and start nothing', async () => {
    for (const fields of [{}, { collection: '2019-20' }]) {
      const page = await analyst.post('/returns/cin', fields, '/returns');
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('Select the collection year');
      expect(summaryFields(page.body)).toEqual(['collection']);
    }
    expect(await runCount()).toBe(0);
  });

  it('generate and check a census, then show its errors by rule and by child', async () => {
    const started = await analyst.post('/returns/cin', { collection: '2025-26' }, '/returns');
    expect(started.statusCode).toBe(303);
    runPath = started.headers.location as string;
    expect(runPath).toMatch(/^\/returns\/cin\/[0-9a-f-]{36}$/);
    const page = await analyst.get(runPath);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Children in Need census 2025-26');
    expect(page.body).toContain('1 April 2025 to 31 March 2026');
    expect(page.body).toContain('Errors to fix');
    expect(page.body).toContain('Child Protection Plan cannot start and end on the same day');
    expect(page.body).toContain(broken.laId);
    // The data team see who to ask; only those who may open records get a link to it.
    expect(page.body).not.toContain(`href="/people/${broken.personId}"`);
    const managersView = (await manager.get(runPath)).body;
    expect(managersView).toContain(`href="/people/${broken.personId}"`);
    // A manager is linked only to records they could open, never to a refusal: a child whose record
    // is made restricted (the manager not on its list) is still listed by LA ID, without a link.
    const linked = [...new Set([...managersView.matchAll(/href="\/people\/([0-9a-f-]{36})"/g)].map((m) => m[1]!))];
    const other = linked.find((id) => id !== broken.personId)!;
    const [{ la_person_id: otherLaId } = {}] = await rowsOf(t, "update person set record_kind = 'restricted' where id = $1 returning la_person_id", [other]);
    try {
      const after = (await manager.get(runPath)).body;
      expect(after).not.toContain(`href="/people/${other}"`);
      expect(after).toContain(String(otherLaId));
      expect(after).toContain(`href="/people/${broken.personId}"`);
    } finally {
      await rowsOf(t, "update person set record_kind = 'ordinary' where id = $1", [other]);
    }
    const [lead] = await rowsOf(t, 'select lead_practitioner_name as name from family_help_case where person_id = $1 order by referral_date desc limit 1', [broken.personId]);
    expect(page.body).toContain(`<td class="govuk-table__cell">${String(lead!['name'])}</td>`);
    // It is listed, with its counts, on the Returns page.
    expect((await analyst.get('/returns')).body).toContain(`href="${runPath}"`);
    const [run] = await rowsOf(t, 'select status, children, errors, structure_valid, requested_by from return_run');
    expect(run).toMatchObject({ status: 'done', structure_valid: true, requested_by: await userIdOf(t, 'data.analyst') });
    expect(Number(run!['errors'])).toBeGreaterThanOrEqual(1);
    expect(Number(run!['children'])).toBeGreaterThan(50);
  });

  it('download the census as it was checked, and its CSV report; every download is audited', async () => {
    const xml = await analyst.get(`${runPath}/census.xml`);
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-disposition']).toBe(`attachment; filename="CIN_census_${DEMO_AUTHORITY.code}_2025-26.xml"`);
    expect(await checkStructure(xml.body, '2025-26')).toEqual({ valid: true, problems: [] });
    expect(xml.headers['cache-control']).toBe('no-store');

    const csv = await analyst.get(`${runPath}/report.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows: string[][] = parse(csv.body, {});
    expect(rows[0]).toEqual(['Rule', 'Type', 'LA child ID', 'Referral date', 'Fields', 'Message']);
    expect(rows.some((r) => r[0] === '8840' && r[1] === 'Error' && r[2] === broken.laId)).toBe(true);

    const events = await rowsOf(t, `select action, outcome, details->>'run' as run from audit_event where action in ('cin_census_generated', 'cin_census_checked', 'cin_census_downloaded', 'cin_report_downloaded') order by seq`);
    const id = runPath.split('/').pop();
    const ofRun = events.filter((e) => e['run'] === id);
    expect(ofRun.map((e) => e['action'])).toEqual(expect.arrayContaining(['cin_census_generated', 'cin_census_checked', 'cin_census_downloaded', 'cin_report_downloaded']));
    expect(ofRun.every((e) => e['outcome'] === 'success')).toBe(true);
    // Those refused were recorded too.
    expect(events.filter((e) => e['action'] === 'cin_census_generated' && e['outcome'] === 'denied')).toHaveLength(4);
  });

  it('show a census still running as in progress, and one its server abandoned as failed', async () => {
    const analystId = await userIdOf(t, 'data.analyst');
    const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
    for (const [id, when] of [[ids[0], 'now()'], [ids[1], `now() - interval '2 hours'`]] as const) {
      await rowsOf(t, `insert into return_run (id, la_code, kind, collection, status, stage, requested_by, requested_by_name, requested_at) values ($1, $2, 'cin_census', '2024-25', 'running', 'Reading the record', $3, 'Wei Chen', ${when})`, [id, DEMO_AUTHORITY.code, analystId]);
    }
    const running = await analyst.get(`/returns/cin/${ids[0]}`);
    expect(running.body).toContain('In progress');
    expect(running.body).toContain('Refresh this page');
    const abandoned = await analyst.get(`/returns/cin/${ids[1]}`);
    expect(abandoned.body).toContain('The census stopped before it finished');
    expect((await analyst.get(`/returns/cin/${ids[0]}/census.xml`)).statusCode).toBe(404);
    expect((await analyst.get('/returns/cin/not-a-run')).statusCode).toBe(404);
  });
});
