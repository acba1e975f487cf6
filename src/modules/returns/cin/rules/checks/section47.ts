import { LocalDate } from '@js-joda/core';
import { englandAndWales } from '../../../../../platform/timescales/working-days.ts';
import type { Census, Fields } from '../census-model.ts';
import { before, eachEpisode, isDate, isFalse, isTrue, isWeekend, period, type Check } from './check.ts';

/** The working day `days` working days before `date` (rolled forward to a working day first, as pandas' CustomBusinessDay does). */
function workingDaysBefore(date: string, days: number): string {
  let day = englandAndWales.addWorkingDays(LocalDate.parse(date), 0);
  for (let counted = 0; counted < days; ) {
    day = day.minusDays(1);
    if (englandAndWales.isWorkingDay(day)) counted++;
  }
  return day.toString();
}
const dateOrNone = (value: string | undefined) => (isDate(value) ? value : '');
const outsideYear = (census: Census, date: string | undefined) => {
  const { from, to } = period(census);
  return isDate(date) && (date < from || date > to);
};
/** A S47 enquiry still awaiting its conference: no ICPC date and ICPCnotRequired false. */
const awaitingConference = (s: Fields) => !isDate(s['DateOfInitialCPC']) && isFalse(s['ICPCnotRequired']);
/** An open S47 enquiry as 8839 sees it: no ICPC date and the not-required flag not true (missing counts as not true). */
const openEnquiry = (s: Fields) => !isDate(s['DateOfInitialCPC']) && !isTrue(s['ICPCnotRequired']);

/** Rules about section 47 enquiries and initial child protection conferences. */
export const SECTION47_CHECKS: Record<string, Check> = {
  '1104': (c) => eachEpisode(c, (e) => e.section47.some((s) => before(s['DateOfInitialCPC'], e.fields['CINreferralDate']))),
  // The validator matches the S47 conference against the CIN-level one of any of the child's episodes, not only its own.
  '2884': (c) => eachEpisode(c, (e, child) => e.section47.some((s) => isDate(s['DateOfInitialCPC']) && child.episodes.some((o) => o.fields['DateOfInitialCPC'] === s['DateOfInitialCPC']))),
  '2889': (c) => eachEpisode(c, (e) => e.section47.some((s) => before(s['S47ActualStartDate'], e.fields['CINreferralDate']))),
  '8615': (c) => eachEpisode(c, (e) => e.section47.some((s) => isDate(s['DateOfInitialCPC']) && (!isDate(s['S47ActualStartDate']) || s['DateOfInitialCPC'] < s['S47ActualStartDate']))),
  // "15 working days before the end of the census year" is the reference date less 14 working days (england_working_days(15)).
  '8675Q': (c) => {
    if (!isDate(c.referenceDate)) return [];
    const limit = workingDaysBefore(c.referenceDate, 14);
    return eachEpisode(c, (e) => e.section47.some((s) => awaitingConference(s) && before(s['S47ActualStartDate'], limit)));
  },
  '8715': (c) => eachEpisode(c, (e) => e.section47.some((s) => outsideYear(c, s['DateOfInitialCPC']))),
  '8740': (c) => eachEpisode(c, (e) => e.section47.some((s) => awaitingConference(s) && outsideYear(c, s['S47ActualStartDate']))),
  '8839': (c) => eachEpisode(c, (e) => e.section47.filter(openEnquiry).length > 1),
  // A closed episode's enquiries each show a conference date or ICPCnotRequired true (either will do).
  '8868': (c) => eachEpisode(c, (e) => isDate(e.fields['CINclosureDate']) && e.section47.some((s) => !isDate(s['DateOfInitialCPC']) && !isTrue(s['ICPCnotRequired']))),
  '8870Q': (c) => eachEpisode(c, (e) => e.section47.some((s) => isWeekend(s['InitialCPCtarget']))),
  '8875': (c) => eachEpisode(c, (e) => e.section47.some((s) => isWeekend(s['DateOfInitialCPC']))),
  // A S47 starting on or after another's start and on or before that one's ICPC (or, while it is open, the reference date);
  // two S47s with the same start and ICPC count as the same one.
  '8890': (c) =>
    eachEpisode(c, (e) =>
      e.section47.some((a) =>
        e.section47.some((b) => {
          const start = a['S47ActualStartDate'];
          if (!isDate(start) || !isDate(b['S47ActualStartDate']) || start < b['S47ActualStartDate']) return false;
          if (start === b['S47ActualStartDate'] && dateOrNone(a['DateOfInitialCPC']) === dateOrNone(b['DateOfInitialCPC'])) return false;
          return isDate(b['DateOfInitialCPC']) ? start <= b['DateOfInitialCPC'] : !isTrue(b['ICPCnotRequired']) && isDate(c.referenceDate) && start <= c.referenceDate;
        }),
      ),
    ),
};
