import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// algorithm 2 is Argon2id (a const enum in the package's types, so written as its value here).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash to verify against when the username is unknown, so timing does not reveal which accounts exist. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  const target = stored ?? (await (decoy ??= hashPassword('decoy password never matches')));
  try {
    const ok = await verify(target, password);
    return ok && stored !== null && stored !== undefined;
  } catch {
    return false;
  }
}

/** A password an administrator sets must be at least this long (NCSC, ASVS 2.1.1), and at most this. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A new password to give someone once: four groups of five characters from a 31-character
 * alphabet, chosen uniformly (about 99 bits), easy to read out and to type.
 */
export function generatePassword(): string {
  const chars = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** What is wrong with a password an administrator typed for someone, in plain English, or undefined. */
export function passwordProblem(password: string, username: string | undefined): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  if (/[\u0000-\u001f\u007f]/.test(password)) return 'The password must only include letters, numbers, spaces and punctuation';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'The password must not include the username';
  if (new Set(password).size < 5) return 'The password must not be the same few characters repeated';
  return undefined;
}
