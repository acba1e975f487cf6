import type { Census, Fields } from '../census-model.ts';
import { before, eachChild, eachEpisode, isDate, period, type Check } from './check.ts';

const CATEGORIES_OF_ABUSE = ['NEG', 'PHY', 'SAB', 'EMO', 'MUL'];
const inYear = (census: Census, date: string | undefined) => {
  const { from, to } = period(census);
  return isDate(date) && date >= from && date <= to;
};

/**
 * Plan a starts on or after plan b's start and on or before its end (or, while b is open, the reference date).
 * The validator tells plans apart by their position within their episode (its CPPID), so it never compares two
 * plans in the same position, even in different episodes.
 */
function overlaps(census: Census, a: { plan: Fields; at: number }, b: { plan: Fields; at: number }) {
  const start = a.plan['CPPstartDate'];
  const [otherStart, otherEnd] = [b.plan['CPPstartDate'], b.plan['CPPendDate']];
  if (a.at === b.at || !isDate(start) || !isDate(otherStart) || start < otherStart) return false;
  return isDate(otherEnd) ? start <= otherEnd : isDate(census.referenceDate) && start <= census.referenceDate;
}

/** Rules about child protection plans, their categories of abuse and their reviews. */
export const CP_PLAN_CHECKS: Record<string, Check> = {
  '1105': (c) => eachEpisode(c, (e) => e.plans.some((p) => before(p.fields['CPPstartDate'], e.fields['CINreferralDate']))),
  // A rule about the whole return: plans starting in the census year against conferences (S47 and CIN level) held in it.
  '2883': (c) => {
    const episodes = c.children.flatMap((child) => child.episodes);
    const starts = episodes.flatMap((e) => e.plans).filter((p) => inYear(c, p.fields['CPPstartDate'])).length;
    const conferences = episodes.flatMap((e) => [e.fields, ...e.section47]).filter((f) => inYear(c, f['DateOfInitialCPC'])).length;
    return starts > conferences ? [{ child: undefined }] : [];
  },
  // A plan starting in the census year starts on the day of one of its episode's S47 conferences or, for an
  // episode without S47s, on the day of the episode's own conference.
  '2885': (c) =>
    eachEpisode(c, (e) =>
      e.plans.some(({ fields: { CPPstartDate: start } }) => {
        if (!inYear(c, start)) return false;
        return e.section47.length ? !e.section47.some((s) => s['DateOfInitialCPC'] === start) : e.fields['DateOfInitialCPC'] !== start;
      }),
    ),
  // Only the reference date bounds the start, as in the validator (no lower bound despite the message).
  '8720': (c) => eachEpisode(c, (e) => e.plans.some((p) => !isDate(p.fields['CPPstartDate']) || (isDate(c.referenceDate) && p.fields['CPPstartDate'] > c.referenceDate))),
  '8730': (c) => eachEpisode(c, (e) => e.plans.some((p) => !/^\d+$/.test(p.fields['NumberOfPreviousCPP'] ?? ''))),
  '8840': (c) => eachEpisode(c, (e) => e.plans.some((p) => isDate(p.fields['CPPendDate']) && p.fields['CPPendDate'] === p.fields['CPPstartDate'])),
  '8841': (c) => eachEpisode(c, (e) => e.plans.some((p) => p.reviews.some((r) => isDate(r) && isDate(p.fields['CPPstartDate']) && r <= p.fields['CPPstartDate']))),
  '8842Q': (c) => eachEpisode(c, (e) => e.plans.some((p) => p.reviews.some((r) => !isDate(r)))),
  '8905': (c) => eachEpisode(c, (e) => e.plans.some((p) => !CATEGORIES_OF_ABUSE.includes(p.fields['InitialCategoryOfAbuse'] ?? ''))),
  '8910': (c) => eachEpisode(c, (e) => e.plans.some((p) => !CATEGORIES_OF_ABUSE.includes(p.fields['LatestCategoryOfAbuse'] ?? ''))),
  '8915': (c) => eachEpisode(c, (e, child) => e.plans.some((p) => before(child.ids['PersonDeathDate'], p.fields['CPPstartDate']))),
  '8920': (c) => eachEpisode(c, (e, child) => e.plans.some((p) => before(child.ids['PersonDeathDate'], p.fields['CPPendDate']))),
  '8925': (c) => eachEpisode(c, (e) => e.plans.some((p) => before(p.fields['CPPendDate'], p.fields['CPPstartDate']))),
  '8930': (c) => eachEpisode(c, (e) => e.plans.some((p) => isDate(p.fields['CPPendDate']) && !inYear(c, p.fields['CPPendDate']))),
  // More than one plan without an end date, in one episode or across the child's episodes.
  '8935': (c) => eachChild(c, (child) => child.episodes.flatMap((e) => e.plans).filter((p) => !isDate(p.fields['CPPendDate'])).length > 1),
  '8940': (c) =>
    eachEpisode(c, (e, child) =>
      e.plans.some((plan, at) => child.episodes.some((o) => o.plans.some((other, otherAt) => overlaps(c, { plan: plan.fields, at }, { plan: other.fields, at: otherAt })))),
    ),
};
