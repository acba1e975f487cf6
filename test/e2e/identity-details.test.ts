// Recording what a child wants people to know, in a real browser: the form, its errors, the
// saved details on the record with whom each is shared. Every page is checked with axe.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, insertPeople } from '../builders/people.ts';
import { launchBrowser } from '../support/browser.ts';
import { navigates, newAppContext, signIn, startBrowserApp, verifyPage, type BrowserApp } from '../support/browser-app.ts';

let app: BrowserApp;
let browser: Browser;
const child = buildPerson({ givenNames: 'Katherine', familyName: 'Ellery', dateOfBirth: '2010-10-10', sex: 'F' });

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserApp(), launchBrowser()]);
  const db = app.testApp.db;
  await insertPeople(db.database, [child]);
  await db.superuser((c) =>
    c.query(
      "insert into allocation (id, person_id, user_id, la_code, capacity, from_date) select gen_random_uuid(), $1, id, '999', 'Lead practitioner (Family Help)', '2026-01-05' from user_account where username = 'family.help'",
      [child.id],
    ),
  );
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('what a child wants people to know', () => {
  it('records the name they use and their pronouns, each shared as the child chose, after correcting a mistake', async () => {
    const ctx = await newAppContext(browser, app);
    try {
      const { page } = ctx;
      await signIn(page, 'family.help');
      await page.goto(`/people/${child.id}`);
      await verifyPage(page, { title: 'Katherine Ellery – Stable Homes', heading: 'Katherine Ellery' });
      expect(await page.getByText('Nothing they have chosen to share with you.').count()).toBe(1);

      await navigates(page, () => page.getByRole('link', { name: 'Record or change what they want people to know' }).click());
      await verifyPage(page, { title: 'What Katherine Ellery wants people to know – Stable Homes', heading: 'What Katherine Ellery wants people to know' });

      // The name they use, but no choice of who may see it: an error, linked to the choice.
      await page.getByLabel('Name they use (in their words)').fill('Kit');
      await page.getByLabel('Pronouns (in their words)').fill('they/them');
      await page.getByRole('group', { name: 'Pronouns' }).getByLabel('Only their allocated workers').check();
      await navigates(page, () => page.getByRole('button', { name: 'Save' }).click());
      await verifyPage(page, { title: 'Error: What Katherine Ellery wants people to know', heading: 'What Katherine Ellery wants people to know' });
      const summary = page.locator('.govuk-error-summary');
      expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Select who they want to see the name they use']);
      expect(await page.getByLabel('Name they use (in their words)').inputValue()).toBe('Kit');

      await page.getByRole('group', { name: 'Name they use' }).getByLabel('Everyone working with them').check();
      await navigates(page, () => page.getByRole('button', { name: 'Save' }).click());
      await verifyPage(page, { title: 'Kit Ellery – Stable Homes', heading: 'Kit Ellery' });
      expect(await page.getByText('What they want people to know was saved').count()).toBe(1);
      const details = page.locator('#identity + .govuk-summary-list');
      expect((await details.innerText()).replace(/\s+/g, ' ')).toContain('Pronouns they/them Shared with: Only their allocated workers');
      expect((await details.innerText()).replace(/\s+/g, ' ')).toContain('Name they use Kit Shared with: Everyone working with them');
      ctx.expectNoBrowserErrors();
    } finally {
      await ctx.close();
    }
  });
});
