import type { Relationship } from '../../platform/access/policy.ts';
import type { IdentityDetailKind, IdentitySharing } from './tables.ts';

/** What each detail is called on the page. */
export const IDENTITY_DETAIL_LABELS: Record<IdentityDetailKind, string> = {
  preferred_name: 'Name they use',
  pronouns: 'Pronouns',
  gender_identity: 'Gender identity',
  sexual_orientation: 'Sexual orientation',
};

/** The child's choice, as the form offers it to the worker they are telling. */
export const IDENTITY_SHARING_CHOICES: Record<IdentitySharing, string> = {
  everyone: 'Everyone working with them',
  allocated: 'Only their allocated workers',
  told: 'Only me, the worker they told',
};

export interface StoredIdentityDetail {
  kind: IdentityDetailKind;
  value: string;
  sharedWith: IdentitySharing;
  toldTo: string | null;
  toldToName: string | null;
}

/**
 * Whether this viewer may see a detail, as the child chose: everyone who may open the record;
 * only workers allocated to the child (not their manager, not emergency access); or only the
 * worker the child told.
 */
export function maySeeIdentityDetail(detail: Pick<StoredIdentityDetail, 'sharedWith' | 'toldTo'>, viewer: { userId: string; relationships: readonly Relationship[] }): boolean {
  switch (detail.sharedWith) {
    case 'everyone':
      return true;
    case 'allocated':
      return viewer.relationships.includes('allocated');
    case 'told':
      return detail.toldTo === viewer.userId;
  }
}

/** "Shared with …" beside a detail on the record, for the few who see it. */
export function describeSharing(detail: Pick<StoredIdentityDetail, 'sharedWith' | 'toldToName'>): string {
  switch (detail.sharedWith) {
    case 'everyone':
      return 'Everyone working with them';
    case 'allocated':
      return 'Only their allocated workers';
    case 'told':
      return `Only ${detail.toldToName ?? 'the worker they told'}`;
  }
}
