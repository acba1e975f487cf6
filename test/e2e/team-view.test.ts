// The manager's team view in a real browser (issue 13, item 14): Marcus Reid (team.manager) opens
// Team on a small synthetic authority (his Northfield team holds some 80 open cases), sees the first
// 50, most urgent first, and pages on; reads the caseloads, picks the lead practitioner with the
// most overdue work and narrows the list to her overdue cases with the filter form, then sorts them
// by the child's family name; opens the link to one case. Without JavaScript the same form works, its
// state in the query string; a mistyped link shows the first page. Every page is checked with axe.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInEngland } from '../../src/platform/clock.ts';
import { DEMO_AUTHORITY } from '../../src/seed/demo.ts';
import { seedSyntheticAuthority } from '../../src/seed/synthetic/authority.ts';
import { launchBrowser } from '../support/browser.ts';
import { navigates, newAppContext, pathOf, signIn, startBrowserApp, verifyPage, type AppContext, type BrowserApp } from '../support/browser-app.ts';
import { click, navigateTo, textOf } from '../support/journey.ts';
import { rowsOf } from '../support/records.ts';

let app: BrowserApp;
let browser: Browser;
/** The Northfield team's open cases, as the database holds them (no restricted or sealed child in this authority). */
let open: { caseId: string; familyName: string; givenNames: string; openedOn: string; basis: string }[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserApp(), launchBrowser()]);
  await seedSyntheticAuthority(app.testApp.db.database, app.testApp.deps.audit, { laCode: DEMO_AUTHORITY.code, population: 3_000, years: 2, seed: 3, asOf: todayInEngland().toString() });
  open = (
    await rowsOf(
      app.testApp,
      `select c.id, p.family_name, coalesce(p.preferred_name, p.given_names) as given_names, p.record_kind, c.opened_on::text as opened_on,
              (select b.basis from case_basis b where b.case_id = c.id and b.to_date is null) as basis
         from family_help_case c join person p on p.id = c.person_id join team t on t.id = c.team_id
        where t.name = 'Northfield Family Help team' and c.closed_on is null`,
    )
  ).map((r) => {
    expect(r['record_kind']).toBe('ordinary');
    return { caseId: String(r['id']), familyName: String(r['family_name']), givenNames: String(r['given_names']), openedOn: String(r['opened_on']), basis: String(r['basis']) };
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const names = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const pages = () => Math.ceil(open.length / 50);

/** The list of cases: its caption, and each row's case, child, lead practitioner and what is due. */
const list = (page: Page) => page.locator('table').filter({ has: page.locator('caption', { hasText: /^\s*Showing/ }) });
async function listed(page: Page) {
  const rows = await list(page).locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row: Locator) => {
      const cells = row.locator('td');
      const link = cells.nth(0).getByRole('link');
      return {
        caseId: ((await link.getAttribute('href')) ?? '').replace('/cases/', ''),
        child: await textOf(link),
        lead: await textOf(cells.nth(1)),
        due: await textOf(cells.nth(4)),
      };
    }),
  );
}
const caption = async (page: Page) => textOf(list(page).locator('caption'));

/** Chooses an option of a select found by its label. */
const choose = (page: Page, label: string, option: string) => page.getByLabel(label, { exact: true }).selectOption({ label: option });
const showCases = (page: Page) => navigates(page, () => page.getByRole('button', { name: 'Show cases' }).click());

describe('The team view, paged, filtered and sorted', () => {
  let ctx: AppContext;
  let busiest = { name: '', cases: 0, overdue: 0 };

  beforeAll(async () => {
    ctx = await newAppContext(browser, app);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('the manager opens Team and sees the first 50 of his team’s cases, most urgent first', async () => {
    const { page } = ctx;
    expect(open.length).toBeGreaterThan(50);
    await signIn(page, 'team.manager');
    await navigateTo(page, 'Team');
    await verifyPage(page, { title: `Team (page 1 of ${pages()})`, heading: 'Team' });
    expect(await caption(page)).toBe(`Showing 1 to 50 of ${open.length} cases`);
    const first = await listed(page);
    expect(first).toHaveLength(50);
    // Overdue first: once a case with nothing overdue is listed, no overdue case follows it.
    const overdue = first.map((r) => r.due.includes('Overdue since'));
    expect(overdue[0]).toBe(true);
    expect(overdue.indexOf(false) === -1 || !overdue.slice(overdue.indexOf(false)).includes(true)).toBe(true);
    expect(new Set(first.map((r) => r.caseId)).size).toBe(50);
    expect(first.every((r) => open.some((c) => c.caseId === r.caseId))).toBe(true);
  });

  it('pages on and back with the pagination links', async () => {
    const { page } = ctx;
    const first = await listed(page);
    await navigates(page, () => page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Next page' }).click());
    expect(pathOf(page)).toBe('/team?page=2');
    await verifyPage(page, { title: `Team (page 2 of ${pages()})`, heading: 'Team' });
    expect(await caption(page)).toBe(`Showing 51 to ${Math.min(100, open.length)} of ${open.length} cases`);
    const second = await listed(page);
    expect(second.filter((r) => first.some((f) => f.caseId === r.caseId))).toEqual([]);
    if (pages() === 2) expect(new Set([...first, ...second].map((r) => r.caseId))).toEqual(new Set(open.map((c) => c.caseId)));
    await navigates(page, () => page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Page 1' }).click());
    expect(pathOf(page)).toBe('/team');
    await verifyPage(page, { title: `Team (page 1 of ${pages()})`, heading: 'Team' });
  });

  it('reads the caseloads, and narrows the list to one lead practitioner’s overdue cases', async () => {
    const { page } = ctx;
    await page.getByText('Caseloads by lead practitioner').click();
    const caseloads = await page.getByRole('table', { name: 'Open cases by lead practitioner' }).locator('tbody tr').all();
    const loads = await Promise.all(caseloads.map(async (row) => (await row.locator('td').allInnerTexts()).map((t) => t.trim())));
    expect(loads.reduce((sum, [, cases]) => sum + Number(cases), 0)).toBe(open.length);
    const [name, cases, overdue] = loads.sort((a, b) => Number(b[2]) - Number(a[2]))[0]!;
    busiest = { name: name!, cases: Number(cases), overdue: Number(overdue) };
    expect(busiest.overdue).toBeGreaterThan(0);
    await choose(page, 'Lead practitioner', `${busiest.name} (${busiest.cases})`);
    await choose(page, 'What is due', 'Something overdue');
    await showCases(page);
    expect(pathOf(page)).toMatch(/^\/team\?worker=[0-9a-f-]{36}&due=overdue&type=&sort=urgent$/);
    await verifyPage(page, { title: 'Team', heading: 'Team' });
    expect(await caption(page)).toBe(`Showing 1 to ${busiest.overdue} of ${busiest.overdue} ${busiest.overdue === 1 ? 'case' : 'cases'} that match`);
    const rows = await listed(page);
    expect(rows.every((r) => r.lead === busiest.name && r.due.includes('Overdue since'))).toBe(true);
    // The form shows what was chosen.
    expect(await page.getByLabel('What is due', { exact: true }).inputValue()).toBe('overdue');
  });

  it('sorts them by the child’s family name, keeping the filters', async () => {
    const { page } = ctx;
    const before = await listed(page);
    await choose(page, 'Sort by', 'Child’s family name (A to Z)');
    await showCases(page);
    expect(pathOf(page)).toMatch(/^\/team\?worker=[0-9a-f-]{36}&due=overdue&type=&sort=child$/);
    await verifyPage(page, { title: 'Team', heading: 'Team' });
    const after = await listed(page);
    expect(new Set(after.map((r) => r.caseId))).toEqual(new Set(before.map((r) => r.caseId)));
    const byId = new Map(open.map((c) => [c.caseId, c]));
    const expected = [...after].sort((a, b) => names.compare(byId.get(a.caseId)!.familyName, byId.get(b.caseId)!.familyName) || names.compare(byId.get(a.caseId)!.givenNames, byId.get(b.caseId)!.givenNames));
    expect(after.map((r) => byId.get(r.caseId)!.familyName)).toEqual(expected.map((r) => byId.get(r.caseId)!.familyName));
  });

  it('opens a case from the list, and clears the filters', async () => {
    const { page } = ctx;
    const [row] = await listed(page);
    await click(page, 'link', row!.child);
    expect(pathOf(page)).toBe(`/cases/${row!.caseId}`);
    await verifyPage(page, { title: `Family Help: ${row!.child}`, heading: row!.child });
    await page.goBack();
    await click(page, 'link', 'Clear filters and order');
    expect(pathOf(page)).toBe('/team');
    await verifyPage(page, { title: `Team (page 1 of ${pages()})`, heading: 'Team' });
    ctx.expectNoBrowserErrors();
  });
});

describe('The team view without JavaScript', () => {
  it('filters and sorts with the same GET form, and a mistyped link shows the first page', async () => {
    const ctx = await newAppContext(browser, app, { javaScriptEnabled: false });
    try {
      const { page } = ctx;
      await signIn(page, 'team.manager');
      await page.goto('/team');
      await verifyPage(page, { title: `Team (page 1 of ${pages()})`, heading: 'Team' });
      await choose(page, 'Type of case', 'Child in need (section 17)');
      await choose(page, 'Sort by', 'Open longest first');
      await showCases(page);
      expect(pathOf(page)).toBe('/team?worker=&due=&type=section_17&sort=oldest');
      const childInNeed = open.filter((c) => c.basis === 'section_17');
      const shown = Math.min(50, childInNeed.length);
      await verifyPage(page, { title: childInNeed.length > 50 ? `Team (page 1 of ${Math.ceil(childInNeed.length / 50)})` : 'Team', heading: 'Team' });
      expect(await caption(page)).toBe(`Showing 1 to ${shown} of ${childInNeed.length} cases that match`);
      const rows = await listed(page);
      const opened = new Map(open.map((c) => [c.caseId, c.openedOn]));
      const dates = rows.map((r) => opened.get(r.caseId)!);
      expect(dates).toEqual([...dates].sort());
      expect(rows.every((r) => childInNeed.some((c) => c.caseId === r.caseId))).toBe(true);

      await page.goto('/team?page=abc&sort=nonsense&due=whenever');
      await verifyPage(page, { title: `Team (page 1 of ${pages()})`, heading: 'Team' });
      expect(await caption(page)).toBe(`Showing 1 to 50 of ${open.length} cases`);
      ctx.expectNoBrowserErrors();
    } finally {
      await ctx.close();
    }
  });
});
