import { describe, expect, it } from 'vitest';
import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  LOCKOUT_MS,
  MAX_FAILED_ATTEMPTS,
  afterFailure,
  isLocked,
  sessionState,
} from '../../src/platform/auth/session-rules.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = new Date('2026-03-03T09:00:00.000Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('the timeouts', () => {
  it('are 30 minutes idle, 12 hours absolute, 5 failures, 15 minutes locked', () => {
    expect(IDLE_TIMEOUT_MS).toBe(30 * MINUTE);
    expect(ABSOLUTE_TIMEOUT_MS).toBe(12 * HOUR);
    expect(MAX_FAILED_ATTEMPTS).toBe(5);
    expect(LOCKOUT_MS).toBe(15 * MINUTE);
  });
});

describe('sessionState', () => {
  const fresh = { createdAt: start, lastSeenAt: start, endedAt: null };

  it('is active straight after sign-in', () => {
    expect(sessionState(fresh, start)).toBe('active');
  });

  it('is active one millisecond short of 30 minutes idle', () => {
    expect(sessionState(fresh, at(30 * MINUTE - 1))).toBe('active');
  });

  it('is idle at exactly 30 minutes since last seen', () => {
    expect(sessionState(fresh, at(30 * MINUTE))).toBe('idle');
    expect(sessionState(fresh, at(2 * HOUR))).toBe('idle');
  });

  it('measures idleness from lastSeenAt, not createdAt', () => {
    const session = { createdAt: start, lastSeenAt: at(2 * HOUR), endedAt: null };
    expect(sessionState(session, at(2 * HOUR + 29 * MINUTE))).toBe('active');
    expect(sessionState(session, at(2 * HOUR + 30 * MINUTE))).toBe('idle');
  });

  it('expires 12 hours after sign-in even if seen a moment ago', () => {
    const busy = { createdAt: start, lastSeenAt: at(12 * HOUR - 1), endedAt: null };
    expect(sessionState(busy, at(12 * HOUR - 1))).toBe('active');
    expect(sessionState(busy, at(12 * HOUR))).toBe('expired');
  });

  it('reports expired rather than idle when both apply', () => {
    expect(sessionState(fresh, at(13 * HOUR))).toBe('expired');
  });

  it('reports ended over everything else', () => {
    expect(sessionState({ ...fresh, endedAt: at(MINUTE) }, at(2 * MINUTE))).toBe('ended');
    expect(sessionState({ ...fresh, endedAt: at(MINUTE) }, at(45 * MINUTE))).toBe('ended');
    expect(sessionState({ ...fresh, endedAt: at(MINUTE) }, at(24 * HOUR))).toBe('ended');
  });
});

describe('lockout', () => {
  it('counts failures up and does not lock before the fifth', () => {
    let account: { failedAttempts: number; lockedUntil: Date | null } = { failedAttempts: 0, lockedUntil: null };
    for (let n = 1; n < MAX_FAILED_ATTEMPTS; n++) {
      account = afterFailure(account, at(n * 1000));
      expect(account).toEqual({ failedAttempts: n, lockedUntil: null });
      expect(isLocked(account, at(n * 1000))).toBe(false);
    }
  });

  it('locks on the fifth failure for 15 minutes from that failure', () => {
    const now = at(10 * MINUTE);
    const result = afterFailure({ failedAttempts: 4, lockedUntil: null }, now);
    expect(result.failedAttempts).toBe(5);
    expect(result.lockedUntil).toEqual(at(25 * MINUTE));
    expect(isLocked(result, now)).toBe(true);
  });

  it('a further failure while locked keeps counting and extends the lock', () => {
    const lockedUntil = at(15 * MINUTE);
    const result = afterFailure({ failedAttempts: 5, lockedUntil }, at(5 * MINUTE));
    expect(result.failedAttempts).toBe(6);
    expect(result.lockedUntil).toEqual(at(20 * MINUTE));
  });

  it('a lock that has run out starts the count again', () => {
    const lockedUntil = at(15 * MINUTE);
    expect(afterFailure({ failedAttempts: 5, lockedUntil }, at(15 * MINUTE))).toEqual({ failedAttempts: 1, lockedUntil: null });
    expect(afterFailure({ failedAttempts: 7, lockedUntil }, at(HOUR))).toEqual({ failedAttempts: 1, lockedUntil: null });
  });

  it('a lock one millisecond from running out does not restart the count', () => {
    const lockedUntil = at(15 * MINUTE);
    const result = afterFailure({ failedAttempts: 5, lockedUntil }, at(15 * MINUTE - 1));
    expect(result.failedAttempts).toBe(6);
    expect(result.lockedUntil).not.toBeNull();
  });

  it('isLocked: locked strictly before lockedUntil, unlocked at and after it, never without one', () => {
    const account = { lockedUntil: at(15 * MINUTE) };
    expect(isLocked(account, start)).toBe(true);
    expect(isLocked(account, at(15 * MINUTE - 1))).toBe(true);
    expect(isLocked(account, at(15 * MINUTE))).toBe(false);
    expect(isLocked(account, at(16 * MINUTE))).toBe(false);
    expect(isLocked({ lockedUntil: null }, start)).toBe(false);
  });
});
