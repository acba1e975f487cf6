/**
 * Session lifetimes for staff (reference/security.md §9.3; ASVS 7.3.1/7.3.2 after NIST 800-63B).
 * Kept as code, not configuration: they are part of the security case, not a deployment choice.
 */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

/** Failed sign-ins allowed within the window before the account locks, and for how long. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** last_seen_at is written at most this often, so every request does not become a write. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionState = 'active' | 'ended' | 'idle' | 'expired';

export function sessionState(
  session: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null },
  now: Date,
): SessionState {
  if (session.endedAt) return 'ended';
  if (now.getTime() - session.createdAt.getTime() >= ABSOLUTE_TIMEOUT_MS) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return 'idle';
  return 'active';
}

export function isLocked(account: { lockedUntil: Date | null }, now: Date): boolean {
  return account.lockedUntil !== null && account.lockedUntil.getTime() > now.getTime();
}

/** After a failed attempt: how many failures now count, and whether the account locks. */
export function afterFailure(account: { failedAttempts: number; lockedUntil: Date | null }, now: Date) {
  // A lock that has run out starts the count again.
  const previous = account.lockedUntil && account.lockedUntil.getTime() <= now.getTime() ? 0 : account.failedAttempts;
  const failedAttempts = previous + 1;
  const lockedUntil = failedAttempts >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCKOUT_MS) : null;
  return { failedAttempts, lockedUntil };
}
