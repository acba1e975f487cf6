import { describe, expect, it } from 'vitest';
import { reviewForm } from './access-reviews.ts';

describe('the review of an emergency access', () => {
  it('says whether it was appropriate, with a note if the manager wants one', () => {
    expect(reviewForm.parse({ outcome: 'appropriate', note: '' })).toEqual({ outcome: 'appropriate', note: undefined });
    expect(reviewForm.parse({ outcome: 'not_appropriate', note: ' Spoken to them ' })).toEqual({ outcome: 'not_appropriate', note: 'Spoken to them' });
    expect(reviewForm.safeParse({ outcome: 'maybe' }).error?.issues.map((i) => i.message)).toEqual(['Select whether the access was appropriate']);
  });

  it('refuses a note the database could not store (a NUL), rather than failing on save', () => {
    expect(reviewForm.safeParse({ outcome: 'appropriate', note: 'a\u0000b' }).error?.issues.map((i) => i.message)).toEqual(['Your note must only include letters, numbers and punctuation']);
  });
});
