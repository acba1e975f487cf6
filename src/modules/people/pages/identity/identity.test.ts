import { describe, expect, it } from 'vitest';
import { identityChange, identityForm } from './identity.ts';

describe('what they want people to know', () => {
  const form = identityForm(['preferred_name', 'pronouns']);

  it('reads only the details offered: each a value and who may see it, or removed when left empty', () => {
    const answers = form.parse({ version: '3', preferred_name: 'Sam', 'preferred_name-shared': 'allocated', pronouns: '', gender_identity: 'not offered', 'gender_identity-shared': 'everyone' });
    expect(identityChange(answers, ['preferred_name', 'pronouns'])).toEqual({ version: 3, details: { preferred_name: { value: 'Sam', sharedWith: 'allocated' }, pronouns: null } });
  });

  it('asks who may see a detail only when there is one, and reports problems in page order', () => {
    expect(form.safeParse({ version: '0', preferred_name: 'x'.repeat(101), pronouns: 'they/them', 'pronouns-shared': 'the world' }).error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['version', 'The form has expired: open it again from the record'],
      ['preferred_name', 'Name they use must be 100 characters or fewer'],
      ['preferred_name-shared', 'Select who they want to see the name they use'],
      ['pronouns-shared', 'Select who they want to see their pronouns'],
    ]);
  });

  it('lists its fields in page order, for the error summary', () => {
    expect(form.fields).toEqual(['version', 'preferred_name', 'preferred_name-shared', 'pronouns', 'pronouns-shared', 'gender_identity', 'gender_identity-shared', 'sexual_orientation', 'sexual_orientation-shared']);
  });
});
