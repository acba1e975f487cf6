import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SYNTHETIC_NHS_CAPACITY,
  formatNhsNumber,
  isSyntheticNhsNumber,
  isUpnLaCode,
  isValidNhsNumber,
  isValidPostcodeFormat,
  normaliseNhsNumber,
  normalisePostcode,
  normaliseUpn,
  postcodeOutward,
  syntheticNhsNumber,
  syntheticUpn,
  upnCheckLetter,
  validateUpn,
} from '../../src/modules/people/identifiers.ts';

// ---------------------------------------------------------------------------
// Independent oracles and arbitraries
// ---------------------------------------------------------------------------

/** Modulus 11 straight from the NHS specification, written separately from the module under test. */
function referenceNhsCheck(nine: string): number | 'none' {
  const sum = [...nine].reduce((acc, ch, i) => acc + Number(ch) * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check === 10 ? 'none' : check;
}

const digit = fc.integer({ min: 0, max: 9 });
const digits = (length: number) =>
  fc.array(digit, { minLength: length, maxLength: length }).map((ds) => ds.join(''));

/** Any valid NHS number: 9 random digits plus their check digit (the 1 in 11 with no check digit are skipped). */
const validNhs = digits(9)
  .map((nine) => ({ nine, check: referenceNhsCheck(nine) }))
  .filter((x) => x.check !== 'none')
  .map(({ nine, check }) => `${nine}${String(check)}`);

const replaceAt = (s: string, i: number, ch: string) => `${s.slice(0, i)}${ch}${s.slice(i + 1)}`;

const laCode = fc
  .integer({ min: 0, max: 999 })
  .map((n) => String(n).padStart(3, '0'))
  .filter(isUpnLaCode);

// fast-check 4 dropped fc.fullUnicodeString(); fc.string({ unit: 'binary' }) is its replacement (any code point,
// lone surrogates included).
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('0', '9', 'A', 'z', ' ', '-', '\t', '\u00a0', 'ſ', 'ı', 'ß') }),
);

// ---------------------------------------------------------------------------
// NHS number
// ---------------------------------------------------------------------------

describe('NHS number: known values', () => {
  it('accepts 943 476 5919 and rejects 943 476 5918', () => {
    // 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9.
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943-476-5919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
  });

  it('maps a remainder of 0 to check digit 0 and treats a check digit of 10 as no NHS number', () => {
    // 0000000000: sum 0, 11 − 0 = 11 → 0.
    expect(isValidNhsNumber('0000000000')).toBe(true);
    // 000000006x: sum 6×2 = 12, 12 mod 11 = 1, 11 − 1 = 10 → no final digit can make it valid.
    for (let d = 0; d <= 9; d += 1) expect(isValidNhsNumber(`000000006${String(d)}`)).toBe(false);
  });

  it('normalises spaces and hyphens and rejects anything that is not 10 digits', () => {
    expect(normaliseNhsNumber('943 476 5919')).toBe('9434765919');
    expect(normaliseNhsNumber(' 943-476-5919 ')).toBe('9434765919');
    expect(normaliseNhsNumber('943 476 591')).toBeUndefined();
    expect(normaliseNhsNumber('94347659190')).toBeUndefined();
    expect(normaliseNhsNumber('943 476 591X')).toBeUndefined();
    expect(normaliseNhsNumber('')).toBeUndefined();
    expect(normaliseNhsNumber('٩٤٣٤٧٦٥٩١٩')).toBeUndefined(); // Arabic-Indic digits are not ASCII digits
  });

  it('formats as 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    expect(formatNhsNumber('943-476-5919')).toBe('943 476 5919');
    expect(formatNhsNumber('12345')).toBeUndefined();
  });

  it('derives synthetic numbers in the 999 test range, skipping ninth digits that would need check digit 10', () => {
    // 99900000x: partial sum 9×10 + 9×9 + 9×8 = 243; x = 0 → 243 mod 11 = 1 → check 10, so x = 0 is skipped.
    expect(syntheticNhsNumber(0)).toBe('9990000018'); // 243 + 2 = 245, 245 mod 11 = 3, 11 − 3 = 8
    expect(syntheticNhsNumber(1)).toBe('9990000026'); // 243 + 4 = 247, mod 11 = 5 → 6
    expect(syntheticNhsNumber(0)).toBe(syntheticNhsNumber(0));
    expect(syntheticNhsNumber(SYNTHETIC_NHS_CAPACITY)).toBe(syntheticNhsNumber(0));
    expect(() => syntheticNhsNumber(-1)).toThrow(RangeError);
    expect(() => syntheticNhsNumber(1.5)).toThrow(RangeError);
    expect(() => syntheticNhsNumber(Number.NaN)).toThrow(RangeError);
  });

  it('tells synthetic numbers from real-range ones', () => {
    expect(isSyntheticNhsNumber('999 000 0018')).toBe(true);
    expect(isSyntheticNhsNumber('9990000010')).toBe(false); // in range but check digit wrong
    expect(isSyntheticNhsNumber('9434765919')).toBe(false);
  });

  it('gives every index below the capacity its own valid synthetic number (exhaustive)', () => {
    const seen = new Set<string>();
    for (let n = 0; n < SYNTHETIC_NHS_CAPACITY; n += 1) {
      const nhs = syntheticNhsNumber(n);
      if (!nhs.startsWith('999') || referenceNhsCheck(nhs.slice(0, 9)) !== Number(nhs[9])) {
        throw new Error(`syntheticNhsNumber(${String(n)}) = ${nhs} is not a valid 999 number`);
      }
      seen.add(nhs);
    }
    expect(seen.size).toBe(SYNTHETIC_NHS_CAPACITY);
  });
});

describe('NHS number: properties', () => {
  it('agrees with the reference modulus 11 on every 10-digit string', () => {
    fc.assert(
      fc.property(digits(10), (nhs) => {
        expect(isValidNhsNumber(nhs)).toBe(referenceNhsCheck(nhs.slice(0, 9)) === Number(nhs[9]));
      }),
    );
  });

  it('every syntheticNhsNumber(n) for n in 0..10^6 is valid, synthetic and starts 999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        const nhs = syntheticNhsNumber(n);
        expect(nhs).toMatch(/^999\d{7}$/);
        expect(isValidNhsNumber(nhs)).toBe(true);
        expect(isSyntheticNhsNumber(nhs)).toBe(true);
      }),
    );
  });

  it('syntheticNhsNumber is injective over a sample below its capacity', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: SYNTHETIC_NHS_CAPACITY - 1 }), { minLength: 2, maxLength: 500 }),
        (ns) => {
          expect(new Set(ns.map(syntheticNhsNumber)).size).toBe(ns.length);
        },
      ),
    );
  });

  it('changing any single digit of a valid NHS number makes it invalid', () => {
    fc.assert(
      fc.property(validNhs, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (nhs, i, delta) => {
        expect(isValidNhsNumber(nhs)).toBe(true);
        const changed = replaceAt(nhs, i, String((Number(nhs[i]) + delta) % 10));
        expect(isValidNhsNumber(changed)).toBe(false);
      }),
    );
  });

  it('swapping two adjacent different digits (the check digit included) makes it invalid', () => {
    fc.assert(
      fc.property(validNhs, fc.integer({ min: 0, max: 8 }), (nhs, i) => {
        const a = nhs[i]!;
        const b = nhs[i + 1]!;
        fc.pre(a !== b);
        expect(isValidNhsNumber(`${nhs.slice(0, i)}${b}${a}${nhs.slice(i + 2)}`)).toBe(false);
      }),
    );
  });

  it('normalise(format(x)) round-trips, and format is stable under normalise', () => {
    fc.assert(
      fc.property(digits(10), (nhs) => {
        const formatted = formatNhsNumber(nhs);
        expect(formatted).toMatch(/^\d{3} \d{3} \d{4}$/);
        expect(normaliseNhsNumber(formatted!)).toBe(nhs);
        expect(formatNhsNumber(formatted!)).toBe(formatted);
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// UPN
// ---------------------------------------------------------------------------

describe('UPN: known values', () => {
  it('computes the check letter by hand', () => {
    // L201234567890 — characters 2–13 are 2 0 1 2 3 4 5 6 7 8 9 0, weights 2–13:
    // 2×2 + 0×3 + 1×4 + 2×5 + 3×6 + 4×7 + 5×8 + 6×9 + 7×10 + 8×11 + 9×12 + 0×13
    //   = 4 + 0 + 4 + 10 + 18 + 28 + 40 + 54 + 70 + 88 + 108 + 0 = 424; 424 = 18×23 + 10; 10 → L.
    expect(upnCheckLetter('201234567890')).toBe('L');
    // 000000000000: sum 0 → A. 000000000001: 1×13 = 13 → P (I, O and S are skipped).
    expect(upnCheckLetter('000000000000')).toBe('A');
    expect(upnCheckLetter('000000000001')).toBe('P');
    expect(upnCheckLetter('20123456789A')).toBeUndefined();
    expect(upnCheckLetter('20123456789')).toBeUndefined();
  });

  it('accepts a valid permanent UPN in any case and with surrounding spaces', () => {
    expect(validateUpn('L201234567890')).toEqual({ ok: true, upn: 'L201234567890' });
    expect(validateUpn('  l201234567890 ')).toEqual({ ok: true, upn: 'L201234567890' });
    expect(normaliseUpn('  l20123456789a ')).toBe('L20123456789A');
  });

  it('accepts a temporary UPN without applying the check letter', () => {
    expect(validateUpn('L20123456789A')).toEqual({ ok: true, upn: 'L20123456789A' });
    expect(validateUpn('B20123456789Z')).toEqual({ ok: true, upn: 'B20123456789Z' });
  });

  it('reports each CIN census rule with a plain-English message', () => {
    expect(validateUpn('M201234567890')).toMatchObject({ ok: false, rule: '1510', message: 'The UPN’s check letter is wrong – check the UPN' });
    expect(validateUpn('L999234567890')).toMatchObject({ ok: false, rule: '1530' });
    expect(validateUpn('LABC234567890')).toMatchObject({ ok: false, rule: '1530' });
    expect(validateUpn('L2012345X7890')).toMatchObject({ ok: false, rule: '1540' });
    expect(validateUpn('L20123456789I')).toMatchObject({ ok: false, rule: '1550' });
    expect(validateUpn('L20123456789O')).toMatchObject({ ok: false, rule: '1550' });
    expect(validateUpn('L20123456789S')).toMatchObject({ ok: false, rule: '1550' });
    expect(validateUpn('L20123456789-')).toMatchObject({ ok: false, rule: '1550' });
    expect(validateUpn('')).toMatchObject({ ok: false, rule: 'format', message: 'Enter a UPN' });
    expect(validateUpn('L20123456789')).toMatchObject({ ok: false, rule: 'format' });
    expect(validateUpn('L2012345678901')).toMatchObject({ ok: false, rule: 'format' });
    expect(validateUpn('1201234567890')).toMatchObject({
      ok: false,
      rule: 'format',
      message: 'Enter a UPN in the correct format, like L201234567890',
    });
  });

  it('uses a UPN that validates as the example in its format message', () => {
    const result = validateUpn('?201234567890');
    if (result.ok) throw new Error('expected a format error');
    const example = /like (\S+)$/.exec(result.message)?.[1];
    expect(example).toBeDefined();
    expect(validateUpn(example!).ok).toBe(true);
  });

  it('knows the LA and pseudo-LA codes at the edges of each range', () => {
    for (const code of ['001', '005', '201', '213', '420', '660', '681', '815', '816', '865', '896', '940', '941']) {
      expect(isUpnLaCode(code), code).toBe(true);
    }
    for (const code of ['000', '006', '200', '214', '421', '659', '682', '804', '814', '817', '897', '939', '942', '1', '01', '0201', ' 201']) {
      expect(isUpnLaCode(code), code).toBe(false);
    }
    // Range sizes added up by hand from the 2023-24 list in statutory-returns.md §2.5.
    let count = 0;
    for (let n = 0; n <= 999; n += 1) if (isUpnLaCode(String(n).padStart(3, '0'))) count += 1;
    expect(count).toBe(193);
  });

  it('builds deterministic synthetic UPNs for an LA', () => {
    expect(syntheticUpn('201', 0)).toBe(syntheticUpn('201', 0));
    expect(syntheticUpn('201', 42)).toMatch(/^[A-Z]201200000042$/);
    expect(syntheticUpn('201', 1_000_042)).toMatch(/^[A-Z]201201000042$/);
    expect(() => syntheticUpn('999', 0)).toThrow(RangeError);
    expect(() => syntheticUpn('201', -1)).toThrow(RangeError);
  });
});

describe('UPN: properties', () => {
  it('syntheticUpn always validates as a permanent UPN in its LA', () => {
    fc.assert(
      fc.property(laCode, fc.nat(), (la, n) => {
        const upn = syntheticUpn(la, n);
        expect(upn).toMatch(/^[A-HJ-NP-RT-Z]\d{12}$/);
        expect(upn.slice(1, 4)).toBe(la);
        expect(validateUpn(upn)).toEqual({ ok: true, upn });
      }),
    );
  });

  it('the check letter of a synthetic UPN changes when any one digit changes', () => {
    fc.assert(
      fc.property(laCode, fc.nat(), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 9 }), (la, n, pos, delta) => {
        const upn = syntheticUpn(la, n);
        const changed = replaceAt(upn, pos, String((Number(upn[pos]) + delta) % 10));
        expect(upnCheckLetter(changed.slice(1))).not.toBe(upn[0]);
        expect(validateUpn(changed).ok).toBe(false);
      }),
    );
  });

  it('mod 23 with weights 2–13 detects every single-digit substitution in any 12 digits', () => {
    fc.assert(
      fc.property(digits(12), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (body, i, delta) => {
        const changed = replaceAt(body, i, String((Number(body[i]) + delta) % 10));
        expect(upnCheckLetter(changed)).not.toBe(upnCheckLetter(body));
      }),
    );
  });

  it('validateUpn is case- and padding-insensitive', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(validateUpn(` ${s.toLowerCase()} `)).toEqual(validateUpn(normaliseUpn(s.toLowerCase())));
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// Postcode
// ---------------------------------------------------------------------------

describe('postcode: known values', () => {
  it('normalises case and spacing', () => {
    expect(normalisePostcode('db1  4xy')).toBe('DB1 4XY');
    expect(normalisePostcode('SW1A1AA')).toBe('SW1A 1AA');
    expect(normalisePostcode(' m1 1ae ')).toBe('M1 1AE');
    expect(normalisePostcode('B33 8TH')).toBe('B33 8TH');
    expect(normalisePostcode('cr2 6xh')).toBe('CR2 6XH');
    expect(normalisePostcode('DN55 1PT')).toBe('DN55 1PT');
    expect(normalisePostcode('W1A 0AX')).toBe('W1A 0AX');
  });

  it('rejects malformed postcodes', () => {
    for (const bad of ['', 'DB1', 'DB1 4X', 'DB1 44Y', '1B1 4XY', 'ABC1 4XY', 'DB1A2 4XY', 'DB1 4XY!', 'ſW1A 1AA', 'DB1_4XY']) {
      expect(normalisePostcode(bad), bad).toBeUndefined();
      expect(isValidPostcodeFormat(bad), bad).toBe(false);
    }
    expect(isValidPostcodeFormat('db1 4xy')).toBe(true);
  });

  it('gives the outward code', () => {
    expect(postcodeOutward('db1  4xy')).toBe('DB1');
    expect(postcodeOutward('sw1a1aa')).toBe('SW1A');
    expect(postcodeOutward('nonsense')).toBeUndefined();
  });
});

describe('postcode: properties', () => {
  const outward = fc.stringMatching(/^[A-Z]{1,2}\d[A-Z\d]?$/);
  const inward = fc.stringMatching(/^\d[A-Z]{2}$/);
  const messy = fc
    .tuple(outward, inward, fc.constantFrom('', ' ', '  ', '\t'), fc.boolean())
    .map(([o, i, gap, lower]) => ({ canonical: `${o} ${i}`, typed: (lower ? `${o}${gap}${i}`.toLowerCase() : `${o}${gap}${i}`) }));

  it('normalises any well-formed postcode, however typed, to OUTWARD INWARD', () => {
    fc.assert(
      fc.property(messy, ({ canonical, typed }) => {
        expect(normalisePostcode(typed)).toBe(canonical);
        expect(postcodeOutward(typed)).toBe(canonical.split(' ')[0]);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, messy.map((m) => m.typed)), (s) => {
        const once = normalisePostcode(s);
        if (once !== undefined) expect(normalisePostcode(once)).toBe(once);
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------

describe('validators and normalisers never throw', () => {
  it('on arbitrary strings, full Unicode included', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(() => {
          normaliseNhsNumber(s);
          isValidNhsNumber(s);
          formatNhsNumber(s);
          isSyntheticNhsNumber(s);
          isUpnLaCode(s);
          upnCheckLetter(s);
          normaliseUpn(s);
          validateUpn(s);
          normalisePostcode(s);
          isValidPostcodeFormat(s);
          postcodeOutward(s);
        }).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
