// The CIN census from the browser. Wei Chen (data analyst) opens Returns, is asked again when she
// chooses no year, generates and checks the 2025-26 census of a small synthetic authority in which
// one child protection plan ends on the day it started (rule 8840), sees the error by rule and by
// child with the child's lead practitioner, and downloads the file and the report. Marcus Reid
// (team manager) follows the link from the same child to the record. Every page is checked with axe.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUTHORITY } from '../../src/seed/demo.ts';
import { seedSyntheticAuthority } from '../../src/seed/synthetic/authority.ts';
import { launchBrowser } from '../support/browser.ts';
import { newAppContext, pathOf, signIn, signOut, startBrowserApp, verifyPage, type AppContext, type BrowserApp } from '../support/browser-app.ts';
import { click, errorSummary, navigateTo, textOf } from '../support/journey.ts';
import { rowsOf } from '../support/records.ts';

let app: BrowserApp;
let browser: Browser;
let ctx: AppContext;
let broken: { personId: string; laId: string };
let runPath = '';

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserApp(), launchBrowser()]);
  await seedSyntheticAuthority(app.testApp.db.database, app.testApp.deps.audit, { laCode: DEMO_AUTHORITY.code, population: 1_500, years: 2, seed: 4, asOf: '2026-03-31' });
  const [plan] = await rowsOf(app.testApp, `update cp_plan set ended_on = started_on
     where id = (select p.id from cp_plan p
                   join family_help_case c on c.id = p.case_id
                   join team t on t.id = c.team_id
                   join user_account m on m.id = t.manager_user_id
                  where p.kind = 'child_protection' and p.started_on between '2025-04-01' and '2026-03-01' and m.username = 'team.manager' and c.closed_on is null
                  order by p.started_on limit 1)
     returning person_id, (select la_person_id from person where id = person_id) as la_id`);
  broken = { personId: String(plan!['person_id']), laId: String(plan!['la_id']) };
  ctx = await newAppContext(browser, app, { acceptDownloads: true });
});

afterAll(async () => {
  await ctx?.close();
  await browser?.close();
  await app?.close();
});

const RETURNS = { title: 'Returns – Stable Homes', heading: 'Returns' };

describe('The CIN census, generated, checked and downloaded in the browser', () => {
  it('the data analyst is asked again when she chooses no year', async () => {
    const { page } = ctx;
    await signIn(page, 'data.analyst');
    await navigateTo(page, 'Returns');
    await verifyPage(page, RETURNS);
    expect(await page.getByText('No census has been generated yet.').count()).toBe(1);
    await click(page, 'button', 'Generate and check the census');
    await verifyPage(page, { ...RETURNS, title: `Error: ${RETURNS.title}` });
    expect(await errorSummary(page)).toEqual(['Select the collection year']);
  });

  it('generates and checks the 2025-26 census, and sees the error by rule and by child', async () => {
    const { page } = ctx;
    await page.getByLabel('2025-26').check();
    await click(page, 'button', 'Generate and check the census');
    expect(pathOf(page)).toMatch(/^\/returns\/cin\/[0-9a-f-]{36}$/);
    runPath = pathOf(page);
    await verifyPage(page, { title: 'CIN census 2025-26 – Stable Homes', heading: 'Children in Need census 2025-26' });
    expect(await textOf(page.locator('.govuk-caption-l'))).toBe('1 April 2025 to 31 March 2026');
    expect(await page.locator('.govuk-summary-list').getByText('Errors to fix').count()).toBe(1);
    const byRule = page.locator('table').first();
    expect(await textOf(byRule.locator('tr', { hasText: '8840' }))).toContain('Child Protection Plan cannot start and end on the same day');
    const child = page.locator('table').nth(1).locator('tr', { hasText: broken.laId });
    expect(await textOf(child)).toContain('8840 (error)');
    // The data team see whom to ask, not a link into the record.
    expect(await child.getByRole('link').count()).toBe(0);
  });

  it('downloads the census and the report', async () => {
    const { page } = ctx;
    const [xml] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the census (XML)' }).click()]);
    expect(xml.suggestedFilename()).toBe(`CIN_census_${DEMO_AUTHORITY.code}_2025-26.xml`);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the report (CSV)' }).click()]);
    expect(csv.suggestedFilename()).toBe(`CIN_census_${DEMO_AUTHORITY.code}_2025-26_report.csv`);
    await navigateTo(page, 'Returns');
    await verifyPage(page, RETURNS);
    expect(await page.getByRole('link', { name: /^2025-26/ }).count()).toBe(1);
    ctx.expectNoBrowserErrors();
  });

  // The child is one of the manager's teams' (they may open the record; the census names every child with a problem).
  it('a team manager follows the child from the census to their record', async () => {
    const { page } = ctx;
    await signOut(page);
    await signIn(page, 'team.manager');
    await page.goto(runPath);
    await verifyPage(page, { title: 'CIN census 2025-26 – Stable Homes', heading: 'Children in Need census 2025-26' });
    const child = page.locator('table').nth(1).locator('tr', { hasText: broken.laId });
    expect(await textOf(child)).toMatch(/^DB\d+ \S.+ 8840 \(error\)/); // with the lead practitioner's name
    await child.getByRole('link').click();
    await page.waitForURL(`**/people/${broken.personId}`);
    const [who] = await rowsOf(app.testApp, `select given_names || ' ' || family_name as name from person where id = $1`, [broken.personId]);
    await verifyPage(page, { title: `${String(who!['name'])} – Stable Homes`, heading: String(who!['name']) });
    ctx.expectNoBrowserErrors();
  });
});
