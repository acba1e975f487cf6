import { describe, expect, it } from 'vitest';
import { pagination, teamQuery } from './team.ts';

describe('the team view’s query', () => {
  it('reads what it does not understand as its default, and a field sent twice as its first value', () => {
    expect(teamQuery.parse({ page: 'x', sort: 'random', worker: 'not-an-id', due: 'later', type: ['court', 'plan'] })).toEqual({ page: 1, sort: 'urgent', worker: undefined, team: undefined, due: undefined, type: 'court' });
  });

  it('pages with the first and last, the current one and its neighbours, keeping the filters and order', () => {
    const paged = pagination({ page: 4, sort: 'child', due: 'overdue' }, 9)!;
    expect(paged.items.map((i) => ('ellipsis' in i ? '…' : i.number))).toEqual([1, '…', 3, 4, 5, '…', 9]);
    expect(paged.previous?.href).toBe('/team?due=overdue&sort=child&page=3');
    expect(pagination({ page: 1, sort: 'urgent' }, 1)).toBeUndefined();
  });
});
