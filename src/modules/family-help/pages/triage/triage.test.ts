import { describe, expect, it } from 'vitest';
import { decidedBanner, factRows, personItems } from './triage.ts';

const request = { id: 'req-1', childGivenNames: 'Zofia', childFamilyName: 'Kowalska', submitterName: 'Marta Kowalska', submitterRelationship: 'relative', source: '1A', caseId: null, decision: null };
type View = Parameters<typeof personItems>[0] & Parameters<typeof factRows>[0] & Parameters<typeof decidedBanner>[0];
const view = (over: Partial<Record<string, unknown>> = {}) => ({ request, matches: [], factsAsked: ['asker'], leadName: undefined, ...over }) as unknown as View;

describe('the triage page, made ready', () => {
  it('offers the child’s likely matches, the hint escaped and a link to check each, then "none of these"', () => {
    const match = { id: 'p-1', name: 'Zofia Kowalska', legalName: null, dateOfBirth: '2017-05-04', postcode: 'DB2 7XY', why: 'Matched on <the same> name', openCase: undefined };
    const items = personItems(view({ matches: [match] }), 'p-1');
    expect(items).toEqual([
      {
        value: 'p-1',
        text: 'Zofia Kowalska',
        hint: { html: 'Born 4 May 2017, DB2 7XY. Matched on &lt;the same&gt; name. <a class="govuk-link" href="/front-door/req-1/people/p-1" target="_blank" rel="noopener">Check who this is (opens in new tab)</a>' },
        checked: true,
      },
      { divider: 'or' },
      { value: 'new', text: 'None of these: record Zofia Kowalska as new', checked: false },
    ]);
    expect(personItems(view(), undefined)).toEqual([{ value: 'new', text: 'None of these: record Zofia Kowalska as new', checked: false }]);
  });

  it('puts the person who asked first when offered, and numbers the others after them', () => {
    const rows = factRows(view(), () => undefined);
    expect(rows.map((r) => [r.prefix, r.legend, r.firstOther])).toEqual([
      ['r1', 'The person who asked: Marta Kowalska', false],
      ['r2', 'Someone else the request names: person 1 (optional)', true],
      ['r3', 'Someone else the request names: person 2 (optional)', false],
      ['r4', 'Someone else the request names: person 3 (optional)', false],
    ]);
    expect(rows[0]!.askerHint).toBe('They said: “I am a relative or family friend”');
    expect(factRows(view({ factsAsked: [] }), () => undefined).map((r) => [r.legend, r.firstOther])[0]).toEqual(['Someone the request names: person 1 (optional)', true]);
  });

  it('says which case the decision opened, and a strategy discussion convened', () => {
    expect(decidedBanner(view())).toBe('The decision was recorded');
    expect(decidedBanner(view({ request: { ...request, caseId: 'c-1', decision: 'strategy_discussion' }, leadName: 'Priya Shah' }))).toBe(
      'The decision was recorded. The Family Help case is open, led by Priya Shah. A strategy discussion is convened: it waits for a Child Protection Lead Practitioner to take it',
    );
  });
});
