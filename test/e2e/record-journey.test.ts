// A practitioner's journey through a child's record in a real browser: find the child with a
// misspelt name, open their record, read their network (diagram and table) and chronology, add a
// significant event (mistakes first), then filter the chronology to it. Every page is checked with axe.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMany, peopleTables } from '../../src/modules/people/repository.ts';
import { buildAddress, buildPerson, buildRelationship, insertPeople } from '../builders/people.ts';
import { launchBrowser } from '../support/browser.ts';
import { TEST_PASSWORD, navigates, newAppContext, pathOf, startBrowserApp, submitSignIn, verifyPage, type BrowserApp } from '../support/browser-app.ts';

let app: BrowserApp;
let browser: Browser;

const child = buildPerson({ givenNames: 'Olivia', familyName: 'Pemberton-Achebe', dateOfBirth: '2015-09-14', sex: 'F' });
const mother = buildPerson({ givenNames: 'Grace', familyName: 'Achebe', dateOfBirth: '1988-02-03', sex: 'F' });
const brother = buildPerson({ givenNames: 'Samuel', familyName: 'Pemberton-Achebe', dateOfBirth: '2012-11-30', sex: 'M' });
const grandfather = buildPerson({ givenNames: 'Joseph', familyName: 'Achebe', dateOfBirth: '1955-06-06', sex: 'M' });
const friend = buildPerson({ givenNames: 'Ruth', familyName: 'Adeyemi-Clarke', dateOfBirth: '1979-04-04', sex: 'F' });
const NAME = 'Olivia Pemberton-Achebe';

const related = buildRelationship;

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserApp(), launchBrowser()]);
  const db = app.testApp.db;
  await insertPeople(db.database, [child, mother, brother, grandfather, friend], [buildAddress(child.id, { line1: '14 Canal Street', town: 'Ashby Marsh', postcode: 'DB4 2PL', fromDate: '2019-06-01' })]);
  await db.database.tenant('999', (tx) =>
    insertMany(tx, peopleTables.relationship, [
      related(mother.id, child.id, 'parent', { parentalResponsibility: true, mattersToChild: true }),
      related(child.id, brother.id, 'sibling', { mattersToChild: true }), // stored from the child's side: read back as "Brother"
      related(grandfather.id, child.id, 'grandparent'),
      related(friend.id, child.id, 'family_friend', { contactArrangement: 'Fortnightly, at weekends' }),
    ]),
  );
  const [{ id: userId }] = (await db.superuser((c) => c.query<{ id: string }>("select id from user_account where username = 'family.help'"))).rows as [{ id: string }];
  await db.superuser((c) =>
    c.query("insert into allocation (id, person_id, user_id, la_code, capacity, from_date) values (gen_random_uuid(), $1, $2, '999', 'Lead practitioner (Family Help)', '2026-01-05')", [child.id, userId]),
  );
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The text of each body row's cells, whitespace collapsed. */
async function bodyRows(table: Locator): Promise<string[][]> {
  const rows = await table.locator('tbody tr').all();
  return Promise.all(rows.map(async (row) => (await row.locator('td').allInnerTexts()).map((cell) => cell.replace(/\s+/g, ' ').trim())));
}

const chronology = (page: Page) => page.getByRole('table', { name: 'Chronology, newest first' });

describe("a practitioner's journey through a child's record", () => {
  it('finds the child by a misspelt name, reads their network and chronology, adds a significant event and filters to it', async () => {
    const ctx = await newAppContext(browser, app);
    try {
      const { page } = ctx;

      // Sign in, and land on My work.
      await page.goto('/sign-in');
      await verifyPage(page, { title: 'Sign in – Stable Homes – Children’s services', heading: 'Sign in' });
      await submitSignIn(page, 'family.help', TEST_PASSWORD);
      await verifyPage(page, { title: 'My work – Stable Homes – Demo Borough Council', heading: 'My work' });

      // Find a person, spelling the name wrongly.
      await navigates(page, () => page.getByRole('link', { name: 'Find a person' }).click());
      await verifyPage(page, { title: 'Find a person – Stable Homes', heading: 'Find a person' });
      await page.getByLabel('Name').fill('Olivya Pemberton Achebi');
      await navigates(page, () => page.getByRole('button', { name: 'Search' }).click());
      await verifyPage(page, { title: 'Find a person', heading: 'Find a person' });
      const results = page.getByRole('table', { name: 'Search results, closest match first' });
      const first = results.locator('tbody tr').first();
      expect(await first.getByRole('link').innerText()).toBe(NAME);
      expect((await bodyRows(results))[0]).toEqual([NAME, expect.stringMatching(/^14 September 2015 \(\d+ years\)$/), 'DB4 2PL']);

      // Open the record from the results.
      await navigates(page, () => first.getByRole('link', { name: NAME }).click());
      await verifyPage(page, { title: `${NAME} – Stable Homes – Demo Borough Council`, heading: NAME });
      expect(pathOf(page)).toBe(`/people/${child.id}`);
      // The worker is named (issue 13, item 10).
      expect(await page.getByText('Priya Shah – Lead practitioner (Family Help), since 5 January 2026').count()).toBe(1);

      // The family network: a diagram with an accessible name that says who matters, in words...
      const diagram = page.getByRole('img', { name: new RegExp(`^${NAME}'s network: 4 people\\. Who matters to ${NAME}: `) });
      expect(await diagram.count()).toBe(1);
      const description = (await diagram.getAttribute('aria-label')) ?? '';
      expect(description).toContain('Grace Achebe (Mother)');
      expect(description).toContain('Samuel Pemberton-Achebe (Brother)');
      expect(description).not.toContain('Joseph Achebe'); // in the network, but has not been said to matter to Olivia
      expect(description).not.toContain('Ruth Adeyemi-Clarke');
      expect(await diagram.locator('svg').count()).toBe(1);
      const drawn = (await diagram.locator('svg text').allTextContents()).map((t) => t.trim());
      for (const label of [NAME, 'Grace Achebe', 'Mother', 'Samuel Pemberton-Achebe', 'Brother', 'Joseph Achebe', 'Grandfather', 'Ruth Adeyemi-Clarke', 'Family friend']) {
        expect(drawn, `the diagram draws "${label}"`).toContain(label);
      }

      // ...and the same relationships as a table.
      const network = page.getByRole('table', { name: `People related to ${NAME}` });
      const people = (await bodyRows(network)).map(([name = '', ...rest]) => [name.replace(/ \d+ (years?|months?).*$/, ''), ...rest]);
      expect(people.sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual([
        ['Grace Achebe', 'Mother', 'Yes', 'Yes', ''],
        ['Joseph Achebe', 'Grandfather', 'Not said', 'No', ''],
        ['Ruth Adeyemi-Clarke', 'Family friend', 'Not said', 'No', 'Fortnightly, at weekends'],
        ['Samuel Pemberton-Achebe', 'Brother', 'Yes', 'No', ''],
      ]);
      const tableNames = people.map(([name]) => name);
      expect(drawn.filter((t) => tableNames.includes(t)).sort()).toEqual([...tableNames].sort());
      // Her mother's record is not one Priya could open (she is allocated to the child, not to her):
      // the name is there, with no link that would lead to a refusal.
      expect(await network.getByRole('link', { name: 'Grace Achebe' }).count()).toBe(0);

      // The chronology, newest first, built from the record.
      expect(await bodyRows(chronology(page))).toEqual([
        ['5 January 2026', 'Allocated: Lead practitioner (Family Help)', 'Workers'],
        ['1 June 2019', 'Moved to 14 Canal Street, Ashby Marsh', 'Home and address'],
        ['14 September 2015', 'Born', 'Birth'],
      ]);

      // Add a significant event: first with nothing filled in.
      await navigates(page, () => page.getByRole('link', { name: 'Add a significant event' }).click());
      await verifyPage(page, { title: 'Add a significant event – Stable Homes', heading: 'Add a significant event' });
      await navigates(page, () => page.getByRole('button', { name: 'Add to chronology' }).click());
      await verifyPage(page, { title: 'Error: Add a significant event – Stable Homes', heading: 'Add a significant event' });
      const summary = page.locator('.govuk-error-summary');
      expect(await summary.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
      expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Enter the date it happened', 'Select what kind of event it was', 'Enter what happened']);
      expect(await page.locator('.govuk-error-summary:focus').count(), 'the error summary takes focus').toBe(1);
      expect(await page.locator('#title-error').innerText()).toContain('Enter what happened'); // the message beside the field too
      await summary.getByRole('link', { name: 'Enter what happened' }).click();
      expect(await page.locator('input#title:focus').count(), 'the link moves focus to the field').toBe(1);

      // Then correctly.
      await page.getByLabel('Day').fill('16');
      await page.getByLabel('Month').fill('2');
      await page.getByLabel('Year').fill('2026');
      await page.getByLabel('Education').check();
      await page.getByLabel('What happened').fill('Started at Oakfield Primary School');
      await page.getByLabel('Details (optional)').fill('Settled well in her first week.');
      await navigates(page, () => page.getByRole('button', { name: 'Add to chronology' }).click());

      // Back on the record, the event is in the chronology, newest first.
      await verifyPage(page, { title: `${NAME} – Stable Homes`, heading: NAME });
      expect(pathOf(page)).toBe(`/people/${child.id}?added=1`);
      expect(await page.locator('.govuk-notification-banner--success').getByText('The event was added to the chronology').count()).toBe(1);
      expect(await bodyRows(chronology(page))).toEqual([
        ['16 February 2026', 'Started at Oakfield Primary School Settled well in her first week. Recorded by Priya Shah', 'Education'],
        ['5 January 2026', 'Allocated: Lead practitioner (Family Help)', 'Workers'],
        ['1 June 2019', 'Moved to 14 Canal Street, Ashby Marsh', 'Home and address'],
        ['14 September 2015', 'Born', 'Birth'],
      ]);

      // Filter the chronology to that kind of event.
      await page.getByLabel('Show').selectOption({ label: 'Education' });
      await navigates(page, () => page.getByRole('button', { name: 'Filter' }).click());
      await verifyPage(page, { title: `${NAME} – Stable Homes`, heading: NAME });
      expect(pathOf(page)).toBe(`/people/${child.id}?category=education`);
      expect(await page.getByLabel('Show').inputValue()).toBe('education');
      expect(await bodyRows(chronology(page))).toEqual([
        ['16 February 2026', 'Started at Oakfield Primary School Settled well in her first week. Recorded by Priya Shah', 'Education'],
      ]);
      expect(await page.getByText('The event was added to the chronology').count()).toBe(0);

      // A kind with nothing in it says so.
      await page.getByLabel('Show').selectOption({ label: 'Police' });
      await navigates(page, () => page.getByRole('button', { name: 'Filter' }).click());
      await verifyPage(page, { title: `${NAME} – Stable Homes`, heading: NAME });
      expect(await chronology(page).count()).toBe(0);
      expect(await page.getByText('Nothing of this kind is recorded.').count()).toBe(1);

      // Nothing refused by the Content Security Policy (the diagram's SVG carries no inline styles), no script errors.
      ctx.expectNoBrowserErrors();
    } finally {
      await ctx.close();
    }
  });
});
