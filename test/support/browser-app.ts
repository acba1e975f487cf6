// Browser tests: the real app on a real port, and the checks every page gets (axe, title, h1).
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { TEST_PASSWORD, startTestApp, type TestApp, type TestAppOptions } from './app.ts';

export { TEST_PASSWORD };

/** The WCAG levels every page must meet (the accessibility statement says WCAG 2.2 AA). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface BrowserApp {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  /** The app, its deps and its database, for the rare check that is not made through the browser. */
  testApp: TestApp;
  /** An absolute URL for a path on the app. */
  url(path: string): string;
  close(): Promise<void>;
}

/** The real app on a fresh in-memory database with the demo authority seeded, listening on a free port. */
export async function startBrowserApp(options: TestAppOptions = {}): Promise<BrowserApp> {
  const testApp = await startTestApp(options);
  try {
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await testApp.close();
    throw error;
  }
  const { port } = testApp.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    testApp,
    url: (path) => new URL(path, baseUrl).href,
    close: () => testApp.close(), // app.close() also stops the listener
  };
}

/** Contexts created with JavaScript off: axe checks a static copy of their pages instead. */
const withoutJavaScript = new WeakSet<BrowserContext>();

/**
 * A browser context on the app, recording every problem the browser itself reports: script
 * errors, console errors (a CSP refusal, say), a stylesheet or script that failed to load.
 * `expectNoBrowserErrors()` fails the test if any happened. Pages themselves may answer 4xx
 * (a form with errors, a 404 page): those are not problems.
 */
export interface AppContext {
  context: BrowserContext;
  page: Page;
  problems: string[];
  expectNoBrowserErrors(): void;
  close(): Promise<void>;
}

export async function newAppContext(browser: Browser, app: BrowserApp, options: BrowserContextOptions = {}): Promise<AppContext> {
  const context = await browser.newContext({ baseURL: app.baseUrl, ...options });
  if (options.javaScriptEnabled === false) withoutJavaScript.add(context);
  const problems: string[] = [];
  context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`));
  context.on('console', (message) => {
    // The browser logs every 4xx/5xx response; subresources are checked below, documents by the tests.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource:')) {
      problems.push(`console error on ${message.page()?.url() ?? '?'}: ${message.text()}`);
    }
  });
  context.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      problems.push(`${response.status()} for ${response.request().resourceType()} ${response.url()}`);
    }
  });
  context.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.method()} ${request.url()}: ${error}`);
  });
  const page = await context.newPage();
  return {
    context,
    page,
    problems,
    expectNoBrowserErrors: () => expect(problems, 'errors reported by the browser').toEqual([]),
    close: () => context.close(),
  };
}

/**
 * Runs axe on the page as it is now and fails, listing each violation with its id, help text and
 * the elements concerned, if there are any.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  if (withoutJavaScript.has(page.context())) return axeStaticCopy(page);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  if (violations.length > 0) {
    const list = violations.map((v) => `- ${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n');
    expect.fail(`${violations.length} accessibility violation(s) on ${page.url()}:\n${list}`);
  }
}

/**
 * axe is JavaScript, so it cannot run in a page with JavaScript off. Instead: the page's markup,
 * without its scripts, served at the same address in a throwaway context, with the real
 * stylesheet, so axe sees exactly what a browser without JavaScript shows.
 */
async function axeStaticCopy(page: Page): Promise<void> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const browser = page.context().browser();
  if (!browser) throw new Error('The page has no browser');
  const context = await browser.newContext();
  try {
    const copy = await context.newPage();
    const address = page.url();
    await copy.route('**/*', (route) => {
      const request = route.request();
      if (request.url() === address && request.resourceType() === 'document') {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      return request.resourceType() === 'script' ? route.abort() : route.continue();
    });
    await copy.goto(address);
    await expectNoAxeViolations(copy);
  } finally {
    await context.close();
  }
}

/**
 * The checks every page gets: its <title> starts with the expected text (GOV.UK: page title
 * first, then service, then organisation), there is exactly one h1 and it says what is expected,
 * and axe finds nothing.
 */
export async function verifyPage(page: Page, expected: { title: string; heading: string | RegExp }): Promise<void> {
  const title = await page.title();
  expect(title.startsWith(expected.title), `title "${title}" should start with "${expected.title}"`).toBe(true);
  const h1 = page.getByRole('heading', { level: 1 });
  expect(await h1.count(), 'exactly one h1').toBe(1);
  const text = (await h1.innerText()).trim();
  if (typeof expected.heading === 'string') expect(text).toBe(expected.heading);
  else expect(text).toMatch(expected.heading);
  await expectNoAxeViolations(page);
}

/** Runs an action (a click, a key press) that loads a new page, and waits for that page to load. */
export async function navigates(page: Page, action: () => Promise<unknown>): Promise<void> {
  const loaded = page.waitForEvent('load');
  await action();
  await loaded;
}

/** The sign-in form's fields and button. */
export function signInForm(page: Page): { username: Locator; password: Locator; submit: Locator } {
  return {
    username: page.getByLabel('Username', { exact: true }),
    password: page.getByLabel('Password', { exact: true }),
    submit: page.getByRole('button', { name: 'Sign in', exact: true }),
  };
}

/** Fills in and submits the sign-in form on the current page. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  const form = signInForm(page);
  await form.username.fill(username);
  await form.password.fill(password);
  await navigates(page, () => form.submit.click());
}

/** Goes to the sign-in page and signs in; the page is then wherever the app sent it. */
export async function signIn(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await submitSignIn(page, username, password);
}

/** Signs out with the header's "Sign out" button. */
export async function signOut(page: Page): Promise<void> {
  await navigates(page, () => page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click());
}

/** The path and query of the page's URL. */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}
