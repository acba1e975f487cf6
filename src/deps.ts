import type { Config } from './config.ts';
import { createAuditService } from './platform/audit/service.ts';
import { createOidcClient } from './platform/auth/oidc.ts';
import { createAuthService } from './platform/auth/service.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Database } from './platform/db/client.ts';
import { createAuthorityDirectory } from './platform/tenancy/directory.ts';
import { createSubmissions } from './platform/forms/submissions.ts';
import { createPeopleService } from './modules/people/service.ts';
import { createFrontDoorService } from './modules/family-help/front-door.ts';
import { createCaseService } from './modules/family-help/cases.ts';
import { familyHelpContribution } from './modules/family-help/record-contribution.ts';
import { familyHelpRelationships } from './modules/family-help/relationships.ts';
import { createChildProtectionService } from './modules/child-protection/service.ts';
import { childProtectionContribution } from './modules/child-protection/record-contribution.ts';
import { createCourtService } from './modules/court/service.ts';
import { courtContribution } from './modules/court/record-contribution.ts';
import { createUserAdminService } from './modules/users/service.ts';
import { createReturnsService } from './modules/returns/service.ts';
import { checkedAgainstCensus } from './modules/returns/cin/at-recording.ts';
import { registerRecordingCheck } from './platform/recording-check.ts';

/** The one place the service is wired together. Tests pass their own database, clock or fakes. */
export function createDeps(config: Config, database: Database, clock: Clock = systemClock) {
  const audit = createAuditService(database, clock);
  // Every change to a child's record is checked against the CIN census rules as it is made.
  registerRecordingCheck(checkedAgainstCensus);
  // Each module that holds facts about a child adds them to the child's record page.
  const people = createPeopleService(database, audit, clock, {
    contributors: [familyHelpContribution, childProtectionContribution, courtContribution],
    relationshipSources: [familyHelpRelationships],
  });
  const childProtection = createChildProtectionService(database, audit, clock, people);
  const court = createCourtService(database, clock, people);
  return {
    config,
    database,
    clock,
    audit,
    auth: createAuthService(database, audit, clock),
    oidc: config.oidc ? createOidcClient(config.oidc) : undefined,
    authorities: createAuthorityDirectory(database),
    submissions: createSubmissions(database, clock),
    users: createUserAdminService(database, audit, clock),
    people,
    frontDoor: createFrontDoorService(database, audit, clock, people, (tx, principal, input) => childProtection.conveneFromRequest(tx, principal, input)),
    // Child protection is a layer on the one case: its summary, its due items, its guard on closing.
    cases: createCaseService(database, clock, people, [childProtection.layer, court.layer]),
    childProtection,
    court,
    returns: createReturnsService(database, clock, people.openableAmong),
  };
}

export type Deps = ReturnType<typeof createDeps>;
