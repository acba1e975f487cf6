/**
 * Identifier rules for people: NHS number, Unique Pupil Number (UPN) and postcode.
 * Pure functions only: no I/O, no clock, no randomness. Validators never throw on any string.
 */

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

// Uppercase ASCII letters only, so Unicode case mapping (e.g. 'ſ' → 'S', 'ı' → 'I') cannot forge an ASCII identifier.
function asciiUpper(input: string): string {
  return input.replace(/[a-z]/g, (c) => c.toUpperCase());
}

// Generators take an index: reject anything that is not a whole, non-negative number so output stays deterministic.
function assertIndex(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${String(n)}`);
}

// ---------------------------------------------------------------------------
// NHS number (10 digits, modulus 11)
// ---------------------------------------------------------------------------

// Modulus 11 check digit for the first 9 digits; undefined when the remainder gives 10, because no NHS number uses those 9 digits.
function nhsCheckDigit(nineDigits: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += (nineDigits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

// People type NHS numbers as they appear on letters ("943 476 5919") or with hyphens; store one canonical 10-digit form.
export function normaliseNhsNumber(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : undefined;
}

// A mistyped NHS number would link a child to someone else's health record, so the check digit must match.
export function isValidNhsNumber(input: string): boolean {
  const nhs = normaliseNhsNumber(input);
  if (nhs === undefined) return false;
  return nhsCheckDigit(nhs.slice(0, 9)) === nhs.charCodeAt(9) - 48;
}

// NHS guidance displays the number as 3-3-4 so people can read it back without losing their place.
export function formatNhsNumber(input: string): string | undefined {
  const nhs = normaliseNhsNumber(input);
  return nhs === undefined ? undefined : `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;
}

/** How many distinct synthetic NHS numbers `syntheticNhsNumber` yields before it wraps (10^5 prefixes × 9). */
export const SYNTHETIC_NHS_CAPACITY = 900_000;

// Seeded and demo children need valid-looking NHS numbers that can never be a real person's: NHS England reserves 999 000 0000–999 999 9999 for testing.
export function syntheticNhsNumber(n: number): string {
  assertIndex(n, 'n');
  const k = n % SYNTHETIC_NHS_CAPACITY;
  // "999" + 5 digits from k, then a 9th digit: for any 8-digit prefix at most one of 0–9 gives check digit 10 (weight 2 is
  // invertible mod 11), so the (k mod 9)-th usable digit always exists and the mapping is one-to-one below the capacity.
  const prefix = `999${String(Math.floor(k / 9)).padStart(5, '0')}`;
  let remaining = k % 9;
  for (let d = 0; d <= 9; d += 1) {
    const check = nhsCheckDigit(`${prefix}${d}`);
    if (check === undefined) continue;
    if (remaining === 0) return `${prefix}${d}${check}`;
    remaining -= 1;
  }
  throw new Error('unreachable: every prefix has at least nine usable ninth digits');
}

// Lets imports and exports tell test data from real people's numbers before anything leaves the system.
export function isSyntheticNhsNumber(input: string): boolean {
  const nhs = normaliseNhsNumber(input);
  return nhs !== undefined && nhs.startsWith('999') && isValidNhsNumber(nhs);
}

// ---------------------------------------------------------------------------
// Unique Pupil Number (DfE; CIN census rules 1510, 1530, 1540, 1550)
// ---------------------------------------------------------------------------

const UPN_CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

// LA and pseudo-LA codes accepted in UPN characters 2–4 (CIN census rule 1530, 2023-24 list).
const UPN_LA_CODE_RANGES: readonly (readonly [number, number])[] = [
  [1, 5], [201, 213], [301, 320], [330, 336], [340, 344], [350, 359], [370, 373], [380, 384], [390, 394], [420, 420],
  [660, 681], [701, 708], [800, 803], [805, 808], [810, 813], [815, 816], [820, 823], [825, 826], [830, 831],
  [835, 839], [840, 841], [845, 846], [850, 852], [855, 857], [860, 861], [865, 896], [908, 909], [916, 916],
  [919, 919], [921, 921], [925, 926], [928, 929], [931, 931], [933, 933], [935, 938], [940, 941],
];

const UPN_LA_CODES: ReadonlySet<string> = new Set(
  UPN_LA_CODE_RANGES.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(3, '0')),
  ),
);

/** A valid permanent UPN (check letter worked by hand in the unit tests), used as the example in error messages. */
const UPN_EXAMPLE = 'L201234567890';

export type UpnRule = '1510' | '1530' | '1540' | '1550' | 'format';
export type UpnValidation = { ok: true; upn: string } | { ok: false; rule: UpnRule; message: string };

// Rule 1530 rejects a UPN whose characters 2–4 are not an LA or pseudo-LA code the DfE recognises.
export function isUpnLaCode(code: string): boolean {
  return UPN_LA_CODES.has(code);
}

// The DfE check letter catches every single-digit typo (weights 2–13 are invertible mod 23); undefined unless given exactly 12 digits.
export function upnCheckLetter(twelveChars: string): string | undefined {
  if (!/^\d{12}$/.test(twelveChars)) return undefined;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += (twelveChars.charCodeAt(i) - 48) * (i + 2);
  return UPN_CHECK_LETTERS[sum % 23];
}

// UPNs are copied from school letters in any case and with stray spaces; the census wants them uppercase.
export function normaliseUpn(input: string): string {
  return asciiUpper(input.trim());
}

// Validate as the CIN census does, so a bad UPN is caught on the form rather than months later in the return.
export function validateUpn(input: string): UpnValidation {
  const upn = normaliseUpn(input);
  if (upn === '') return { ok: false, rule: 'format', message: 'Enter a UPN' };
  if (upn.length !== 13) return { ok: false, rule: 'format', message: 'The UPN must be 13 characters' };
  if (!/^[A-Z]/.test(upn)) {
    return { ok: false, rule: 'format', message: `Enter a UPN in the correct format, like ${UPN_EXAMPLE}` };
  }
  if (!isUpnLaCode(upn.slice(1, 4))) {
    return {
      ok: false,
      rule: '1530',
      message: 'Characters 2 to 4 of the UPN must be a local authority number, like 201 – check the UPN',
    };
  }
  if (!/^\d{8}$/.test(upn.slice(4, 12))) {
    return { ok: false, rule: '1540', message: 'Characters 5 to 12 of the UPN must be numbers' };
  }
  if (!/^[0-9A-HJ-NP-RT-Z]$/.test(upn.slice(12))) {
    return {
      ok: false,
      rule: '1550',
      message: 'The last character of the UPN must be a number, or a letter other than I, O or S',
    };
  }
  const expected = upnCheckLetter(upn.slice(1));
  if (expected !== undefined && expected !== upn[0]) {
    return { ok: false, rule: '1510', message: 'The UPN’s check letter is wrong – check the UPN' };
  }
  return { ok: true, upn };
}

// Synthetic children need UPNs that pass the census rules; there is no reserved test range, so keep them out of real returns.
export function syntheticUpn(laCode: string, n: number): string {
  if (!isUpnLaCode(laCode)) throw new RangeError(`not a UPN LA code: ${laCode}`);
  assertIndex(n, 'n');
  // Characters 5–7 look like the start of a DfE establishment number (200–799); 8–13 are n's last six digits.
  const school = String(200 + (Math.floor(n / 1_000_000) % 600));
  const serial = String(n % 1_000_000).padStart(6, '0');
  const twelve = `${laCode}${school}${serial}`;
  const letter = upnCheckLetter(twelve);
  if (letter === undefined) throw new Error('unreachable: synthetic UPN body is always 12 digits');
  return `${letter}${twelve}`;
}

// ---------------------------------------------------------------------------
// UK postcode (format only: a well-formed postcode may still not exist)
// ---------------------------------------------------------------------------

// Outward code A9, A99, A9A, AA9, AA99 or AA9A; inward code a digit then two letters.
const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;

// Addresses are matched and grouped by postcode, so "db1  4xy" and "DB14XY" must be stored the same way: "DB1 4XY".
export function normalisePostcode(input: string): string | undefined {
  const match = POSTCODE.exec(asciiUpper(input.replace(/\s/g, '')));
  return match ? `${match[1] ?? ''} ${match[2] ?? ''}` : undefined;
}

// Catches typos on the form; whether the postcode actually exists needs a lookup, which this module must not do.
export function isValidPostcodeFormat(input: string): boolean {
  return normalisePostcode(input) !== undefined;
}

// The outward code (district) is coarse enough to report or match on without pinpointing a child's home.
export function postcodeOutward(input: string): string | undefined {
  return normalisePostcode(input)?.split(' ')[0];
}
