import { z } from 'zod';
import { CONTROL_CHARACTERS, field, readVersion } from '../../platform/web/form-fields.ts';
import { IDENTITY_DETAIL_LABELS } from './identity.ts';
import { IDENTITY_DETAIL_KINDS, IDENTITY_SHARING, type IdentityDetailKind, type IdentitySharing } from './tables.ts';


/** Each detail as a sentence names it. */
const IN_A_SENTENCE: Record<IdentityDetailKind, string> = {
  preferred_name: 'the name they use',
  pronouns: 'their pronouns',
  gender_identity: 'their gender identity',
  sexual_orientation: 'their sexual orientation',
};

/** One detail as the worker entered it: a value and who may see it, or nothing (removed). */
export type IdentityDetailInput = { value: string; sharedWith: IdentitySharing } | null;

export interface IdentityForm {
  /** The record's version when the form was opened: a stale save is a conflict, never an overwrite. */
  version: number;
  details: Partial<Record<IdentityDetailKind, IdentityDetailInput>>;
}

/**
 * The "what they want people to know" form. Only the kinds the worker was offered (`offered`)
 * are read: a detail the worker may not see is never changed by their save.
 */
export function identityForm(offered: readonly IdentityDetailKind[]) {
  const shape: Record<string, typeof field> = { version: field };
  for (const kind of IDENTITY_DETAIL_KINDS) {
    shape[kind] = field;
    shape[`${kind}-shared`] = field;
  }
  return z.object(shape).transform((form, ctx): IdentityForm => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const version = readVersion(form['version']) ?? 0;
    if (version < 1) problem('version', 'The form has expired: open it again from the record');
    const details: IdentityForm['details'] = {};
    for (const kind of offered) {
      const value = form[kind] ?? '';
      const shared = form[`${kind}-shared`];
      const sharedWith = (IDENTITY_SHARING as readonly string[]).includes(shared ?? '') ? (shared as IdentitySharing) : undefined;
      if (!value) {
        details[kind] = null;
        continue;
      }
      if (value.length > 100) problem(kind, `${IDENTITY_DETAIL_LABELS[kind]} must be 100 characters or fewer`);
      else if (CONTROL_CHARACTERS.test(value)) problem(kind, `${IDENTITY_DETAIL_LABELS[kind]} must only include letters, numbers and punctuation`);
      if (!sharedWith) problem(`${kind}-shared`, `Select who they want to see ${IN_A_SENTENCE[kind]}`);
      details[kind] = { value, sharedWith: sharedWith ?? 'told' };
    }
    return { version, details };
  });
}

export const IDENTITY_FIELDS = ['version', ...IDENTITY_DETAIL_KINDS.flatMap((k) => [k, `${k}-shared`])] as const;
