import { describe, expect, it } from 'vitest';
import { dateInEngland } from '../../src/platform/clock.ts';
import { CONTROL_CHARACTERS, CONTROL_CHARACTERS_EXCEPT_LINES, field, readDateInput, readVersion } from '../../src/platform/web/form-fields.ts';
import { isWriteConflict } from '../../src/platform/web/errors.ts';

describe('readVersion (a form’s hidden version)', () => {
  it.each(['1', '0', '42', ' 7 ', '2147483647'])('reads %j', (value) => {
    expect(readVersion(value)).toBe(Number(value.trim()));
  });
  it.each(['abc', 'NaN', '1e308', '2147483648', '12345678901234567890', '-1', '1.5', '', undefined, 7, ['1']])('refuses %j', (value) => {
    expect(readVersion(value)).toBeUndefined();
  });
});

describe('field (every text a form sends)', () => {
  it('takes out bidirectional embedding, override and isolate controls, and keeps the marks right-to-left writing uses', () => {
    expect(field.parse('Ali\u202Eecila ')).toBe('Aliecila');
    expect(field.parse('\u2066Strand\u2069')).toBe('Strand');
    expect(field.parse('\u202Aa\u202Bb\u202Cc\u202Dd')).toBe('abcd');
    expect(field.parse('سارة\u200F')).toBe('سارة\u200F');
    expect(field.parse(undefined)).toBeUndefined();
  });
});

describe('isWriteConflict', () => {
  it('finds PostgreSQL’s unique, serialisation and deadlock codes however deeply wrapped', () => {
    for (const code of ['23505', '40001', '40P01']) {
      expect(isWriteConflict({ code })).toBe(true);
      expect(isWriteConflict(new Error('query failed', { cause: new Error('wrapped', { cause: { code } }) }))).toBe(true);
    }
    expect(isWriteConflict({ code: '22008' })).toBe(false);
    expect(isWriteConflict(new Error('plain'))).toBe(false);
    expect(isWriteConflict(undefined)).toBe(false);
  });
});

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
    [['1', '1', '0000'], 'too_early'], // PostgreSQL has no year 0
    [['31', '12', '1899'], 'too_early'],
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
