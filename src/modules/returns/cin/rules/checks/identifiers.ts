import { LocalDate } from '@js-joda/core';
import type { Census, CensusChild } from '../census-model.ts';
import { before, eachChild, eachEpisode, isDate, period, type Check } from './check.ts';

const ETHNICITIES = ['ABAN', 'AIND', 'AOTH', 'APKN', 'BAFR', 'BCRB', 'BOTH', 'CHNE', 'MOTH', 'MWAS', 'MWBA', 'MWBC', 'NOBT', 'OOTH', 'REFU', 'WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM'];
const DISABILITIES = ['NONE', 'MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS', 'BEH', 'CON', 'AUT', 'DDA'];
/** UPN characters 2-4: the LA and pseudo-LA codes of the 2023-24 rule (the validator's list also holds 942 and 943). */
const LA_CODES = new Set(
  '001-005 201-213 301-320 330-336 340-344 350-359 370-373 380-384 390-394 420 660-681 701-708 800-803 805-808 810-813 815 816 820-823 825 826 830 831 835-841 845 846 850-852 855-857 860 861 865-896 908 909 916 919 921 925 926 928 929 931 933 935-938 940-943'
    .split(' ')
    .flatMap((range) => {
      const [from, to = from] = range.split('-').map(Number) as [number, number?];
      return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(3, '0'));
    }),
);
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
/** UPN character 13: a digit or a letter other than I, O and S. */
const LAST_CHARACTERS = /^[0-9A-HJ-NP-RT-Z]$/;
/** UPNunknown reasons that excuse a missing UPN for a child of school age (UN1, "not of school age", does not). */
const SCHOOL_AGE_REASONS = ['UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7'];

// The validator reads a date that is not one as absent, and an empty element as absent.
const has = (value: string | undefined): value is string => value !== undefined && value !== '';
const after = (a: string | undefined, b: string | undefined) => before(b, a);
const shift = (date: string | undefined, by: (d: LocalDate) => LocalDate) => (isDate(date) ? by(LocalDate.parse(date)).toString() : undefined);
const upn = (ch: CensusChild) => ch.ids['UPN'];
/** The children whose UPN, when present (and of 13 characters, for the rules that look only at those), fails. */
const eachUpn = (c: Census, fails: (value: string) => boolean, only13 = false) =>
  eachChild(c, (ch) => has(ch.ids['UPN']) && (!only13 || ch.ids['UPN'].length === 13) && fails(ch.ids['UPN']));
/** The check letter of a UPN whose characters 2-13 are digits: their sum weighted 2-13, modulo 23. */
const checkLetter = (value: string) => CHECK_LETTERS[[...value.slice(1)].reduce((sum, digit, i) => sum + Number(digit) * (i + 2), 0) % 23];
/** Children sharing a value of a field: each of them fails (a missing value is shared by every child missing it, as pandas' duplicated has it). */
const duplicated = (c: Census, value: (ch: CensusChild) => string | undefined, skipMissing: boolean) => {
  const counts = new Map<string, number>();
  for (const ch of c.children) counts.set(value(ch) ?? '', (counts.get(value(ch) ?? '') ?? 0) + 1);
  return eachChild(c, (ch) => (!skipMissing || has(value(ch))) && (counts.get(value(ch) ?? '') ?? 0) > 1);
};
/** A child with a referral going on to further action, ReferralNFA false or 0 as the rule reads it. */
const furtherAction = (ch: CensusChild, isFalse: (nfa: string) => boolean) => ch.episodes.some((e) => isFalse(e.fields['ReferralNFA'] ?? ''));
const whole = (fails: boolean) => (fails ? [{ child: undefined }] : []);

/** Rules about the header and the child as a whole: identifiers, characteristics, disabilities. */
export const IDENTIFIER_CHECKS: Record<string, Check> = {
  '100': (c) => (c.referenceDate === `${c.year}-03-31` ? [] : [{ child: undefined }]),
  '1510': (c) => eachUpn(c, (value) => /^.\d{12}$/.test(value) && checkLetter(value) !== value[0], true),
  '1520': (c) => duplicated(c, upn, true),
  '1530': (c) => eachUpn(c, (value) => !LA_CODES.has(value.slice(1, 4)), true),
  // Characters 5-12 as far as the UPN has them: a UPN of 4 characters or fewer fails too, as in the validator.
  '1540': (c) => eachUpn(c, (value) => !/^\d+$/.test(value.slice(4, 12))),
  '1550': (c) => eachUpn(c, (value) => !LAST_CHARACTERS.test(value.slice(12)), true),
  // In a UPN's format: a letter, 11 digits, then a digit or (a temporary UPN) a letter.
  '1560Q': (c) => eachChild(c, (ch) => has(ch.ids['FormerUPN']) && !/^\p{L}\d{11}[\p{L}\d]$/u.test(ch.ids['FormerUPN'])),
  '1570': (c) => eachChild(c, (ch) => [...(ch.ids['LAchildID'] ?? '')].length > 20),
  // Alphanumeric as Python's isalnum reads it: letters and digits of any script.
  '1580': (c) => eachChild(c, (ch) => !/^[\p{L}\p{N}]*$/u.test(ch.ids['LAchildID'] ?? '')),
  '2886Q': (c) => whole(c.children.filter((ch) => (!has(ch.ids['Sex']) || ch.ids['Sex'] === 'U') && !isDate(ch.ids['ExpectedPersonBirthDate'])).length > 0.02 * c.children.length),
  // Different disability codes used in the return, NONE aside: seven or fewer is queried (all NONE is none).
  '2887Q': (c) => whole(new Set(c.children.flatMap((ch) => ch.disabilities).filter((d) => has(d) && d !== 'NONE')).size <= 7),
  // Raised when children have disabilities other than NONE and none of them has more than one (an empty Disability counts for none).
  '2888Q': (c) => {
    const counts = c.children.map((ch) => ch.disabilities.filter((d) => d !== 'NONE')).filter((ds) => ds.length > 0).map((ds) => ds.filter(has).length);
    return whole(counts.length > 0 && Math.max(...counts) <= 1);
  },
  '4180': (c) => eachChild(c, (ch) => !['M', 'F', 'U'].includes(ch.ids['Sex'] ?? '')),
  '4220': (c) => eachChild(c, (ch) => !ETHNICITIES.includes(ch.characteristics['Ethnicity'] ?? '')),
  '8500': (c) => eachChild(c, (ch) => !has(ch.ids['LAchildID'])),
  '8510': (c) => duplicated(c, (ch) => ch.ids['LAchildID'], false),
  '8520': (c) => eachChild(c, (ch) => after(ch.ids['PersonBirthDate'], c.referenceDate)),
  '8525Q': (c) => eachChild(c, (ch) => isDate(ch.ids['PersonBirthDate']) === isDate(ch.ids['ExpectedPersonBirthDate'])),
  // Strictly between the reference date less 30 days and the reference date plus 9 months.
  '8530Q': (c) => {
    const [earliest, latest] = [shift(c.referenceDate, (d) => d.minusDays(30)), shift(c.referenceDate, (d) => d.plusMonths(9))];
    return eachChild(c, (ch) => isDate(ch.ids['ExpectedPersonBirthDate']) && isDate(earliest) && !(after(ch.ids['ExpectedPersonBirthDate'], earliest) && before(ch.ids['ExpectedPersonBirthDate'], latest)));
  },
  // A child who died before the expected date of birth is left out; a death date with no date of birth is queried.
  '8535Q': (c) => eachChild(c, ({ ids }) => isDate(ids['PersonDeathDate']) && !after(ids['ExpectedPersonBirthDate'], ids['PersonDeathDate']) && (!isDate(ids['PersonBirthDate']) || after(ids['PersonBirthDate'], ids['PersonDeathDate']))),
  '8540': (c) => eachChild(c, (ch) => isDate(ch.ids['PersonBirthDate']) && furtherAction(ch, (nfa) => nfa === 'false' || nfa === '0') && (ch.disabilities.length === 0 || ch.disabilities.some((d) => !DISABILITIES.includes(d)))),
  // The census year: 1 April to the reference date (31 March).
  '8545Q': (c) => {
    const { from } = period(c);
    return eachChild(c, (ch) => isDate(ch.ids['PersonDeathDate']) && isDate(from) && (before(ch.ids['PersonDeathDate'], from) || after(ch.ids['PersonDeathDate'], c.referenceDate)));
  },
  '8590': (c) => eachChild(c, (ch) => ch.episodes.length === 0),
  '8750': (c) => eachChild(c, (ch) => isDate(ch.ids['ExpectedPersonBirthDate']) && !isDate(ch.ids['PersonBirthDate']) && ch.ids['Sex'] !== 'U'),
  // School age: born on or before 31 August six years before the September after the reference date.
  '8770Q': (c) => {
    const born = shift(c.referenceDate, (d) => d.plusMonths(4).plusDays(31).minusYears(6));
    return eachChild(
      c,
      (ch) =>
        isDate(born) &&
        isDate(ch.ids['PersonBirthDate']) &&
        ch.ids['PersonBirthDate'] <= born &&
        furtherAction(ch, (nfa) => nfa === '0' || nfa.toLowerCase() === 'false') &&
        !has(upn(ch)) &&
        !SCHOOL_AGE_REASONS.includes((ch.ids['UPNunknown'] ?? '').toUpperCase()),
    );
  },
  // A child with UN7 and no CINdetails at all fails too, as in the validator.
  '8772': (c) => eachChild(c, (ch) => ch.ids['UPNunknown'] === 'UN7' && (ch.episodes.length === 0 || ch.episodes.some((e) => !['true', '1'].includes((e.fields['ReferralNFA'] ?? '').toLowerCase())))),
  // Each episode of a child over 25 at the reference date that is open, or closed after the child turned 25.
  '8775Q': (c) => {
    const over25 = shift(c.referenceDate, (d) => d.minusYears(25));
    return eachEpisode(c, (e, ch) => before(ch.ids['PersonBirthDate'], over25) && (!isDate(e.fields['CINclosureDate']) || after(e.fields['CINclosureDate'], shift(ch.ids['PersonBirthDate'], (d) => d.plusYears(25)))));
  },
  '8790': (c) => eachChild(c, (ch) => ch.disabilities.some((d) => d.toUpperCase() === 'NONE') && ch.disabilities.some((d) => d.toUpperCase() !== 'NONE')),
  '8794': (c) => eachChild(c, (ch) => ch.disabilities.some((d, i) => has(d) && ch.disabilities.indexOf(d) !== i)),
};
