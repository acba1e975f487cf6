// The census's own date arithmetic: which collection year a date is in, and a child in need plan's
// time cut around child protection plans (a child is on one or the other, CIN rules 4001, 4016, 4017).
import { describe, expect, it } from 'vitest';
import { censusPeriod, collectionYearOf, cutAround } from '../../src/modules/returns/cin/census.ts';

describe('census periods', () => {
  it('puts a date in the collection year that runs 1 April to 31 March', () => {
    expect(collectionYearOf('2026-11-22')).toBe('2026-27');
    expect(collectionYearOf('2026-04-01')).toBe('2026-27');
    expect(collectionYearOf('2026-03-31')).toBe('2025-26');
    expect(collectionYearOf('2099-12-31')).toBe('2099-00');
    expect(censusPeriod('2025-26')).toEqual({ from: '2025-04-01', to: '2026-03-31', year: '2026' });
  });

  it('cuts a plan around the plans inside it, before and after, and drops what is left of no length', () => {
    // A plan from 1 May, open, with a child protection plan from 1 June to 1 September: May, then from September.
    expect(cutAround('2025-05-01', undefined, [{ from: '2025-06-01', to: '2025-09-01' }])).toEqual([
      { from: '2025-05-01', to: '2025-06-01' },
      { from: '2025-09-01', to: undefined },
    ]);
    // A child protection plan still open ends the child in need plan where it starts.
    expect(cutAround('2025-05-01', '2025-12-01', [{ from: '2025-06-01' }])).toEqual([{ from: '2025-05-01', to: '2025-06-01' }]);
    // Plans that do not touch leave it whole; one covering it leaves nothing.
    expect(cutAround('2025-05-01', '2025-06-01', [{ from: '2025-07-01', to: '2025-08-01' }, { from: '2025-01-01', to: '2025-04-01' }])).toEqual([{ from: '2025-05-01', to: '2025-06-01' }]);
    expect(cutAround('2025-05-01', '2025-06-01', [{ from: '2025-05-01', to: '2025-06-01' }])).toEqual([]);
    // Starting the day the other starts leaves nothing before it.
    expect(cutAround('2025-06-01', undefined, [{ from: '2025-06-01', to: '2025-07-01' }])).toEqual([{ from: '2025-07-01', to: undefined }]);
  });
});
