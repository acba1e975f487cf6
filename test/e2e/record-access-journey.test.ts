// Who can open a record, in a real browser with axe on every page: the manager of the team holding
// a child's case restricts it (mistakes first), keeps its access list, and a colleague off the list
// is refused; then the privacy officer finds it by its LA person ID and seals it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase } from '../builders/cases.ts';
import { buildPerson, insertPeople } from '../builders/people.ts';
import { launchBrowser } from '../support/browser.ts';
import { navigates, newAppContext, pathOf, signIn, startBrowserApp, verifyPage, type AppContext, type BrowserApp } from '../support/browser-app.ts';
import { errorSummary } from '../support/journey.ts';

let app: BrowserApp;
let browser: Browser;
const child = buildPerson({ givenNames: 'Nell', familyName: 'Ravensworth', dateOfBirth: '2013-02-11', sex: 'F', laPersonId: 'DB7700101' });
const NAME = 'Nell Ravensworth';

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserApp(), launchBrowser()]);
  const t = app.testApp;
  await insertPeople(t.db.database, [child]);
  // Nell's Family Help case, led by Priya Shah (family.help) in the Northfield team that team.manager manages.
  await buildCase(t, child, { request: { concerns: 'Missing school', submitterOrganisation: 'Oakfield' }, decide: { reasons: 'Attendance', primaryNeed: 'N4', basis: 'early_help' } });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function signedIn(username: string): Promise<AppContext> {
  const ctx = await newAppContext(browser, app);
  await signIn(ctx.page, username);
  return ctx;
}

/** The access list's rows: who, and why. */
const listed = async (page: Page) =>
  (await page.getByRole('table', { name: 'People on the access list' }).locator('tbody tr').all()).length === 0
    ? []
    : Promise.all((await page.getByRole('table', { name: 'People on the access list' }).locator('tbody tr').all()).map(async (row) => (await row.locator('td').first().innerText()).split('\n')[0]!.trim()));

describe('who can open a record', () => {
  it('the manager restricts it and keeps its list; a colleague off the list is refused', async () => {
    const manager = await signedIn('team.manager');
    const colleague = await signedIn('social.worker');
    try {
      const { page } = manager;
      await page.goto(`/people/${child.id}`);
      await verifyPage(page, { title: `${NAME} – Stable Homes`, heading: NAME });
      await navigates(page, () => page.getByRole('link', { name: 'Who can open this record' }).click());
      expect(pathOf(page)).toBe(`/people/${child.id}/access`);
      await verifyPage(page, { title: `Who can open ${NAME}’s record – Stable Homes – Demo Borough Council`, heading: 'Who can open this record' });
      expect(await page.getByLabel('Ordinary').isChecked()).toBe(true);
      expect(await page.getByLabel('Sealed').count()).toBe(0); // the privacy officer's

      // Restricted, without saying why: the error first, nothing changed.
      await page.getByLabel('Restricted').check();
      await navigates(page, () => page.getByRole('button', { name: 'Save the record kind' }).click());
      await verifyPage(page, { title: `Error: Who can open ${NAME}’s record`, heading: 'Who can open this record' });
      expect(await errorSummary(page)).toEqual(['Enter why']);
      await page.getByLabel('Restricted').check();
      await page.getByLabel('Why', { exact: true }).fill('Nell’s mother works in the Northfield team');
      await navigates(page, () => page.getByRole('button', { name: 'Save the record kind' }).click());
      await verifyPage(page, { title: `Who can open ${NAME}’s record`, heading: 'Who can open this record' });
      expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain('Saved. It applies from the next page anyone opens.');
      expect(await page.getByLabel('Restricted').isChecked()).toBe(true);
      // Her lead practitioner and the manager stay on the list.
      expect((await listed(page)).sort()).toEqual(['Marcus Reid', 'Priya Shah']);

      // The colleague in the same team is now refused, and search says only that a restricted record exists.
      const refused = await colleague.page.goto(`/people/${child.id}`);
      expect(refused?.status()).toBe(403);
      await verifyPage(colleague.page, { title: 'This is a restricted record', heading: 'This is a restricted record' });
      expect(await colleague.page.getByText(NAME).count()).toBe(0);

      // Add the colleague, who is covering: a reason is needed.
      await page.getByLabel('Who', { exact: true }).selectOption({ label: 'Tom Okafor – Social worker, Demo Borough Council Children’s Services' });
      await navigates(page, () => page.getByRole('button', { name: 'Add to the list' }).click());
      await verifyPage(page, { title: 'Error: Who can open', heading: 'Who can open this record' });
      expect(await errorSummary(page)).toEqual(['Enter why they need it']);
      await page.getByLabel('Who', { exact: true }).selectOption({ label: 'Tom Okafor – Social worker, Demo Borough Council Children’s Services' });
      await page.getByLabel('Why they need it').fill('Covering visits while Priya is on leave');
      await navigates(page, () => page.getByRole('button', { name: 'Add to the list' }).click());
      expect((await listed(page)).sort()).toEqual(['Marcus Reid', 'Priya Shah', 'Tom Okafor']);
      const opened = await colleague.page.goto(`/people/${child.id}`);
      expect(opened?.status()).toBe(200);

      // And take him off again.
      await navigates(page, () => page.getByRole('button', { name: 'Remove Tom Okafor from the access list' }).click());
      expect((await listed(page)).sort()).toEqual(['Marcus Reid', 'Priya Shah']);
      expect((await colleague.page.goto(`/people/${child.id}`))?.status()).toBe(403);
      manager.expectNoBrowserErrors();
      colleague.expectNoBrowserErrors();
    } finally {
      await Promise.all([manager.close(), colleague.close()]);
    }
  });

  it('the privacy officer finds it by its LA person ID and seals it', async () => {
    const admin = await signedIn('admin');
    try {
      const { page } = admin;
      await navigates(page, () => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Record access' }).click());
      await verifyPage(page, { title: 'Restricted and sealed records – Stable Homes – Demo Borough Council', heading: 'Restricted and sealed records' });
      expect(await page.getByRole('table', { name: '1 restricted or sealed record' }).getByRole('link', { name: NAME }).count()).toBe(1);

      await page.getByLabel('Find a record by its LA person ID').fill('DB0000000');
      await navigates(page, () => page.getByRole('button', { name: 'Find' }).click());
      await verifyPage(page, { title: 'Error: Restricted and sealed records', heading: 'Restricted and sealed records' });
      expect(await errorSummary(page)).toEqual(['No one in this authority has that LA person ID']);

      await page.getByLabel('Find a record by its LA person ID').fill('DB7700101');
      await navigates(page, () => page.getByRole('button', { name: 'Find' }).click());
      expect(pathOf(page)).toBe(`/people/${child.id}/access`);
      await verifyPage(page, { title: `Who can open ${NAME}’s record`, heading: 'Who can open this record' });
      await page.getByLabel('Sealed').check();
      await page.getByLabel('Why', { exact: true }).fill('Adoption order made on 1 March 2026');
      await navigates(page, () => page.getByRole('button', { name: 'Save the record kind' }).click());
      expect(await page.getByLabel('Sealed').isChecked()).toBe(true);
      await verifyPage(page, { title: `Who can open ${NAME}’s record`, heading: 'Who can open this record' });
      admin.expectNoBrowserErrors();
    } finally {
      await admin.close();
    }
  });
});
