import { LocalDate } from '@js-joda/core';
import { z } from 'zod';
import { SIGNIFICANT_EVENT_CATEGORIES, type ChronologyCategory } from './chronology.ts';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/; // tabs and new lines are fine in details
const field = z.string().trim().optional().catch(undefined);

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

      const parts = [form['occurred-day'], form['occurred-month'], form['occurred-year']];
      let occurredOn = '';
      if (!parts.every(Boolean)) {
        problem('occurred', parts.some(Boolean) ? 'Date must include a day, month and year' : 'Enter the date it happened');
      } else {
        let date: LocalDate | undefined;
        try {
          const [d, m, y] = parts.map(Number) as [number, number, number];
          if (parts[2]!.length === 4) date = LocalDate.of(y, m, d);
        } catch {
          date = undefined;
        }
        if (!date) problem('occurred', 'Date must be a real date, like 3 3 2026');
        else if (date.isAfter(today)) problem('occurred', 'Date must be today or in the past');
        else occurredOn = date.toString();
      }

      const category = (SIGNIFICANT_EVENT_CATEGORIES as readonly string[]).includes(form.category ?? '') ? (form.category as ChronologyCategory) : undefined;
      if (!category) problem('category', 'Select what kind of event it was');

      const title = form.title ?? '';
      if (!title) problem('title', 'Enter what happened');
      else if (title.length > 200) problem('title', 'What happened must be 200 characters or fewer');
      else if (CONTROL.test(title)) problem('title', 'What happened must only include letters, numbers and punctuation');

      const details = form.details || undefined;
      if (details && details.length > 5000) problem('details', 'Details must be 5,000 characters or fewer');
      else if (details && CONTROL.test(details)) problem('details', 'Details must only include letters, numbers and punctuation');

      return { occurredOn, category: category ?? 'other', title, details };
    });
}

export const EVENT_FIELDS = ['occurred', 'category', 'title', 'details'] as const;
