// Child protection from the front door to the end of a plan, in a real browser: a school raises a
// concern, the front door convenes an urgent strategy discussion with Priya Shah as the family's
// lead practitioner, Hannah Price (Child Protection Lead Practitioner) takes it, shares with the
// police and health, and they add what their agencies know; the discussion starts a section 47
// enquiry, the enquiry leads to an initial conference and a child protection plan, the family's
// lead records a core group meeting, and a review conference ends the plan, which ends what the
// partners could see. Mistakes first on the forms that matter; every page is checked with axe
// (verifyPage). A bug found in src is its own `it.fails` step, with a comment saying what and where.
//
// The app runs on a FakeClock, so the dates are chosen, not today's: a conference is never on a
// Saturday or Sunday (a weekend date is asked about), and a review conference is after the plan's first day. The journey starts on
// the first Monday after the real today (the demo data is seeded as of the real today, so the
// journey is never before it) and moves the clock on between steps, with every user signed out
// first (a session idles out after 30 minutes of the app's clock).
import { AxeBuilder } from '@axe-core/playwright';
import { DayOfWeek, TemporalAdjusters, type LocalDate } from '@js-joda/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, todayInEngland } from '../../src/platform/clock.ts';
import { dueDate } from '../../src/platform/timescales/rules.ts';
import { launchBrowser } from '../support/browser.ts';
import { navigates, newAppContext, pathOf, signIn, signOut, startBrowserApp, verifyPage, type AppContext, type BrowserApp } from '../support/browser-app.ts';
import { banner, chooseLead, click, errorSummary, escape, fillDate, morningOf, navigateTo, says, summaryValue, textOf } from '../support/journey.ts';

/** The first Monday after the real today: the day the school raises the concern. */
const DAY_0 = todayInEngland().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
/** The enquiry is completed on the Thursday. */
const ENQUIRY_DONE = DAY_0.plusDays(3);
/** The Saturday after: no conference can be held on it. */
const SATURDAY = DAY_0.plusDays(5);
/** The initial conference, the next Monday: the plan starts that day. */
const CONFERENCE = DAY_0.plusDays(7);
/** The core group meets the day after the conference. */
const CORE_GROUP = CONFERENCE.plusDays(1);
/** The review conference, 13 weeks later: a Monday. */
const REVIEW = CONFERENCE.plusWeeks(13);

const clock = new FakeClock(morningOf(DAY_0));

let app: BrowserApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserApp({ clock }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

// Synthetic people only.
const CHILD = 'Mirren Ashdown';
const DOB = DAY_0.minusYears(7).minusDays(100);
const CONCERNS = 'Mirren came to school with bruising on both upper arms and said she is scared to go home when her mum’s partner is there.';
const TRIAGE_REASONS = 'Unexplained bruising and a child afraid to go home: reasonable cause to suspect significant harm.';
const POLICE_SHARE = 'A school reported bruising on Mirren’s upper arms today. She says she is scared to go home when her mum’s partner is there.';
const HEALTH_SHARE = 'A school reported bruising on Mirren’s upper arms today. Please check health records for any injuries or missed appointments.';
const POLICE_KNOWS = 'Two domestic incidents at the address this year; the partner was arrested once and released with no further action.';
const HEALTH_KNOWS = 'Mirren missed her last two health appointments. The GP saw her in the summer for a sprained wrist, said to be a fall.';
const DISCUSSION_REASONS = 'Police hold domestic incidents at the address and health records show an earlier injury: a section 47 enquiry is needed.';
const FINDINGS = 'Mirren told her social worker the partner grabs her when he is angry. Mum minimises it. Concerns substantiated.';
const ATTENDEES = ['Chair: independent reviewing officer', 'Hannah Price, Child Protection Lead Practitioner', 'Priya Shah, lead practitioner', 'DC Sam Fletcher, police', 'Aisha Rahman, health', 'Mirren’s mum'];
const CHILD_VIEWS = 'I want to live with mum but not when he is angry.';
const PARENTS_VIEWS = 'Mum says the partner has moved out and she will work with the plan.';
const CONFERENCE_REASONS = 'Mirren is likely to suffer significant harm from neglect of her safety at home: a plan is needed.';
const CORE_GROUP_PROGRESS = 'The partner has not been back to the house. Mum has started the parenting course; Mirren’s attendance is up.';
const REVIEW_REASONS = 'The partner has left, mum has finished the course and Mirren says she feels safe: no longer likely to suffer significant harm.';

const POLICE_PARTNER = 'DC Sam Fletcher, Demoshire Police';
const HEALTH_PARTNER = 'Aisha Rahman, Demo Community Health NHS Trust';
const PRIYA = 'Priya Shah, Family support worker';

/** Moves the app's clock to mid-morning on a date (everyone is signed out first). */
const moveClockTo = (date: LocalDate) => clock.set(morningOf(date));

/** The case's child protection page as its titles say. */
const OVERVIEW = { title: `Child protection: ${CHILD} – Stable Homes`, heading: CHILD };

/** A share's summary card on the child protection page, by its title. */
const shareCard = (page: Page, title: string) => page.locator('.govuk-summary-card').filter({ has: page.locator('.govuk-summary-card__title', { hasText: new RegExp(`^\\s*${escape(title)}\\s*$`) }) });

describe('Child protection, from a school’s concern to the end of a plan', () => {
  let ctx: AppContext;
  /** `/cases/<id>`. */
  let casePath = '';
  /** `/shared/<id>` for the police's and health's shares for the strategy discussion, and the police's for the core group. */
  let policeShare = '';
  let healthShare = '';
  let policeCoreGroupShare = '';

  beforeAll(async () => {
    ctx = await newAppContext(browser, app);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('the clock is on a Monday, and every date in the journey is a weekday except the Saturday that is refused', () => {
    expect(todayInEngland(clock).toString()).toBe(DAY_0.toString());
    expect(DAY_0.dayOfWeek()).toBe(DayOfWeek.MONDAY);
    expect([ENQUIRY_DONE, CONFERENCE, CORE_GROUP, REVIEW].map((d) => d.dayOfWeek() === DayOfWeek.SATURDAY || d.dayOfWeek() === DayOfWeek.SUNDAY)).toEqual([false, false, false, false]);
    expect(SATURDAY.dayOfWeek()).toBe(DayOfWeek.SATURDAY);
  });

  it('a school raises a concern about a child', async () => {
    const { page } = ctx;
    await signIn(page, 'school.partner');
    await verifyPage(page, { title: 'My work – Stable Homes – Demo Borough Council', heading: 'My work' });
    await navigateTo(page, 'Ask for help for a child');
    await verifyPage(page, { title: 'Your requests for help – Stable Homes', heading: 'Your requests for help' });
    await click(page, 'button', 'Ask for help for a child');
    expect(pathOf(page)).toBe('/my-requests/new');
    await verifyPage(page, { title: 'Ask for help for a child – Stable Homes', heading: 'Ask for help for a child' });
    expect(await page.getByText('If a child is in immediate danger, call 999.').count()).toBe(1);

    await page.getByLabel('A phone number we can reach you on (optional)').fill('01632 960 002');
    await page.getByLabel('First name', { exact: true }).fill('Mirren');
    await page.getByLabel('Last name', { exact: true }).fill('Ashdown');
    await fillDate(page, 'Date of birth (optional)', DOB);
    await page.getByLabel('Postcode (optional)').fill('DB4 7QX');
    await page.getByLabel('What are the concerns?').fill(CONCERNS);
    await page.getByLabel('What help would make a difference? (optional)').fill('Someone to check Mirren is safe at home.');
    await page.getByRole('group', { name: 'Does the family know you are asking for help?' }).getByLabel('No', { exact: true }).check();
    await click(page, 'button', 'Send the request');
    expect(pathOf(page)).toBe('/my-requests?sent=1');
    await verifyPage(page, { title: 'Your requests for help – Stable Homes', heading: 'Your requests for help' });
    expect(await banner(page)).toBe('Your request was sent to the front door');
    const row = page.getByRole('table', { name: 'Sent by you, newest first' }).locator('tbody tr').filter({ hasText: CHILD });
    expect(await row.count()).toBe(1);
    expect(await textOf(row.locator('td').nth(2))).toBe('Waiting for a decision');
    await signOut(page);
  });

  it('the front door convenes an urgent strategy discussion, with Priya Shah as the family’s lead practitioner', async () => {
    const { page } = ctx;
    await signIn(page, 'social.worker');
    await verifyPage(page, { title: 'My work – Stable Homes', heading: 'My work' });
    await navigateTo(page, 'Front door');
    expect(pathOf(page)).toBe('/front-door');
    await verifyPage(page, { title: 'Front door – Stable Homes', heading: 'Front door' });
    const queueRow = page.locator('table tbody tr').filter({ hasText: CHILD });
    expect(await textOf(queueRow.locator('td').nth(1))).toBe('School Oakfield Primary School (demo)');
    await navigates(page, () => queueRow.getByRole('link', { name: CHILD }).click());
    expect(pathOf(page)).toMatch(/^\/front-door\/[0-9a-f-]{36}$/);
    await verifyPage(page, { title: `Request for help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await summaryValue(page, 'From')).toBe('School: Gareth Lewis, Oakfield Primary School (demo)');
    expect(await summaryValue(page, 'Date of birth')).toBe(says(DOB));
    expect(await summaryValue(page, 'What is happening')).toBe(CONCERNS);
    expect(await summaryValue(page, 'Family knows about the request')).toBe('No');

    await page.getByRole('group', { name: 'Is this a child already known?' }).getByLabel(`None of these: record ${CHILD} as new`).check();
    // The school gave only a postcode: no address goes on the record from it.
    await page.getByRole('group', { name: 'Add this address to the child’s record?' }).getByLabel('No').check();
    await page.getByRole('group', { name: 'What happens next?' }).getByLabel('Strategy discussion', { exact: true }).check();
    // A strategy discussion needs to know how urgent it is: left out first, and refused.
    const lead = page.getByRole('group', { name: 'For Family Help or a strategy discussion: who leads the case, and why' });
    await chooseLead(lead.getByLabel('Lead practitioner', { exact: true }), 'Northfield Family Help team', PRIYA);
    await lead.getByLabel('Main reason the family needs help').selectOption({ label: 'N1: Abuse or neglect' });
    await lead.getByRole('group', { name: 'Basis for the help' }).getByLabel('Child in need (section 17)').check();
    await page.getByRole('group', { name: 'Did the family agree?' }).getByLabel('Not sought: asking could put the child at risk of significant harm').check();
    await page.getByLabel('Reasons for the decision').fill(TRIAGE_REASONS);
    await click(page, 'button', 'Record the decision');
    await verifyPage(page, { title: `Error: Request for help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await errorSummary(page)).toEqual(['Select whether the strategy discussion is urgent']);
    expect(await page.getByLabel('Strategy discussion', { exact: true }).isChecked(), 'what was chosen is kept').toBe(true);
    expect(await lead.getByLabel('Lead practitioner', { exact: true }).locator('option:checked').innerText()).toMatch(new RegExp(`^${escape(PRIYA)}: \\d+ cases?$`));

    await page.getByRole('group', { name: 'For a strategy discussion: is it urgent?' }).getByLabel('Yes', { exact: true }).check();
    await click(page, 'button', 'Record the decision');
    expect(pathOf(page)).toMatch(/^\/front-door\/[0-9a-f-]{36}\?decided=1$/);
    await verifyPage(page, { title: `Request for help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await banner(page)).toBe('The decision was recorded. The Family Help case is open, led by Priya Shah. A strategy discussion is convened: it waits for a Child Protection Lead Practitioner to take it');
    expect(await summaryValue(page, 'Decision')).toBe('Strategy discussion');
    expect(await summaryValue(page, 'Reasons')).toBe(TRIAGE_REASONS);
    expect(await summaryValue(page, 'Consent')).toBe('Not sought: asking could put the child at risk of significant harm');
    expect(await page.getByRole('button', { name: 'Record the decision' }).count(), 'decided once').toBe(0);

    // The triager is in Priya's team: the case shows the strategy discussion waiting for a chair.
    await click(page, 'link', 'Open the Family Help case');
    expect(pathOf(page)).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    casePath = pathOf(page);
    await verifyPage(page, { title: `Family Help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await summaryValue(page, 'Lead practitioner')).toBe('Priya Shah, Family support worker');
    expect(await summaryValue(page, 'Basis')).toBe('Child in need (section 17)');
    expect(await summaryValue(page, 'Main need')).toBe('Abuse or neglect');
    expect(await page.getByText(`Strategy discussion convened ${says(DAY_0)} (urgent): waiting for a Child Protection Lead Practitioner`).count()).toBe(1);
    await signOut(page);
  });

  // WCAG 2.2 SC 2.5.3 Label in Name (level A): a speech-input user saying "click Take it" must
  // reach the button. axe's rule for this, label-content-name-mismatch, is experimental and off by
  // default, so verifyPage does not run it: this step runs it alone.
  it('the queue’s “Take it” button has its visible text in its accessible name', async () => {
    const other = await newAppContext(browser, app);
    try {
      await signIn(other.page, 'cp.lead');
      await other.page.goto('/child-protection');
      expect(await other.page.getByRole('button', { name: `Take it: the strategy discussion for ${CHILD}`, exact: true }).count()).toBe(1);
      const results = await new AxeBuilder({ page: other.page }).withRules(['label-content-name-mismatch']).analyze();
      expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`))).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('Hannah Price takes the strategy discussion and becomes the child’s Child Protection Lead Practitioner', async () => {
    const { page } = ctx;
    await signIn(page, 'cp.lead');
    await verifyPage(page, { title: 'My work – Stable Homes', heading: 'My work' });
    await navigateTo(page, 'Strategy discussions');
    expect(pathOf(page)).toBe('/child-protection');
    await verifyPage(page, { title: 'Strategy discussions – Stable Homes', heading: 'Strategy discussions' });
    const row = page.getByRole('table', { name: '1 waiting' }).locator('tbody tr').filter({ hasText: CHILD });
    expect(await row.count()).toBe(1);
    expect(await textOf(row.locator('td').nth(0)), 'not hers yet: no link').toBe(CHILD);
    expect(await row.locator('td').nth(0).getByRole('link').count()).toBe(0);
    expect(await textOf(row.locator('td').nth(1))).toBe(`${says(DAY_0)} Urgent`);
    expect(await textOf(row.locator('td').nth(2))).toBe('Priya Shah');
    // Urgent: held the same or the next working day.
    expect(await textOf(row.locator('td').nth(3))).toBe(`Due ${says(dueDate('urgent_strategy_discussion', DAY_0))}`);
    // The button says "Take it"; its accessible name names the child.
    const take = row.getByRole('button', { name: `Take it: the strategy discussion for ${CHILD}`, exact: true });
    expect(await textOf(take)).toBe('Take it');
    await navigates(page, () => take.click());

    expect(pathOf(page)).toBe(`${casePath}/child-protection?saved=taken`);
    await verifyPage(page, OVERVIEW);
    expect(await banner(page)).toBe('You are now the Child Protection Lead Practitioner for this child');
    expect(await summaryValue(page, 'Lead practitioner')).toBe('Priya Shah, Family support worker. They stay the family’s lead practitioner throughout.');
    expect(await summaryValue(page, 'Child Protection Lead Practitioner')).toBe('Hannah Price. They hold the decisions on the enquiry and the plan.');
    expect(await summaryValue(page, 'Convened')).toBe(`${says(DAY_0)} by Tom Okafor (urgent)`);
    expect(await summaryValue(page, 'What is known')).toBe(CONCERNS);
    expect(await summaryValue(page, 'Chair')).toBe('Hannah Price');
    expect(await textOf(page.locator('h2:text-is("What is due") + ul'))).toBe(`Hold the strategy discussion (urgent) Due ${says(dueDate('urgent_strategy_discussion', DAY_0))}`);
    // Back on the queue, the discussion is hers: her name as chair, and a link to it.
    await navigateTo(page, 'Strategy discussions');
    await verifyPage(page, { title: 'Strategy discussions – Stable Homes', heading: 'Strategy discussions' });
    const mine = page.locator('table tbody tr').filter({ hasText: CHILD });
    expect(await textOf(mine.locator('td').nth(4))).toBe('Hannah Price');
    expect(await mine.getByRole('button').count()).toBe(0);
    await navigates(page, () => mine.getByRole('link', { name: CHILD, exact: true }).click());
    expect(pathOf(page)).toBe(`${casePath}/child-protection`);
    await verifyPage(page, OVERVIEW);
  });

  it('she shares with the police and with health for the strategy discussion, after an empty form is refused', async () => {
    const { page } = ctx;
    await click(page, 'link', 'Record a sharing decision for the strategy discussion');
    expect(pathOf(page)).toBe(`${casePath}/child-protection/share-discussion`);
    const SHARE_PAGE = { title: 'Share information for the strategy discussion – Stable Homes', heading: 'Share information for the strategy discussion' };
    await verifyPage(page, SHARE_PAGE);
    const options = (await page.getByLabel('Who are you sharing with?').locator('option').allInnerTexts()).map((t) => t.trim());
    expect(options).toEqual(expect.arrayContaining(['Select a person', POLICE_PARTNER, HEALTH_PARTNER]));

    // Nothing filled in: the GOV.UK error summary comes first on the page, and takes focus.
    await click(page, 'button', 'Record the sharing decision');
    await verifyPage(page, { ...SHARE_PAGE, title: `Error: ${SHARE_PAGE.title}` });
    expect(await errorSummary(page)).toEqual(['Select whether you are sharing information', 'Enter why this needs to be shared', 'Select the lawful basis', 'Select whether the family consented']);
    expect(await page.locator('main .govuk-error-summary').evaluate((summary) => summary === summary.closest('main')?.querySelector('h1, form, .govuk-error-summary')), 'the error summary is the first thing in the page').toBe(true);
    expect(await page.locator('#decision-error').innerText()).toContain('Select whether you are sharing information');

    const share = async (partner: string, what: string) => {
      await page.getByRole('group', { name: 'Are you sharing information?' }).getByLabel('Yes, share', { exact: true }).check();
      await page.getByLabel('Who are you sharing with?').selectOption({ label: partner });
      await page.getByLabel('What you are sharing').fill(what);
      await page.getByLabel('Why', { exact: true }).fill('They need it to take part in the strategy discussion and to check their own records.');
      await page.getByRole('group', { name: 'Lawful basis' }).getByLabel('Legal obligation (UK GDPR Article 6(1)(c)): Children Act 1989 section 47').check();
      await page.getByRole('group', { name: 'Consent', exact: true }).getByLabel('Consent was not sought, because asking would put the child at greater risk').check();
      await page.getByLabel('The reason for going ahead without consent').fill('Telling mum could alert her partner and put Mirren at greater risk.');
      await click(page, 'button', 'Record the sharing decision');
      expect(pathOf(page)).toBe(`${casePath}/child-protection?saved=shared`);
      await verifyPage(page, OVERVIEW);
      expect(await banner(page)).toBe('The sharing decision was recorded');
    };
    await share(POLICE_PARTNER, POLICE_SHARE);
    await click(page, 'link', 'Record a sharing decision for the strategy discussion');
    await verifyPage(page, SHARE_PAGE);
    await share(HEALTH_PARTNER, HEALTH_SHARE);

    for (const [partner, what] of [[POLICE_PARTNER, POLICE_SHARE], [HEALTH_PARTNER, HEALTH_SHARE]] as const) {
      const card = shareCard(page, `Shared with ${partner}`);
      expect(await card.count(), partner).toBe(1);
      expect(await textOf(card.locator('.govuk-tag'))).toBe('Live');
      expect(await summaryValue(page, 'For', card)).toBe('Strategy discussion');
      expect(await summaryValue(page, 'Decided', card)).toMatch(/^Hannah Price, /);
      expect(await summaryValue(page, 'What', card)).toBe(what);
      expect(await summaryValue(page, 'Lawful basis', card)).toBe('Legal obligation (UK GDPR Article 6(1)(c)): Children Act 1989 section 47');
      expect(await summaryValue(page, 'Consent', card)).toBe('Consent was not sought, because asking would put the child at greater risk: Telling mum could alert her partner and put Mirren at greater risk.');
    }
    await signOut(page);
  });

  it('the police see only what was shared with them, and add what their agency knows', async () => {
    const { page } = ctx;
    await signIn(page, 'police.partner');
    await navigateTo(page, 'Shared with you');
    expect(pathOf(page)).toBe('/shared');
    await verifyPage(page, { title: 'Shared with you – Stable Homes', heading: 'Shared with you' });
    const row = page.locator('table tbody tr').filter({ hasText: CHILD });
    expect(await row.count()).toBe(1);
    expect(await textOf(row.locator('td').nth(1))).toBe('Strategy discussion');
    expect(await textOf(row.locator('td').nth(2))).toMatch(new RegExp(`^Hannah Price, ${says(DAY_0)} at \\d{1,2}:\\d{2}(am|pm)$`));
    await navigates(page, () => row.getByRole('link', { name: CHILD, exact: true }).click());
    expect(pathOf(page)).toMatch(/^\/shared\/[0-9a-f-]{36}$/);
    policeShare = pathOf(page);
    await verifyPage(page, { title: `Shared with you: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await textOf(page.locator('.govuk-caption-l'))).toBe('Shared with you for the strategy discussion');
    expect(await summaryValue(page, 'Date of birth')).toBe(says(DOB));
    expect(await summaryValue(page, 'Strategy discussion')).toBe(`Convened ${says(DAY_0)} (urgent)`);
    expect(await summaryValue(page, 'Chair')).toBe('Hannah Price');
    expect(await textOf(page.locator('h2:text-is("What has been shared with you") + p'))).toBe(POLICE_SHARE);
    // Only what is shared: not the school's words, the triager's reasons, or what health was told.
    const body = await page.locator('body').innerText();
    for (const secret of [CONCERNS, TRIAGE_REASONS, HEALTH_SHARE, 'Priya Shah', 'Oakfield']) expect(body, secret).not.toContain(secret);
    expect(await page.getByText('Nothing yet.').count()).toBe(1);

    await click(page, 'button', 'Add it');
    await verifyPage(page, { title: `Error: Shared with you: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await errorSummary(page)).toEqual(['Enter what your agency knows']);
    await page.getByLabel('Add what your agency knows').fill(POLICE_KNOWS);
    await click(page, 'button', 'Add it');
    expect(pathOf(page)).toBe(`${policeShare}?saved=1`);
    await verifyPage(page, { title: `Shared with you: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await banner(page)).toBe('What your agency knows was added');
    const added = page.locator('.govuk-inset-text');
    expect(await added.count()).toBe(1);
    expect(await textOf(added)).toMatch(new RegExp(`^DC Sam Fletcher, Demoshire Police, ${says(DAY_0)} at \\d{1,2}:\\d{2}(am|pm) ${escape(POLICE_KNOWS)}$`));
    await signOut(page);
  });

  it('health see what was shared with them, and add what their agency knows', async () => {
    const { page } = ctx;
    await signIn(page, 'health.partner');
    await navigateTo(page, 'Shared with you');
    await verifyPage(page, { title: 'Shared with you – Stable Homes', heading: 'Shared with you' });
    const row = page.locator('table tbody tr').filter({ hasText: CHILD });
    expect(await row.count()).toBe(1);
    await navigates(page, () => row.getByRole('link', { name: CHILD, exact: true }).click());
    healthShare = pathOf(page);
    expect(healthShare).toMatch(/^\/shared\/[0-9a-f-]{36}$/);
    expect(healthShare).not.toBe(policeShare);
    await verifyPage(page, { title: `Shared with you: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await textOf(page.locator('h2:text-is("What has been shared with you") + p'))).toBe(HEALTH_SHARE);
    const body = await page.locator('body').innerText();
    for (const secret of [POLICE_SHARE, POLICE_KNOWS, CONCERNS]) expect(body, secret).not.toContain(secret);
    await page.getByLabel('Add what your agency knows').fill(HEALTH_KNOWS);
    await click(page, 'button', 'Add it');
    expect(pathOf(page)).toBe(`${healthShare}?saved=1`);
    await verifyPage(page, { title: `Shared with you: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await banner(page)).toBe('What your agency knows was added');
    expect(await textOf(page.locator('.govuk-inset-text'))).toContain(HEALTH_KNOWS);
    // Health cannot open the police's share.
    const response = await page.goto(policeShare);
    expect(response?.status()).toBe(404);
    await verifyPage(page, { title: 'Page not found – Stable Homes', heading: 'Page not found' });
    await signOut(page);
  });

  it('Hannah Price reads both agencies’ contributions and records the strategy discussion: a section 47 enquiry', async () => {
    const { page } = ctx;
    await signIn(page, 'cp.lead');
    await page.goto(`${casePath}/child-protection`);
    await verifyPage(page, OVERVIEW);
    const police = shareCard(page, `Shared with ${POLICE_PARTNER}`).locator('.govuk-inset-text');
    expect(await textOf(police)).toMatch(new RegExp(`^Police: DC Sam Fletcher, Demoshire Police, ${says(DAY_0)} at \\d{1,2}:\\d{2}(am|pm) ${escape(POLICE_KNOWS)}$`));
    const health = shareCard(page, `Shared with ${HEALTH_PARTNER}`).locator('.govuk-inset-text');
    expect(await textOf(health)).toMatch(new RegExp(`^Health: Aisha Rahman, Demo Community Health NHS Trust, ${says(DAY_0)} at \\d{1,2}:\\d{2}(am|pm) ${escape(HEALTH_KNOWS)}$`));

    await click(page, 'button', 'Record the strategy discussion');
    expect(pathOf(page)).toBe(`${casePath}/child-protection/discussion`);
    const FORM = { title: 'Record the strategy discussion – Stable Homes', heading: 'Record the strategy discussion' };
    await verifyPage(page, FORM);
    expect(await page.getByText(`Convened ${says(DAY_0)} (urgent).`).count()).toBe(1);
    await fillDate(page, 'When was it held?', DAY_0);
    const agencies = page.getByRole('group', { name: 'Which agencies took part?' });
    await agencies.getByLabel('Police', { exact: true }).check();
    await agencies.getByLabel('Health', { exact: true }).check();
    // Children's social care left out first: it takes part in every strategy discussion.
    await page.getByRole('group', { name: 'What was decided?' }).getByLabel('Start a section 47 enquiry').check();
    await page.getByLabel('Reasons for the decision').fill(DISCUSSION_REASONS);
    await click(page, 'button', 'Record the decision');
    await verifyPage(page, { ...FORM, title: `Error: ${FORM.title}` });
    expect(await errorSummary(page)).toEqual(['Children’s social care takes part in every strategy discussion: select it']);
    expect(await agencies.getByLabel('Police', { exact: true }).isChecked(), 'what was chosen is kept').toBe(true);
    expect(await page.getByLabel('Start a section 47 enquiry').isChecked()).toBe(true);

    await agencies.getByLabel('Children’s social care', { exact: true }).check();
    await click(page, 'button', 'Record the decision');
    expect(pathOf(page)).toBe(`${casePath}/child-protection?saved=discussion`);
    await verifyPage(page, OVERVIEW);
    expect(await banner(page)).toBe('The strategy discussion was recorded');
    expect(await summaryValue(page, 'Started')).toBe(says(DAY_0));
    expect(await summaryValue(page, 'Outcome')).toBe('Not yet recorded');
    expect(await page.getByRole('button', { name: 'Record the strategy discussion' }).count(), 'held once').toBe(0);
    const history = page.locator('table tbody tr').filter({ hasText: 'Strategy discussion, chaired by Hannah Price' });
    expect(await textOf(history)).toBe(`${says(DAY_0)} Strategy discussion, chaired by Hannah Price: Start a section 47 enquiry. Police, Health, Children’s social care. ${DISCUSSION_REASONS}`);
    expect(await textOf(page.locator('h2:text-is("What is due") + ul'))).toBe(`Hold the initial child protection conference Due ${says(dueDate('initial_child_protection_conference', DAY_0))}`);
    // The shares last until the initial conference: still live.
    expect(await textOf(shareCard(page, `Shared with ${POLICE_PARTNER}`).locator('.govuk-tag'))).toBe('Live');
    await signOut(page);
  });

  it('the enquiry substantiates the concerns; a conference on a Saturday is refused, and the Monday conference starts a plan', async () => {
    const { page } = ctx;
    moveClockTo(CONFERENCE);
    await signIn(page, 'cp.lead');
    await page.goto(`${casePath}/child-protection`);
    await verifyPage(page, OVERVIEW);
    await click(page, 'button', 'Record the outcome');
    expect(pathOf(page)).toBe(`${casePath}/child-protection/enquiry`);
    await verifyPage(page, { title: 'Record the outcome of the section 47 enquiry – Stable Homes', heading: 'Record the outcome of the section 47 enquiry' });
    expect(await page.getByText(`Started ${says(DAY_0)}.`).count()).toBe(1);
    await fillDate(page, 'When was the enquiry completed?', ENQUIRY_DONE);
    await page.getByRole('group', { name: 'What is the outcome?' }).getByLabel('Concerns substantiated: hold an initial child protection conference').check();
    await page.getByLabel('What the enquiry found').fill(FINDINGS);
    await click(page, 'button', 'Record the outcome');
    expect(pathOf(page)).toBe(`${casePath}/child-protection?saved=enquiry`);
    await verifyPage(page, OVERVIEW);
    expect(await banner(page)).toBe('The outcome of the enquiry was recorded');
    expect(await summaryValue(page, 'Outcome')).toBe(`${says(ENQUIRY_DONE)}: Concerns substantiated: hold an initial child protection conference`);
    expect(await page.getByRole('button', { name: 'Record the outcome', exact: true }).count(), 'recorded once').toBe(0);

    await click(page, 'button', 'Record the initial conference');
    expect(pathOf(page)).toBe(`${casePath}/child-protection/initial-conference`);
    const FORM = { title: 'Record the initial child protection conference – Stable Homes', heading: 'Record the initial child protection conference' };
    await verifyPage(page, FORM);
    expect(await page.getByText(`The section 47 enquiry started ${says(DAY_0)}.`).count()).toBe(1);
    await fillDate(page, 'When was the conference held?', SATURDAY);
    await page.getByLabel('Who attended').fill(ATTENDEES.join('\n'));
    await page.getByLabel('The child’s views, in their own words').fill(CHILD_VIEWS);
    await page.getByRole('group', { name: 'How did the child’s views reach the conference?' }).getByLabel('Through a worker who asked them').check();
    await page.getByLabel('The parents’ views', { exact: true }).fill(PARENTS_VIEWS);
    await page.getByLabel('The parents’ representative or advocate (optional)').fill('Sam Okoro, parent advocate (demo)');
    await page.getByRole('group', { name: 'What did the conference decide?' }).getByLabel('The child will be subject to a child protection plan').check();
    await page.getByRole('group', { name: 'Category of abuse' }).getByLabel('Neglect', { exact: true }).check();
    await page.getByLabel('Reasons for the decision').fill(CONFERENCE_REASONS);
    await click(page, 'button', 'Record the conference');
    await verifyPage(page, { ...FORM, title: `Error: ${FORM.title}` });
    // A weekend date is asked about, not refused: usually a slip, but a conference can be held then.
    const weekendAsked = `${says(SATURDAY)} is a Saturday. Check the date, or confirm that the conference was held at the weekend`;
    expect(await errorSummary(page)).toEqual([weekendAsked]);
    expect(await page.locator('#weekend-error').innerText()).toContain(weekendAsked);
    expect(await page.getByLabel('Yes, it was held on that day').isChecked()).toBe(false);
    expect(await page.getByLabel('Who attended').inputValue(), 'what was typed is kept').toBe(ATTENDEES.join('\n'));
    expect(await page.getByLabel('Neglect', { exact: true }).isChecked()).toBe(true);

    await fillDate(page, 'When was the conference held?', CONFERENCE);
    await click(page, 'button', 'Record the conference');
    expect(pathOf(page)).toBe(`${casePath}/child-protection?saved=initial-conference`);
    await verifyPage(page, OVERVIEW);
    expect(await banner(page)).toBe('The initial conference was recorded');
    expect(await summaryValue(page, 'Started')).toBe(says(CONFERENCE));
    expect(await summaryValue(page, 'Category')).toBe('Neglect');
    expect(await summaryValue(page, 'Earlier plans')).toBe('None: this is the first');
    expect(await summaryValue(page, 'Child Protection Lead Practitioner')).toBe('Hannah Price. They hold the decisions on the enquiry and the plan.');
    expect(await page.getByRole('heading', { name: 'Section 47 enquiry' }).count(), 'the enquiry is done').toBe(0);
    const conference = page.locator('table tbody tr').filter({ hasText: 'Initial conference' });
    expect(await textOf(conference)).toBe(
      `${says(CONFERENCE)} Initial conference (Neglect). Attended: ${ATTENDEES.join(', ')}. The child’s views (through a worker who asked them): ${CHILD_VIEWS} The parents’ views, represented by Sam Okoro, parent advocate (demo): ${PARENTS_VIEWS} Decision: ${CONFERENCE_REASONS}`,
    );
    const due = await Promise.all((await page.locator('h2:text-is("What is due") + ul > li').all()).map(textOf));
    expect(due.sort()).toEqual([`Hold the first child protection review conference Due ${says(dueDate('first_child_protection_review', CONFERENCE))}`, `Visit the child (child protection plan) Due ${says(dueDate('child_protection_visit', CONFERENCE))}`].sort());
    // The strategy discussion's sharing ended with the initial conference.
    for (const partner of [POLICE_PARTNER, HEALTH_PARTNER]) expect(await textOf(shareCard(page, `Shared with ${partner}`).locator('.govuk-tag')), partner).toBe('Ended');
    expect(await summaryValue(page, 'Ended', shareCard(page, `Shared with ${POLICE_PARTNER}`))).toMatch(/: The initial conference was held$/);
  });

  it('she shares with the police for the core group', async () => {
    const { page } = ctx;
    expect(await page.getByRole('link', { name: 'Record a sharing decision for the strategy discussion' }).count(), 'the discussion’s sharing is over').toBe(0);
    await click(page, 'link', 'Record a sharing decision for the core group');
    expect(pathOf(page)).toBe(`${casePath}/child-protection/share-plan`);
    await verifyPage(page, { title: 'Share information with the core group – Stable Homes', heading: 'Share information with the core group' });
    await page.getByRole('group', { name: 'Are you sharing information?' }).getByLabel('Yes, share', { exact: true }).check();
    await page.getByLabel('Who are you sharing with?').selectOption({ label: POLICE_PARTNER });
    await page.getByLabel('What you are sharing').fill('Mirren is on a child protection plan (neglect). Please tell the core group of any call-out to the address.');
    await page.getByLabel('Why', { exact: true }).fill('The police are in the core group.');
    await page.getByRole('group', { name: 'Lawful basis' }).getByLabel('Public task (UK GDPR Article 6(1)(e)) and safeguarding children (Data Protection Act 2018, Schedule 1, paragraph 18)').check();
    await page.getByRole('group', { name: 'Consent', exact: true }).getByLabel('The family consented').check();
    await click(page, 'button', 'Record the sharing decision');
    expect(pathOf(page)).toBe(`${casePath}/child-protection?saved=shared`);
    await verifyPage(page, OVERVIEW);
    const live = page.locator('.govuk-summary-card').filter({ has: page.locator('.govuk-tag', { hasText: 'Live' }) });
    expect(await live.count()).toBe(1);
    expect(await summaryValue(page, 'For', live)).toBe('Core group of the child protection plan');
    expect(await summaryValue(page, 'Consent', live)).toBe('The family consented');
    await signOut(page);

    // The police see the core group's share; the strategy discussion's is no longer theirs to see.
    await signIn(page, 'police.partner');
    await navigateTo(page, 'Shared with you');
    await verifyPage(page, { title: 'Shared with you – Stable Homes', heading: 'Shared with you' });
    const rows = page.locator('table tbody tr').filter({ hasText: CHILD });
    expect(await rows.count()).toBe(1);
    expect(await textOf(rows.locator('td').nth(1))).toBe('Core group of the child protection plan');
    await navigates(page, () => rows.getByRole('link', { name: CHILD, exact: true }).click());
    policeCoreGroupShare = pathOf(page);
    await verifyPage(page, { title: `Shared with you: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await summaryValue(page, 'Child protection plan')).toBe(`Since ${says(CONFERENCE)}. Child Protection Lead Practitioner: Hannah Price`);
    expect(await summaryValue(page, 'Core group meetings')).toBe('None yet');
    const ended = await page.goto(policeShare);
    expect(ended?.status()).toBe(403);
    await verifyPage(page, { title: 'This information is no longer shared with you – Stable Homes', heading: 'This information is no longer shared with you' });
    await signOut(page);
  });

  it('Priya Shah, still the family’s lead practitioner, sees the plan led by Hannah Price and records a core group meeting, but holds none of its decisions', async () => {
    const { page } = ctx;
    moveClockTo(CORE_GROUP);
    await signIn(page, 'family.help');
    await page.goto(casePath);
    await verifyPage(page, { title: `Family Help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await summaryValue(page, 'Lead practitioner')).toBe('Priya Shah, Family support worker');
    expect(await summaryValue(page, 'Basis')).toBe('Child in need (section 17)');
    expect(await page.getByText(`Child protection plan since ${says(CONFERENCE)} (Neglect). Child Protection Lead Practitioner: Hannah Price`).count()).toBe(1);
    await click(page, 'link', 'Child protection: everything recorded');
    expect(pathOf(page)).toBe(`${casePath}/child-protection`);
    await verifyPage(page, OVERVIEW);
    expect(await summaryValue(page, 'Lead practitioner')).toBe('Priya Shah, Family support worker. They stay the family’s lead practitioner throughout.');
    expect(await summaryValue(page, 'Child Protection Lead Practitioner')).toBe('Hannah Price. They hold the decisions on the enquiry and the plan.');
    expect(await summaryValue(page, 'Started')).toBe(says(CONFERENCE));
    // The decisions are Hannah's: no buttons for them, and no way in by the address either.
    for (const name of ['Record a review conference', 'End the plan for another reason', 'Record a sharing decision for the core group']) {
      expect(await page.getByRole('button', { name }).or(page.getByRole('link', { name })).count(), name).toBe(0);
    }
    const refused = await page.goto(`${casePath}/child-protection/review-conference`);
    expect(refused?.status()).toBe(403);
    await verifyPage(page, { title: 'You do not have permission to see this page – Stable Homes', heading: 'You do not have permission to see this page' });
    await page.goto(`${casePath}/child-protection`);
    await verifyPage(page, OVERVIEW);

    await click(page, 'button', 'Record a core group meeting');
    expect(pathOf(page)).toBe(`${casePath}/child-protection/core-group`);
    await verifyPage(page, { title: 'Record a core group meeting – Stable Homes', heading: 'Record a core group meeting' });
    await fillDate(page, 'When was the meeting?', CORE_GROUP);
    await page.getByLabel('Who attended').fill(['Priya Shah, lead practitioner', 'Hannah Price, Child Protection Lead Practitioner', 'DC Sam Fletcher, police', 'Mirren’s mum'].join('\n'));
    await page.getByLabel('What has changed for the child').fill(CORE_GROUP_PROGRESS);
    await click(page, 'button', 'Record the meeting');
    expect(pathOf(page)).toBe(`${casePath}/child-protection?saved=core-group`);
    await verifyPage(page, OVERVIEW);
    expect(await banner(page)).toBe('The core group meeting was recorded');
    const meeting = page.locator('table tbody tr').filter({ hasText: 'Core group meeting' });
    expect(await textOf(meeting)).toBe(
      `${says(CORE_GROUP)} Core group meeting, recorded by Priya Shah. Attended: Priya Shah, lead practitioner, Hannah Price, Child Protection Lead Practitioner, DC Sam Fletcher, police, Mirren’s mum. ${CORE_GROUP_PROGRESS}`,
    );
    await signOut(page);

    // The police, in the core group, see the meeting's date and nothing of what was said.
    await signIn(page, 'police.partner');
    await page.goto(policeCoreGroupShare);
    await verifyPage(page, { title: `Shared with you: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await summaryValue(page, 'Core group meetings')).toBe(says(CORE_GROUP));
    expect(await page.locator('body').innerText()).not.toContain(CORE_GROUP_PROGRESS);
    await signOut(page);
  });

  it('Hannah Price records a review conference that ends the plan, after a review on the plan’s first day is refused', async () => {
    const { page } = ctx;
    moveClockTo(REVIEW);
    await signIn(page, 'cp.lead');
    await page.goto(`${casePath}/child-protection`);
    await verifyPage(page, OVERVIEW);
    await click(page, 'button', 'Record a review conference');
    expect(pathOf(page)).toBe(`${casePath}/child-protection/review-conference`);
    const FORM = { title: 'Record the review conference – Stable Homes', heading: 'Record the review conference' };
    await verifyPage(page, FORM);
    expect(await page.getByText(`The plan started ${says(CONFERENCE)}: Neglect.`).count()).toBe(1);
    await fillDate(page, 'When was the conference held?', CONFERENCE);
    await page.getByLabel('Who attended').fill(['Chair: independent reviewing officer', 'Hannah Price, Child Protection Lead Practitioner', 'Priya Shah, lead practitioner', 'Mirren’s mum'].join('\n'));
    await page.getByLabel('The child’s views, in their own words').fill('I feel safe at home now.');
    await page.getByRole('group', { name: 'How did the child’s views reach the conference?' }).getByLabel('Directly: the child spoke at or to the conference').check();
    await page.getByLabel('The parents’ views', { exact: true }).fill('Mum says things are calmer and she wants to carry on with Family Help.');
    await page.getByRole('group', { name: 'What did the conference decide?' }).getByLabel('The plan ends: the child is no longer likely to suffer significant harm').check();
    await page.getByLabel('Reasons for the decision').fill(REVIEW_REASONS);
    await click(page, 'button', 'Record the conference');
    await verifyPage(page, { ...FORM, title: `Error: ${FORM.title}` });
    const tooEarly = `The date of the conference must be on or after the day after the plan started (${says(CONFERENCE.plusDays(1))})`;
    expect(await errorSummary(page)).toEqual([tooEarly]);
    expect(await page.locator('#held-error').innerText()).toContain(tooEarly);

    await fillDate(page, 'When was the conference held?', REVIEW);
    await click(page, 'button', 'Record the conference');
    expect(pathOf(page)).toBe(`${casePath}/child-protection?saved=review-conference`);
    await verifyPage(page, OVERVIEW);
    expect(await banner(page)).toBe('The review conference was recorded');
    expect(await page.getByRole('heading', { name: 'Child protection plan' }).count(), 'no plan open').toBe(0);
    expect(await page.getByRole('button', { name: 'Record a review conference' }).count()).toBe(0);
    expect(await textOf(page.locator('table tbody tr').filter({ hasText: 'Review conference' }))).toContain(`${says(REVIEW)} Review conference. Attended:`);
    expect(await textOf(page.locator('table tbody tr').filter({ hasText: 'Child protection plan ended' }))).toBe(
      `${says(REVIEW)} Child protection plan ended: The child is no longer likely to suffer significant harm.`,
    );
    expect(await page.locator('.govuk-summary-card .govuk-tag', { hasText: 'Live' }).count(), 'every share has ended').toBe(0);
    expect(await summaryValue(page, 'Ended', page.locator('.govuk-summary-card').filter({ hasText: 'Core group of the child protection plan' }))).toMatch(/: The plan ended at its review conference$/);
    // The Family Help case stays open, with Priya Shah.
    await click(page, 'link', 'The Family Help case');
    expect(pathOf(page)).toBe(casePath);
    await verifyPage(page, { title: `Family Help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await summaryValue(page, 'Lead practitioner')).toBe('Priya Shah, Family support worker');
    expect(await page.locator('.govuk-tag', { hasText: 'Closed' }).count()).toBe(0);
    expect(await textOf(page.locator('h2:text-is("Child protection") + ul'))).toBe('No child protection work open now: 1 plan in the past.');
    await signOut(page);
  });

  it('the police can no longer see anything about the child', async () => {
    const { page } = ctx;
    await signIn(page, 'police.partner');
    await navigateTo(page, 'Shared with you');
    await verifyPage(page, { title: 'Shared with you – Stable Homes', heading: 'Shared with you' });
    expect(await page.locator('table tbody tr').filter({ hasText: CHILD }).count()).toBe(0);
    for (const share of [policeCoreGroupShare, policeShare]) {
      const response = await page.goto(share);
      expect(response?.status(), share).toBe(403);
      await verifyPage(page, { title: 'This information is no longer shared with you – Stable Homes', heading: 'This information is no longer shared with you' });
      expect(await page.locator('body').innerText()).not.toContain(CHILD);
    }
    await click(page, 'link', 'What is shared with you now');
    expect(pathOf(page)).toBe('/shared');
    await verifyPage(page, { title: 'Shared with you – Stable Homes', heading: 'Shared with you' });
    await signOut(page);
    ctx.expectNoBrowserErrors();
  });
});
