import { LocalDate } from '@js-joda/core';

const englishDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in England at an instant (YYYY-MM-DD): statutory days follow the UK clock, not UTC. */
export function dateInEngland(instant: Date): string {
  return englishDate.format(instant);
}

/** Today in England, by the given clock. */
export function todayInEngland(clock: Clock = systemClock): LocalDate {
  return LocalDate.parse(dateInEngland(clock.now()));
}

/** The time, injectable: statutory timescales and session lifetimes are tested on a fake clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  constructor(private current: Date = new Date('2026-03-03T10:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
}
