import type { AuditService } from '../../platform/audit/service.ts';
import { can } from '../../platform/access/policy.ts';
import { actorOf, type Principal } from '../../platform/auth/service.ts';
import type { Database } from '../../platform/db/client.ts';
import { forbidden } from '../../platform/web/errors.ts';
import * as repo from './repository.ts';
import type { SearchInput } from './search-form.ts';

/** One search result, cut to what this user may see of it. */
export type SearchResult =
  | {
      kind: 'visible';
      id: string;
      name: string;
      legalName: string | undefined;
      dateOfBirth: string | null;
      expectedDateOfBirth: string | null;
      sex: string | null;
      /** Null when the child's location is withheld (never sent to the page). */
      postcode: string | null;
      locationWithheld: boolean;
      restricted: boolean;
    }
  /** A restricted record this user is not on the list for: it exists, and whom to ask. Nothing else. */
  | { kind: 'restricted'; contact: string };

export function createPeopleService(database: Database, audit: AuditService) {
  return {
    async search(principal: Principal, criteria: SearchInput): Promise<SearchResult[]> {
      if (!can(principal, 'people.search')) throw forbidden();
      return database.tenant(principal.laCode, async (tx) => {
        const rows = await repo.searchPeople(tx, principal.laCode, criteria);
        const protectedIds = rows.filter((r) => r.recordKind !== 'ordinary').map((r) => r.id);
        const listed = await repo.accessListed(tx, principal.userId, protectedIds);
        const results: SearchResult[] = [];
        for (const r of rows) {
          const onList = listed.has(r.id);
          // Sealed (adoption) records never appear to anyone outside their list: not even that they exist.
          if (r.recordKind === 'sealed' && !onList) continue;
          if (r.recordKind === 'restricted' && !onList) {
            results.push({ kind: 'restricted', contact: 'the Head of Service for Children’s Social Care' });
            continue;
          }
          const legal = `${r.givenNames} ${r.familyName}`;
          results.push({
            kind: 'visible',
            id: r.id,
            name: r.preferredName ? `${r.preferredName} ${r.familyName}` : legal,
            legalName: r.preferredName ? legal : undefined,
            dateOfBirth: r.dateOfBirth,
            expectedDateOfBirth: r.expectedDateOfBirth,
            sex: r.sex,
            postcode: r.locationWithheld ? null : r.postcode,
            locationWithheld: r.locationWithheld,
            restricted: r.recordKind !== 'ordinary',
          });
        }
        // Who searched, for what kind of thing, and how much they saw: never the words searched for.
        await audit.record(tx, {
          laCode: principal.laCode,
          actor: actorOf(principal),
          action: 'people_searched',
          outcome: 'success',
          details: { by: Object.keys(criteria), results: results.length },
        });
        return results;
      });
    },
  };
}
