// Signing in and out in a real browser: the happy path, form errors, lockout, and no JavaScript.
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import {
  TEST_PASSWORD,
  navigates,
  newAppContext,
  pathOf,
  signIn,
  signInForm,
  signOut,
  startBrowserApp,
  submitSignIn,
  verifyPage,
  type AppContext,
  type BrowserApp,
} from '../support/browser-app.ts';

let app: BrowserApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A fresh browser context for one test, closed (and checked for browser errors) at the end. */
async function withContext(fn: (ctx: AppContext) => Promise<void>, options: BrowserContextOptions = {}): Promise<void> {
  const ctx = await newAppContext(browser, app, options);
  try {
    await fn(ctx);
    ctx.expectNoBrowserErrors();
  } finally {
    await ctx.close();
  }
}

const LOCKED = /After 5 wrong passwords an account is locked for 15 minutes/;

describe('sign-in', () => {
  it('signs in to My work, shows who is signed in, signs out, and the back button shows nothing personal', async () => {
    await withContext(async ({ context, page }) => {
      const signInResponse = await page.goto('/sign-in');
      expect(signInResponse?.status()).toBe(200);
      await verifyPage(page, { title: 'Sign in – Stable Homes – Children’s services', heading: 'Sign in' });
      // GOV.UK Frontend's inline script ran (its CSP nonce is right), so its JavaScript is in use.
      expect(await page.locator('body.govuk-frontend-supported').count()).toBe(1);

      await submitSignIn(page, 'family.help', TEST_PASSWORD);
      expect(pathOf(page)).toBe('/');
      await verifyPage(page, { title: 'My work – Stable Homes – Demo Borough Council', heading: 'My work' });

      const header = page.getByRole('banner');
      expect(await header.getByRole('link', { name: 'Demo Borough Council' }).isVisible()).toBe(true);
      expect(await header.getByRole('link', { name: 'Stable Homes' }).isVisible()).toBe(true);
      expect(await header.getByText('Priya Shah, Family Help practitioner', { exact: true }).isVisible()).toBe(true);
      expect(await header.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
      // A Family Help practitioner has My work, the front door and Find a person: no Users or Audit trail in the navigation.
      const nav = page.getByRole('navigation', { name: 'Menu' });
      expect(await nav.getByRole('link').allInnerTexts()).toEqual(['My work', 'Front door', 'Find a person']);

      await signOut(page);
      expect(pathOf(page)).toBe('/signed-out');
      await verifyPage(page, { title: 'You have signed out – Stable Homes', heading: 'You have signed out' });
      expect(await page.getByText('Priya Shah').count()).toBe(0);

      // Back to My work: the page was not stored (Cache-Control: no-store) and the session has ended,
      // so the browser asks again and is sent to sign in.
      await page.goBack();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Sign in');
      expect(await page.getByRole('heading', { name: 'My work' }).count()).toBe(0);
      expect(await page.getByText('Priya Shah').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);

      // The old cookie, if the browser still had it, would not help: / redirects to sign in.
      const home = await context.request.get('/', { maxRedirects: 0 });
      expect(home.status()).toBe(303);
      expect(home.headers()['location']).toMatch(/^\/sign-in\?returnTo=%2F/);
      const followed = await page.goto('/');
      expect(followed?.request().redirectedFrom()?.url()).toBe(app.url('/'));
      expect(pathOf(page)).toBe('/sign-in?returnTo=%2F');
      await verifyPage(page, { title: 'Sign in', heading: 'Sign in' });
    });
  });

  it('lists both errors, in page order, when the form is sent empty', async () => {
    await withContext(async ({ page }) => {
      await page.goto('/sign-in');
      await navigates(page, () => signInForm(page).submit.click());

      expect(pathOf(page)).toBe('/sign-in');
      expect(await page.title()).toBe('Error: Sign in – Stable Homes – Children’s services');
      const summary = page.getByRole('alert');
      expect(await summary.getByRole('heading', { name: 'There is a problem' }).isVisible()).toBe(true);
      const links = summary.getByRole('link');
      expect(await links.allInnerTexts()).toEqual(['Enter your username', 'Enter your password']);
      expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['#username', '#password']);
      // GOV.UK Frontend moves focus to the summary when the page loads.
      await expect.poll(() => page.locator('.govuk-error-summary:focus').count()).toBe(1);
      // Each field shows its own message too.
      expect(await page.locator('#username-error').innerText()).toContain('Enter your username');
      expect(await page.locator('#password-error').innerText()).toContain('Enter your password');
      await verifyPage(page, { title: 'Error: Sign in', heading: 'Sign in' });

      // The summary's links take the user to the field.
      const form = signInForm(page);
      await links.nth(1).click();
      await expect.poll(() => form.password.and(page.locator(':focus')).count()).toBe(1);
      await links.nth(0).click();
      await expect.poll(() => form.username.and(page.locator(':focus')).count()).toBe(1);
    });
  });

  it('says "Enter a correct username and password" after a wrong password, and keeps the username', async () => {
    await withContext(async ({ page }) => {
      await signIn(page, 'family.help', 'not-the-password');
      expect(pathOf(page)).toBe('/sign-in');
      const summary = page.getByRole('alert');
      expect(await summary.getByRole('heading', { name: 'There is a problem' }).isVisible()).toBe(true);
      expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Enter a correct username and password']);
      expect(await signInForm(page).username.inputValue()).toBe('family.help');
      expect(await signInForm(page).password.inputValue()).toBe('');
      await verifyPage(page, { title: 'Error: Sign in', heading: 'Sign in' });
    });
  });

  it('locks the account after 5 wrong passwords, and then refuses even the right one', async () => {
    await withContext(async ({ page }) => {
      await page.goto('/sign-in');
      const message = () => page.getByRole('alert').getByRole('link').innerText();
      for (let attempt = 1; attempt <= 6; attempt++) {
        await submitSignIn(page, 'social.worker', `wrong-${attempt}`);
        expect(pathOf(page), `attempt ${attempt}`).toBe('/sign-in');
        // Locked or not, the answer is the same: it never tells whether the username exists.
        expect(await message(), `attempt ${attempt}`).toBe('Enter a correct username and password');
        expect(await page.getByText(LOCKED).isVisible(), `attempt ${attempt}`).toBe(true);
      }
      await verifyPage(page, { title: 'Error: Sign in', heading: 'Sign in' });

      await submitSignIn(page, 'social.worker', TEST_PASSWORD);
      expect(pathOf(page)).toBe('/sign-in');
      expect(await message()).toBe('Enter a correct username and password');
      expect(await page.getByText('Tom Okafor').count()).toBe(0);
    });
  });

  it('works without JavaScript: sign in and sign out', async () => {
    await withContext(
      async ({ page }) => {
        await page.goto('/sign-in');
        // No JavaScript ran: GOV.UK Frontend's `js-enabled` class is not on the body.
        expect(await page.locator('body.govuk-frontend-supported').count()).toBe(0);
        await verifyPage(page, { title: 'Sign in', heading: 'Sign in' });

        await submitSignIn(page, 'cp.lead', TEST_PASSWORD);
        expect(pathOf(page)).toBe('/');
        await verifyPage(page, { title: 'My work', heading: 'My work' });
        expect(await page.getByRole('banner').getByText('Hannah Price, Child Protection Lead Practitioner').isVisible()).toBe(true);

        await signOut(page);
        expect(pathOf(page)).toBe('/signed-out');
        await verifyPage(page, { title: 'You have signed out', heading: 'You have signed out' });
        await page.goto('/');
        expect(new URL(page.url()).pathname).toBe('/sign-in');
      },
      { javaScriptEnabled: false },
    );
  });
});
