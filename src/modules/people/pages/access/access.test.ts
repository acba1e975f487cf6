import { describe, expect, it } from 'vitest';
import { accessChange, accessForm } from './access.ts';

const USER = '6f1c2a52-0c4e-4a53-9a43-7d1f0b1e2c3d';
const problems = (body: Record<string, string>) => accessForm.safeParse(body).error?.issues.map((i) => [i.path[0], i.message]);

describe('a change to who may open a record', () => {
  it('is the record’s kind and why, one person added and why, or one person taken off', () => {
    expect(accessChange(accessForm.parse({ action: 'kind', version: '2', kind: 'restricted', kindReason: 'In the news', userId: USER }))).toEqual({ action: 'kind', version: 2, kind: 'restricted', reason: 'In the news' });
    expect(accessChange(accessForm.parse({ action: 'add', version: '2', userId: USER, addReason: 'Covering' }))).toEqual({ action: 'add', version: 2, userId: USER, reason: 'Covering' });
    expect(accessChange(accessForm.parse({ action: 'remove', version: '2', userId: USER, addReason: 'ignored' }))).toEqual({ action: 'remove', version: 2, userId: USER });
  });

  it('asks only what the form sent asks, with its own words', () => {
    expect(problems({ action: 'kind', version: '2', kind: 'secret' })).toEqual([
      ['kind', 'Select who may open this record'],
      ['kindReason', 'Enter why'],
    ]);
    expect(problems({ action: 'remove', version: '2' })).toEqual([['userId', 'Select who to take off the list']]);
    expect(problems({ version: 'x', userId: 'not-an-id' })).toEqual([
      ['version', 'This form has expired: open the page again and make your change'],
      ['userId', 'Select who to add to the list'],
      ['addReason', 'Enter why they need it'],
    ]);
  });
});
