// Harm outside the home and court work, in a real browser. Two journeys on one app:
//
// 1. Three children who are not related, each with a Family Help case led by Priya Shah and a
//    strategy discussion waiting, are seen at the same place. Hannah Price (Child Protection Lead
//    Practitioner) adds the place as a context of harm outside the home, after an empty form is
//    refused; Priya links each child to it from their child protection page; Hannah sees the three
//    linked, none related to another. For one child she takes and records the strategy discussion
//    (a plan for harm outside the home) and starts an extra-familial harm plan jointly with the
//    youth justice service; Priya sees the joint plan on the case and is still its lead.
// 2. A child whose strategy discussion started a section 47 enquiry. Hannah starts pre-proceedings
//    from the court page; issuing proceedings is refused while family group decision making has
//    not been offered and no emergency is given; she records the offer and issues them, and the
//    26-week clock starts. Priya sees the clock in My work, and none of the court decisions.
//
// The cases are set up as the db tests set them up (through the app's services, as the front door
// and a strategy discussion would leave them); every step a user takes is taken in the browser, and
// every page is checked with axe (verifyPage). The app runs on a FakeClock, on weekdays from the
// first Monday after the real today (the demo data is seeded as of the real today), and moves on
// between steps with every user signed out first (a session idles out after 30 minutes of the
// app's clock).
import { DayOfWeek, TemporalAdjusters, type LocalDate } from '@js-joda/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, todayInEngland } from '../../src/platform/clock.ts';
import { dueDate } from '../../src/platform/timescales/rules.ts';
import { formatDate } from '../../src/platform/web/views.ts';
import { buildCase } from '../builders/cases.ts';
import { buildPerson, insertPeople } from '../builders/people.ts';
import { launchBrowser } from '../support/browser.ts';
import { navigates, newAppContext, pathOf, signIn, signOut, startBrowserApp, verifyPage, type AppContext, type BrowserApp } from '../support/browser-app.ts';
import { banner, click, errorSummary, fillDate, morningOf, navigateTo, says, summaryValue, textOf } from '../support/journey.ts';
import { principalOf, rowsOf } from '../support/records.ts';

/** The first Monday after the real today: the cases are open and the context is added. */
const DAY_0 = todayInEngland().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
/** The place was first identified the Friday before. */
const IDENTIFIED = DAY_0.minusDays(3);
/** The extra-familial harm plan starts the Tuesday. */
const PLAN_DAY = DAY_0.plusDays(1);
/** The letter before proceedings is sent the Wednesday. */
const LETTER_DAY = DAY_0.plusDays(2);
/** Family group decision making is offered the Thursday. */
const FGDM_OFFERED = DAY_0.plusDays(3);
/** Proceedings are issued the next Monday. */
const ISSUE_DAY = DAY_0.plusDays(7);
/** The court should decide within 26 weeks of the application. */
const DEADLINE = ISSUE_DAY.plusWeeks(26);

const clock = new FakeClock(morningOf(DAY_0));

/** Moves the app's clock to mid-morning on a date (everyone is signed out first). */
const moveClockTo = (date: LocalDate) => clock.set(morningOf(date));

let app: BrowserApp;
let browser: Browser;

// Synthetic people only: three children who are not related, and a fourth for court.
const HARM_CHILDREN = [
  buildPerson({ givenNames: 'Kobe', familyName: 'Hartigan', dateOfBirth: DAY_0.minusYears(15).minusDays(40).toString(), sex: 'M' }),
  buildPerson({ givenNames: 'Ellis', familyName: 'Varnham', dateOfBirth: DAY_0.minusYears(16).minusDays(95).toString(), sex: 'M' }),
  buildPerson({ givenNames: 'Summer', familyName: 'Oyelaran-Pike', dateOfBirth: DAY_0.minusYears(14).minusDays(170).toString(), sex: 'F' }),
];
const COURT_CHILD = buildPerson({ givenNames: 'Poppy', familyName: 'Trevennick', dateOfBirth: DAY_0.minusYears(4).minusDays(200).toString(), sex: 'F' });
const nameOf = (person: { givenNames: string; familyName: string }) => `${person.givenNames} ${person.familyName}`;
const HARM_NAMES = HARM_CHILDREN.map(nameOf);
const COURT_NAME = nameOf(COURT_CHILD);

/** `/cases/<id>` for each harm child, in order, and for the court child. */
const harmCases: string[] = [];
let courtCase = '';

/** A Family Help case opened from the front door with a strategy discussion, led by Priya Shah: its `/cases/<id>`. */
async function openCase(child: (typeof HARM_CHILDREN)[number], concerns: string): Promise<string> {
  const { caseId } = await buildCase(app.testApp, child, { decision: 'strategy_discussion', request: { concerns }, decide: { reasons: concerns } });
  return `/cases/${caseId}`;
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserApp({ clock }), launchBrowser()]);
  await insertPeople(app.testApp.db.database, [...HARM_CHILDREN, COURT_CHILD]);
  for (const child of HARM_CHILDREN) harmCases.push(await openCase(child, 'Seen by police on the canal towpath late at night with older young people who are not from the area.'));
  // The court child's strategy discussion, held the same day, started a section 47 enquiry.
  courtCase = await openCase(COURT_CHILD, 'Found alone at home for the second time this month; the flat was cold and there was no food.');
  const cpLead = await principalOf(app.testApp, 'cp.lead');
  const [d] = await rowsOf(app.testApp, 'select id, version from strategy_discussion where case_id = $1', [courtCase.replace('/cases/', '')]);
  await app.testApp.deps.childProtection.take(cpLead, String(d!['id']), Number(d!['version']));
  await app.testApp.deps.childProtection.recordDiscussion(cpLead, String(d!['id']), {
    version: Number(d!['version']) + 1, heldOn: DAY_0.toString(), agencies: ['police', 'social_care'], decision: 'section_47', reasons: 'Neglect: a young child left alone repeatedly.',
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** How many buttons or links the page has with this name. */
const controls = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).or(page.getByRole('link', { name, exact: true })).count();

const MY_WORK = { title: 'My work – Stable Homes', heading: 'My work' };
const PRIYA = 'Priya Shah, Family support worker';
const CP_LEAD = 'Hannah Price. They hold the decisions on the enquiry and the plan.';

describe('Harm outside the home: three children who are not related, one place, one joint plan', () => {
  const PLACE = 'Canal towpath by the old mill';
  const PLACE_KIND = 'A place (a park, a shop, a house, a transport hub)';
  const PLACE_KNOWN = 'Older young people from out of the area meet children on the towpath after school and after dark; police have seen cash and phones handed over.';
  const WHY_LINKED = 'Seen on the canal towpath by the old mill by police, with older young people, twice in a fortnight.';
  const DISCUSSION_REASONS = 'Criminal exploitation away from home: the harm is outside the family, so a joint assessment and a plan for harm outside the home, not a section 47 enquiry.';
  const JOINT_ASSESSMENT = 'Kobe is being used to carry packages along the towpath. His mum is protective and wants help. Youth justice know him from a caution for possession.';
  const YOUTH_JUSTICE_WORKER = 'Dami Adeyemi, Demo Youth Justice Service';
  const CONTEXTS = { title: 'Harm outside the home – Stable Homes', heading: 'Harm outside the home' };
  const NEW_CONTEXT = { title: 'Add a context of harm outside the home – Stable Homes', heading: 'Add a context of harm outside the home' };
  const CONTEXT = { title: `${PLACE} – Stable Homes`, heading: PLACE };
  const overviewOf = (name: string) => ({ title: `Child protection: ${name} – Stable Homes`, heading: name });
  /** The child who gets the plan. */
  const [PLANNED] = HARM_NAMES as [string, ...string[]];
  let ctx: AppContext;
  /** `/contexts/<id>`. */
  let contextPath = '';

  beforeAll(async () => {
    ctx = await newAppContext(browser, app);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('the clock is on a Monday, and every date in both journeys is a weekday, none in the future when it is entered', () => {
    expect(todayInEngland(clock).toString()).toBe(DAY_0.toString());
    expect(DAY_0.dayOfWeek()).toBe(DayOfWeek.MONDAY);
    const weekend = (d: LocalDate) => d.dayOfWeek() === DayOfWeek.SATURDAY || d.dayOfWeek() === DayOfWeek.SUNDAY;
    expect([IDENTIFIED, PLAN_DAY, LETTER_DAY, FGDM_OFFERED, ISSUE_DAY].map(weekend)).toEqual([false, false, false, false, false]);
    expect(IDENTIFIED.isBefore(DAY_0) && LETTER_DAY.isBefore(ISSUE_DAY) && FGDM_OFFERED.isBefore(ISSUE_DAY)).toBe(true);
    expect(dueDate('care_proceedings', ISSUE_DAY).toString(), '26 weeks on').toBe(DEADLINE.toString());
  });

  it('Hannah Price adds the canal towpath as a context of harm outside the home, after an empty form is refused', async () => {
    const { page } = ctx;
    await signIn(page, 'cp.lead');
    await verifyPage(page, MY_WORK);
    await navigateTo(page, 'Harm outside the home');
    expect(pathOf(page)).toBe('/contexts');
    await verifyPage(page, CONTEXTS);
    expect(await page.getByText('No contexts recorded yet.').count()).toBe(1);
    await click(page, 'button', 'Add a context');
    expect(pathOf(page)).toBe('/contexts/new');
    await verifyPage(page, NEW_CONTEXT);

    // Nothing filled in: the GOV.UK error summary, each error beside its field.
    await click(page, 'button', 'Add the context');
    await verifyPage(page, { ...NEW_CONTEXT, title: `Error: ${NEW_CONTEXT.title}` });
    expect(await errorSummary(page)).toEqual(['Select what kind of context it is', 'Enter a name for the context', 'Enter what is known about it', 'Enter the date it was identified']);
    expect(await page.locator('main .govuk-error-summary').evaluate((summary) => summary === summary.closest('main')?.querySelector('h1, form, .govuk-error-summary')), 'the error summary is the first thing in the page').toBe(true);
    expect(await page.locator('#name-error').innerText()).toContain('Enter a name for the context');
    // Each link in the summary goes to its field.
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter a name for the context' }).click();
    expect(await page.locator('#name:focus').count(), 'the name field has focus').toBe(1);

    await page.getByRole('group', { name: 'What kind of context is it?' }).getByLabel(PLACE_KIND, { exact: true }).check();
    await page.getByLabel('What it is called').fill(PLACE);
    await page.getByLabel('What is known about it').fill(PLACE_KNOWN);
    await fillDate(page, 'When was it identified?', IDENTIFIED);
    await click(page, 'button', 'Add the context');
    expect(pathOf(page)).toMatch(/^\/contexts\/[0-9a-f-]{36}\?saved=1$/);
    contextPath = pathOf(page).replace('?saved=1', '');
    await verifyPage(page, CONTEXT);
    expect(await banner(page)).toBe('The context was added. Link children to it from their child protection page.');
    expect(await summaryValue(page, 'Kind')).toBe(PLACE_KIND);
    expect(await summaryValue(page, 'What is known')).toBe(PLACE_KNOWN);
    expect(await summaryValue(page, 'Identified')).toBe(`${says(IDENTIFIED)} by Hannah Price`);
    expect(await page.getByRole('heading', { name: 'Children linked (0)' }).count()).toBe(1);
    expect(await page.getByText('No children are linked yet.').count()).toBe(1);
    await signOut(page);
  });

  it('Priya Shah, the children’s lead practitioner, cannot see the contexts, and links each child to the towpath from their child protection page', async () => {
    const { page } = ctx;
    await signIn(page, 'family.help');
    await verifyPage(page, MY_WORK);
    expect(await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Harm outside the home' }).count(), 'the contexts are the multi-agency team’s').toBe(0);

    for (const [i, name] of HARM_NAMES.entries()) {
      const casePath = harmCases[i]!;
      await page.goto(casePath);
      await verifyPage(page, { title: `Family Help: ${name} – Stable Homes`, heading: name });
      expect(await summaryValue(page, 'Lead practitioner')).toBe(PRIYA);
      await click(page, 'link', 'Child protection: everything recorded');
      expect(pathOf(page)).toBe(`${casePath}/child-protection`);
      await verifyPage(page, overviewOf(name));
      expect(await page.getByText('Not linked to any context.').count()).toBe(1);
      await click(page, 'link', `Link ${name} to a context of harm outside the home`);
      expect(pathOf(page)).toBe(`${casePath}/child-protection/link-context`);
      const FORM = { title: 'Link to a context of harm outside the home – Stable Homes', heading: 'Link to a context of harm outside the home' };
      await verifyPage(page, FORM);
      expect(await textOf(page.locator('.govuk-caption-l'))).toBe(name);
      const which = page.getByRole('group', { name: 'Which context?' });
      expect((await which.getByRole('radio').all()).length, 'the one context there is').toBe(1);

      if (i === 0) {
        // The first time, nothing chosen: refused, with the GOV.UK error summary.
        await click(page, 'button', 'Link the child');
        await verifyPage(page, { ...FORM, title: `Error: ${FORM.title}` });
        expect(await errorSummary(page)).toEqual(['Select the context', 'Enter why the child is linked to it']);
      }

      await which.getByLabel(PLACE, { exact: true }).check();
      await page.getByLabel('Why the child is linked to it').fill(WHY_LINKED);
      await click(page, 'button', 'Link the child');
      expect(pathOf(page)).toBe(`${casePath}/child-protection?saved=linked`);
      await verifyPage(page, overviewOf(name));
      expect(await banner(page)).toBe('The child was linked to the context');
      expect(await textOf(page.locator('h2:text-is("Harm outside the home") + ul'))).toBe(`${PLACE} (${PLACE_KIND.toLowerCase()}), linked ${says(DAY_0)}: ${WHY_LINKED}`);
    }
    // The context itself is the multi-agency team's to see.
    const refused = await page.goto(contextPath);
    expect(refused?.status()).toBe(403);
    await verifyPage(page, { title: 'You do not have permission to see this page – Stable Homes', heading: 'You do not have permission to see this page' });
    await signOut(page);
  });

  it('Hannah Price sees the three children linked to the towpath, none of them related to another', async () => {
    const { page } = ctx;
    await signIn(page, 'cp.lead');
    await navigateTo(page, 'Harm outside the home');
    await verifyPage(page, CONTEXTS);
    const row = page.locator('table tbody tr').filter({ hasText: PLACE });
    expect(await textOf(row)).toBe(`${PLACE} ${PLACE_KIND} ${says(IDENTIFIED)} 3`);
    await navigates(page, () => row.getByRole('link', { name: PLACE, exact: true }).click());
    expect(pathOf(page)).toBe(contextPath);
    await verifyPage(page, CONTEXT);
    expect(await page.getByRole('heading', { name: 'Children linked (3)', exact: true }).count()).toBe(1);
    expect(await page.getByText('3 of them are not related to any other child linked here.', { exact: true }).count()).toBe(1);
    const linked = page.locator('table tbody tr');
    expect(await linked.count()).toBe(3);
    for (const [i, name] of HARM_NAMES.entries()) {
      const member = linked.filter({ hasText: name });
      expect(await member.count(), name).toBe(1);
      // She has taken none of their strategy discussions yet: their records would refuse her, so the names are not links.
      expect(await member.getByRole('link').count(), `${name} is not a link`).toBe(0);
      expect(await textOf(member.locator('td').nth(0))).toBe(`${name} Born ${formatDate(HARM_CHILDREN[i]!.dateOfBirth!)}`);
      expect(await textOf(member.locator('td').nth(1))).toBe(`${says(DAY_0)} by Priya Shah`);
      expect(await textOf(member.locator('td').nth(2))).toBe(WHY_LINKED);
      expect(await textOf(member.locator('td').nth(3))).toBe('No one linked here');
    }
  });

  it('she takes one child’s strategy discussion and records it: a plan for harm outside the home', async () => {
    const { page } = ctx;
    const casePath = harmCases[0]!;
    await navigateTo(page, 'Strategy discussions');
    expect(pathOf(page)).toBe('/child-protection');
    await verifyPage(page, { title: 'Strategy discussions – Stable Homes', heading: 'Strategy discussions' });
    for (const name of HARM_NAMES) expect(await page.locator('table tbody tr').filter({ hasText: name }).count(), `${name} is waiting`).toBe(1);
    const row = page.locator('table tbody tr').filter({ hasText: PLANNED });
    expect(await textOf(row.locator('td').nth(2))).toBe('Priya Shah');
    // The button shows "Take it"; its accessible name starts with that and names the child (WCAG 2.5.3).
    const take = row.getByRole('button', { name: `Take it: the strategy discussion for ${PLANNED}`, exact: true });
    expect(await textOf(take), 'the visible text').toBe('Take it');
    await navigates(page, () => take.click());
    expect(pathOf(page)).toBe(`${casePath}/child-protection?saved=taken`);
    await verifyPage(page, overviewOf(PLANNED));
    expect(await banner(page)).toBe('You are now the Child Protection Lead Practitioner for this child');
    expect(await summaryValue(page, 'Chair')).toBe('Hannah Price');

    await click(page, 'button', 'Record the strategy discussion');
    expect(pathOf(page)).toBe(`${casePath}/child-protection/discussion`);
    const FORM = { title: 'Record the strategy discussion – Stable Homes', heading: 'Record the strategy discussion' };
    await verifyPage(page, FORM);
    await fillDate(page, 'When was it held?', DAY_0);
    const agencies = page.getByRole('group', { name: 'Which agencies took part?' });
    for (const agency of ['Police', 'Children’s social care', 'Another agency (for example probation, youth justice, housing)']) await agencies.getByLabel(agency, { exact: true }).check();
    await page.getByRole('group', { name: 'What was decided?' }).getByLabel('A plan for harm outside the home', { exact: true }).check();
    await page.getByLabel('Reasons for the decision').fill(DISCUSSION_REASONS);
    await click(page, 'button', 'Record the decision');
    expect(pathOf(page)).toBe(`${casePath}/child-protection?saved=discussion`);
    await verifyPage(page, overviewOf(PLANNED));
    expect(await banner(page)).toBe('The strategy discussion was recorded');
    expect(await page.getByRole('heading', { name: 'Section 47 enquiry' }).count(), 'no enquiry').toBe(0);
    expect(await textOf(page.locator('table tbody tr').filter({ hasText: 'Strategy discussion, chaired by Hannah Price' }))).toBe(
      `${says(DAY_0)} Strategy discussion, chaired by Hannah Price: A plan for harm outside the home. Police, Children’s social care, Another agency (for example probation, youth justice, housing). ${DISCUSSION_REASONS}`,
    );
    expect(await controls(page, 'Start an extra-familial harm plan')).toBe(1);
    await signOut(page);
  });

  it('the next day she starts an extra-familial harm plan, joint with the youth justice service, after a missing worker’s name is refused', async () => {
    const { page } = ctx;
    const casePath = harmCases[0]!;
    moveClockTo(PLAN_DAY);
    await signIn(page, 'cp.lead');
    await page.goto(`${casePath}/child-protection`);
    await verifyPage(page, overviewOf(PLANNED));
    await click(page, 'link', 'Start an extra-familial harm plan');
    expect(pathOf(page)).toBe(`${casePath}/child-protection/efh-plan`);
    const FORM = { title: 'Start an extra-familial harm plan – Stable Homes', heading: 'Start an extra-familial harm plan' };
    await verifyPage(page, FORM);
    expect(await textOf(page.locator('.govuk-caption-l'))).toBe(PLANNED);

    await fillDate(page, 'When does the plan start?', PLAN_DAY);
    await page.getByLabel('What the joint assessment found').fill(JOINT_ASSESSMENT);
    const youthJustice = page.getByRole('group', { name: 'Does the youth justice service also work with the young person?' });
    await youthJustice.getByLabel('Yes', { exact: true }).check();
    await click(page, 'button', 'Start the plan');
    await verifyPage(page, { ...FORM, title: `Error: ${FORM.title}` });
    expect(await errorSummary(page)).toEqual(['Enter the youth justice worker’s name']);
    expect(await youthJustice.getByLabel('Yes', { exact: true }).isChecked(), 'what was chosen is kept').toBe(true);
    expect(await page.getByLabel('What the joint assessment found').inputValue()).toBe(JOINT_ASSESSMENT);

    await page.getByLabel('The youth justice worker (if yes)').fill(YOUTH_JUSTICE_WORKER);
    await click(page, 'button', 'Start the plan');
    expect(pathOf(page)).toBe(`${casePath}/child-protection?saved=efh-plan`);
    await verifyPage(page, overviewOf(PLANNED));
    expect(await banner(page)).toBe('The extra-familial harm plan started');
    expect(await page.getByRole('heading', { name: 'Extra-familial harm plan', exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Child protection plan', exact: true }).count(), 'not a child protection plan').toBe(0);
    expect(await summaryValue(page, 'Started')).toBe(says(PLAN_DAY));
    expect(await summaryValue(page, 'Joint assessment')).toBe(JOINT_ASSESSMENT);
    expect(await summaryValue(page, 'Youth justice')).toBe(`One joint plan with the youth justice service: ${YOUTH_JUSTICE_WORKER}`);
    expect(await summaryValue(page, 'Until')).toBe('It can continue past 18, to the young person’s 25th birthday');
    expect(await summaryValue(page, 'Lead practitioner')).toBe(`${PRIYA}. They stay the family’s lead practitioner throughout.`);
    expect(await summaryValue(page, 'Child Protection Lead Practitioner')).toBe(CP_LEAD);
    expect(await controls(page, 'Start an extra-familial harm plan'), 'started once').toBe(0);
    await signOut(page);
  });

  it('Priya Shah sees the joint plan on the Family Help case, and is still the lead practitioner', async () => {
    const { page } = ctx;
    const casePath = harmCases[0]!;
    await signIn(page, 'family.help');
    await page.goto(casePath);
    await verifyPage(page, { title: `Family Help: ${PLANNED} – Stable Homes`, heading: PLANNED });
    expect(await summaryValue(page, 'Lead practitioner')).toBe(PRIYA);
    expect(await textOf(page.locator('h2:text-is("Child protection") + ul'))).toBe(
      `Extra-familial harm plan since ${says(PLAN_DAY)}, joint with youth justice (${YOUTH_JUSTICE_WORKER}). Child Protection Lead Practitioner: Hannah Price`,
    );
    await click(page, 'link', 'Child protection: everything recorded');
    await verifyPage(page, overviewOf(PLANNED));
    expect(await summaryValue(page, 'Lead practitioner')).toBe(`${PRIYA}. They stay the family’s lead practitioner throughout.`);
    expect(await summaryValue(page, 'Youth justice')).toBe(`One joint plan with the youth justice service: ${YOUTH_JUSTICE_WORKER}`);
    // The plan's decisions are Hannah's.
    for (const name of ['Record a review conference', 'End the plan for another reason']) expect(await controls(page, name), name).toBe(0);
    await signOut(page);
    ctx.expectNoBrowserErrors();
  });
});

describe('Court: family group decision making before proceedings, and the 26-week clock', () => {
  const COURT_NAME_OF_COURT = 'Family Court at Demoford';
  const APPLICATION = 'Care order (section 31)';
  const COURT_PAGE = { title: `Court: ${COURT_NAME} – Stable Homes`, heading: COURT_NAME };
  const ISSUE_FORM = { title: 'Issue care proceedings – Stable Homes', heading: 'Issue care proceedings' };
  const NOT_OFFERED = 'Family group decision making has not been offered to this family. Proceedings can be issued without the offer only in an emergency: say what the emergency is and why there was no time.';
  let ctx: AppContext;

  beforeAll(async () => {
    ctx = await newAppContext(browser, app);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('Hannah Price opens Court from the child protection page and starts pre-proceedings with the letter', async () => {
    const { page } = ctx;
    moveClockTo(LETTER_DAY);
    await signIn(page, 'cp.lead');
    await verifyPage(page, MY_WORK);
    await page.goto(`${courtCase}/child-protection`);
    await verifyPage(page, { title: `Child protection: ${COURT_NAME} – Stable Homes`, heading: COURT_NAME });
    expect(await summaryValue(page, 'Started')).toBe(says(DAY_0));
    await click(page, 'link', 'Court');
    expect(pathOf(page)).toBe(`${courtCase}/court`);
    await verifyPage(page, COURT_PAGE);
    expect(await page.getByText('No court work is open.').count()).toBe(1);

    await click(page, 'button', 'Start pre-proceedings');
    expect(pathOf(page)).toBe(`${courtCase}/court/letter`);
    const LETTER = { title: 'Send the letter before proceedings – Stable Homes', heading: 'Send the letter before proceedings' };
    await verifyPage(page, LETTER);
    await fillDate(page, 'When was the letter before proceedings sent?', LETTER_DAY);
    await click(page, 'button', 'Start pre-proceedings');
    expect(pathOf(page)).toBe(`${courtCase}/court?saved=letter`);
    await verifyPage(page, COURT_PAGE);
    expect(await banner(page)).toBe('Pre-proceedings started');
    expect(await page.getByRole('heading', { name: 'Pre-proceedings', exact: true }).count()).toBe(1);
    expect(await summaryValue(page, 'Letter before proceedings')).toBe(says(LETTER_DAY));
    expect(await summaryValue(page, 'Family group decision making')).toBe('Not yet offered. It must be offered before proceedings are issued.');
    await signOut(page);
  });

  it('issuing proceedings warns that family group decision making has not been offered, and is refused without an emergency', async () => {
    const { page } = ctx;
    moveClockTo(ISSUE_DAY);
    await signIn(page, 'cp.lead');
    await page.goto(`${courtCase}/court`);
    await verifyPage(page, COURT_PAGE);
    await click(page, 'button', 'Issue proceedings');
    expect(pathOf(page)).toBe(`${courtCase}/court/issue`);
    await verifyPage(page, ISSUE_FORM);
    expect(await textOf(page.locator('.govuk-warning-text'))).toBe(`! Warning ${NOT_OFFERED}`);

    await fillDate(page, 'When was the application issued?', ISSUE_DAY);
    await page.getByLabel('Court', { exact: true }).fill(COURT_NAME_OF_COURT);
    await page.getByRole('group', { name: 'What is the application for?' }).getByLabel(APPLICATION, { exact: true }).check();
    await click(page, 'button', 'Issue proceedings');
    await verifyPage(page, { ...ISSUE_FORM, title: `Error: ${ISSUE_FORM.title}` });
    expect(await errorSummary(page)).toEqual(['Enter the emergency, and why family group decision making could not be offered first']);
    expect(await page.locator('#emergencyReason-error').innerText()).toContain('Enter the emergency, and why family group decision making could not be offered first');
    expect(await page.getByLabel('Court', { exact: true }).inputValue(), 'what was typed is kept').toBe(COURT_NAME_OF_COURT);
    expect(await page.getByLabel(APPLICATION, { exact: true }).isChecked()).toBe(true);

    // Not issued: back on the court page, still pre-proceedings.
    await click(page, 'link', 'Back');
    expect(pathOf(page)).toBe(`${courtCase}/court`);
    await verifyPage(page, COURT_PAGE);
    expect(await page.getByRole('heading', { name: 'Pre-proceedings', exact: true }).count()).toBe(1);
    expect(await page.locator('.govuk-summary-list__key', { hasText: 'Issued' }).count()).toBe(0);
  });

  it('she records the offer of family group decision making, then issues proceedings: the 26-week clock starts', async () => {
    const { page } = ctx;
    await click(page, 'button', 'Record the offer of family group decision making');
    expect(pathOf(page)).toBe(`${courtCase}/court/fgdm`);
    await verifyPage(page, { title: 'Record the offer of family group decision making – Stable Homes', heading: 'Record the offer of family group decision making' });
    await fillDate(page, 'When was it offered?', FGDM_OFFERED);
    await page.getByRole('group', { name: 'What did the family say?' }).getByLabel('A family group meeting was held', { exact: true }).check();
    await click(page, 'button', 'Record the offer');
    expect(pathOf(page)).toBe(`${courtCase}/court?saved=fgdm`);
    await verifyPage(page, COURT_PAGE);
    expect(await banner(page)).toBe('The offer of family group decision making was recorded');
    expect(await summaryValue(page, 'Family group decision making')).toBe(`${says(FGDM_OFFERED)}: A family group meeting was held`);
    expect(await controls(page, 'Record the offer of family group decision making'), 'recorded once').toBe(0);

    await click(page, 'button', 'Issue proceedings');
    await verifyPage(page, ISSUE_FORM);
    expect(await page.locator('.govuk-warning-text').count(), 'no warning once offered').toBe(0);
    expect(await page.getByLabel('The emergency, and why family group decision making could not be offered first').count(), 'no emergency asked for').toBe(0);
    await fillDate(page, 'When was the application issued?', ISSUE_DAY);
    await page.getByLabel('Court', { exact: true }).fill(COURT_NAME_OF_COURT);
    await page.getByRole('group', { name: 'What is the application for?' }).getByLabel(APPLICATION, { exact: true }).check();
    await click(page, 'button', 'Issue proceedings');
    expect(pathOf(page)).toBe(`${courtCase}/court?saved=issued`);
    await verifyPage(page, COURT_PAGE);
    expect(await banner(page)).toBe('The proceedings were issued: the 26-week clock has started');
    expect(await page.getByRole('heading', { name: 'Care proceedings', exact: true }).count()).toBe(1);
    expect(await summaryValue(page, 'Issued')).toBe(`${says(ISSUE_DAY)}, ${COURT_NAME_OF_COURT}: ${APPLICATION}`);
    expect(await summaryValue(page, '26 weeks')).toBe(`To finish by ${says(DEADLINE)} Due ${says(DEADLINE)}`);
    expect(await page.getByText(`To finish by ${says(DEADLINE)}`).count()).toBe(1);
    expect(await controls(page, 'Record a hearing')).toBe(1);
    expect(await controls(page, 'Issue proceedings'), 'issued once').toBe(0);
    await signOut(page);
  });

  it('Priya Shah sees “Conclude care proceedings” in My work, and reads the court page without its decisions', async () => {
    const { page } = ctx;
    await signIn(page, 'family.help');
    await verifyPage(page, MY_WORK);
    const due = page.getByRole('table', { name: 'What is due, overdue first' }).locator('tbody tr').filter({ hasText: COURT_NAME }).filter({ hasText: 'Conclude care proceedings' });
    expect(await due.count()).toBe(1);
    expect(await textOf(due)).toBe(`${COURT_NAME} Conclude care proceedings Due ${says(DEADLINE)}`);
    await navigates(page, () => due.getByRole('link', { name: COURT_NAME, exact: true }).click());
    expect(pathOf(page)).toBe(courtCase);
    await verifyPage(page, { title: `Family Help: ${COURT_NAME} – Stable Homes`, heading: COURT_NAME });
    expect(await summaryValue(page, 'Lead practitioner')).toBe(PRIYA);
    expect(await textOf(page.locator('h2:text-is("Court") + ul'))).toBe(`Care proceedings issued ${says(ISSUE_DAY)}: to finish by ${says(DEADLINE)} (26 weeks)`);

    await click(page, 'link', 'Court: everything recorded');
    expect(pathOf(page)).toBe(`${courtCase}/court`);
    await verifyPage(page, COURT_PAGE);
    expect(await summaryValue(page, '26 weeks')).toBe(`To finish by ${says(DEADLINE)} Due ${says(DEADLINE)}`);
    for (const name of ['Issue proceedings', 'Record a hearing', 'Record the outcome', 'Record a pre-proceedings meeting']) expect(await controls(page, name), name).toBe(0);
    // Nor by the address.
    const refused = await page.goto(`${courtCase}/court/hearing`);
    expect(refused?.status()).toBe(403);
    await verifyPage(page, { title: 'You do not have permission to see this page – Stable Homes', heading: 'You do not have permission to see this page' });
    await signOut(page);
    ctx.expectNoBrowserErrors();
  });
});
