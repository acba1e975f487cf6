import { DayOfWeek, LocalDate } from '@js-joda/core';
import Holidays from 'date-holidays';

export interface BankHoliday {
  date: LocalDate;
  name: string;
}

/**
 * England and Wales working days: Monday to Friday, less bank holidays. The bank holidays come
 * from the date-holidays library ('GB', region 'ENG': England and Wales share them), which keeps
 * the rules (Easter, substitute days when Christmas falls at a weekend) and the one-off days
 * (the 2022 state funeral, the 2023 coronation) — nothing here is typed by hand.
 */
export class WorkingDayCalendar {
  private readonly source = new Holidays('GB', 'ENG');
  private readonly byYear = new Map<number, Map<string, string>>();

  /** The year's bank holidays, in date order. */
  bankHolidays(year: number): BankHoliday[] {
    return [...this.holidaysIn(year)].map(([date, name]) => ({ date: LocalDate.parse(date), name }));
  }

  isBankHoliday(date: LocalDate): boolean {
    return this.holidaysIn(date.year()).has(date.toString());
  }

  isWorkingDay(date: LocalDate): boolean {
    const day = date.dayOfWeek();
    return day !== DayOfWeek.SATURDAY && day !== DayOfWeek.SUNDAY && !this.isBankHoliday(date);
  }

  /**
   * The working day `days` working days after `from` (which need not be a working day itself):
   * one working day after a Friday request is the Monday, or the Tuesday on a bank holiday Monday.
   * Zero days gives `from` if it is a working day, otherwise the next one.
   */
  addWorkingDays(from: LocalDate, days: number): LocalDate {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number, 0 or more: ${days}`);
    let date = from;
    if (days === 0) {
      while (!this.isWorkingDay(date)) date = date.plusDays(1);
      return date;
    }
    for (let counted = 0; counted < days; ) {
      date = date.plusDays(1);
      if (this.isWorkingDay(date)) counted++;
    }
    return date;
  }

  /** Working days after `from`, up to and including `to` (0 if `to` is not after `from`). */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    let n = 0;
    for (let date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) if (this.isWorkingDay(date)) n++;
    return n;
  }

  private holidaysIn(year: number): Map<string, string> {
    let holidays = this.byYear.get(year);
    if (!holidays) {
      holidays = new Map(
        this.source
          .getHolidays(year)
          .filter((h) => h.type === 'public' || h.type === 'bank')
          .map((h) => [h.date.slice(0, 10), h.name] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      );
      this.byYear.set(year, holidays);
    }
    return holidays;
  }
}

/** One calendar for the process: its bank holidays are computed once a year and kept. */
export const englandAndWales = new WorkingDayCalendar();
