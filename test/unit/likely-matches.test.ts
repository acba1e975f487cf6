// The front door's likely matches (issue 13, item 4): ranked by date of birth as well as name, each
// saying why it matched; someone born years apart from the child is not offered, however alike the name.
import { describe, expect, it } from 'vitest';
import { likelyMatches } from '../../src/modules/family-help/front-door.ts';

const person = (id: string, nameSimilarity: number, dateOfBirth: string | null) => ({ id, nameSimilarity, dateOfBirth, expectedDateOfBirth: null });

describe('likely matches for a request', () => {
  it('puts the child with the same date of birth above adults with a closer name, and leaves out those born years apart', () => {
    const found = [person('mother', 1, '1985-04-02'), person('grandmother', 0.9, '1967-01-09'), person('child', 0.6, '2017-05-11'), person('cousin', 0.8, '2017-09-30')];
    const ranked = likelyMatches(found, '2017-05-11');
    expect(ranked.map((m) => m.id)).toEqual(['child', 'cousin']);
    expect(ranked[0]!.why).toBe('Matched on a similar name, the same date of birth');
    expect(ranked[1]!.why).toBe('Matched on a similar name, born the same year');
  });

  it('says when the day and month are swapped, or the birthdays are days apart', () => {
    const ranked = likelyMatches([person('near', 1, '2017-05-20'), person('swapped', 1, '2017-11-05')], '2017-05-11');
    expect(ranked.map((m) => [m.id, m.why])).toEqual([
      ['swapped', 'Matched on the same name, the date of birth with the day and month swapped'],
      ['near', 'Matched on the same name, born 9 days apart'],
    ]);
  });

  it('ranks by name alone when the request gives no date of birth, and says when a match has none', () => {
    expect(likelyMatches([person('a', 0.4, '2010-01-01'), person('b', 0.9, null)], null).map((m) => m.id)).toEqual(['b', 'a']);
    expect(likelyMatches([person('b', 0.3, null)], '2017-05-11')[0]!.why).toBe('Matched on a name that sounds alike, no date of birth recorded');
  });
});
