// Every page an administrator can reach, the error pages, deactivating a signed-in user, and
// (issue 13, items 15 and 16) searching, paging and downloading the audit trail, creating an
// account, changing a role and team, unlocking and resetting a password.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import {
  TEST_PASSWORD,
  navigates,
  newAppContext,
  pathOf,
  signIn,
  startBrowserApp,
  submitSignIn,
  verifyPage,
  type AppContext,
  type BrowserApp,
} from '../support/browser-app.ts';

let app: BrowserApp;
let browser: Browser;
const open: AppContext[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A fresh browser context, signed in as `username`, on My work. */
async function signedIn(username: string, options: { javaScriptEnabled?: boolean; password?: string } = {}): Promise<AppContext> {
  const ctx = await newAppContext(browser, app, options.javaScriptEnabled === false ? { javaScriptEnabled: false } : {});
  open.push(ctx);
  await signIn(ctx.page, username, options.password);
  expect(pathOf(ctx.page), `${username} signed in`).toBe('/');
  return ctx;
}

/** Closes this test's contexts, failing if the browser reported errors in any of them. */
async function closeAll(): Promise<void> {
  const contexts = open.splice(0);
  try {
    for (const ctx of contexts) ctx.expectNoBrowserErrors();
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.close()));
  }
}

/** Follows a link in the service navigation. */
async function navigateTo(page: Page, name: string): Promise<void> {
  await navigates(page, () => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true }).click());
}

/** The text of the summary list row whose key is `key`. */
async function summaryValue(page: Page, key: string): Promise<string> {
  const row = page.locator('.govuk-summary-list__row').filter({ has: page.getByText(key, { exact: true }) });
  return (await row.locator('.govuk-summary-list__value').innerText()).trim();
}

describe('an administrator', () => {
  it('can reach every page, each accessible and with the right heading', async () => {
    try {
      const { page } = await signedIn('admin');
      await verifyPage(page, { title: 'My work – Stable Homes – Demo Borough Council', heading: 'My work' });
      expect(await page.getByRole('banner').getByText('Fiona Walsh, Administrator', { exact: true }).isVisible()).toBe(true);
      const nav = page.getByRole('navigation', { name: 'Menu' });
      expect(await nav.getByRole('link').allInnerTexts()).toEqual(['My work', 'Users', 'Access reviews', 'Record access', 'Audit trail']);
      // The current page is marked for assistive technology.
      expect(await nav.getByRole('link', { name: 'My work' }).getAttribute('aria-current')).toBeTruthy();

      await navigateTo(page, 'Users');
      expect(pathOf(page)).toBe('/users');
      await verifyPage(page, { title: 'Users – Stable Homes – Demo Borough Council', heading: 'Users' });
      expect(await nav.getByRole('link', { name: 'Users' }).getAttribute('aria-current')).toBeTruthy();
      const table = page.getByRole('table', { name: 'Users' });
      expect(await table.getByRole('row').count()).toBe(12); // header and the 11 demo users
      expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Name', 'Role', 'Organisation', 'Last signed in', 'Status']);

      await navigates(page, () => table.getByRole('link', { name: 'Priya Shah' }).click());
      expect(pathOf(page)).toMatch(/^\/users\/[0-9a-f-]{36}$/);
      await verifyPage(page, { title: 'Priya Shah – Stable Homes', heading: 'Priya Shah' });
      expect(await summaryValue(page, 'Username')).toBe('family.help');
      expect(await summaryValue(page, 'Role')).toBe('Family Help practitioner');
      expect(await summaryValue(page, 'Status')).toBe('Active');
      expect(await page.getByRole('button', { name: 'Deactivate account' }).isVisible()).toBe(true);

      await navigates(page, () => page.getByRole('link', { name: 'Back' }).click());
      expect(pathOf(page)).toBe('/users');
      // Administrators cannot deactivate themselves.
      await navigates(page, () => table.getByRole('link', { name: 'Fiona Walsh' }).click());
      await verifyPage(page, { title: 'Fiona Walsh', heading: 'Fiona Walsh' });
      expect(await page.getByRole('button', { name: 'Deactivate account' }).count()).toBe(0);

      await navigateTo(page, 'Audit trail');
      expect(pathOf(page)).toBe('/audit');
      await verifyPage(page, { title: 'Audit trail – Stable Homes – Demo Borough Council', heading: 'Audit trail' });
      expect(await page.getByRole('table', { name: /^Events 1 to \d+, newest first$/ }).isVisible()).toBe(true);

      await navigates(page, () => page.getByRole('button', { name: 'Check the audit trail' }).click());
      expect(pathOf(page)).toBe('/audit/verify');
      const banner = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Checked' }) });
      expect(await banner.getAttribute('class')).toContain('govuk-notification-banner--success');
      expect(await banner.innerText()).toMatch(/^Checked\s+The audit trail is intact: all \d+ events link up and none has been changed\.$/);
      await verifyPage(page, { title: 'Audit trail', heading: 'Audit trail' });

      const footer = page.getByRole('contentinfo');
      await navigates(page, () => footer.getByRole('link', { name: 'Accessibility statement' }).click());
      expect(pathOf(page)).toBe('/accessibility');
      await verifyPage(page, { title: 'Accessibility statement – Stable Homes – Demo Borough Council', heading: 'Accessibility statement' });

      await navigates(page, () => footer.getByRole('link', { name: 'Privacy notice' }).click());
      expect(pathOf(page)).toBe('/privacy');
      await verifyPage(page, { title: 'Privacy notice – Stable Homes – Demo Borough Council', heading: 'Privacy notice' });

      const missing = await page.goto('/no-such-page');
      expect(missing?.status()).toBe(404);
      await verifyPage(page, { title: 'Page not found – Stable Homes – Demo Borough Council', heading: 'Page not found' });
      // Still signed in: the 404 page keeps the header with the user and navigation.
      expect(await page.getByRole('banner').getByText('Fiona Walsh, Administrator').isVisible()).toBe(true);

      const notAUser = await page.goto('/users/not-a-uuid');
      expect(notAUser?.status()).toBe(404);
      await verifyPage(page, { title: 'Page not found', heading: 'Page not found' });
    } finally {
      await closeAll();
    }
  });

  it('sees pages a partner cannot: a school partner gets a 403 page for Users', async () => {
    try {
      const { page } = await signedIn('school.partner');
      expect(await page.getByRole('banner').getByText('Gareth Lewis, School (partner agency)').isVisible()).toBe(true);
      expect(await page.getByRole('navigation', { name: 'Menu' }).getByRole('link').allInnerTexts()).toEqual(['My work', 'Ask for help for a child', 'Shared with you']);

      const response = await page.goto('/users');
      expect(response?.status()).toBe(403);
      await verifyPage(page, {
        title: 'You do not have permission to see this page – Stable Homes – Demo Borough Council',
        heading: 'You do not have permission to see this page',
      });
      expect(await page.getByRole('table').count()).toBe(0);

      const audit = await page.goto('/audit');
      expect(audit?.status()).toBe(403);
      await verifyPage(page, { title: 'You do not have permission', heading: 'You do not have permission to see this page' });
    } finally {
      await closeAll();
    }
  });

  it('deactivates a signed-in team manager, whose very next page load lands on sign-in', async () => {
    try {
      const manager = await signedIn('team.manager');
      await verifyPage(manager.page, { title: 'My work', heading: 'My work' });
      expect(await manager.page.getByRole('banner').getByText('Marcus Reid, Team manager').isVisible()).toBe(true);

      const admin = await signedIn('admin');
      await navigateTo(admin.page, 'Users');
      await navigates(admin.page, () => admin.page.getByRole('link', { name: 'Marcus Reid' }).click());
      await verifyPage(admin.page, { title: 'Marcus Reid', heading: 'Marcus Reid' });
      const userPage = pathOf(admin.page);

      await navigates(admin.page, () => admin.page.getByRole('button', { name: 'Deactivate account' }).click());
      expect(pathOf(admin.page)).toBe(userPage);
      expect(await summaryValue(admin.page, 'Status')).toMatch(/^Deactivated on \d{1,2} [A-Z][a-z]+ \d{4}$/);
      expect(await admin.page.getByRole('button', { name: 'Reactivate account' }).isVisible()).toBe(true);
      await verifyPage(admin.page, { title: 'Marcus Reid', heading: 'Marcus Reid' });

      await navigateTo(admin.page, 'Users');
      const row = admin.page.getByRole('row').filter({ has: admin.page.getByRole('link', { name: 'Marcus Reid' }) });
      expect(await row.getByText('Deactivated', { exact: true }).isVisible()).toBe(true);

      // The team manager, still on My work, follows a link: the session has gone.
      await navigateTo(manager.page, 'Users');
      expect(pathOf(manager.page)).toBe('/sign-in?returnTo=%2Fusers');
      await verifyPage(manager.page, { title: 'Sign in', heading: 'Sign in' });
      expect(await manager.page.getByText('Marcus Reid').count()).toBe(0);
      expect(await manager.page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);

      // Nor can they sign in again.
      await signIn(manager.page, 'team.manager');
      expect(pathOf(manager.page)).toBe('/sign-in');
      expect(await manager.page.getByRole('alert').getByRole('link').allInnerTexts()).toEqual(['Enter a correct username and password']);
    } finally {
      await closeAll();
    }
  });
});

/** Opens a user's page from the list of users. */
async function openUser(page: Page, name: string): Promise<void> {
  await navigateTo(page, 'Users');
  await navigates(page, () => page.getByRole('table', { name: 'Users' }).getByRole('link', { name, exact: true }).click());
  await verifyPage(page, { title: name, heading: name });
}

/** The rows of the audit trail's results table, each as its cells' text. */
async function auditRows(page: Page): Promise<string[][]> {
  const rows = page.getByRole('table', { name: /^Events \d+ to \d+, newest first$/ }).locator('tbody tr');
  return Promise.all((await rows.all()).map(async (row) => (await row.locator('td').allInnerTexts()).map((t) => t.trim())));
}

/** Fills in a GOV.UK date input by its legend. */
async function fillDate(page: Page, legend: string, day: string, month: string, year: string): Promise<void> {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

describe('the audit trail, searched for an investigation', () => {
  it('finds events by user, action and outcome, pages through them with the filters kept, shows errors for a bad date, and downloads them (itself audited)', async () => {
    try {
      // Something to find: a practitioner's sign-in and search, and a long run of one worker's page views.
      const worker = await signedIn('family.help');
      await navigateTo(worker.page, 'Find a person');
      const { deps } = app.testApp;
      const busy = { userId: null, username: 'busy.worker', role: 'social_worker', organisation: 'Demo Borough Council Children’s Services' };
      for (let i = 0; i < 60; i++) await deps.audit.recordNow({ laCode: '999', actor: busy, action: 'page_view', outcome: 'success', method: 'GET', route: '/people' });

      const { page } = await signedIn('admin');
      await navigateTo(page, 'Audit trail');
      await page.getByLabel('Username').fill('family.help');
      await page.getByLabel('Action').selectOption({ label: 'Signed in' });
      await page.getByLabel('Outcome').selectOption({ label: 'Done' });
      await navigates(page, () => page.getByRole('button', { name: 'Find events' }).click());
      expect(pathOf(page)).toBe('/audit?user=family.help&child=&action=sign_in&outcome=success&from-day=&from-month=&from-year=&to-day=&to-month=&to-year=');
      await verifyPage(page, { title: 'Audit trail', heading: 'Audit trail' });
      expect(await page.getByRole('heading', { name: '1 event', exact: true }).isVisible()).toBe(true);
      const [row] = await auditRows(page);
      expect(row![2]).toMatch(/^family\.help\nFamily Help practitioner, Demo Borough Council Children’s Services$/);
      expect(row![3]).toMatch(/^Signed in/);
      expect(row![5]).toBe('Done');
      // The filters stay in the form.
      expect(await page.getByLabel('Username').inputValue()).toBe('family.help');

      // A date that does not exist: the GOV.UK error summary and message, nothing listed.
      await navigates(page, () => page.getByRole('link', { name: 'Clear the filters' }).click());
      expect(pathOf(page)).toBe('/audit');
      await fillDate(page, 'From', '31', '2', '2026');
      await navigates(page, () => page.getByRole('button', { name: 'Find events' }).click());
      await verifyPage(page, { title: 'Error: Audit trail', heading: 'Audit trail' });
      const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
      expect(await summary.getByRole('link').allInnerTexts()).toEqual(['The start date must be a real date, like 3 3 2026']);
      expect(await page.locator('#from-error').innerText()).toContain('The start date must be a real date, like 3 3 2026');
      expect(await page.getByRole('table').count()).toBe(0);

      // Paged, 50 at a time, with the filter kept from page to page.
      await page.goto('/audit?user=busy.worker');
      await verifyPage(page, { title: 'Audit trail', heading: 'Audit trail' });
      expect(await page.getByRole('heading', { name: '60 events', exact: true }).isVisible()).toBe(true);
      expect(await auditRows(page)).toHaveLength(50);
      const pages = page.getByRole('navigation', { name: 'Pages of audit events' });
      await navigates(page, () => pages.getByRole('link', { name: 'Next' }).click());
      expect(pathOf(page)).toBe('/audit?user=busy.worker&page=2');
      await verifyPage(page, { title: 'Audit trail', heading: 'Audit trail' });
      expect(await page.getByRole('table', { name: 'Events 51 to 60, newest first' }).isVisible()).toBe(true);
      expect((await auditRows(page)).map((r) => r[2])).toEqual(Array(10).fill('busy.worker\nSocial worker, Demo Borough Council Children’s Services'));
      expect(await pages.getByRole('link', { name: 'Previous' }).isVisible()).toBe(true);
      expect(await pages.getByRole('link', { name: 'Next' }).count()).toBe(0);

      // Downloaded as CSV: the filtered events only, and the download is in the trail.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these events (CSV)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^audit-trail-999-\d{4}-\d{2}-\d{2}\.csv$/);
      const rows = parse<Record<string, string>>(await readFile(await download.path(), 'utf8'), { columns: true });
      expect(rows).toHaveLength(60);
      expect(new Set(rows.map((r) => r['Username']))).toEqual(new Set(['busy.worker']));
      await page.goto('/audit?action=audit_trail_exported');
      await verifyPage(page, { title: 'Audit trail', heading: 'Audit trail' });
      const [exported] = await auditRows(page);
      expect(exported![2]).toMatch(/^admin\n/);
      expect(exported![3]).toMatch(/^Downloaded audit events\nGET \/audit\/events\.csv$/);
    } finally {
      await closeAll();
    }
  });

  it('works without JavaScript: the filters are a GET form', async () => {
    try {
      const { page } = await signedIn('data.analyst', { javaScriptEnabled: false });
      await page.goto('/audit');
      await page.getByLabel('Username').fill('data.analyst');
      await page.getByLabel('Outcome').selectOption({ label: 'Done' });
      await navigates(page, () => page.getByRole('button', { name: 'Find events' }).click());
      expect(pathOf(page)).toMatch(/^\/audit\?user=data\.analyst&/);
      await verifyPage(page, { title: 'Audit trail', heading: 'Audit trail' });
      const rows = await auditRows(page);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r[2]!.startsWith('data.analyst\n') && r[5] === 'Done')).toBe(true);
    } finally {
      await closeAll();
    }
  });
});

describe('account administration', () => {
  it('creates a local account with a generated password, shown once, that its new user signs in with', async () => {
    try {
      const { page } = await signedIn('admin');
      await navigateTo(page, 'Users');
      await navigates(page, () => page.getByRole('button', { name: 'Add a user' }).click());
      expect(pathOf(page)).toBe('/users/new');
      await verifyPage(page, { title: 'Add a user', heading: 'Add a user' });

      // Sent empty: every problem at its field.
      await navigates(page, () => page.getByRole('button', { name: 'Add user' }).click());
      await verifyPage(page, { title: 'Error: Add a user', heading: 'Add a user' });
      expect(await page.getByRole('alert').getByRole('link').allInnerTexts()).toEqual([
        'Enter a username',
        'Enter their full name',
        'Select a role',
        'Select an organisation',
      ]);

      await page.getByLabel('Username').fill('new.social.worker');
      await page.getByLabel('Full name').fill('Alex Morgan');
      await page.getByRole('group', { name: 'Role' }).getByLabel('Social worker', { exact: true }).check();
      await page.getByLabel('Organisation').selectOption({ label: 'Demo Borough Council Children’s Services' });
      await page.getByLabel('Northfield Family Help team').check();
      await page.getByLabel('Their profession in the team').fill('Social worker');
      // The first password left empty: one is generated.
      await navigates(page, () => page.getByRole('button', { name: 'Add user' }).click());
      expect(pathOf(page)).toMatch(/^\/users\/[0-9a-f-]{36}\/password$/);
      await verifyPage(page, { title: 'Account created', heading: /^Account created/ });
      const password = (await page.getByTestId('new-password').innerText()).trim();
      expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

      // Shown once: a refresh shows nothing.
      await page.reload();
      await verifyPage(page, { title: 'There is no new password to show', heading: 'There is no new password to show' });
      expect(await page.getByTestId('new-password').count()).toBe(0);
      await navigates(page, () => page.getByRole('link', { name: 'Go to Alex Morgan’s page' }).click());
      await verifyPage(page, { title: 'Alex Morgan', heading: 'Alex Morgan' });
      expect(await summaryValue(page, 'Role')).toBe('Social worker');
      expect(await summaryValue(page, 'Teams')).toBe('Northfield Family Help team (Social worker)');

      const newcomer = await newAppContext(browser, app);
      open.push(newcomer);
      await signIn(newcomer.page, 'new.social.worker', password);
      expect(pathOf(newcomer.page)).toBe('/');
      await verifyPage(newcomer.page, { title: 'My work', heading: 'My work' });
      expect(await newcomer.page.getByRole('banner').getByText('Alex Morgan, Social worker').isVisible()).toBe(true);
    } finally {
      await closeAll();
    }
  });

  it('changes a role and team, and the user’s very next page follows the new role', async () => {
    try {
      const officer = await signedIn('placements.officer');
      const menu = officer.page.getByRole('navigation', { name: 'Menu' });
      expect(await menu.getByRole('link', { name: 'Users' }).count()).toBe(0);

      const { page } = await signedIn('admin');
      await openUser(page, 'Chloe Barnes');
      await navigates(page, () => page.getByRole('link', { name: 'Change role and teams' }).click());
      await verifyPage(page, { title: 'Change the role and teams of Chloe Barnes', heading: 'Change role and teams' });
      expect(await page.getByRole('group', { name: 'Role' }).getByLabel('Placements officer').isChecked()).toBe(true);
      await page.getByRole('group', { name: 'Role' }).getByLabel('Team manager').check();
      await page.getByLabel('Child protection team').check();
      // A team without a profession: the GOV.UK error message, nothing saved.
      await navigates(page, () => page.getByRole('button', { name: 'Save changes' }).click());
      await verifyPage(page, { title: 'Error: Change the role and teams of Chloe Barnes', heading: 'Change role and teams' });
      expect(await page.getByRole('alert').getByRole('link').allInnerTexts()).toEqual(['Enter their profession in the team']);
      expect(await page.getByRole('group', { name: 'Role' }).getByLabel('Team manager').isChecked()).toBe(true);
      await page.getByLabel('Their profession in the team').fill('Team manager');
      await navigates(page, () => page.getByRole('button', { name: 'Save changes' }).click());
      expect(pathOf(page)).toMatch(/^\/users\/[0-9a-f-]{36}\?done=role$/);
      await verifyPage(page, { title: 'Chloe Barnes', heading: 'Chloe Barnes' });
      expect(await page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Success' }) }).innerText()).toContain('The role and teams have been changed');
      expect(await summaryValue(page, 'Role')).toBe('Team manager');
      expect(await summaryValue(page, 'Teams')).toBe('Child protection team (Team manager)');

      await officer.page.reload();
      expect(await officer.page.getByRole('banner').getByText('Chloe Barnes, Team manager').isVisible()).toBe(true);
      await navigateTo(officer.page, 'Users');
      await verifyPage(officer.page, { title: 'Users', heading: 'Users' });
    } finally {
      await closeAll();
    }
  });

  it('unlocks a locked account, then resets its password: the user is signed out at once, the old password stops working and the new one signs in', async () => {
    try {
      const advocate = await newAppContext(browser, app);
      open.push(advocate);
      for (let i = 0; i < 5; i++) await signIn(advocate.page, 'advocate', 'not the password');
      await signIn(advocate.page, 'advocate');
      expect(pathOf(advocate.page)).toBe('/sign-in'); // locked

      const { page } = await signedIn('admin');
      await openUser(page, 'Jo Mensah');
      expect(await summaryValue(page, 'Status')).toMatch(/^Active \(locked after failed sign-ins until \d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}:\d{2}[ap]m\)$/);
      await navigates(page, () => page.getByRole('button', { name: 'Unlock account' }).click());
      await verifyPage(page, { title: 'Jo Mensah', heading: 'Jo Mensah' });
      expect(await summaryValue(page, 'Status')).toBe('Active');
      expect(await page.getByRole('button', { name: 'Unlock account' }).count()).toBe(0);
      await signIn(advocate.page, 'advocate');
      expect(pathOf(advocate.page)).toBe('/');

      await navigates(page, () => page.getByRole('button', { name: 'Reset password' }).click());
      expect(pathOf(page)).toMatch(/^\/users\/[0-9a-f-]{36}\/password$/);
      await verifyPage(page, { title: 'Password reset', heading: /^Password reset/ });
      const password = (await page.getByTestId('new-password').innerText()).trim();

      // The advocate's next page: signed out.
      await navigates(advocate.page, () => advocate.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My work' }).click());
      expect(pathOf(advocate.page)).toBe('/sign-in?returnTo=%2F');
      await verifyPage(advocate.page, { title: 'Sign in', heading: 'Sign in' });
      await submitSignIn(advocate.page, 'advocate', TEST_PASSWORD);
      expect(pathOf(advocate.page)).toBe('/sign-in');
      expect(await advocate.page.getByRole('alert').getByRole('link').allInnerTexts()).toEqual(['Enter a correct username and password']);
      await submitSignIn(advocate.page, 'advocate', password);
      expect(pathOf(advocate.page)).toBe('/');
      await verifyPage(advocate.page, { title: 'My work', heading: 'My work' });

      // All of it in the audit trail.
      await page.goto('/audit?user=admin');
      const actions = (await auditRows(page)).map((r) => r[3]!.split('\n')[0]);
      expect(actions).toEqual(expect.arrayContaining(['Unlocked a user', 'Reset a user’s password', 'Was shown a new password']));
    } finally {
      await closeAll();
    }
  });
});
