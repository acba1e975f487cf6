import { randomUUID } from 'node:crypto';
import { LocalDate } from '@js-joda/core';
import type { Principal } from '../../platform/auth/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/web/errors.ts';
import { RELATIVE_CHOICES, type RelativeChoice } from './relationship-types.ts';
import * as repo from './repository.ts';
import { howKnown } from './service.ts';

/** Someone a request for help named, as the triager chose to record them. */
export interface RelativeFromRequest {
  /** The record the triager matched them to, or undefined for someone new to the service. */
  personId: string | undefined;
  givenNames: string;
  familyName: string;
  dateOfBirth: string | undefined;
  /** How they stand to the child. */
  relationship: RelativeChoice;
  livesWithChild: boolean;
}

/** What a request told us that the triager decided belongs on the child's record. */
export interface FactsFromRequest {
  address: { line1: string; town: string; postcode: string } | undefined;
  relatives: RelativeFromRequest[];
}

export interface RecordedFacts {
  /** 'added' as the current address; 'same' when the record already had it. */
  address: 'added' | 'same' | undefined;
  /** Each person written to: created, or given a relationship to the child, or both. */
  relatives: { id: string; created: boolean; related: boolean; joinedHousehold: boolean }[];
}

const sameAddress = (a: { line1: string; postcode: string }, b: { line1: string; postcode: string }) =>
  a.postcode.replace(/\s/g, '').toUpperCase() === b.postcode.replace(/\s/g, '').toUpperCase() && a.line1.trim().toLowerCase() === b.line1.trim().toLowerCase();

const dayBefore = (date: string) => LocalDate.parse(date).minusDays(1).toString();

/**
 * Writes what the family told us onto the child's record, in the decision's transaction: the
 * address from the day the request arrived (the old one ending the day before), each person
 * named — matched to their record or recorded new — with their relationship to the child, and
 * who lives with the child. Nothing is written twice: an address already current, a relationship
 * already recorded and a household member already living there are left as they are.
 * The caller audits what this returns.
 */
export async function recordFactsFromRequest(tx: Tx, principal: Principal, childId: string, facts: FactsFromRequest, receivedOn: string): Promise<RecordedFacts> {
  const laCode = principal.laCode;
  let address: RecordedFacts['address'];
  if (facts.address) {
    const current = await repo.currentAddress(tx, childId);
    if (current && sameAddress(current, facts.address)) address = 'same';
    else {
      if (current) {
        const end = dayBefore(receivedOn);
        await repo.endCurrentAddress(tx, childId, end < current.fromDate ? current.fromDate : end);
      }
      await repo.insertAddress(tx, { id: randomUUID(), personId: childId, laCode, line1: facts.address.line1, town: facts.address.town, postcode: facts.address.postcode, fromDate: receivedOn });
      address = 'added';
    }
  }

  const relatives: RecordedFacts['relatives'] = [];
  let householdId: string | undefined;
  for (const relative of facts.relatives) {
    const choice = RELATIVE_CHOICES[relative.relationship];
    let id = relative.personId;
    if (id) {
      // A match must be a record this triager may know by name: the same check as the search that offered it.
      const found = await repo.findPerson(tx, laCode, id);
      if (!found || found.id === childId || (await howKnown(tx, principal, id)) !== 'named') throw notFound();
    } else {
      id = randomUUID();
      await repo.insertPerson(tx, {
        id,
        laCode,
        laPersonId: await repo.nextLaPersonId(tx, laCode, 'DB'),
        givenNames: relative.givenNames,
        familyName: relative.familyName,
        dateOfBirth: relative.dateOfBirth ?? null,
        sex: choice.sex,
        disabilities: [],
      });
      // Someone new who lives with the child lives at the child's address.
      if (relative.livesWithChild && facts.address) await repo.insertAddress(tx, { id: randomUUID(), personId: id, laCode, ...facts.address, fromDate: receivedOn });
    }
    const related = !(await repo.relatedNow(tx, id, childId));
    if (related) await repo.insertRelationship(tx, { id: randomUUID(), laCode, fromPersonId: id, toPersonId: childId, type: choice.type, fromDate: receivedOn });

    let joinedHousehold = false;
    if (relative.livesWithChild) {
      if (!householdId) {
        householdId = await repo.currentHousehold(tx, childId);
        if (!householdId) {
          householdId = randomUUID();
          await repo.insertHousehold(tx, { id: householdId, laCode });
          await repo.insertHouseholdMember(tx, { householdId, personId: childId, laCode, fromDate: receivedOn });
        }
      }
      const theirs = await repo.currentHousehold(tx, id);
      if (theirs !== householdId) {
        // Living with the child now: any household they were in ends the day before the request.
        if (theirs) await repo.leaveHousehold(tx, id, theirs, dayBefore(receivedOn));
        await repo.insertHouseholdMember(tx, { householdId, personId: id, laCode, fromDate: receivedOn });
        joinedHousehold = true;
      }
    }
    relatives.push({ id, created: !relative.personId, related, joinedHousehold });
  }
  return { address, relatives };
}

/** A child new to the service, recorded from what a request says about them: an unborn child by the expected date. */
export async function recordChildFromRequest(tx: Tx, laCode: string, child: { givenNames: string; familyName: string; dateOfBirth: string | null }, today: LocalDate): Promise<string> {
  const id = randomUUID();
  const unborn = child.dateOfBirth !== null && LocalDate.parse(child.dateOfBirth).isAfter(today);
  await repo.insertPerson(tx, {
    id,
    laCode,
    laPersonId: await repo.nextLaPersonId(tx, laCode, 'DB'),
    givenNames: child.givenNames,
    familyName: child.familyName,
    dateOfBirth: unborn ? null : child.dateOfBirth,
    expectedDateOfBirth: unborn ? child.dateOfBirth : null,
    sex: 'U',
    disabilities: [],
  });
  return id;
}

/** A record the triager chose from the likely matches: it must be one they may know by name. */
export async function matchedRecord(tx: Tx, principal: Principal, personId: string): Promise<string> {
  const found = await repo.findPerson(tx, principal.laCode, personId);
  if (!found || (await howKnown(tx, principal, found.id)) !== 'named') throw notFound();
  return found.id;
}

/** A person's brothers and sisters, full and half, as recorded now. */
export async function siblingsOf(tx: Tx, personId: string): Promise<string[]> {
  return (await repo.relationshipsOf(tx, personId)).filter((r) => r.type === 'sibling' || r.type === 'half_sibling').map((r) => r.otherId);
}
