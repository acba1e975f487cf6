// Every page an administrator can reach, the error pages, and deactivating a signed-in user.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import {
  navigates,
  newAppContext,
  pathOf,
  signIn,
  startBrowserApp,
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
async function signedIn(username: string): Promise<AppContext> {
  const ctx = await newAppContext(browser, app);
  open.push(ctx);
  await signIn(ctx.page, username);
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
      expect(await page.getByRole('table', { name: /^Latest \d+ events$/ }).isVisible()).toBe(true);

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
