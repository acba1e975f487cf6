import type { Permission } from '../access/permissions.ts';
import { can, type Relationship } from '../access/policy.ts';
import type { Principal } from '../auth/service.ts';

interface NavItem {
  text: string;
  href: string;
  permission: Permission;
  /** The relationship the item is for (a partner's list of shares), when it is not 'any'. */
  relationship?: Relationship;
}

/** Service navigation: each item shows only to those the policy lets use it. */
const ITEMS: readonly NavItem[] = [
  { text: 'My work', href: '/', permission: 'work.own.view' },
  { text: 'Front door', href: '/front-door', permission: 'requests.triage' },
  { text: 'Strategy discussions', href: '/child-protection', permission: 'cp.strategy' },
  { text: 'Harm outside the home', href: '/contexts', permission: 'contexts.manage' },
  { text: 'Team', href: '/team', permission: 'team.view' },
  { text: 'Find a person', href: '/people', permission: 'people.search' },
  { text: 'Ask for help for a child', href: '/my-requests', permission: 'requests.submit' },
  { text: 'Shared with you', href: '/shared', permission: 'shares.view', relationship: 'shared' },
  { text: 'Returns', href: '/returns', permission: 'returns.view' },
  { text: 'Users', href: '/users', permission: 'users.view' },
  { text: 'Access reviews', href: '/access-reviews', permission: 'access_reviews.manage' },
  { text: 'Record access', href: '/record-access', permission: 'record.seal' },
  { text: 'Audit trail', href: '/audit', permission: 'audit.view' },
];

export function navigationFor(principal: Principal, url: string) {
  const path = url.split('?')[0] ?? '/';
  return ITEMS.filter((item) => can(principal, item.permission, item.relationship ? { relationships: [item.relationship] } : undefined)).map((item) => ({
    text: item.text,
    href: item.href,
    current: path === item.href,
    active: item.href === '/' ? path === '/' : path.startsWith(item.href),
  }));
}
