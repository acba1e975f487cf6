import { ChronoUnit, LocalDate } from '@js-joda/core';

// Calendar dates as ISO strings (YYYY-MM-DD), through js-joda's LocalDate: no time zone can move a day.

export function addDays(date: string, days: number): string {
  return LocalDate.parse(date).plusDays(days).toString();
}

/** 29 February plus a year is 28 February. */
export function addYears(date: string, years: number): string {
  return LocalDate.parse(date).plusYears(years).toString();
}

/** Whole years from one date to another: an age. */
export function yearsBetween(from: string, to: string): number {
  return ChronoUnit.YEARS.between(LocalDate.parse(from), LocalDate.parse(to));
}
