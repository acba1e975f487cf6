import { LocalDate } from '@js-joda/core';
import { englandAndWales } from '../../../../../platform/timescales/working-days.ts';
import type { Census, Episode } from '../census-model.ts';
import { before, eachEpisode, isDate, period, type Check } from './check.ts';

type Assessment = Episode['assessments'][number];

/** A date field's value when it is a date: the validator reads any other value as missing. */
const dateOf = (value: string | undefined) => (isDate(value) ? value : undefined);
const started = (a: Assessment) => dateOf(a.fields['AssessmentActualStartDate']);
/** The authorisation (completion) date; an assessment without one is open. */
const authorised = (a: Assessment) => dateOf(a.fields['AssessmentAuthorisationDate']);
const onOrBefore = (a: string | undefined, b: string | undefined) => isDate(a) && isDate(b) && a <= b;

const inPeriod = (date: string | undefined, census: Census) => {
  const { from, to } = period(census);
  return isDate(date) && isDate(to) && date >= from && date <= to;
};
const outsidePeriod = (date: string | undefined, census: Census) => isDate(date) && isDate(census.referenceDate) && !inPeriod(date, census);

/**
 * The day `days` working days before `date`. The validator's "45 working days before the reference
 * date" is `england_working_days(45)`, an offset of 44 working days: it counts the reference date as the first.
 */
function workingDaysBefore(date: string, days: number) {
  let day = LocalDate.parse(date);
  for (let counted = 0; counted < days; ) {
    day = day.minusDays(1);
    if (englandAndWales.isWorkingDay(day)) counted++;
  }
  return day.toString();
}

/** An assessment starting on or after another's start and on or before its end (the reference date while it is open). */
const startsDuringAnother = (e: Episode, referenceDate: string) =>
  e.assessments.some((a) =>
    e.assessments.some((b) => {
      // As in the validator, assessments with the same dates are not compared: it cannot tell them from the assessment itself.
      const sameDates = started(a) === started(b) && authorised(a) === authorised(b);
      return !sameDates && onOrBefore(started(b), started(a)) && onOrBefore(started(a), authorised(b) ?? referenceDate);
    }),
  );

/** The assessment factor codes (8897Q's list). */
const FACTORS = new Set('1A 1B 1C 2A 2B 2C 3A 3B 3C 4A 4B 4C 5A 5B 5C 6A 6B 6C 7A 8B 8C 8D 8E 8F 9A 10A 11A 12A 13A 14A 15A 16A 17A 18A 18B 18C 19A 19B 19C 20 21 22A 23A 24A'.split(' '));

/** Rules about assessments and the factors identified at them. */
export const ASSESSMENT_CHECKS: Record<string, Check> = {
  '1103': (c) => eachEpisode(c, (e) => e.assessments.some((a) => before(started(a), e.fields['CINreferralDate']))),
  '8608': (c) => eachEpisode(c, (e) => e.assessments.some((a) => before(authorised(a), started(a)))),
  '8614': (c) => eachEpisode(c, (e) => e.assessments.some((a) => !authorised(a) && a.factors.length > 0)),
  '8670Q': (c) => {
    if (!isDate(c.referenceDate)) return [];
    const earliest = workingDaysBefore(c.referenceDate, 44);
    return eachEpisode(c, (e) => e.assessments.some((a) => !authorised(a) && before(started(a), earliest)));
  },
  '8696': (c) => eachEpisode(c, (e) => e.assessments.some((a) => outsidePeriod(authorised(a), c))),
  // A missing start date fails too: it is not within the census year.
  '8736': (c) => eachEpisode(c, (e) => e.assessments.some((a) => !authorised(a) && !inPeriod(started(a), c))),
  '8863Q': (c) => eachEpisode(c, (e) => startsDuringAnother(e, c.referenceDate)),
  '8867': (c) => eachEpisode(c, (e) => isDate(e.fields['CINclosureDate']) && e.assessments.some((a) => !authorised(a))),
  // The validator pairs a "21" with the other factors of the episode's assessments with the same authorisation date (its key for one assessment).
  '8869': (c) => eachEpisode(c, (e) => e.assessments.some((a) => a.factors.includes('21') && e.assessments.some((b) => authorised(b) === authorised(a) && b.factors.some((f) => f !== '21')))),
  // As DfE's text says: one assessment on the episode, with factor 21 ("no factors identified"); no other code counts.
  '8873Q': (c) => eachEpisode(c, (e) => e.assessments.length === 1 && e.assessments[0]!.factors.includes('21') && !['RC8', 'RC9'].includes(e.fields['ReasonForClosure'] ?? '')),
  '8896': (c) => eachEpisode(c, (e) => e.assessments.filter((a) => !authorised(a)).length > 1),
  '8897Q': (c) => eachEpisode(c, (e) => e.assessments.some((a) => onOrBefore(period(c).from, authorised(a)) && (a.factors.length === 0 || a.factors.some((f) => !FACTORS.has(f))))),
  '8898': (c) => eachEpisode(c, (e) => e.assessments.some((a) => new Set(a.factors).size < a.factors.length)),
  '8945Q': (c) => eachEpisode(c, (e) => e.assessments.some((a) => a.factors.some((f) => f.toUpperCase() === '18A'))),
  '8950Q': (c) => eachEpisode(c, (e) => e.assessments.some((a) => a.factors.some((f) => f.toUpperCase() === '19A'))),
};
