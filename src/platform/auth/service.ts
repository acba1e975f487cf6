import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database, Tx } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import type { AuditService, Actor } from '../audit/service.ts';
import { NOBODY } from '../audit/service.ts';
import { isRole, type Role } from '../access/roles.ts';
import { ensureOrganisation, findAuthority } from '../tenancy/repository.ts';
import { verifyPassword } from './passwords.ts';
import * as repo from './repository.ts';
import { afterFailure, isLocked, sessionState, TOUCH_INTERVAL_MS, type SessionState } from './session-rules.ts';

/** The signed-in user, as every route and policy sees them. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  laCode: string;
  organisation: string;
  /** SHA-256 of the session token: identifies the session without being able to replay it. */
  sessionHash: string;
}

export type SignInResult =
  | { ok: true; token: string; principal: Principal }
  | { ok: false; reason: 'invalid' | 'locked' | 'no_role' };

export type ResumeResult = { ok: true; principal: Principal } | { ok: false; state: Exclude<SessionState, 'active'> | 'unknown' | 'deactivated' };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function actorOf(principal: Principal): Actor {
  return { userId: principal.userId, username: principal.username, role: principal.role, organisation: principal.organisation };
}

type AccountRow = Pick<NonNullable<Awaited<ReturnType<typeof repo.findAccountByUsername>>>, 'account' | 'organisationName'>;

function principalOf(row: AccountRow, sessionHash: string): Principal | undefined {
  const { account } = row;
  if (!isRole(account.role)) return undefined;
  return {
    userId: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    laCode: account.laCode,
    organisation: row.organisationName,
    sessionHash,
  };
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  username: string;
  displayName: string;
  groups: readonly string[];
}

export function createAuthService(database: Database, audit: AuditService, clock: Clock) {
  /**
   * Opens a new session (a new id at every sign-in) and records the sign-in, in the caller's
   * transaction. Refuses an account locked since its password was checked.
   */
  async function openSession(tx: Tx, row: AccountRow, method: string): Promise<SignInResult> {
    const principalWithoutSession = principalOf(row, '');
    if (!principalWithoutSession) return { ok: false, reason: 'no_role' };
    const now = clock.now();
    const fresh = await repo.lockAccount(tx, row.account.id);
    if (!fresh?.active) return { ok: false, reason: 'invalid' };
    if (isLocked(fresh, now)) return { ok: false, reason: 'locked' };
    const token = randomBytes(32).toString('base64url');
    const principal = { ...principalWithoutSession, sessionHash: hashToken(token) };
    await repo.updateAccount(tx, row.account.id, { failedAttempts: 0, lockedUntil: null, lastSignInAt: now });
    await repo.insertSession(tx, { tokenHash: principal.sessionHash, userId: row.account.id, createdAt: now, lastSeenAt: now });
    await audit.record(tx, { laCode: row.account.laCode, actor: actorOf(principal), action: 'sign_in', outcome: 'success', details: { method } });
    return { ok: true, token, principal };
  }

  return {
    async signIn(username: string, password: string): Promise<SignInResult> {
      const row = await repo.findCredentials(database.db, username.trim().toLowerCase());
      const passwordOk = await verifyPassword(row?.account.passwordHash, password);
      if (!row) return { ok: false, reason: 'invalid' };
      const { account } = row;
      const actor: Actor = { ...NOBODY, userId: account.id, username: account.username };

      return database.tenant(account.laCode, async (tx) => {
        // Read the counters under a row lock: parallel guesses are each counted.
        const fresh = await repo.lockAccount(tx, account.id);
        const now = clock.now();
        const refuse = async (outcome: 'denied' | 'failure', details: Record<string, unknown>) =>
          audit.record(tx, { laCode: account.laCode, actor, action: 'sign_in', outcome, details: { method: 'password', ...details } });
        if (!fresh?.active) {
          await refuse('denied', { reason: 'deactivated' });
          return { ok: false, reason: 'invalid' } as const;
        }
        if (isLocked(fresh, now)) {
          await refuse('denied', { reason: 'locked' });
          return { ok: false, reason: 'locked' } as const;
        }
        if (!passwordOk) {
          const next = afterFailure(fresh, now);
          await repo.updateAccount(tx, account.id, next);
          await refuse('failure', { reason: 'wrong_password', failedAttempts: next.failedAttempts, locked: next.lockedUntil !== null });
          return { ok: false, reason: next.lockedUntil ? 'locked' : 'invalid' } as const;
        }
        return openSession(tx, row, 'password');
      });
    },

    /**
     * Signs in a user the identity provider vouched for. The account is created on first sign-in
     * and its role follows the provider's groups every time; a user who has lost every mapped
     * group is refused and their sessions end. All in one audited transaction.
     */
    async signInWithOidc(
      identity: OidcIdentity,
      settings: { laCode: string; organisation: string | undefined; roleMap: Map<string, Role> },
    ): Promise<SignInResult> {
      const authority = await findAuthority(database.db, settings.laCode);
      if (!authority) throw new Error(`OIDC_AUTHORITY ${settings.laCode} is not an authority in this database`);
      // The first mapping the user's groups match wins: the order of OIDC_ROLE_MAP decides, not the provider's.
      const role = [...settings.roleMap].find(([group]) => identity.groups.includes(group))?.[1];
      const orgName = settings.organisation ?? authority.name;

      return database.tenant(settings.laCode, async (tx) => {
        const existing = await repo.findAccountByOidcSubject(tx, identity.issuer, identity.subject);
        const username = existing?.username ?? identity.username.toLowerCase();
        const actor: Actor = { ...NOBODY, userId: existing?.id ?? null, username };
        const refuse = async (reason: string, result: 'invalid' | 'no_role'): Promise<SignInResult> => {
          await audit.record(tx, { laCode: settings.laCode, actor, action: 'sign_in', outcome: 'denied', details: { method: 'oidc', reason } });
          return { ok: false, reason: result };
        };

        if (existing && existing.laCode !== settings.laCode) return refuse('other_authority', 'invalid');
        if (!role) {
          if (existing) await repo.endSessionsForUser(tx, existing.id, clock.now(), 'no_mapped_group');
          return refuse('no_mapped_group', 'no_role');
        }
        if (existing && !existing.active) return refuse('deactivated', 'invalid');

        const org = await ensureOrganisation(tx, { id: randomUUID(), laCode: settings.laCode, name: orgName, kind: 'local_authority' });

        if (existing) {
          if (existing.role !== role || existing.organisationId !== org.id || existing.displayName !== identity.displayName) {
            await repo.updateAccount(tx, existing.id, { role, displayName: identity.displayName, organisationId: org.id });
            await audit.record(tx, {
              laCode: settings.laCode,
              actor,
              action: 'user_changed_by_identity_provider',
              outcome: 'success',
              details: { userId: existing.id, roleFrom: existing.role, roleTo: role },
            });
          }
        } else {
          const id = randomUUID();
          const created = await repo.insertAccount(tx, {
            id,
            laCode: settings.laCode,
            organisationId: org.id,
            username,
            displayName: identity.displayName,
            role,
            oidcIssuer: identity.issuer,
            oidcSubject: identity.subject,
          });
          // Taken by a password account, or by this same person signing in twice at once.
          if (!created) return refuse('username_taken', 'invalid');
          await audit.record(tx, { laCode: settings.laCode, actor: { ...actor, userId: id }, action: 'user_provisioned', outcome: 'success', details: { userId: id, role } });
        }
        const row = await repo.findAccountByUsername(tx, username);
        if (!row) throw new Error('Account vanished during single sign-on');
        return openSession(tx, row, 'oidc');
      });
    },

    /** Checks a session on every request: ended, idle or expired sessions and deactivated accounts stop here. */
    async resume(token: string): Promise<ResumeResult> {
      const tokenHash = hashToken(token);
      const row = await repo.findSession(database.db, tokenHash);
      if (!row) return { ok: false, state: 'unknown' };
      const now = clock.now();
      const state = sessionState(row.session, now);
      if (state !== 'active') {
        if (state !== 'ended') await repo.endSession(database.db, tokenHash, now, state);
        return { ok: false, state };
      }
      if (!row.account.active) {
        await repo.endSession(database.db, tokenHash, now, 'deactivated');
        return { ok: false, state: 'deactivated' };
      }
      const principal = principalOf(row, tokenHash);
      if (!principal) return { ok: false, state: 'unknown' };
      if (now.getTime() - row.session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
        await repo.touchSession(database.db, tokenHash, now);
      }
      return { ok: true, principal };
    },

    async signOut(principal: Principal): Promise<void> {
      await database.tenant(principal.laCode, async (tx) => {
        await repo.endSession(tx, principal.sessionHash, clock.now(), 'signed_out');
        await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'sign_out', outcome: 'success' });
      });
    },

    /** Ends an abandoned session without an audit actor (a cookie replaced by a new sign-in). */
    async discardSession(token: string): Promise<void> {
      await repo.endSession(database.db, hashToken(token), clock.now(), 'replaced');
    },
  };
}

/**
 * A named, active user acting from the command line (an import run by the data team): their role
 * decides what they may do, exactly as when signed in, but there is no session.
 */
export async function commandLinePrincipal(database: Database, username: string): Promise<Principal | undefined> {
  const row = await repo.findAccountByUsername(database.db, username.trim().toLowerCase());
  return row?.account.active ? principalOf(row, 'command-line') : undefined;
}

/**
 * An authority's accounts, for the modules that administer or list them (users; a record's access
 * list): they read and change accounts through here, never through this module's repository.
 */
export const accounts = {
  list: repo.listAccounts,
  findById: repo.findAccountById,
  insert: repo.insertAccount,
  update: repo.updateAccount,
  endSessions: repo.endSessionsForUser,
} as const;
