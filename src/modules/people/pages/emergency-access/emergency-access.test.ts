import { describe, expect, it } from 'vitest';
import { breakGlassForm } from './emergency-access.ts';

const problems = (body: unknown) => breakGlassForm.safeParse(body).error?.issues.map((i) => [i.path[0], i.message]);

describe('emergency access', () => {
  it('needs a reason from the list and an explanation of at least 20 characters', () => {
    expect(breakGlassForm.parse({ reasonCode: 'child_missing', reason: '  Police called: the child has not come home  ' })).toEqual({ reasonCode: 'child_missing', reason: 'Police called: the child has not come home' });
    expect(problems({})).toEqual([
      ['reasonCode', 'Select why you need emergency access'],
      ['reason', 'Explain why you need this record now'],
    ]);
    expect(problems({ reasonCode: 'curiosity', reason: 'Just looking' })).toEqual([
      ['reasonCode', 'Select why you need emergency access'],
      ['reason', 'Explain why you need this record now, in at least 20 characters'],
    ]);
    expect(problems({ reasonCode: 'other', reason: 'x'.repeat(1001) })).toEqual([['reason', 'Your explanation must be 1,000 characters or fewer']]);
  });
});
