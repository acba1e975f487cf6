// Family Help from the front door to closure, in a real browser: a school asks for help for a
// child, a triager opens a Family Help case with a lead practitioner, the lead assesses, plans,
// reviews, changes the basis and closes; the school sees the decision and nothing more. And a
// parent asking on the public page without signing in. Mistakes first on each form that matters;
// every page is checked with axe. The app runs on the real clock, so every date is today's. The
// journey is one browser context in sequential steps; each bug found in src is its own `it.fails`
// step, with a comment saying what is wrong and where.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInEngland } from '../../src/platform/clock.ts';
import { dueDate } from '../../src/platform/timescales/rules.ts';
import { launchBrowser } from '../support/browser.ts';
import { navigates, newAppContext, pathOf, signIn, signOut, startBrowserApp, verifyPage, type AppContext, type BrowserApp } from '../support/browser-app.ts';
import { buildAddress, buildPerson, insertPeople } from '../builders/people.ts';
import { banner, chooseLead, click, errorSummary, fillDate, navigateTo, says, summaryValue, textOf } from '../support/journey.ts';

let app: BrowserApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const CHILD = 'Kian Ashworth-Mbeki';
const PUBLIC_CHILD = 'Leila Fairbrother';
/** Words only the triager's reasons, the child's views and the family's views contain: the school must never see them. */
const REASONS = 'Mum agrees; attendance down to 71 per cent since the summer, and the family is under strain.';
const CHILD_VIEWS = 'I hate the mornings at home.';
const FAMILY_VIEWS = 'Mum says she cannot cope with the mornings.';

/** A case's statutory bases as stored, oldest first. */
async function basisHistory(casePath: string): Promise<{ basis: string; from_date: string; to_date: string | null }[]> {
  const { rows } = await app.testApp.db.superuser((c) =>
    c.query<{ basis: string; from_date: string; to_date: string | null }>('select basis, from_date::text, to_date::text from case_basis where case_id = $1 order by from_date, to_date nulls last', [casePath.replace('/cases/', '')]),
  );
  return rows;
}

describe('Family Help, from the front door to closure', () => {
  // One browser, one journey: each step carries on from where the last one left the page.
  const today = todayInEngland();
  const tomorrow = today.plusDays(1);
  const assessmentDue = dueDate('assessment', today);
  let ctx: AppContext;
  /** `/cases/<id>`, from the decided request's link to the case. */
  let casePath = '';

  beforeAll(async () => {
    ctx = await newAppContext(browser, app);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('a school asks for help for a child, corrects a mistake, and sees the request waiting for a decision', async () => {
    const { page } = ctx;
    await signIn(page, 'school.partner');
    await verifyPage(page, { title: 'My work – Stable Homes – Demo Borough Council', heading: 'My work' });
    await navigateTo(page, 'Ask for help for a child');
    expect(pathOf(page)).toBe('/my-requests');
    await verifyPage(page, { title: 'Your requests for help – Stable Homes', heading: 'Your requests for help' });
    expect(await page.getByText('You have not sent any requests yet.').count()).toBe(1);
    // A GOV.UK button-styled link has role=button.
    await click(page, 'button', 'Ask for help for a child');
    expect(pathOf(page)).toBe('/my-requests/new');
    await verifyPage(page, { title: 'Ask for help for a child – Stable Homes', heading: 'Ask for help for a child' });
    expect(await page.getByText('If a child is in immediate danger, call 999.').count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Which service do you work in?' }).count(), 'a school is one service: no choice').toBe(0);

    // Everything but the concerns: the one thing the front door cannot decide without.
    await page.getByLabel('A phone number we can reach you on (optional)').fill('01632 960 001');
    await page.getByLabel('First name', { exact: true }).fill('Kian');
    await page.getByLabel('Last name', { exact: true }).fill('Ashworth-Mbeki');
    await fillDate(page, 'Date of birth (optional)', today.minusYears(9).minusDays(40));
    await page.getByLabel('Postcode (optional)').fill('db4 2pl');
    await page.getByLabel('What help would make a difference? (optional)').fill('Someone to help the family with the mornings.');
    await page.getByRole('group', { name: 'Does the family know you are asking for help?' }).getByLabel('Yes', { exact: true }).check();
    await click(page, 'button', 'Send the request');
    await verifyPage(page, { title: 'Error: Ask for help for a child – Stable Homes', heading: 'Ask for help for a child' });
    expect(await errorSummary(page)).toEqual(['Enter what the concerns are']);
    expect(await page.locator('#concerns-error').innerText()).toContain('Enter what the concerns are');
    expect(await page.getByLabel('First name', { exact: true }).inputValue(), 'what was typed is kept').toBe('Kian');
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter what the concerns are' }).click();
    expect(await page.locator('textarea#concerns:focus').count(), 'the link moves focus to the field').toBe(1);

    await page.getByLabel('What are the concerns?').fill('Kian has been late or absent most mornings since September and says he is tired.');
    await click(page, 'button', 'Send the request');
    expect(pathOf(page)).toBe('/my-requests?sent=1');
    await verifyPage(page, { title: 'Your requests for help – Stable Homes', heading: 'Your requests for help' });
    expect(await banner(page)).toBe('Your request was sent to the front door');
    const schoolRequests = page.getByRole('table', { name: 'Sent by you, newest first' });
    const schoolRow = schoolRequests.locator('tbody tr').filter({ hasText: CHILD });
    expect(await schoolRow.count()).toBe(1);
    expect(await textOf(schoolRow)).toContain(`Born ${says(today.minusYears(9).minusDays(40))}`);
    expect(await textOf(schoolRow.locator('td').nth(2))).toBe('Waiting for a decision');
    await signOut(page);
    await verifyPage(page, { title: 'You have signed out – Stable Homes', heading: 'You have signed out' });
  });

  it('a triager at the front door opens a Family Help case for the child, led by Priya Shah', async () => {
    const { page } = ctx;
    await signIn(page, 'social.worker');
    await verifyPage(page, { title: 'My work – Stable Homes', heading: 'My work' });
    expect(await page.getByRole('link', { name: '1 request for help waiting for a decision' }).count()).toBe(1);
    await navigateTo(page, 'Front door');
    expect(pathOf(page)).toBe('/front-door');
    await verifyPage(page, { title: 'Front door – Stable Homes', heading: 'Front door' });
    const queueRow = page.getByRole('table', { name: '1 waiting' }).locator('tbody tr').filter({ hasText: CHILD });
    expect(await textOf(queueRow.locator('td').nth(1))).toBe('School Oakfield Primary School (demo)');
    expect(await textOf(queueRow.locator('td').nth(3))).toBe(`Due ${says(dueDate('request_decision', today))}`);
    await navigates(page, () => queueRow.getByRole('link', { name: CHILD }).click());
    await verifyPage(page, { title: `Request for help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await summaryValue(page, 'From')).toBe('School: Gareth Lewis, Oakfield Primary School (demo)');
    expect(await summaryValue(page, 'Address')).toBe('DB4 2PL');
    expect(await summaryValue(page, 'What is happening')).toContain('late or absent most mornings');

    const person = page.getByRole('group', { name: 'Is this a child already known?' });
    expect(await person.getByText('No one known matches this name and date of birth.').count()).toBe(1);
    await person.getByLabel(`None of these: record ${CHILD} as new`).check();
    // The school gave only a postcode: the triager does not add an address from it.
    await page.getByRole('group', { name: 'Add this address to the child’s record?' }).getByLabel('No').check();
    // The Family Help details are their own fieldset after the decision, shown before any decision
    // is chosen: no radio reveals them, so none carries aria-expanded.
    const forFamilyHelp = page.getByRole('group', { name: 'For Family Help or a strategy discussion: who leads the case, and why' });
    expect(await forFamilyHelp.isVisible()).toBe(true);
    expect(await page.locator('input[type="radio"][aria-expanded]').count(), 'no radio reveals anything').toBe(0);
    const decision = page.getByRole('group', { name: 'What happens next?' });
    await decision.getByLabel('Family Help', { exact: true }).check();
    const lead = forFamilyHelp.getByLabel('Lead practitioner', { exact: true });
    // Grouped by team, each person with the open cases they lead now.
    await chooseLead(lead, 'Northfield Family Help team', 'Priya Shah, Family support worker');
    await forFamilyHelp.getByLabel('Main reason the family needs help').selectOption({ label: 'N4: Family in acute stress' });
    await forFamilyHelp.getByRole('group', { name: 'Basis for the help' }).getByLabel('Targeted early help').check();
    await page.getByRole('group', { name: 'Did the family agree?' }).getByLabel('The family agreed').check();
    await page.getByLabel('The child’s views (optional)').fill(CHILD_VIEWS);
    await page.getByLabel('The family’s views (optional)').fill(FAMILY_VIEWS);
    // No reasons yet: the decision is refused, and what was chosen stays chosen, the Family Help details too.
    await click(page, 'button', 'Record the decision');
    await verifyPage(page, { title: `Error: Request for help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await errorSummary(page)).toEqual(['Enter the reasons for the decision']);
    expect(await page.getByLabel('Family Help', { exact: true }).isChecked()).toBe(true);
    expect(await lead.locator('option:checked').innerText()).toMatch(/^Priya Shah, Family support worker: \d+ cases?$/);
    expect(await forFamilyHelp.getByLabel('Main reason the family needs help').inputValue()).toBe('N4');
    expect(await forFamilyHelp.getByLabel('Targeted early help').isChecked()).toBe(true);
    expect(await page.getByLabel(`None of these: record ${CHILD} as new`).isChecked()).toBe(true);

    await page.getByLabel('Reasons for the decision').fill(REASONS);
    await click(page, 'button', 'Record the decision');

    // Back on the request, now decided: the decision, and the way into the case.
    const requestPath = pathOf(page).replace(/\?.*$/, '');
    expect(pathOf(page)).toMatch(/^\/front-door\/[0-9a-f-]{36}\?decided=1$/);
    await verifyPage(page, { title: `Request for help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await banner(page)).toBe('The decision was recorded. The Family Help case is open, led by Priya Shah');
    expect(await summaryValue(page, 'Decision')).toBe('Family Help');
    expect(await summaryValue(page, 'Reasons')).toBe(REASONS);
    expect(await summaryValue(page, 'Consent')).toBe('The family agreed');
    expect(await page.getByRole('button', { name: 'Record the decision' }).count(), 'a request is decided once').toBe(0);
    expect(await page.getByRole('link', { name: 'Open the Family Help case', exact: true }).count()).toBe(1);
    // The front door's queue no longer has it.
    await navigateTo(page, 'Front door');
    await verifyPage(page, { title: 'Front door – Stable Homes', heading: 'Front door' });
    expect(await page.locator('table tbody tr').filter({ hasText: CHILD }).count(), 'decided: off the queue').toBe(0);
    await page.goto(requestPath);
    await verifyPage(page, { title: `Request for help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await page.locator('.govuk-notification-banner').count(), 'the banner is for the moment of deciding').toBe(0);
    expect(await summaryValue(page, 'Decision')).toBe('Family Help');
  });

  it('the triager, in the lead’s team, opens the case from the request: the lead practitioner and the assessment due', async () => {
    const { page } = ctx;
    await click(page, 'link', 'Open the Family Help case');
    expect(pathOf(page)).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    casePath = pathOf(page);
    // The case page: the lead practitioner, and the assessment due 45 working days from the request.
    await verifyPage(page, { title: `Family Help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await page.locator('.govuk-notification-banner').count(), 'the request page said it was opened').toBe(0);
    expect(await summaryValue(page, 'Lead practitioner')).toBe('Priya Shah, Family support worker');
    expect(await summaryValue(page, 'Team')).toBe('Northfield Family Help team, based at Northfield Family Hub');
    expect(await summaryValue(page, 'Basis')).toBe('Targeted early help');
    expect(await summaryValue(page, 'Main need')).toBe('Family in acute stress');
    expect(await summaryValue(page, 'Referral date')).toBe(says(today));
    expect(await page.getByRole('heading', { name: 'What is due', level: 2 }).count()).toBe(1);
    expect(await textOf(page.locator('h2:text-is("What is due") + ul'))).toBe(`Complete the assessment Due ${says(assessmentDue)}`);
  });

  it('the lead practitioner sees the child on My work with the assessment due, and opens the case', async () => {
    const { page } = ctx;
    await signOut(page);
    // The lead practitioner finds the child on My work, with the assessment due.
    await signIn(page, 'family.help');
    await verifyPage(page, { title: 'My work – Stable Homes', heading: 'My work' });
    expect(await page.getByText('You lead 1 Family Help case.').count()).toBe(1);
    const due = page.getByRole('table', { name: 'What is due, overdue first' });
    expect((await due.locator('tbody tr td').allInnerTexts()).map((t) => t.trim())).toEqual([CHILD, 'Complete the assessment', `Due ${says(assessmentDue)}`]);
    expect(await page.getByRole('heading', { name: 'Your children (1)' }).count()).toBe(1);
    await navigates(page, () => due.getByRole('link', { name: CHILD }).click());
    expect(pathOf(page)).toBe(casePath);
    await verifyPage(page, { title: `Family Help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await page.getByText('No assessment yet. It is due 45 working days from the referral.').count()).toBe(1);

    expect(await summaryValue(page, 'Lead practitioner')).toBe('Priya Shah, Family support worker');
    expect(await summaryValue(page, 'Team')).toBe('Northfield Family Help team, based at Northfield Family Hub');
    expect(await summaryValue(page, 'Basis')).toBe('Targeted early help');
    expect(await page.getByRole('link', { name: 'Change the basis' }).count(), 'the lead may change it').toBe(1);
    expect(await summaryValue(page, 'Main need')).toBe('Family in acute stress');
    expect(await summaryValue(page, 'Referral date')).toBe(says(today));
    expect(await textOf(page.locator('h2:text-is("What is due") + ul'))).toBe(`Complete the assessment Due ${says(assessmentDue)}`);
  });

  it('starts the assessment, after a start before the referral', async () => {
    const { page } = ctx;
    await click(page, 'button', 'Start an assessment');
    expect(pathOf(page)).toBe(`${casePath}/assessment/start`);
    await verifyPage(page, { title: 'Start an assessment – Stable Homes', heading: 'Start an assessment' });
    // Early help is not in the CIN census: the form itself holds the census's rule (1103).
    await fillDate(page, 'When did the assessment start?', today.minusDays(1));
    await click(page, 'button', 'Start the assessment');
    await verifyPage(page, { title: 'Error: Start an assessment – Stable Homes', heading: 'Start an assessment' });
    expect(await errorSummary(page)).toEqual([`The date the assessment started must be on or after the referral (${says(today)})`]);
    await fillDate(page, 'When did the assessment start?', today);
    await click(page, 'button', 'Start the assessment');
    expect(pathOf(page)).toBe(`${casePath}?saved=assessment-started`);
    expect(await banner(page)).toBe('The assessment was started');
  });

  it('completes the assessment, after a completed date in the future and no factors', async () => {
    const { page } = ctx;
    // First completed "tomorrow", with no factors.
    await click(page, 'button', 'Complete the assessment');
    expect(pathOf(page)).toBe(`${casePath}/assessment`);
    await verifyPage(page, { title: 'Complete the assessment – Stable Homes', heading: 'Complete the assessment' });
    expect(await page.getByText(`Started ${says(today)}.`).count()).toBe(1);
    // Written over weeks: what the child said is saved as a draft first, and is there when the form is opened again.
    await page.getByLabel('What the child said, in their own words').fill('Mornings are shouty.');
    await click(page, 'button', 'Save as draft');
    expect(pathOf(page)).toBe(`${casePath}?saved=assessment-draft`);
    await verifyPage(page, { title: `Family Help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await banner(page)).toBe('The assessment was saved as a draft. It is still open');
    await click(page, 'button', 'Complete the assessment');
    expect(await page.getByLabel('What the child said, in their own words').inputValue()).toBe('Mornings are shouty.');

    await fillDate(page, 'When was it completed?', tomorrow);
    await page.getByRole('group', { name: 'Was the child seen?', exact: true }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'Was the child seen alone?', exact: true }).getByLabel('Yes').check();
    await page.getByLabel('What the child said, in their own words').fill('Mornings are shouty. I like school when I get there.');
    await page.getByLabel('What the assessment found').fill('A loving family under strain: Mum is unwell and mornings fall apart. Help with routines and Mum’s health would make a difference.');
    await click(page, 'button', 'Complete the assessment');
    await verifyPage(page, { title: 'Error: Complete the assessment – Stable Homes', heading: 'Complete the assessment' });
    expect(await errorSummary(page)).toEqual(['The date the assessment was completed must be today or in the past', 'Select the factors identified at the assessment, or ‘No factors identified’']);
    expect(await page.getByRole('group', { name: 'Was the child seen alone?', exact: true }).getByLabel('Yes').isChecked()).toBe(true);

    await fillDate(page, 'When was it completed?', today);
    await page.getByLabel('Mental health: parent or carer').check();
    await page.getByLabel('Physical disability or illness: parent or carer').check();
    await click(page, 'button', 'Complete the assessment');
    expect(pathOf(page)).toBe(`${casePath}?saved=assessment`);
    await verifyPage(page, { title: `Family Help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await banner(page)).toBe('The assessment was completed');
    expect(await summaryValue(page, 'Started and completed')).toBe(`${says(today)} to ${says(today)}`);
    expect(await summaryValue(page, 'Child seen')).toBe('Yes, and alone');
    expect(await summaryValue(page, 'Factors')).toBe('Mental health: parent or carer; Physical disability or illness: parent or carer');
    expect(await textOf(page.locator('h2:text-is("What is due") + ul'))).toBe(`Agree the Family Help plan Due ${says(dueDate('family_help_plan', today))}`);
  });

  it('agrees a plan: a goal in the family’s words and an action with who does it', async () => {
    const { page } = ctx;
    // The plan: a goal in the family's words, an action with who does it.
    await click(page, 'button', 'Agree a plan');
    expect(pathOf(page)).toBe(`${casePath}/plan`);
    await verifyPage(page, { title: 'Agree the Family Help plan – Stable Homes', heading: 'Agree the Family Help plan' });
    await fillDate(page, 'When was the plan agreed?', today);
    await page.getByLabel('Goal 1', { exact: true }).fill('Kian gets to school on time every day');
    const action1 = page.getByRole('group', { name: 'Action 1', exact: true });
    await action1.getByLabel('What will be done').fill('A morning routine chart, agreed with Kian');
    await action1.getByLabel('Who is responsible').selectOption({ label: 'The family' });
    await action1.getByLabel('Their name').fill('Kian’s mum');
    await click(page, 'button', 'Agree the plan');
    expect(pathOf(page)).toBe(`${casePath}?saved=plan`);
    await verifyPage(page, { title: `Family Help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await banner(page)).toBe('The plan was agreed');
    expect(await page.getByText(`Agreed ${says(today)}.`).count()).toBe(1);
    expect(await page.locator('h3:text-is("The family’s goals") + ol').innerText()).toBe('Kian gets to school on time every day');
    const actions = page.getByRole('table', { name: 'Actions' });
    expect((await actions.locator('tbody td').allInnerTexts()).map((t) => t.trim())).toEqual(['A morning routine chart, agreed with Kian', 'Kian’s mum (The family)']);
    expect(await textOf(page.locator('h2:text-is("What is due") + ul'))).toBe(`Review the Family Help plan Due ${says(dueDate('family_help_plan_review', today))}`);
  });

  it('reviews the plan', async () => {
    const { page } = ctx;
    // The review.
    await click(page, 'button', 'Review the plan');
    expect(pathOf(page)).toBe(`${casePath}/review`);
    await verifyPage(page, { title: 'Review the plan – Stable Homes', heading: 'Review the plan' });
    await fillDate(page, 'When was the review?', today);
    await page.getByLabel('What has changed for the family').fill('Kian has been on time four days out of five.');
    await page.getByLabel('What the child said (optional)').fill('The chart is good.');
    await click(page, 'button', 'Record the review');
    expect(pathOf(page)).toBe(`${casePath}?saved=review`);
    await verifyPage(page, { title: `Family Help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await banner(page)).toBe('The review was recorded');
    expect(await page.getByText(`${says(today)} (Priya Shah): Kian has been on time four days out of five. The child said: “The chart is good.”`).count()).toBe(1);
  });

  it('records a visit after a mistake, then amends it with a reason: what it said first is kept', async () => {
    const { page } = ctx;
    await click(page, 'button', 'Record a visit');
    expect(pathOf(page)).toBe(`${casePath}/notes/new?kind=visit`);
    await verifyPage(page, { title: 'Record a note – Stable Homes', heading: 'Record a visit' });
    await fillDate(page, 'Date of the visit', today);
    await page.getByLabel('Title').fill('Home visit: Kian and his mum');
    await page.getByRole('group', { name: 'Was the child seen?', exact: true }).getByLabel('No').check();
    await page.getByRole('group', { name: 'Was the child seen alone?', exact: true }).getByLabel('Yes').check();
    await click(page, 'button', 'Save as final');
    await verifyPage(page, { title: 'Error: Record a note – Stable Homes', heading: 'Record a visit' });
    // In the order of the page, and saying what to change.
    expect(await errorSummary(page)).toEqual(['Select ‘No’ if the child was not seen at all, or change ‘Was the child seen?’ to ‘Yes’', 'Enter the note']);
    await page.getByRole('group', { name: 'Was the child seen?', exact: true }).getByLabel('Yes').check();
    await page.getByLabel('Note', { exact: true }).fill('Kian showed me his reward chart. Mum was at work.');
    await click(page, 'button', 'Save as final');
    expect(pathOf(page)).toBe(`${casePath}?saved=note`);
    await verifyPage(page, { title: `Family Help: ${CHILD} – Stable Homes`, heading: CHILD });

    // Mum was there after all: the note is amended, with why.
    await navigates(page, () => page.getByRole('link', { name: 'Amend the note: Home visit: Kian and his mum' }).click());
    await verifyPage(page, { title: 'Amend the note – Stable Homes', heading: 'Amend the note' });
    expect(await page.getByLabel('Note', { exact: true }).inputValue()).toBe('Kian showed me his reward chart. Mum was at work.');
    await page.getByLabel('Note', { exact: true }).fill('Kian showed me his reward chart. Mum came home from work halfway through.');
    await click(page, 'button', 'Save the amendment');
    await verifyPage(page, { title: 'Error: Amend the note – Stable Homes', heading: 'Amend the note' });
    expect(await errorSummary(page)).toEqual(['Enter why you are amending the note']);
    await page.getByLabel('Why are you amending the note?').fill('Mum was there for the second half of the visit');
    await click(page, 'button', 'Save the amendment');
    expect(pathOf(page)).toBe(`${casePath}?saved=amended`);
    await verifyPage(page, { title: `Family Help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await banner(page)).toBe('The note was amended. What it said before is kept in its history');
    const card = page.locator('.govuk-summary-card').filter({ hasText: 'Home visit: Kian and his mum' });
    expect(await card.getByText('Mum came home from work halfway through.').count()).toBe(1);
    await card.getByText('What it said before (1 amendment)').click();
    expect(await card.getByText('Why: Mum was there for the second half of the visit').isVisible()).toBe(true);
    expect(await card.getByText('Kian showed me his reward chart. Mum was at work.').isVisible()).toBe(true);
  });

  // A new basis starts the day after the current one began at the earliest (case-forms.ts basisForm)
  // and never in the future. The case opened today on targeted early help, and the app runs on the
  // real clock: today is too early and tomorrow is in the future, so no change of basis can be saved
  // yet. The journey checks the refusal, and the case keeps targeted early help to its closure (the
  // describe at the end closes a case that opened as a child in need).
  it('cannot change the basis on the day it began: refused, nothing saved, and the case is as it was', async () => {
    const { page } = ctx;
    await click(page, 'link', 'Change the basis');
    expect(pathOf(page)).toBe(`${casePath}/basis`);
    await verifyPage(page, { title: 'Change the basis for the help – Stable Homes', heading: 'Change the basis for the help' });
    expect(await page.getByText('The case stays open and Priya Shah stays the lead practitioner. Only the basis changes.').count()).toBe(1);
    expect(await page.getByLabel('Targeted early help').isChecked(), 'the current basis is chosen').toBe(true);
    await page.getByLabel('Child in need (section 17)').check();
    await fillDate(page, 'From when?', today);
    const why = 'Mum’s illness means Kian needs more help than early help gives: a child in need.';
    await page.getByLabel('Why is it changing?').fill(why);
    await click(page, 'button', 'Change the basis');
    expect(pathOf(page)).toBe(`${casePath}/basis`);
    await verifyPage(page, { title: 'Error: Change the basis for the help – Stable Homes', heading: 'Change the basis for the help' });
    expect(await errorSummary(page)).toEqual([`The date the change applies from must be on or after ${says(tomorrow)}`]);
    expect(await page.locator('#from-error').innerText()).toContain(`The date the change applies from must be on or after ${says(tomorrow)}`);
    expect(await page.getByLabel('Child in need (section 17)').isChecked(), 'what was chosen is kept').toBe(true);
    expect(await page.getByLabel('Why is it changing?').inputValue()).toBe(why);

    // The earliest date it may start, tomorrow, is not here yet.
    await fillDate(page, 'From when?', tomorrow);
    await click(page, 'button', 'Change the basis');
    await verifyPage(page, { title: 'Error: Change the basis for the help – Stable Homes', heading: 'Change the basis for the help' });
    expect(await errorSummary(page)).toEqual(['The date the change applies from must be today or in the past']);

    // Nothing was saved: one basis, open since today.
    expect(await basisHistory(casePath)).toEqual([{ basis: 'early_help', from_date: today.toString(), to_date: null }]);
    await click(page, 'link', 'Back');
    expect(pathOf(page)).toBe(casePath);
    await verifyPage(page, { title: `Family Help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await page.locator('.govuk-notification-banner').count(), 'nothing was changed').toBe(0);
    expect(await summaryValue(page, 'Basis')).toBe('Targeted early help');
    expect(await summaryValue(page, 'Lead practitioner')).toBe('Priya Shah, Family support worker');
    expect(await summaryValue(page, 'Opened')).toBe(says(today));
    expect(await textOf(page.locator('h2:text-is("What is due") + ul'))).toBe(`Review the Family Help plan Due ${says(dueDate('family_help_plan_review', today))}`);
  });

  it('closes the case with a reason, and the case page shows it closed', async () => {
    const { page } = ctx;
    await click(page, 'link', 'Close the case');
    expect(pathOf(page)).toBe(`${casePath}/close`);
    await verifyPage(page, { title: 'Close the case – Stable Homes', heading: 'Close the case' });
    await fillDate(page, 'When did the help end?', today);
    await page.getByLabel('Help no longer needed, or ended for another reason').check();
    await click(page, 'button', 'Close the case');
    expect(pathOf(page)).toBe(`${casePath}?saved=closed`);
    await verifyPage(page, { title: `Family Help: ${CHILD} – Stable Homes`, heading: CHILD });
    expect(await banner(page)).toBe('The case was closed');
    expect(await page.locator('.govuk-tag', { hasText: 'Closed' }).innerText()).toBe(`Closed ${says(today)}`);
    expect(await summaryValue(page, 'Closed')).toBe(`${says(today)}: Help no longer needed, or ended for another reason`);
    expect(await page.getByRole('heading', { name: 'What is due' }).count()).toBe(0);
    for (const name of ['Review the plan', 'Close the case', 'Change the basis']) expect(await page.getByRole('link', { name }).or(page.getByRole('button', { name })).count(), name).toBe(0);
  });

  // The basis it closed on: here targeted early help, which it kept (a case that closes as a child in
  // need is in the describe at the end).
  it('a closed case still shows the basis it closed on', async () => {
    const { page } = ctx;
    expect(await summaryValue(page, 'Basis')).toBe('Targeted early help');
  });

  it('keeps a basis history with no period that ends before it starts', async () => {
    // Closing ended the one basis on the day it closed, the day it began.
    expect(await basisHistory(casePath)).toEqual([{ basis: 'early_help', from_date: today.toString(), to_date: today.toString() }]);
  });

  it('the school sees the decision, Family Help, and nothing of the reasons', async () => {
    const { page } = ctx;
    await signOut(page);
    // The school sees the decision, and nothing of why or what the family said.
    await signIn(page, 'school.partner');
    await navigateTo(page, 'Ask for help for a child');
    await verifyPage(page, { title: 'Your requests for help – Stable Homes', heading: 'Your requests for help' });
    const decided = page.getByRole('table', { name: 'Sent by you, newest first' }).locator('tbody tr').filter({ hasText: CHILD });
    expect(await textOf(decided.locator('td').nth(2))).toMatch(new RegExp(`^Family Help ${says(today)} at \\d{1,2}:\\d{2}(am|pm)$`));
    const body = await page.locator('body').innerText();
    for (const secret of [REASONS, CHILD_VIEWS, FAMILY_VIEWS, 'Priya Shah', 'Family in acute stress', 'Closed']) expect(body, secret).not.toContain(secret);
    expect(await page.getByRole('link', { name: CHILD }).count(), 'no way into the case').toBe(0);

    ctx.expectNoBrowserErrors();
  });
});

describe('a family asking on the public page', () => {
  /** The public request's page at the front door, for the triager's step after it. */
  let publicRequestPath = '';

  it('says to call 999 first, takes the request after a mistake, gives a reference, and the front door sees it once', async () => {
    let reference = '';
    const ctx = await newAppContext(browser, app);
    try {
      const { page } = ctx;
      await page.goto('/get-help');
      expect(pathOf(page), 'no sign-in').toBe('/get-help');
      await verifyPage(page, { title: 'Ask for help for your family – Stable Homes – Demo Borough Council', heading: 'Ask for help for your family' });
      expect(await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).count()).toBe(0);
      // The warning comes before the form.
      const warning = page.locator('.govuk-warning-text');
      expect(await textOf(warning)).toBe('! Warning If a child is in danger right now, call 999.');
expect(await page.locator('main .govuk-warning-text ~ form').count(), 'the 999 warning is before the form').toBe(1);
      expect(await page.getByText('0800 1111').count()).toBe(1);
      expect(await page.getByLabel('Leave this empty').isVisible(), 'the hidden field is hidden').toBe(false);

      // A mistyped email address and nothing about what is happening.
      await page.getByRole('group', { name: 'Who are you?' }).getByLabel('I am their parent or carer').check();
      await page.getByLabel('Your name').fill('Sophie Fairbrother');
      await page.getByLabel('Email address').fill('sophie.fairbrother.example.com');
      await page.getByLabel('First name', { exact: true }).fill('Leila');
      await page.getByLabel('Last name', { exact: true }).fill('Fairbrother');
      await click(page, 'button', 'Send your request');
      await verifyPage(page, { title: 'Error: Ask for help for your family – Stable Homes', heading: 'Ask for help for your family' });
      expect(await errorSummary(page)).toEqual(['Enter an email address in the correct format, like name@example.com', 'Enter what is happening']);
      expect(await page.getByLabel('Your name').inputValue()).toBe('Sophie Fairbrother');
      expect(await page.getByLabel('I am their parent or carer').isChecked()).toBe(true);

      await page.getByLabel('Email address').fill('sophie.fairbrother@example.com');
      await page.getByLabel('What is happening?').fill('Leila is 14 and will not leave her room. I do not know who to ask.');
      await page.getByLabel('Address (optional)').fill('7 Orchard Close, Dunbridge');
      await page.getByLabel('Postcode (optional)').fill('db5 3ne');
      await page.getByLabel('Brothers, sisters or other children in the family (optional)').fill('Her brother Sami, 9');
      await click(page, 'button', 'Send your request');
      // A page of its own: refreshing it, or going back and forward, sends nothing again.
      expect(pathOf(page)).toMatch(/^\/get-help\/sent\?reference=[A-Z2-9-]+&by=email$/);
      await verifyPage(page, { title: 'We have your request – Stable Homes', heading: 'We have your request' });
      reference = (await textOf(page.locator('.govuk-panel strong'))).trim();
      expect(reference).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
      expect(await page.getByText('will contact you by email to talk about what would help').count()).toBe(1);
      expect(await page.getByText('0808 157 0192').count(), 'another way to reach the front door').toBe(1);
      await page.reload();
      await verifyPage(page, { title: 'We have your request – Stable Homes', heading: 'We have your request' });
      ctx.expectNoBrowserErrors();
    } finally {
      await ctx.close();
    }

    // A triager sees it at the front door.
    const staff = await newAppContext(browser, app);
    try {
      const { page } = staff;
      await signIn(page, 'social.worker');
      await navigateTo(page, 'Front door');
      await verifyPage(page, { title: 'Front door – Stable Homes', heading: 'Front door' });
      const row = page.locator('table tbody tr').filter({ hasText: PUBLIC_CHILD });
      expect(await row.count(), 'sent once, though the confirmation was refreshed').toBe(1);
      expect(await textOf(row.locator('td').nth(2))).toContain(`Reference ${reference}`);
      expect(await textOf(row.locator('td').nth(1))).toBe('Individual: family member, relative or carer');
      await navigates(page, () => row.getByRole('link', { name: PUBLIC_CHILD }).click());
      await verifyPage(page, { title: `Request for help: ${PUBLIC_CHILD} – Stable Homes`, heading: PUBLIC_CHILD });
      expect(await summaryValue(page, 'From')).toBe('Individual: family member, relative or carer: Sophie Fairbrother');
      expect(await summaryValue(page, 'Who they are')).toBe('I am their parent or carer');
      expect(await summaryValue(page, 'Contact')).toBe('sophie.fairbrother@example.com');
      expect(await summaryValue(page, 'Family knows about the request')).toBe('Yes');
      publicRequestPath = pathOf(page);
      staff.expectNoBrowserErrors();
    } finally {
      await staff.close();
    }
  });

  it('the triager carries what the family said to the record: the address, the mother (checked against her record) and a brother new to us', async () => {
    // Sophie is known from years ago; Leila and Sami are not.
    const sophie = buildPerson({ givenNames: 'Sophie', familyName: 'Fairbrother', dateOfBirth: '1986-09-14', sex: 'F' });
    await insertPeople(app.testApp.db.database, [sophie], [buildAddress(sophie.id, { line1: '2 Old Forge Yard', postcode: 'DB6 1AA' })]);
    const staff = await newAppContext(browser, app);
    try {
      const { page } = staff;
      await signIn(page, 'social.worker');
      await page.goto(publicRequestPath);
      await verifyPage(page, { title: `Request for help: ${PUBLIC_CHILD} – Stable Homes`, heading: PUBLIC_CHILD });
      const address = page.getByRole('group', { name: 'The child’s address' });
      expect(await address.getByLabel('First line of the address').inputValue()).toBe('7 Orchard Close');
      expect(await address.getByLabel('Town or city').inputValue()).toBe('Dunbridge');
      expect(await address.getByLabel('Postcode').inputValue()).toBe('DB5 3NE');
      await address.getByRole('group', { name: 'Add this address to the child’s record?' }).getByLabel('Yes').check();

      const mother = page.getByRole('group', { name: 'The person who asked: Sophie Fairbrother' });
      await mother.getByRole('group', { name: 'Add them to the record?' }).getByLabel('Yes').check();
      await mother.getByLabel('How they are related to the child').selectOption({ label: 'Mother' });
      await mother.getByRole('group', { name: 'Do they live with the child?' }).getByLabel('Yes').check();
      // Her own record is a likely match: the triager checks who she is in a tab of its own, and the form keeps its answers.
      const known = mother.getByRole('group', { name: 'Are they someone already known?' });
      const [check] = await Promise.all([page.context().waitForEvent('page'), known.getByRole('link', { name: 'Check who this is (opens in new tab)' }).click()]);
      await check.waitForLoadState('load');
      await verifyPage(check, { title: 'Who is Sophie Fairbrother? – Stable Homes', heading: 'Who is Sophie Fairbrother?' });
      expect(await summaryValue(check, 'Date of birth')).toBe('14 September 1986');
      expect(await summaryValue(check, 'Postcode')).toBe('DB6 1AA');
      expect(await check.getByText('2 Old Forge Yard').count(), 'identity, not her address').toBe(0);
      await check.close();
      await known.getByLabel('Sophie Fairbrother', { exact: true }).check();

      const brother = page.getByRole('group', { name: 'Someone else the request names: person 1 (optional)' });
      await brother.getByLabel('First name').fill('Sami');
      await brother.getByLabel('Last name').fill('Fairbrother');
      await brother.getByLabel('How they are related to the child').selectOption({ label: 'Brother' });
      await brother.getByRole('group', { name: 'Do they live with the child?' }).getByLabel('Yes').check();

      await page.getByLabel(`None of these: record ${PUBLIC_CHILD} as new`).check();
      await page.getByRole('group', { name: 'What happens next?' }).getByLabel('Advice and signposting').check();
      await page.getByRole('group', { name: 'Did the family agree?' }).getByLabel('The family agreed').check();
      await page.getByLabel('Reasons for the decision').fill('Sophie wants advice on talking with Leila; signposted to the young people’s counselling service.');
      await click(page, 'button', 'Record the decision');
      // Sami's name is like Sophie's: whether he is someone already known is asked before anything is written.
      expect(pathOf(page)).toBe(`${publicRequestPath}/decision`);
      await verifyPage(page, { title: `Error: Request for help: ${PUBLIC_CHILD} – Stable Homes`, heading: PUBLIC_CHILD });
      expect(await errorSummary(page)).toEqual(['Select whether Sami Fairbrother is one of the people already known, or someone new']);
      expect(await page.getByRole('group', { name: 'The person who asked: Sophie Fairbrother' }).getByLabel('Sophie Fairbrother', { exact: true }).isChecked(), 'answers kept').toBe(true);
      await page.getByRole('group', { name: 'Someone else the request names: person 1 (optional)' }).getByLabel('None of these: someone new').check();
      await click(page, 'button', 'Record the decision');
      expect(pathOf(page)).toBe('/front-door?decided=1');
      staff.expectNoBrowserErrors();
    } finally {
      await staff.close();
    }

    // Leila's record, as someone allocated to her opens it: what her mother told us, without asking again.
    const { rows } = await app.testApp.db.superuser((c) => c.query<{ id: string }>("select id from person where given_names = 'Leila' and family_name = 'Fairbrother'"));
    const leilaId = rows[0]!.id;
    await app.testApp.db.superuser((c) =>
      c.query("insert into allocation (id, person_id, user_id, la_code, capacity, from_date) select gen_random_uuid(), $1, id, la_code, 'Duty worker', current_date from user_account where username = 'social.worker'", [leilaId]),
    );
    const record = await newAppContext(browser, app);
    try {
      const { page } = record;
      await signIn(page, 'social.worker');
      await page.goto(`/people/${leilaId}`);
      await verifyPage(page, { title: `${PUBLIC_CHILD} – Stable Homes`, heading: PUBLIC_CHILD });
      expect(await page.getByText('7 Orchard Close').first().isVisible()).toBe(true);
      const related = page.getByRole('table', { name: `People related to ${PUBLIC_CHILD}` });
      expect(await textOf(related.locator('tbody tr').filter({ hasText: 'Sophie Fairbrother' }).locator('td').nth(1))).toBe(`Mother Lives with ${PUBLIC_CHILD}`);
      expect(await textOf(related.locator('tbody tr').filter({ hasText: 'Sami Fairbrother' }).locator('td').nth(1))).toBe(`Brother Lives with ${PUBLIC_CHILD}`);
      record.expectNoBrowserErrors();
    } finally {
      await record.close();
    }
  });
});

describe('a request decided as a child in need, closed the same day', () => {
  const today = todayInEngland();
  const CIN_CHILD = 'Ava Strictcheck';
  let ctx: AppContext;
  let casePath = '';

  beforeAll(async () => {
    ctx = await newAppContext(browser, app);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('the triage page has no accessibility violations, with no exception', async () => {
    const manager = await app.testApp.signIn('team.manager');
    const recorded = await manager.post(
      '/front-door/new',
      { source: '3B', submitterName: 'Health visitor', childGivenNames: 'Ava', childFamilyName: 'Strictcheck', concerns: 'Missed appointments', familyKnows: 'yes' },
      '/front-door/new',
    );
    expect(recorded.statusCode).toBe(303);
    const { page } = ctx;
    await signIn(page, 'social.worker');
    await page.goto(String(recorded.headers.location));
    await verifyPage(page, { title: `Request for help: ${CIN_CHILD} – Stable Homes`, heading: CIN_CHILD });
    expect(await page.locator('input[type="radio"][aria-expanded]').count(), 'no radio reveals anything').toBe(0);
    expect(await page.getByRole('group', { name: 'For Family Help or a strategy discussion: who leads the case, and why' }).isVisible()).toBe(true);
  });

  it('the triager opens a Family Help case with child in need as its basis', async () => {
    const { page } = ctx;
    await page.getByLabel(`None of these: record ${CIN_CHILD} as new`).check();
    await page.getByRole('group', { name: 'What happens next?' }).getByLabel('Family Help', { exact: true }).check();
    const forFamilyHelp = page.getByRole('group', { name: 'For Family Help or a strategy discussion: who leads the case, and why' });
    await chooseLead(forFamilyHelp.getByLabel('Lead practitioner', { exact: true }), 'Northfield Family Help team', 'Priya Shah, Family support worker');
    await forFamilyHelp.getByLabel('Main reason the family needs help').selectOption({ label: 'N4: Family in acute stress' });
    await forFamilyHelp.getByRole('group', { name: 'Basis for the help' }).getByLabel('Child in need (section 17)').check();
    await page.getByRole('group', { name: 'Did the family agree?' }).getByLabel('The family agreed').check();
    await page.getByLabel('Reasons for the decision').fill('Missed health appointments and a parent who is unwell: a child in need.');
    await click(page, 'button', 'Record the decision');
    expect(pathOf(page)).toMatch(/^\/front-door\/[0-9a-f-]{36}\?decided=1$/);
    await verifyPage(page, { title: `Request for help: ${CIN_CHILD} – Stable Homes`, heading: CIN_CHILD });
    expect(await banner(page)).toBe('The decision was recorded. The Family Help case is open, led by Priya Shah');
    await click(page, 'link', 'Open the Family Help case');
    expect(pathOf(page)).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    casePath = pathOf(page);
    await verifyPage(page, { title: `Family Help: ${CIN_CHILD} – Stable Homes`, heading: CIN_CHILD });
    expect(await summaryValue(page, 'Basis')).toBe('Child in need (section 17)');
  });

  it('the lead practitioner starts an assessment dated before the referral: the CIN census rule refuses it as it is saved', async () => {
    const { page } = ctx;
    await signOut(page);
    await signIn(page, 'family.help');
    await page.goto(casePath);
    await click(page, 'button', 'Start an assessment');
    await verifyPage(page, { title: 'Start an assessment – Stable Homes', heading: 'Start an assessment' });
    await fillDate(page, 'When did the assessment start?', today.minusDays(3));
    await click(page, 'button', 'Start the assessment');
    // Section 17: the census's rule 1103, checked on the child's census as the assessment is saved; nothing is saved.
    await verifyPage(page, { title: 'Error: Start an assessment – Stable Homes', heading: 'Start an assessment' });
    const message = `An assessment cannot start before the referral (the referral of ${says(today)})`;
    expect(await errorSummary(page)).toEqual([message]);
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#started');
    expect(await textOf(page.locator('#started-error'))).toBe(`Error: ${message}`);
    expect(await page.getByRole('group', { name: 'When did the assessment start?' }).getByLabel('Day').inputValue(), 'what was typed is kept').toBe(String(today.minusDays(3).dayOfMonth()));
    await page.goto(casePath);
    expect(await page.getByRole('button', { name: 'Start an assessment' }).count(), 'no assessment was saved').toBe(1);
  });

  it('the lead practitioner closes it the same day, and the closed case still shows the basis it closed on', async () => {
    const { page } = ctx;
    await verifyPage(page, { title: `Family Help: ${CIN_CHILD} – Stable Homes`, heading: CIN_CHILD });
    await click(page, 'link', 'Close the case');
    expect(pathOf(page)).toBe(`${casePath}/close`);
    await verifyPage(page, { title: 'Close the case – Stable Homes', heading: 'Close the case' });
    await fillDate(page, 'When did the help end?', today);
    await page.getByLabel('Help no longer needed, or ended for another reason').check();
    await click(page, 'button', 'Close the case');
    expect(pathOf(page)).toBe(`${casePath}?saved=closed`);
    await verifyPage(page, { title: `Family Help: ${CIN_CHILD} – Stable Homes`, heading: CIN_CHILD });
    expect(await banner(page)).toBe('The case was closed');
    expect(await page.locator('.govuk-tag', { hasText: 'Closed' }).innerText()).toBe(`Closed ${says(today)}`);
    // No basis is open once the case is closed: the page shows the last one, not a default.
    expect(await summaryValue(page, 'Basis')).toBe('Child in need (section 17)');
    expect(await basisHistory(casePath)).toEqual([{ basis: 'section_17', from_date: today.toString(), to_date: today.toString() }]);
    ctx.expectNoBrowserErrors();
  });
});
