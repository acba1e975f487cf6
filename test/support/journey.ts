// Page helpers shared by the browser journeys (test/e2e/*-journey.test.ts): reading GOV.UK
// components off a page, filling in a date input, and following links and buttons that load a page.
import type { LocalDate } from '@js-joda/core';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { formatDate } from '../../src/platform/web/views.ts';
import { navigates } from './browser-app.ts';

/** "23 November 2026", as the pages write a date. */
export const says = (date: LocalDate) => formatDate(date.toString());

/** Mid-morning in England on a date (10:00 UTC is 10:00 or 11:00 in England: the same date). */
export const morningOf = (date: LocalDate) => new Date(`${date.toString()}T10:00:00Z`);

/** The text of an element with its whitespace collapsed. */
export const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** `text` with every regular expression special character escaped, to match it literally. */
export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The value beside a key in the page's summary lists (the first list that has the key), or within `scope`. */
export const summaryValue = (page: Page, key: string, scope: Locator | Page = page) =>
  textOf(scope.locator('.govuk-summary-list__row').filter({ has: page.locator('.govuk-summary-list__key', { hasText: new RegExp(`^\\s*${escape(key)}\\s*$`) }) }).first().locator('.govuk-summary-list__value'));

/** Fills in a GOV.UK date input found by its legend. */
export async function fillDate(page: Page, legend: string, date: LocalDate): Promise<void> {
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(String(date.dayOfMonth()));
  await group.getByLabel('Month').fill(String(date.monthValue()));
  await group.getByLabel('Year').fill(String(date.year()));
}

/** The error summary's links, in order; the summary has taken focus, as GOV.UK Frontend does. */
export async function errorSummary(page: Page): Promise<string[]> {
  const summary = page.locator('.govuk-error-summary');
  expect(await summary.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
  expect(await page.locator('.govuk-error-summary:focus').count(), 'the error summary takes focus').toBe(1);
  return summary.getByRole('link').allInnerTexts();
}

/** A link in the service navigation, which loads a new page. */
export const navigateTo = (page: Page, name: string) => navigates(page, () => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true }).click());

/** Clicks the link or button with exactly this name, which loads a new page. */
export const click = (page: Page, role: 'link' | 'button', name: string) => navigates(page, () => page.getByRole(role, { name, exact: true }).click());

/** The green banner at the top of the page. */
export const banner = (page: Page) => textOf(page.locator('.govuk-notification-banner--success .govuk-notification-banner__content'));

/** Chooses a lead practitioner from the front door's list, grouped by team, by the start of their option ("Priya Shah, Family support worker"). */
export async function chooseLead(select: Locator, team: string, person: string): Promise<void> {
  const option = select.locator(`optgroup[label^="${team}"] option`).filter({ hasText: new RegExp(`^${escape(person)}: \\d+ cases?$`) });
  expect(await option.count(), `${person} in ${team}, with their caseload`).toBe(1);
  await select.selectOption(await option.getAttribute('value'));
}
