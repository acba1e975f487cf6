import { describe, expect, it } from 'vitest';
import { shareForm } from './share.ts';

const form = shareForm([{ id: 'p1', agency: 'police' }]);
const problems = (body: Record<string, unknown>) => form.safeParse(body).error?.issues.map((i) => [i.path[0], i.message]);
const answered = { reasons: 'They need it for the discussion', lawfulBasis: 'legal_obligation', consent: 'not_sought' };

describe('a sharing decision', () => {
  it('asks nothing further when the decision is missing, and names the reasons as if sharing', () => {
    expect(problems({})).toEqual([
      ['decision', 'Select whether you are sharing information'],
      ['reasons', 'Enter why this needs to be shared'],
      ['lawfulBasis', 'Select the lawful basis'],
      ['consent', 'Select whether the family consented'],
    ]);
  });
  it('when sharing: who with (one of the partners), what, and why there was no consent', () => {
    expect(problems({ decision: 'share', partner: 'someone-else', ...answered })).toEqual([
      ['partner', 'Select who you are sharing with'],
      ['what', 'Enter what you are sharing'],
      ['consentReason', 'Enter the reason for going ahead without consent'],
    ]);
    expect(form.parse({ decision: 'share', partner: 'p1', what: 'The referral', ...answered, consentReason: 'Risk' })).toMatchObject({ partner: { id: 'p1', agency: 'police' }, agency: undefined, what: 'The referral' });
  });
  it('when not sharing: with which agency, and no reason needed for consent', () => {
    expect(problems({ decision: 'not_share', partner: 'p1', ...answered })).toEqual([['agency', 'Select the agency you decided not to share with']]);
    expect(problems({ decision: 'not_share', agency: 'health', ...answered, reasons: '' })).toEqual([['reasons', 'Enter why you decided not to share']]);
    expect(form.parse({ decision: 'not_share', agency: 'health', ...answered })).toMatchObject({ partner: undefined, agency: 'health', consentReason: undefined });
  });
});
