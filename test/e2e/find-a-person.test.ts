// Finding a person in a real browser: the search form, its errors, and results, each checked with axe.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddress, buildPerson, insertPeople } from '../builders/people.ts';
import { launchBrowser } from '../support/browser.ts';
import { newAppContext, signIn, signOut, startBrowserApp, verifyPage, type BrowserApp } from '../support/browser-app.ts';

let app: BrowserApp;
let browser: Browser;
const amara = buildPerson({ givenNames: 'Amara', familyName: 'Okonkwo-Bennett', preferredName: 'Mara', dateOfBirth: '2016-04-21' });
const stranger = buildPerson({ givenNames: 'Unallocated', familyName: 'Child', dateOfBirth: '2014-01-01' });

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserApp(), launchBrowser()]);
  await insertPeople(app.testApp.db.database, [amara, stranger], [buildAddress(amara.id, { postcode: 'DB4 6TR' })]);
  const db = app.testApp.db;
  const [{ id: userId }] = (await db.superuser((c) => c.query<{ id: string }>("select id from user_account where username = 'family.help'"))).rows as [{ id: string }];
  await db.superuser((c) =>
    c.query("insert into allocation (id, person_id, user_id, la_code, capacity, from_date) values (gen_random_uuid(), $1, $2, '999', 'Lead practitioner (Family Help)', '2026-01-01')", [amara.id, userId]),
  );
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('find a person', () => {
  it('searches by a misspelt name, lists the person with their preferred and legal names, and shows form errors', async () => {
    const ctx = await newAppContext(browser, app);
    try {
      const { page } = ctx;
      await signIn(page, 'family.help');
      await page.getByRole('link', { name: 'Find a person' }).click();
      await verifyPage(page, { title: 'Find a person – Stable Homes – Demo Borough Council', heading: 'Find a person' });

      await page.getByLabel('Name').fill('Amara Okonkwo Benet');
      await page.getByRole('button', { name: 'Search' }).click();
      await verifyPage(page, { title: 'Find a person', heading: 'Find a person' });
      const row = page.getByRole('row', { name: /Mara Okonkwo-Bennett/ });
      expect(await row.getByText('Legal name: Amara Okonkwo-Bennett').count()).toBe(1);
      expect(await row.getByText('21 April 2016').count()).toBe(1);
      expect(await row.getByText('DB4 6TR').count()).toBe(1);

      await page.getByLabel('Name').fill('');
      await page.getByLabel('Day').fill('31');
      await page.getByLabel('Month').fill('2');
      await page.getByLabel('Year').fill('2016');
      await page.getByLabel('NHS number or UPN').fill('1234567890');
      await page.getByRole('button', { name: 'Search' }).click();
      await verifyPage(page, { title: 'Error: Find a person', heading: 'Find a person' });
      const summary = page.locator('.govuk-error-summary');
      expect(await summary.getByRole('link').allInnerTexts()).toEqual([
        'Date of birth must be a real date, like 3 3 2015',
        'Enter a real NHS number: 10 digits, like 943 476 5919',
      ]);
      ctx.expectNoBrowserErrors();
    } finally {
      await ctx.close();
    }
  });

  it("opens an allocated child's record from the results and My work; refuses an unallocated one", async () => {
    const ctx = await newAppContext(browser, app);
    try {
      const { page } = ctx;
      await signIn(page, 'family.help');
      await page.getByRole('link', { name: 'Mara Okonkwo-Bennett' }).click(); // from My work
      await verifyPage(page, { title: 'Mara Okonkwo-Bennett – Stable Homes', heading: 'Mara Okonkwo-Bennett' });
      expect(await page.getByText(/^Priya Shah – Lead practitioner \(Family Help\), since/).count()).toBe(1);

      // Add a significant event, first with a mistake, and see it in the chronology.
      await page.getByRole('link', { name: 'Add a significant event' }).click();
      await verifyPage(page, { title: 'Add a significant event', heading: 'Add a significant event' });
      await page.getByLabel('Day').fill('2');
      await page.getByLabel('Month').fill('3');
      await page.getByLabel('Year').fill('2026');
      await page.getByRole('button', { name: 'Add to chronology' }).click();
      await verifyPage(page, { title: 'Error: Add a significant event', heading: 'Add a significant event' });
      expect(await page.locator('.govuk-error-summary').getByRole('link').allInnerTexts()).toEqual(['Select what kind of event it was', 'Enter what happened']);
      await page.getByLabel('Family change').check();
      await page.getByLabel('What happened').fill('Grandmother moved in to help');
      await page.getByRole('button', { name: 'Add to chronology' }).click();
      await verifyPage(page, { title: 'Mara Okonkwo-Bennett', heading: 'Mara Okonkwo-Bennett' });
      expect(await page.getByText('The event was added to the chronology').count()).toBe(1);
      expect(await page.getByRole('row', { name: /2 March 2026 Grandmother moved in to help/ }).count()).toBe(1);

      await page.goto(`/people/${stranger.id}`);
      await verifyPage(page, { title: 'You are not allocated to this child', heading: 'You are not allocated to this child' });
      expect(await page.getByText('Unallocated Child').count()).toBe(0);

      // Emergency access: a reason, then the record read only, then a manager's review.
      await page.getByRole('link', { name: 'Get emergency access' }).click();
      await verifyPage(page, { title: 'Get emergency access', heading: 'Get emergency access' });
      await page.getByRole('button', { name: 'Open the record' }).click();
      await verifyPage(page, { title: 'Error: Get emergency access', heading: 'Get emergency access' });
      await page.getByLabel('The child is missing').check();
      await page.getByLabel('Explain what has happened').fill('Police report the child missing from home since 6pm.');
      await page.getByRole('button', { name: 'Open the record' }).click();
      await verifyPage(page, { title: 'Unallocated Child', heading: 'Unallocated Child' });
      expect(await page.getByText(/You are using emergency access until/).count()).toBe(1);
      await signOut(page);
      await signIn(page, 'team.manager');
      await page.getByRole('link', { name: 'Access reviews' }).click();
      await verifyPage(page, { title: 'Access reviews', heading: 'Access reviews' });
      expect(await page.getByText('family.help opened Unallocated Child’s record').count()).toBe(1);
      ctx.expectNoBrowserErrors();
    } finally {
      await ctx.close();
    }
  });
});
