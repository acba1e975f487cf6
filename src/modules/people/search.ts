import { randomUUID } from 'node:crypto';
import { can, knowableFor } from '../../platform/access/policy.ts';
import { listedAmong } from './named-only.ts';
import { actorOf, type Principal } from '../../platform/auth/service.ts';
import { forbidden } from '../../platform/web/errors.ts';
import * as repo from './repository.ts';
import type { PeopleCore } from './open-record.ts';

/** What a search looks for: a name, a date of birth, an NHS number or UPN, a postcode (any of them). */
export type SearchInput = repo.SearchCriteria;

/** A new person as the form gave them: a date of birth, or the expected date of birth of a baby not yet born. */
export interface NewPerson {
  givenNames: string;
  familyName: string;
  preferredName: string | undefined;
  dateOfBirth: string | undefined;
  expectedDateOfBirth: string | undefined;
  sex: 'M' | 'F' | 'U';
  nhsNumber: string | undefined;
  /** The user has seen the likely duplicates and said none of them is this person. */
  confirmed: boolean;
}

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
      /** How closely the name matched what was typed, 0–1 (trigram similarity): for saying why it matched. */
      nameSimilarity: number;
    }
  /** A restricted record this user is not on the list for: it exists, and whom to ask. Nothing else. */
  | { kind: 'restricted'; contact: string };

/** Finding people, and adding a new one once nobody found is them. */
export function createSearch({ database, audit, clock, today }: PeopleCore) {
  return {
    async search(principal: Principal, criteria: SearchInput): Promise<SearchResult[]> {
      if (!can(principal, 'people.search')) throw forbidden();
      return database.tenant(principal.laCode, async (tx) => {
        const rows = await repo.searchPeople(tx, principal.laCode, criteria);
        const listed = await listedAmong(tx, principal, rows);
        const results: SearchResult[] = [];
        for (const r of rows) {
          const known = knowableFor(principal, 'people.search', r.recordKind, listed.has(r.id));
          // Sealed (adoption) records never appear to anyone outside their list: not even that they exist.
          if (known === 'nothing') continue;
          if (known === 'exists') {
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
            nameSimilarity: r.similarity,
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

    /**
     * Records a new person. Until the user has seen the likely duplicates and said none of them
     * is this person, nothing is created and the candidates come back instead.
     */
    async create(principal: Principal, input: NewPerson): Promise<{ created: string } | { candidates: SearchResult[] }> {
      if (!can(principal, 'people.create')) throw forbidden();
      if (!input.confirmed) {
        const candidates = (await this.search(principal, {
          name: `${input.givenNames} ${input.familyName}${input.preferredName ? ` ${input.preferredName}` : ''}`,
          ...(input.dateOfBirth ? { dateOfBirth: input.dateOfBirth } : {}),
        })).slice(0, 5);
        const byNhs = input.nhsNumber ? await this.search(principal, { nhsNumber: input.nhsNumber }) : [];
        const all = [...byNhs, ...candidates.filter((c) => c.kind === 'restricted' || !byNhs.some((b) => b.kind === 'visible' && b.id === c.id))];
        if (all.length > 0) return { candidates: all };
      }
      const id = randomUUID();
      await database.tenant(principal.laCode, async (tx) => {
        await repo.insertPerson(tx, {
          id,
          laCode: principal.laCode,
          laPersonId: await repo.nextLaPersonId(tx, principal.laCode, 'DB'),
          givenNames: input.givenNames,
          familyName: input.familyName,
          dateOfBirth: input.dateOfBirth ?? null,
          expectedDateOfBirth: input.expectedDateOfBirth ?? null,
          sex: input.sex,
          nhsNumber: input.nhsNumber ?? null,
          disabilities: [],
        });
        if (input.preferredName) {
          // Said once, shared with everyone: the usual wish; the child can narrow it from their record.
          await repo.upsertIdentityDetail(tx, {
            personId: id,
            laCode: principal.laCode,
            kind: 'preferred_name',
            value: input.preferredName,
            sharedWith: 'everyone',
            toldTo: principal.userId,
            toldToName: principal.displayName,
            recordedAt: clock.now(),
          });
        }
        // The person who recorded them is their duty worker until a case allocates someone.
        await repo.insertAllocations(tx, [{ id: randomUUID(), personId: id, userId: principal.userId, laCode: principal.laCode, capacity: 'Duty worker', fromDate: today() }]);
        await audit.record(tx, { laCode: principal.laCode, actor: actorOf(principal), action: 'person_created', outcome: 'success', childId: id, details: { checkedDuplicates: true } });
      });
      return { created: id };
    },
  };
}
