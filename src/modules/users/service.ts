import type { Database } from '../../platform/db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { can } from '../../platform/access/policy.ts';
import { actorOf, type Principal } from '../../platform/auth/service.ts';
import * as repo from '../../platform/auth/repository.ts';
import { forbidden, notFound } from '../../platform/web/errors.ts';

/** Account administration within the administrator's own authority. */
export function createUserAdminService(database: Database, audit: AuditService, clock: Clock) {
  async function accountInMyAuthority(principal: Principal, userId: string) {
    const row = await repo.findAccountById(database.db, userId);
    // Another authority's account is "not found", never "forbidden": no cross-tenant enumeration.
    if (!row || row.account.laCode !== principal.laCode) throw notFound();
    return row;
  }

  const CHANGES = {
    // Deactivation ends every session at once (ASVS 7.4.2), not at the next sign-in.
    deactivate: { action: 'user_deactivated', fields: (now: Date) => ({ active: false, deactivatedAt: now }), endSessions: true },
    reactivate: { action: 'user_reactivated', fields: () => ({ active: true, deactivatedAt: null, failedAttempts: 0, lockedUntil: null }), endSessions: false },
    unlock: { action: 'user_unlocked', fields: () => ({ failedAttempts: 0, lockedUntil: null }), endSessions: false },
  } as const;

  async function change(principal: Principal, userId: string, kind: keyof typeof CHANGES) {
    if (!can(principal, 'users.manage')) throw forbidden();
    const row = await accountInMyAuthority(principal, userId);
    if (row.account.id === principal.userId) throw forbidden(); // nobody locks themselves out
    const now = clock.now();
    const { action, fields, endSessions } = CHANGES[kind];
    await database.tenant(principal.laCode, async (tx) => {
      await repo.updateAccount(tx, userId, fields(now));
      if (endSessions) await repo.endSessionsForUser(tx, userId, now, 'deactivated');
      await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action, outcome: 'success', details: { userId } });
    });
  }

  return {
    async list(principal: Principal) {
      if (!can(principal, 'users.view')) throw forbidden();
      return repo.listAccounts(database.db, principal.laCode);
    },
    async get(principal: Principal, userId: string) {
      if (!can(principal, 'users.view')) throw forbidden();
      return accountInMyAuthority(principal, userId);
    },
    deactivate: (principal: Principal, userId: string) => change(principal, userId, 'deactivate'),
    reactivate: (principal: Principal, userId: string) => change(principal, userId, 'reactivate'),
    unlock: (principal: Principal, userId: string) => change(principal, userId, 'unlock'),
  };
}
