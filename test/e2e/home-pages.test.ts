// Every demo role's home page ("My work") in a small synthetic authority. Each says what that
// role can do in the service today, with a link to each page the policy lets them open, and
// never a link they would be refused; roles whose own work is not in the service yet (the
// advocate, the placements officer, and the data analyst's other returns) are told so. Every
// link is followed; every home is checked with axe (the pages they link to are, in their own
// journeys). Tom Okafor (social worker) leads cases of his own and opens a child's record from
// My work; Wei Chen (data analyst) generates the census and finds it on her home.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUTHORITY } from '../../src/seed/demo.ts';
import { seedSyntheticAuthority } from '../../src/seed/synthetic/authority.ts';
import { launchBrowser } from '../support/browser.ts';
import { navigates, newAppContext, pathOf, signIn, startBrowserApp, verifyPage, type AppContext, type BrowserApp } from '../support/browser-app.ts';
import { click, textOf } from '../support/journey.ts';

let app: BrowserApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserApp(), launchBrowser()]);
  await seedSyntheticAuthority(app.testApp.db.database, app.testApp.deps.audit, { laCode: DEMO_AUTHORITY.code, population: 1_500, years: 2, seed: 4, asOf: '2026-03-31' });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const MY_WORK = { title: 'My work – Stable Homes – Demo Borough Council', heading: 'My work' };

/** The heading of each page a home links to. */
const HEADINGS: Record<string, string> = {
  '/front-door': 'Front door',
  '/front-door/new': 'Record a request for help',
  '/child-protection': 'Strategy discussions',
  '/contexts': 'Harm outside the home',
  '/team': 'Team',
  '/people': 'Find a person',
  '/my-requests': 'Your requests for help',
  '/shared': 'Shared with you',
  '/returns': 'Returns',
  '/users': 'Users',
  '/access-reviews': 'Access reviews',
  '/record-access': 'Restricted and sealed records',
  '/audit': 'Audit trail',
};

/**
 * What each role's home links to (the service's pages, not a child's or a case's), and what it
 * says. The policy decides the links; these are what it gives each demo user.
 */
const HOMES: readonly { username: string; links: string[]; says?: RegExp[]; saysNot?: RegExp[] }[] = [
  { username: 'family.help', links: ['/front-door', '/front-door/new', '/people'], says: [/You lead \d+ Family Help cases/] },
  { username: 'social.worker', links: ['/front-door', '/front-door/new', '/people'], says: [/You lead 12 Family Help cases/] },
  { username: 'cp.lead', links: ['/child-protection', '/front-door', '/front-door/new', '/contexts', '/people'] },
  { username: 'team.manager', links: ['/front-door', '/front-door/new', '/contexts', '/team', '/people', '/returns', '/users', '/access-reviews'] },
  { username: 'police.partner', links: ['/shared', '/my-requests'] },
  { username: 'health.partner', links: ['/shared', '/my-requests'] },
  { username: 'school.partner', links: ['/shared', '/my-requests'] },
  {
    username: 'advocate',
    links: [],
    says: [/Advocacy is not part of the service yet\. When it is, this page will list the children and young people you support/, /you cannot open children’s records/],
  },
  {
    username: 'placements.officer',
    links: ['/people'],
    says: [/Placements are not part of the service yet/, /in an emergency, open their record by giving a reason/],
  },
  {
    username: 'data.analyst',
    links: ['/returns', '/audit'],
    says: [/You make the statutory returns from what practitioners record/, /The children looked after return \(SSDA903\) will follow/],
  },
  {
    username: 'admin',
    links: ['/users', '/access-reviews', '/record-access', '/audit'],
    says: [/You look after who can sign in/],
  },
];

/** A fresh browser context signed in as `username`, on My work. */
async function signedIn(username: string): Promise<AppContext> {
  const ctx = await newAppContext(browser, app);
  await signIn(ctx.page, username);
  expect(pathOf(ctx.page), `${username} signed in`).toBe('/');
  return ctx;
}

/** The links in the page's main content to the service's pages (not to a child, a case or a census). */
async function serviceLinks(page: Page): Promise<string[]> {
  const hrefs = await page.getByRole('main').getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((href) => !/[0-9a-f]{8}-[0-9a-f]{4}-/.test(href)))];
}

describe('each role’s home page', () => {
  // A home (checked with axe) and every page it links to, each opened.
  it.each(HOMES)('$username: says what they can do today and links only to pages they may open', { timeout: 180_000 }, async ({ username, links, says = [], saysNot = [] }) => {
    const ctx = await signedIn(username);
    try {
      const { page } = ctx;
      await verifyPage(page, MY_WORK);
      const main = await textOf(page.getByRole('main'));
      // Only someone children can be allocated to, who has none, is told they will be; nobody here.
      expect(main).not.toContain('When children are allocated to you');
      for (const text of says) expect(main).toMatch(text);
      for (const text of saysNot) expect(main).not.toMatch(text);
      expect((await serviceLinks(page)).sort()).toEqual([...links].sort());
      for (const href of links) {
        const response = await page.goto(href);
        expect(response?.status(), `${username}: ${href}`).toBe(200);
        // Each of these pages has its axe check in its own journey; here, that the link leads to it.
        expect((await page.title()).startsWith(HEADINGS[href]!), `${username}: ${href}`).toBe(true);
        expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe(HEADINGS[href]);
      }
      ctx.expectNoBrowserErrors();
    } finally {
      await ctx.close();
    }
  });

  it('the demo social worker leads cases, and opens a child’s record from My work', async () => {
    const ctx = await signedIn('social.worker');
    try {
      const { page } = ctx;
      await verifyPage(page, MY_WORK);
      const children = page.getByRole('main').locator('a[href^="/people/"]');
      expect(await children.count()).toBe(12);
      const name = (await children.first().innerText()).trim();
      await navigates(page, () => children.first().click());
      expect(pathOf(page)).toMatch(/^\/people\/[0-9a-f-]{36}$/);
      await verifyPage(page, { title: name, heading: name });
      // Allocated as the lead practitioner of the child's open case.
      expect(await textOf(page.getByRole('main'))).toContain('Lead practitioner');
      ctx.expectNoBrowserErrors();
    } finally {
      await ctx.close();
    }
  });

  it('the data analyst generates the census from Returns and finds it on her home', async () => {
    const ctx = await signedIn('data.analyst');
    try {
      const { page } = ctx;
      expect(await page.getByRole('heading', { name: 'Children in Need census', exact: true }).count(), 'no census yet').toBe(0);
      await click(page, 'link', 'Make the Children in Need census');
      await verifyPage(page, { title: 'Returns', heading: 'Returns' });
      await page.getByLabel('2025-26').check();
      await click(page, 'button', 'Generate and check the census');
      await verifyPage(page, { title: 'CIN census 2025-26', heading: 'Children in Need census 2025-26' });
      await navigates(page, () => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My work', exact: true }).click());
      await verifyPage(page, MY_WORK);
      const census = page.getByRole('main').locator('p', { has: page.getByRole('link', { name: 'The 2025-26 census' }) });
      expect(await textOf(census)).toMatch(/^The 2025-26 census, generated \d{1,2} [A-Z][a-z]+ \d{4}: (No errors|Errors to fix)$/);
      await click(page, 'link', 'The 2025-26 census');
      await verifyPage(page, { title: 'CIN census 2025-26', heading: 'Children in Need census 2025-26' });
      ctx.expectNoBrowserErrors();
    } finally {
      await ctx.close();
    }
  });
});
