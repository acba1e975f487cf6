import { describe, expect, it } from 'vitest';
import { dateInEngland } from '../../src/platform/clock.ts';
import { CONTROL_CHARACTERS, CONTROL_CHARACTERS_EXCEPT_LINES, readDateInput } from '../../src/platform/web/form-fields.ts';

describe('readDateInput (the GOV.UK date input)', () => {
  it.each([
    [['', '', ''], 'empty'],
    [[undefined, undefined, undefined], 'empty'],
    [['3', '', '2015'], 'incomplete'],
    [['31', '2', '2015'], 'invalid'],
    [['3', '3', '15'], 'invalid'],
    [['3a', '3', '2015'], 'invalid'],
    [['-3', '3', '2015'], 'invalid'],
    [['0', '3', '2015'], 'invalid'],
  ] as const)('%j is %s', (parts, kind) => {
    expect(readDateInput(...(parts as unknown as [string, string, string])).kind).toBe(kind);
  });

  it('reads a real date, leading zeros or not', () => {
    const a = readDateInput('3', '3', '2015');
    const b = readDateInput('03', '03', '2015');
    expect(a.kind === 'date' && a.date.toString()).toBe('2015-03-03');
    expect(b.kind === 'date' && b.date.toString()).toBe('2015-03-03');
  });
});

describe('control characters', () => {
  it('refuses them in one-line fields, and allows tabs and new lines in free text', () => {
    expect(CONTROL_CHARACTERS.test('a\nb')).toBe(true);
    expect(CONTROL_CHARACTERS.test('O’Brien-Smith')).toBe(false);
    expect(CONTROL_CHARACTERS_EXCEPT_LINES.test('line one\nline two\ttab')).toBe(false);
    expect(CONTROL_CHARACTERS_EXCEPT_LINES.test('nul\u0000')).toBe(true);
  });
});

describe('dateInEngland', () => {
  it('follows the UK clock, not UTC', () => {
    expect(dateInEngland(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // BST
    expect(dateInEngland(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31'); // GMT
  });
});
