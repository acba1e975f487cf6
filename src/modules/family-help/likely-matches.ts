import { LocalDate } from '@js-joda/core';

/** Days between two ISO dates. */
const daysApart = (a: string, b: string) => Math.abs(LocalDate.parse(a).toEpochDay() - LocalDate.parse(b).toEpochDay());

/**
 * Who the request might be about, best first, each with why: the name as typed and as it sounds,
 * and the date of birth — the same day, the day and month swapped, close, or the same year. Someone
 * born years apart from the child asked about is not them, however alike the name.
 */
export function likelyMatches<T extends { nameSimilarity: number; dateOfBirth: string | null; expectedDateOfBirth: string | null }>(found: readonly T[], dateOfBirth: string | null) {
  const scored = found.flatMap((m) => {
    const why: string[] = [m.nameSimilarity >= 0.99 ? 'the same name' : m.nameSimilarity >= 0.5 ? 'a similar name' : 'a name that sounds alike'];
    let score = m.nameSimilarity * 10;
    const born = m.dateOfBirth ?? m.expectedDateOfBirth;
    if (dateOfBirth && born) {
      const [y1, m1, d1] = dateOfBirth.split('-');
      const [y2, m2, d2] = born.split('-');
      const apart = daysApart(dateOfBirth, born);
      const years = Math.round(apart / 365.25);
      const [points, said] =
        apart === 0 ? [10, 'the same date of birth']
        : y1 === y2 && m1 === d2 && d1 === m2 ? [7, 'the date of birth with the day and month swapped']
        : apart <= 31 ? [5, `born ${apart} ${apart === 1 ? 'day' : 'days'} apart`]
        : y1 === y2 ? [3, 'born the same year']
        : [0, `born ${years} ${years === 1 ? 'year' : 'years'} apart`];
      if (apart > 5 * 365) return [];
      score += points;
      why.push(said);
    } else if (dateOfBirth) why.push('no date of birth recorded');
    return [{ ...m, score, why: `Matched on ${why.join(', ')}` }];
  });
  return scored.sort((a, b) => b.score - a.score);
}
