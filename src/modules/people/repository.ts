import { and, count, desc, eq, gt, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { allocation, breakGlassGrant, household, householdMember, identityDetail, person, personAccess, personAddress, relationship, significantEvent, type IdentityDetailKind } from './tables.ts';
import { insertMany } from '../../platform/db/insert.ts';

export type PersonInsert = typeof person.$inferInsert;
export type HouseholdInsert = typeof household.$inferInsert;
export type HouseholdMemberInsert = typeof householdMember.$inferInsert;
export type AddressInsert = typeof personAddress.$inferInsert;
export type RelationshipInsert = typeof relationship.$inferInsert;
export type IdentityDetailInsert = typeof identityDetail.$inferInsert;

/**
 * Inserts many rows in multi-row statements: one round trip per batch, not per row. Batches
 * stay well under PostgreSQL's 65,535 parameters per statement.
 */
export { insertMany };

export const peopleTables = { person, household, householdMember, personAddress, relationship, identityDetail } as const;

/** Whether the authority holds anyone yet (a synthetic authority is generated only into an empty one). */
export async function countPeople(tx: Executor, laCode: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(person).where(eq(person.laCode, laCode));
  return row?.n ?? 0;
}

/** People alive on a date whose date of birth puts them aged 0–17 then. */
export async function countChildrenAged0to17(tx: Executor, laCode: string, asOf: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(person)
    .where(
      and(
        eq(person.laCode, laCode),
        lte(person.dateOfBirth, asOf),
        gte(person.dateOfBirth, sql`(${asOf}::date - interval '18 years')::date + 1`),
        or(isNull(person.dateOfDeath), gte(person.dateOfDeath, asOf)),
      ),
    );
  return row?.n ?? 0;
}

export async function countRows(tx: Executor, laCode: string) {
  const n = async (table: typeof household | typeof personAddress | typeof relationship) =>
    (await tx.select({ n: count() }).from(table).where(eq(table.laCode, laCode)))[0]?.n ?? 0;
  return { people: await countPeople(tx, laCode), households: await n(household), addresses: await n(personAddress), relationships: await n(relationship) };
}

export interface SearchCriteria {
  /** A name as typed: it is folded here the same way the stored names are. */
  name?: string;
  dateOfBirth?: string;
  nhsNumber?: string;
  upn?: string;
  postcode?: string;
}

export interface SearchRow {
  id: string;
  givenNames: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  sex: string | null;
  recordKind: 'ordinary' | 'restricted' | 'sealed';
  locationWithheld: boolean;
  postcode: string | null;
  /** Every name the person is known by, folded (accents, case and punctuation gone). */
  searchName: string;
  /** Trigram similarity of the whole name to the query, 0–1. */
  similarity: number;
  score: number;
}

/**
 * Ranked candidates. A name finds people by any word of any name they are known by, legal or
 * preferred (hyphenated and double-barrelled names split into words), by sound (Double
 * Metaphone: Mohamed ~ Muhammad) or, failing that, by spelling (trigrams: Olivr ~ Oliver);
 * identifiers match exactly. Ranked by how close the whole name is, with date of birth and
 * postcode as bonuses.
 */
export async function searchPeople(tx: Executor, laCode: string, c: SearchCriteria, limit = 25): Promise<SearchRow[]> {
  if (!c.name) return runSearch(tx, laCode, c, limit, 'sound');
  const folded = await tx.execute(sql`select public.fold_name(${c.name}) as name`);
  const name = (folded as { rows: { name: string }[] }).rows[0]?.name ?? '';
  const criteria = { ...c, name };
  // Fast path: names by sound, through btree indexes. It is enough when the best match is close
  // overall, or has every word typed (a family name alone, a name spelt right).
  const bySound = await runSearch(tx, laCode, criteria, limit, 'sound');
  const best = bySound[0];
  const words = nameWords(name);
  if (best && (best.similarity >= 0.65 || words.every((w) => best.searchName.split(' ').includes(w)))) return bySound;
  // Otherwise compare spellings: each word typed against the authority's few thousand name
  // words, then the people who have the nearest ones, merged with what sound found.
  let bySpelling = await runSearch(tx, laCode, criteria, limit, 'spelling');
  // Nothing at all for two or more words: anyone with a near match for any one of them.
  if (bySound.length === 0 && bySpelling.length === 0 && words.length > 1) bySpelling = await runSearch(tx, laCode, criteria, limit, 'any word');
  const merged = new Map([...bySound, ...bySpelling].map((r) => [r.id, r]));
  return [...merged.values()].sort(byRank).slice(0, limit);
}

/** The words of a folded name worth matching: single letters (initials) are left out, at most six. */
const nameWords = (folded: string) => folded.split(' ').filter((t) => t.length > 1).slice(0, 6);

/** Search order: score, then name, then id so that equal results always come in the same order. */
const byRank = (a: SearchRow, b: SearchRow) =>
  b.score - a.score || a.familyName.localeCompare(b.familyName) || a.givenNames.localeCompare(b.givenNames) || a.id.localeCompare(b.id);

/** How many of the authority's name words a misspelt word may stand for. */
const SPELLINGS_PER_WORD = 8;

async function runSearch(tx: Executor, laCode: string, c: SearchCriteria, limit: number, by: 'sound' | 'spelling' | 'any word'): Promise<SearchRow[]> {
  const searchName = sql`p.search_name`;
  const q = c.name ?? '';
  const tokens = nameWords(q);
  const conditions = [sql`p.la_code = ${laCode}`];
  if (tokens.length > 0) {
    const list = sql.join(tokens.map((t) => sql`${t}`), sql`, `);
    const sounds = sql.join(tokens.map((t) => sql`public.dmetaphone(${t})`), sql`, `);
    conditions.push(
      by === 'sound'
        ? // One word may be either name; with two or more, one must sound like the family name and
          // another like the first name (in either order), which keeps a common name's thousands out.
          tokens.length === 1
          ? sql`(p.family_name_sound in (${sounds}) or p.given_name_sound in (${sounds}))`
          : sql`(p.family_name_sound in (${sounds}) and p.given_name_sound in (${sounds}))`
        : // Each word typed stands for its nearest name words; with two or more words typed, a
          // person must have near matches for at least two of them.
          sql`p.id in (
            select pw.person_id
              from unnest(array[${list}]::text[]) as typed(word)
              cross join lateral (
                select nw.word from name_word nw
                 where nw.la_code = ${laCode}
                   and (nw.word operator(public.%) typed.word
                        -- letters swapped or doubled share few trigrams: an edit distance catches them
                        or public.levenshtein_less_equal(nw.word, typed.word, 2) <= case when length(typed.word) >= 6 then 2 when length(typed.word) >= 4 then 1 else 0 end)
                 order by public.levenshtein_less_equal(nw.word, typed.word, 3), public.similarity(nw.word, typed.word) desc, nw.word
                 limit ${SPELLINGS_PER_WORD}) near
              join person_name_word pw on pw.la_code = ${laCode} and pw.word = near.word
             group by pw.person_id
            having count(distinct typed.word) >= ${by === 'any word' ? 1 : Math.min(2, tokens.length)})`,
    );
  }
  if (c.nhsNumber) conditions.push(sql`p.nhs_number = ${c.nhsNumber}`);
  if (c.upn) conditions.push(sql`p.upn = ${c.upn}`);
  if (c.dateOfBirth && !c.name) conditions.push(sql`(p.date_of_birth = ${c.dateOfBirth} or p.expected_date_of_birth = ${c.dateOfBirth})`);
  // A withheld location is never searchable: finding a child by postcode would say where they live.
  if (c.postcode && !c.name) conditions.push(sql`a.postcode = ${c.postcode} and not p.location_withheld`);

  // Ranked on the person alone, then the top few joined to their current address: joining every
  // candidate's address first costs more than the ranking. A postcode search needs the join to filter.
  const byPostcode = c.postcode !== undefined;
  const score = sql`(${c.name ? sql`public.similarity(${searchName}, ${q}) * 10` : sql`0`}
             + case when ${c.dateOfBirth ?? null}::date is not null and p.date_of_birth = ${c.dateOfBirth ?? null}::date then 8 else 0 end
             ${byPostcode ? sql`+ case when a.postcode = ${c.postcode} and not p.location_withheld then 4 else 0 end` : sql``})::float8`;
  const result = await tx.execute(sql`
    with ranked as (
      select p.id, p.given_names, p.family_name, p.preferred_name, p.date_of_birth, p.expected_date_of_birth, p.sex,
             p.record_kind, p.location_withheld, p.search_name,
             ${c.name ? sql`public.similarity(${searchName}, ${q})` : sql`0`}::float8 as similarity, ${score} as score
        from person p
        ${byPostcode ? sql`left join person_address a on a.person_id = p.id and a.to_date is null` : sql``}
       where ${sql.join(conditions, sql` and `)}
       order by score desc, p.family_name, p.given_names, p.id
       limit ${limit})
    select r.id, r.given_names as "givenNames", r.family_name as "familyName", r.preferred_name as "preferredName",
           r.date_of_birth::text as "dateOfBirth", r.expected_date_of_birth::text as "expectedDateOfBirth", r.sex,
           r.record_kind as "recordKind", r.location_withheld as "locationWithheld", a.postcode, r.search_name as "searchName",
           r.similarity, r.score
      from ranked r
      left join person_address a on a.person_id = r.id and a.to_date is null
     order by r.score desc, r.family_name, r.given_names, r.id`);
  return (result as { rows: SearchRow[] }).rows;
}

/** Of these people, those the user is on the access list of. */
export async function accessListed(tx: Executor, userId: string, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await tx
    .select({ personId: personAccess.personId })
    .from(personAccess)
    .where(and(eq(personAccess.userId, userId), inArray(personAccess.personId, [...personIds])));
  return new Set(rows.map((r) => r.personId));
}

/** Of these people, those whose records are restricted or sealed, with their kind. */
export async function protectedAmong(tx: Executor, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return tx
    .select({ id: person.id, recordKind: person.recordKind })
    .from(person)
    .where(and(inArray(person.id, [...new Set(personIds)]), ne(person.recordKind, 'ordinary')));
}

/** Who is on a record's access list, with who they are. */
export async function accessList(tx: Executor, personId: string) {
  const result = await tx.execute(sql`
    select a.user_id as "userId", a.reason, a.granted_at as "grantedAt", a.granted_by_name as "grantedByName",
           u.display_name as "displayName", u.role, u.active
      from person_access a join user_account u on u.id = a.user_id
     where a.person_id = ${personId}
     order by u.display_name`);
  return (result as { rows: { userId: string; reason: string; grantedAt: Date; grantedByName: string | null; displayName: string; role: string; active: boolean }[] }).rows;
}

export async function addToAccessList(tx: Executor, row: typeof personAccess.$inferInsert) {
  await tx.insert(personAccess).values(row).onConflictDoNothing();
}

export async function removeFromAccessList(tx: Executor, personId: string, userId: string) {
  await tx.delete(personAccess).where(and(eq(personAccess.personId, personId), eq(personAccess.userId, userId)));
}

export async function setRecordKind(tx: Executor, personId: string, recordKind: 'ordinary' | 'restricted' | 'sealed') {
  await tx.update(person).set({ recordKind }).where(eq(person.id, personId));
}

/** The authority's restricted and sealed records, for the privacy officer, with how many are on each list. */
export async function protectedRecords(tx: Executor, laCode: string) {
  const result = await tx.execute(sql`
    select p.id, p.given_names as "givenNames", p.family_name as "familyName", p.la_person_id as "laPersonId", p.record_kind as "recordKind",
           (select count(*)::int from person_access a where a.person_id = p.id) as listed
      from person p
     where p.la_code = ${laCode} and p.record_kind <> 'ordinary'
     order by p.family_name, p.given_names`);
  return (result as { rows: { id: string; givenNames: string; familyName: string; laPersonId: string; recordKind: 'restricted' | 'sealed'; listed: number }[] }).rows;
}

/** A person by the authority's own id for them (LA child ID), exactly. */
/** The LA person IDs of these records, by record id. */
export async function laPersonIdsOf(tx: Executor, laCode: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: person.id, laPersonId: person.laPersonId }).from(person).where(and(eq(person.laCode, laCode), inArray(person.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.laPersonId]));
}

export async function findByLaPersonId(tx: Executor, laCode: string, laPersonId: string) {
  const [row] = await tx.select({ id: person.id }).from(person).where(and(eq(person.laCode, laCode), eq(person.laPersonId, laPersonId)));
  return row;
}

export async function findPerson(tx: Executor, laCode: string, id: string) {
  const [row] = await tx
    .select()
    .from(person)
    .where(and(eq(person.laCode, laCode), eq(person.id, id)));
  return row;
}

export async function currentAddress(tx: Executor, personId: string) {
  const [row] = await tx
    .select()
    .from(personAddress)
    .where(and(eq(personAddress.personId, personId), isNull(personAddress.toDate)));
  return row;
}

/** Everyone related to a person, read from the person's side whichever way the row was stored. */
export async function relationshipsOf(tx: Executor, personId: string) {
  const result = await tx.execute(sql`
    select r.id, r.type, r.from_person_id = ${personId} as "outgoing", r.parental_responsibility as "parentalResponsibility",
           r.matters_to_child as "mattersToChild", r.contact_arrangement as "contactArrangement",
           o.id as "otherId", o.given_names as "givenNames", o.family_name as "familyName", o.preferred_name as "preferredName",
           o.sex, o.date_of_birth::text as "dateOfBirth", o.record_kind as "recordKind"
      from relationship r
      join person o on o.id = case when r.from_person_id = ${personId} then r.to_person_id else r.from_person_id end
     where (r.from_person_id = ${personId} or r.to_person_id = ${personId}) and r.to_date is null`);
  return (result as { rows: RelatedRow[] }).rows;
}

export interface RelatedRow {
  id: string;
  type: string;
  /** True when stored from this person ("this person is the other's …"). */
  outgoing: boolean;
  parentalResponsibility: boolean;
  mattersToChild: boolean;
  contactArrangement: string | null;
  otherId: string;
  givenNames: string;
  familyName: string;
  preferredName: string | null;
  sex: string | null;
  dateOfBirth: string | null;
  recordKind: 'ordinary' | 'restricted' | 'sealed';
}

export async function activeAllocations(tx: Executor, personId: string, onDate: string) {
  return tx
    .select()
    .from(allocation)
    .where(and(eq(allocation.personId, personId), lte(allocation.fromDate, onDate), or(isNull(allocation.toDate), gte(allocation.toDate, onDate))));
}

/** Who is allocated to a child today, by name, for the record page. */
export async function allocatedWorkers(tx: Executor, personId: string, onDate: string) {
  const result = await tx.execute(sql`
    select a.capacity, a.from_date::text as "fromDate", u.display_name as "name"
      from allocation a left join user_account u on u.id = a.user_id
     where a.person_id = ${personId} and a.from_date <= ${onDate} and (a.to_date is null or a.to_date >= ${onDate})
     order by a.from_date, a.capacity`);
  return (result as { rows: { capacity: string; fromDate: string; name: string | null }[] }).rows;
}

/** The children allocated to a worker today: their "My work". */
export async function allocatedTo(tx: Executor, userId: string, onDate: string) {
  return tx
    .select({ id: person.id, givenNames: person.givenNames, familyName: person.familyName, preferredName: person.preferredName, dateOfBirth: person.dateOfBirth, capacity: allocation.capacity })
    .from(allocation)
    .innerJoin(person, eq(person.id, allocation.personId))
    .where(and(eq(allocation.userId, userId), lte(allocation.fromDate, onDate), or(isNull(allocation.toDate), gte(allocation.toDate, onDate))))
    .orderBy(person.familyName, person.givenNames);
}

/** Children aged under 18 today with ordinary records, in a stable order: for demo allocations. */
export async function childrenForAllocation(tx: Executor, laCode: string, onDate: string, limit: number) {
  return tx
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.laCode, laCode), eq(person.recordKind, 'ordinary'), gte(person.dateOfBirth, sql`(${onDate}::date - interval '17 years')::date`)))
    .orderBy(person.laPersonId)
    .limit(limit);
}

export async function insertAllocations(tx: Executor, rows: (typeof allocation.$inferInsert)[]) {
  await insertMany(tx, allocation, rows);
}

/** Ends a worker's allocation to a child in one capacity (a case closing ends its lead's). */
export async function endAllocation(tx: Executor, personId: string, userId: string, capacity: string, toDate: string) {
  await tx
    .update(allocation)
    .set({ toDate })
    .where(and(eq(allocation.personId, personId), eq(allocation.userId, userId), eq(allocation.capacity, capacity), isNull(allocation.toDate)));
}

export async function addressHistory(tx: Executor, personId: string) {
  return tx.select().from(personAddress).where(eq(personAddress.personId, personId)).orderBy(personAddress.fromDate);
}

export async function allocationHistory(tx: Executor, personId: string) {
  return tx.select().from(allocation).where(eq(allocation.personId, personId)).orderBy(allocation.fromDate);
}

export async function significantEvents(tx: Executor, personId: string) {
  return tx.select().from(significantEvent).where(eq(significantEvent.personId, personId));
}

export async function insertSignificantEvent(tx: Executor, row: typeof significantEvent.$inferInsert) {
  await tx.insert(significantEvent).values(row);
}

export async function activeBreakGlass(tx: Executor, personId: string, userId: string, at: Date) {
  const [row] = await tx
    .select()
    .from(breakGlassGrant)
    .where(and(eq(breakGlassGrant.personId, personId), eq(breakGlassGrant.userId, userId), gt(breakGlassGrant.expiresAt, at)))
    .orderBy(desc(breakGlassGrant.expiresAt))
    .limit(1);
  return row;
}

export async function insertBreakGlass(tx: Executor, row: typeof breakGlassGrant.$inferInsert) {
  await tx.insert(breakGlassGrant).values(row);
}

/** Emergency accesses not yet reviewed, oldest first, with the child's name for the reviewer. */
export async function unreviewedBreakGlass(tx: Executor, laCode: string) {
  return tx
    .select({ grant: breakGlassGrant, givenNames: person.givenNames, familyName: person.familyName })
    .from(breakGlassGrant)
    .innerJoin(person, eq(person.id, breakGlassGrant.personId))
    .where(and(eq(breakGlassGrant.laCode, laCode), isNull(breakGlassGrant.reviewedAt)))
    .orderBy(breakGlassGrant.grantedAt);
}

export async function reviewBreakGlass(
  tx: Executor,
  id: string,
  review: { reviewedAt: Date; reviewedBy: string; reviewOutcome: 'appropriate' | 'not_appropriate'; reviewNote: string | null },
): Promise<boolean> {
  const rows = await tx
    .update(breakGlassGrant)
    .set(review)
    .where(and(eq(breakGlassGrant.id, id), isNull(breakGlassGrant.reviewedAt)))
    .returning({ id: breakGlassGrant.id, personId: breakGlassGrant.personId });
  return rows.length === 1;
}

export async function insertPerson(tx: Executor, row: PersonInsert) {
  await tx.insert(person).values(row);
}

/** The next LA person id in the authority, for a prefix: one more than any given so far. */
export async function nextLaPersonId(tx: Executor, laCode: string, prefix: string): Promise<string> {
  // The counter row is locked until the transaction ends, so parallel requests queue here rather
  // than collide. It never falls behind ids written directly (the synthetic seed, a census import).
  const result = await tx.execute(sql`
    insert into person_id_counter as c (la_code, prefix, last_value)
    values (${laCode}, ${prefix},
            (select coalesce(max(substring(la_person_id from ${`^${prefix}([0-9]{1,15})$`})::bigint), 0) + 1 from person where la_code = ${laCode}))
    on conflict (la_code, prefix) do update set last_value = greatest(c.last_value + 1, excluded.last_value)
    returning last_value as n`);
  const n = (result as { rows: { n: string | number }[] }).rows[0]!.n;
  return `${prefix}${String(n).padStart(7, '0')}`;
}

/** Every detail the child asked to be said once. Callers filter by who may see each. */
export async function identityDetails(tx: Executor, personId: string) {
  return tx.select().from(identityDetail).where(eq(identityDetail.personId, personId));
}

export async function upsertIdentityDetail(tx: Executor, row: IdentityDetailInsert) {
  await tx
    .insert(identityDetail)
    .values(row)
    .onConflictDoUpdate({
      target: [identityDetail.personId, identityDetail.kind],
      set: { value: row.value, sharedWith: row.sharedWith, toldTo: row.toldTo, toldToName: row.toldToName, recordedAt: row.recordedAt },
    });
}

export async function deleteIdentityDetail(tx: Executor, personId: string, kind: IdentityDetailKind) {
  await tx.delete(identityDetail).where(and(eq(identityDetail.personId, personId), eq(identityDetail.kind, kind)));
}

/** Moves a person's record on one version, only from the version the editor saw: false if someone saved first. */
export async function bumpPersonVersion(tx: Executor, personId: string, expected: number, at: Date): Promise<boolean> {
  const rows = await tx
    .update(person)
    .set({ version: sql`${person.version} + 1`, updatedAt: at })
    .where(and(eq(person.id, personId), eq(person.version, expected)))
    .returning({ id: person.id });
  return rows.length === 1;
}

export async function insertAddress(tx: Executor, row: AddressInsert) {
  await tx.insert(personAddress).values(row);
}

/** Ends the current address on a date (the day before the next one starts). */
export async function endCurrentAddress(tx: Executor, personId: string, toDate: string) {
  await tx.update(personAddress).set({ toDate }).where(and(eq(personAddress.personId, personId), isNull(personAddress.toDate)));
}

/** Whether two people already have a current relationship recorded, whichever way it was stored. */
export async function relatedNow(tx: Executor, a: string, b: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: relationship.id })
    .from(relationship)
    .where(and(isNull(relationship.toDate), or(and(eq(relationship.fromPersonId, a), eq(relationship.toPersonId, b)), and(eq(relationship.fromPersonId, b), eq(relationship.toPersonId, a)))))
    .limit(1);
  return row !== undefined;
}

export async function insertRelationship(tx: Executor, row: RelationshipInsert) {
  await tx.insert(relationship).values(row);
}

/** The household a person lives in now, if one is recorded. */
export async function currentHousehold(tx: Executor, personId: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: householdMember.householdId })
    .from(householdMember)
    .where(and(eq(householdMember.personId, personId), isNull(householdMember.toDate)))
    .limit(1);
  return row?.id;
}

export async function insertHousehold(tx: Executor, row: HouseholdInsert) {
  await tx.insert(household).values(row);
}

export async function insertHouseholdMember(tx: Executor, row: HouseholdMemberInsert) {
  await tx.insert(householdMember).values(row);
}

/** Everyone living with a person now: the other current members of their current household. */
export async function livingWith(tx: Executor, personId: string): Promise<Set<string>> {
  const result = await tx.execute(sql`
    select other.person_id as "id"
      from household_member mine
      join household_member other on other.household_id = mine.household_id and other.person_id <> mine.person_id and other.to_date is null
     where mine.person_id = ${personId} and mine.to_date is null`);
  return new Set((result as { rows: { id: string }[] }).rows.map((r) => r.id));
}

export async function leaveHousehold(tx: Executor, personId: string, householdId: string, toDate: string) {
  await tx
    .update(householdMember)
    .set({ toDate })
    .where(and(eq(householdMember.personId, personId), eq(householdMember.householdId, householdId), isNull(householdMember.toDate)));
}
