import { DayOfWeek, LocalDate } from '@js-joda/core';
import type { Census, CensusChild, Episode } from '../census-model.ts';

/** Where a rule fails: the child (undefined for the header) and, for an episode's rule, its referral date. */
export interface Failure {
  child: string | undefined;
  referral?: string | undefined;
}
/** A rule's check: every place in the census where it fails. */
export type Check = (census: Census) => Failure[];

/** The census period: the reference date less a year plus a day, to the reference date (cin_validator `make_census_period`). */
export function period(census: Census) {
  const to = census.referenceDate;
  let from = periodStarts.get(to);
  if (from === undefined) {
    from = isDate(to) ? LocalDate.parse(to).minusYears(1).plusDays(1).toString() : '';
    periodStarts.set(to, from);
  }
  return { from, to };
}
/** Remembered by reference date: rules ask for the period once for every fact they read. */
const periodStarts = new Map<string, string>();

/** Whether a value is a real ISO date. Remembered: a census repeats the same few thousand dates. */
const realDates = new Map<string, boolean>();
export const isDate = (value: string | undefined): value is string => {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  let real = realDates.get(value);
  if (real === undefined) {
    try {
      LocalDate.parse(value);
      real = true;
    } catch {
      real = false;
    }
    realDates.set(value, real);
  }
  return real;
};
/** a is before b, both dates present (ISO dates compare as strings). */
export const before = (a: string | undefined, b: string | undefined) => isDate(a) && isDate(b) && a < b;
export const isWeekend = (date: string | undefined) => isDate(date) && [DayOfWeek.SATURDAY, DayOfWeek.SUNDAY].includes(LocalDate.parse(date).dayOfWeek());

/** A date moved by whole days, for rules that compare with "280 days before birth" and the like (remembered). */
const shifted = new Map<string, string>();
export function plusDays(date: string | undefined, days: number): string | undefined {
  if (!isDate(date)) return undefined;
  const key = `${date}|${days}`;
  let moved = shifted.get(key);
  if (moved === undefined) {
    moved = LocalDate.parse(date).plusDays(days).toString();
    shifted.set(key, moved);
  }
  return moved;
}
export const isTrue = (value: string | undefined) => ['true', 'TRUE', '1'].includes(value ?? '');
export const isFalse = (value: string | undefined) => ['false', 'FALSE', '0'].includes(value ?? '');

/** The children failing a rule about the child as a whole. */
export const eachChild = (census: Census, fails: (child: CensusChild) => boolean): Failure[] =>
  census.children.filter(fails).map((child) => ({ child: child.ids['LAchildID'] }));

/** The episodes failing a rule about one CINdetails. */
export const eachEpisode = (census: Census, fails: (episode: Episode, child: CensusChild) => boolean): Failure[] =>
  census.children.flatMap((child) => child.episodes.filter((e) => fails(e, child)).map((e) => ({ child: child.ids['LAchildID'], referral: e.fields['CINreferralDate'] })));
