import type { Census, CensusChild, Fields } from '../census-model.ts';
import { before, eachEpisode, isDate, period, type Check } from './check.ts';

/** A date field's value when it is a date: the validator reads any other value as missing. */
const dateOf = (value: string | undefined) => (isDate(value) ? value : undefined);
const planStart = (plan: Fields) => dateOf(plan['CINPlanStartDate']);
/** The CIN plan's end date; a plan without one is open. */
const planEnd = (plan: Fields) => dateOf(plan['CINPlanEndDate']);

/** The child's CIN plans and child protection plans across all their episodes: the validator compares them by child, not by episode. */
const cinPlansOf = (child: CensusChild) => child.episodes.flatMap((e) => e.cinPlans);
const cpPlansOf = (child: CensusChild) => child.episodes.flatMap((e) => e.plans.map((p) => p.fields));

/** `day` is on or after `start` and before `end`, or on or before the reference date when there is no end (4016, 4017). */
const startsWithin = (day: string | undefined, start: string | undefined, end: string | undefined, census: Census) =>
  isDate(day) && isDate(start) && day >= start && (end ? day < end : isDate(census.referenceDate) && day <= census.referenceDate);

/** `plan` starts on or after `other` starts and on or before it ends, or on or before the reference date while it is open (4014). */
const startsDuring = (plan: Fields, other: Fields, census: Census) => {
  const [start, otherStart, otherEnd] = [planStart(plan), planStart(other), planEnd(other) ?? census.referenceDate];
  return isDate(start) && isDate(otherStart) && isDate(otherEnd) && start >= otherStart && start <= otherEnd;
};

const outsidePeriod = (date: string | undefined, census: Census) => {
  const { from, to } = period(census);
  return isDate(date) && isDate(to) && (date < from || date > to);
};

/** Rules about child in need plans (CINPlanDates). */
export const CIN_PLAN_CHECKS: Record<string, Check> = {
  '4001': (c) => eachEpisode(c, (e) => e.plans.some((p) => !dateOf(p.fields['CPPendDate'])) && e.cinPlans.some((q) => !!planStart(q) && !planEnd(q))),
  // Within an episode, no review falls within a CIN plan, ended or open, unless it is the day the child protection plan ended.
  '4003': (c) =>
    eachEpisode(c, (e) =>
      e.plans.some((p) => {
        const cppEnd = dateOf(p.fields['CPPendDate']);
        return p.reviews.some((r) => isDate(r) && r !== cppEnd && e.cinPlans.some((q) => startsWithin(r, planStart(q), planEnd(q), c)));
      }),
    ),
  '4004': (c) => eachEpisode(c, (e) => e.cinPlans.filter((q) => !planEnd(q)).length > 1),
  '4008': (c) => eachEpisode(c, (e, child) => e.cinPlans.some((q) => before(child.ids['PersonDeathDate'], planStart(q)))),
  '4009Q': (c) => eachEpisode(c, (e, child) => e.cinPlans.some((q) => before(child.ids['PersonDeathDate'], planEnd(q)))),
  // Only a start after the reference date is out of the period: the validator sets no lower bound.
  '4010': (c) => eachEpisode(c, (e) => e.cinPlans.some((q) => !planStart(q) || before(c.referenceDate, planStart(q)))),
  '4011': (c) => eachEpisode(c, (e) => e.cinPlans.some((q) => before(planEnd(q), planStart(q)))),
  '4012Q': (c) => eachEpisode(c, (e) => e.cinPlans.some((q) => !!planStart(q) && planStart(q) === planEnd(q))),
  '4013': (c) => eachEpisode(c, (e) => e.cinPlans.some((q) => outsidePeriod(planEnd(q), c))),
  '4014': (c) => eachEpisode(c, (e, child) => e.cinPlans.some((q) => cinPlansOf(child).some((other) => other !== q && startsDuring(q, other, c)))),
  '4015': (c) => eachEpisode(c, (e) => e.cinPlans.some((q) => before(planStart(q), e.fields['CINreferralDate']))),
  '4016': (c) => eachEpisode(c, (e, child) => e.cinPlans.some((q) => cpPlansOf(child).some((p) => startsWithin(planStart(q), dateOf(p['CPPstartDate']), dateOf(p['CPPendDate']), c)))),
  '4017': (c) => eachEpisode(c, (e, child) => e.plans.some((p) => cinPlansOf(child).some((q) => startsWithin(dateOf(p.fields['CPPstartDate']), planStart(q), planEnd(q), c)))),
};
