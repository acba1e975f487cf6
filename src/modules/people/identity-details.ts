import type { Relationship } from '../../platform/access/policy.ts';
import type { Principal } from '../../platform/auth/service.ts';
import * as repo from './repository.ts';
import { maySeeIdentityDetail, type StoredIdentityDetail } from './identity.ts';
import { IDENTITY_DETAIL_KINDS, type IdentityDetailKind, type IdentitySharing } from './tables.ts';
import type { PeopleCore } from './open-record.ts';

/** One detail as the worker entered it: a value and who may see it, or nothing (removed). */
export type IdentityDetailInput = { value: string; sharedWith: IdentitySharing } | null;

export interface IdentityForm {
  /** The record's version when the form was opened: a stale save is a conflict, never an overwrite. */
  version: number;
  details: Partial<Record<IdentityDetailKind, IdentityDetailInput>>;
}

/** A save from a version someone else has already moved on from. */
class StaleSave extends Error {}

/**
 * Of a child's identity details, those a worker may change: the ones the child shares with
 * them (with their current values) and the kinds not yet recorded. A detail the worker may not
 * see is neither shown nor offered, so their save can never overwrite it.
 */
function editableIdentity(stored: readonly StoredIdentityDetail[], userId: string, relationships: readonly Relationship[]) {
  const offered = IDENTITY_DETAIL_KINDS.filter((kind) => {
    const d = stored.find((s) => s.kind === kind);
    return !d || maySeeIdentityDetail(d, { userId, relationships });
  });
  const values = Object.fromEntries(offered.flatMap((kind) => {
    const d = stored.find((s) => s.kind === kind);
    return d ? [[kind, d.value], [`${kind}-shared`, d.sharedWith]] : [];
  })) as Record<string, string>;
  return { offered, values };
}

/** What the child wants people to know (their name, pronouns, identity), said once: read for editing and saved. */
export function createIdentityDetails({ clock, withRecord }: PeopleCore) {
  /**
   * The details the child asked to be said once, as this worker may change them: those the
   * child shares with them, and those not yet recorded. Opening the form is audited.
   */
  async function identityForEditing(principal: Principal, personId: string) {
    const { person, details } = await withRecord(
      principal,
      personId,
      'record.edit',
      async (tx, _person, relationships) => ({ details: editableIdentity(await repo.identityDetails(tx, personId), principal.userId, relationships) }),
      'identity_details_form_viewed',
    );
    return { id: person.id, name: `${person.givenNames} ${person.familyName}`, version: person.version, ...details };
  }

  return {
    identityForEditing,

    /**
     * Saves the details a worker may change, from the version they saw. A stale save changes
     * nothing and comes back as a conflict with the details as they are now.
     */
    async saveIdentity(principal: Principal, personId: string, form: IdentityForm): Promise<{ saved: true } | { conflict: Awaited<ReturnType<typeof identityForEditing>> }> {
      try {
        await withRecord(
          principal,
          personId,
          'record.edit',
          async (tx, _person, relationships) => {
            if (!(await repo.bumpPersonVersion(tx, personId, form.version, clock.now()))) throw new StaleSave();
            const { offered } = editableIdentity(await repo.identityDetails(tx, personId), principal.userId, relationships);
            for (const kind of offered) {
              const detail = form.details[kind];
              if (detail === undefined) continue;
              if (detail === null) await repo.deleteIdentityDetail(tx, personId, kind);
              else {
                await repo.upsertIdentityDetail(tx, {
                  personId,
                  laCode: principal.laCode,
                  kind,
                  value: detail.value,
                  sharedWith: detail.sharedWith,
                  toldTo: principal.userId,
                  toldToName: principal.displayName,
                  recordedAt: clock.now(),
                });
              }
            }
          },
          'identity_details_changed',
        );
        return { saved: true };
      } catch (error) {
        if (!(error instanceof StaleSave)) throw error;
        return { conflict: await identityForEditing(principal, personId) };
      }
    },
  };
}
