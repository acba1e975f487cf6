import { ChronoUnit, LocalDate } from '@js-joda/core';
import { dateInEngland } from '../../platform/clock.ts';

/** "7 years", "10 months", "3 weeks": how old, in the unit a practitioner would say. */
export function formatAge(dateOfBirth: string, today: Date): string {
  const born = LocalDate.parse(dateOfBirth);
  const now = LocalDate.parse(dateInEngland(today));
  const years = ChronoUnit.YEARS.between(born, now);
  if (years >= 2) return `${years} years`;
  const months = ChronoUnit.MONTHS.between(born, now);
  if (months >= 1) return months === 1 ? '1 month' : `${months} months`;
  const weeks = ChronoUnit.WEEKS.between(born, now);
  return weeks === 1 ? '1 week' : `${weeks} weeks`;
}
