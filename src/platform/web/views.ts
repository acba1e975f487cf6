import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalDate } from '@js-joda/core';
import nunjucks from 'nunjucks';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: 'Europe/London' });

function toDate(value: unknown): Date | undefined {
  if (value instanceof LocalDate) return new Date(value.toString());
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'string' || typeof value === 'number') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/** "3 March 2026", as GOV.UK writes dates. */
export function formatDate(value: unknown): string {
  const d = toDate(value);
  return d ? dateFormat.format(d) : '';
}

const poundsFormat = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** Pence as "£1,234.50". */
export function formatPounds(pence: unknown): string {
  return typeof pence === 'number' && Number.isFinite(pence) ? poundsFormat.format(pence / 100) : '';
}

/** "3 March 2026 at 2:05pm". */
/** A count as people read it: 4,299. */
export function formatCount(value: unknown): string {
  return typeof value === 'number' ? value.toLocaleString('en-GB') : typeof value === 'string' ? value : '';
}

export function formatDateTime(value: unknown): string {
  const d = toDate(value);
  return d ? `${dateFormat.format(d)} at ${timeFormat.format(d).replace(' ', '').toLowerCase()}` : '';
}

export interface Option {
  value: string;
  text: string;
  hint?: string;
}

/** A code table (`{ code: label }`) as a page's options, with hints where given. */
export const optionsFrom = (labels: Readonly<Record<string, string>>, hints: Readonly<Record<string, string>> = {}): Option[] =>
  Object.entries(labels).map(([value, text]) => ({ value, text, ...(hints[value] ? { hint: hints[value] } : {}) }));

/**
 * GOV.UK radios, checkboxes or select items from a page's options, marking the one (or ones)
 * the form holds: `options | choiceItems(values.outcome)`, or `choiceItems(values.partner, "selected")`.
 */
export function choiceItems(options: unknown, current: unknown, mark: 'checked' | 'selected' = 'checked') {
  const held = (Array.isArray(current) ? current : [current]).filter((v): v is string => typeof v === 'string');
  return (Array.isArray(options) ? (options as Option[]) : []).map((o) => ({ value: o.value, text: o.text, ...(o.hint ? { hint: { text: o.hint } } : {}), [mark]: held.includes(o.value) }));
}

/**
 * Page templates live beside the code that renders them (`src/**\/*.njk`); GOV.UK Frontend's
 * macros resolve from its package. Autoescaping is on: nothing reaches a page unescaped
 * unless a template says `| safe`.
 */
export function createViewEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([path.join(root, 'src'), path.join(root, 'node_modules/govuk-frontend/dist')], {
      noCache: process.env.NODE_ENV === 'development',
    }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  env.addFilter('govukDate', formatDate);
  env.addFilter('govukDateTime', formatDateTime);
  env.addFilter('pounds', formatPounds);
  env.addFilter('count', formatCount);
  env.addFilter('choiceItems', choiceItems);
  return env;
}
