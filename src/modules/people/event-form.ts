import type { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import { EARLIEST_YEAR, field, readDateInput, textAnswer } from '../../platform/web/form-fields.ts';
import { SIGNIFICANT_EVENT_CATEGORIES, type ChronologyCategory } from './chronology.ts';


/**
 * A significant event, as the form sends it. Every field is checked and every problem reported,
 * in page order (so the checks live in one transform, not in per-field schemas that stop early).
 * `today` keeps "not in the future" testable.
 */
export function significantEventForm(today: LocalDate) {
  return z
    .object({
      'occurred-day': field,
      'occurred-month': field,
      'occurred-year': field,
      category: field,
      title: field,
      details: field,
    })
    .transform((form, ctx) => {
      const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });

      let occurredOn = '';
      const date = readDateInput(form['occurred-day'], form['occurred-month'], form['occurred-year']);
      if (date.kind === 'empty') problem('occurred', 'Enter the date it happened');
      else if (date.kind === 'incomplete') problem('occurred', 'Date must include a day, month and year');
      else if (date.kind === 'invalid') problem('occurred', 'Date must be a real date, like 3 3 2026');
      else if (date.kind === 'too_early') problem('occurred', `Date must be in ${EARLIEST_YEAR} or later`);
      else if (date.date.isAfter(today)) problem('occurred', 'Date must be today or in the past');
      else occurredOn = date.date.toString();

      const category = (SIGNIFICANT_EVENT_CATEGORIES as readonly string[]).includes(form.category ?? '') ? (form.category as ChronologyCategory) : undefined;
      if (!category) problem('category', 'Select what kind of event it was');

      const title = textAnswer(problem, form.title, 'title', 'what happened', { required: true, max: 200, oneLine: true }) ?? '';
      const details = textAnswer(problem, form.details, 'details', 'details');

      return { occurredOn, category: category ?? 'other', title, details };
    });
}

export const EVENT_FIELDS = ['occurred', 'category', 'title', 'details'] as const;
