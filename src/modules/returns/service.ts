import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { can } from '../../platform/access/policy.ts';
import type { Principal } from '../../platform/auth/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import { HttpError, notFound } from '../../platform/web/errors.ts';
import { buildCinCensus } from './cin/census.ts';
import { byChild, byRule, checkCensus, findingsCsv } from './cin/report.ts';
import type { CinCollection } from './cin/structure.ts';
import type { PeopleService } from '../people/service.ts';
import { childrenByLaId } from './findings-read-model.ts';
import * as repo from './repository.ts';

const CIN = 'cin_census';
export const RELEASE = (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;
/** How many children the page lists; the CSV report has them all. */
const CHILDREN_SHOWN = 100;
/** A run still "running" after this was on a server that stopped: it will never finish. */
const ABANDONED_AFTER_MS = 30 * 60 * 1000;

/**
 * Statutory returns for the data team and managers: a CIN census generated from the record in the
 * background (the page shows how far it has got), checked against its schema and every rule of
 * its collection, and kept with its findings so what is downloaded is exactly what was checked.
 */
export function createReturnsService(database: Database, clock: Clock, openableAmong: PeopleService['openableAmong']) {
  const mayGenerate = (principal: Principal) => {
    if (!can(principal, 'returns.generate')) throw new HttpError(403, 'forbidden', 'You do not have permission to see this page');
  };
  /** Runs are shown as they are, except one abandoned by a stopped server, which is shown as failed. */
  const settled = <R extends { status: string; stage: string | null; requestedAt: Date }>(run: R): R =>
    run.status === 'running' && clock.now().getTime() - run.requestedAt.getTime() > ABANDONED_AFTER_MS ? { ...run, status: 'failed', stage: 'The census stopped before it finished' } : run;
  const stage = (laCode: string, id: string, changes: Parameters<typeof repo.updateRun>[2]) => database.tenant(laCode, (tx) => repo.updateRun(tx, id, changes));

  async function generate(laCode: string, id: string, collection: CinCollection) {
    const { xml, census, counts } = await buildCinCensus(database, laCode, collection, { now: clock.now(), release: RELEASE });
    await stage(laCode, id, { stage: 'Checking the file against the schema and the rules', children: counts.children, episodes: counts.episodes });
    const report = await checkCensus(xml, collection, census);
    await stage(laCode, id, {
      status: 'done',
      stage: null,
      finishedAt: clock.now(),
      errors: report.errors,
      queries: report.queries,
      structureValid: report.structure.valid,
      structureProblems: report.structure.problems.slice(0, 100),
      findings: report.findings,
      file: xml,
    });
  }

  return {
    /**
     * Starts a census run and returns its id, and `finished`: whether it finished within `waitMs`
     * (most do, so the page can show the result at once; a slow one is followed on its page).
     */
    async startCinCensus(principal: Principal, collection: CinCollection, options: { waitMs: number; onError: (error: unknown) => void }) {
      mayGenerate(principal);
      const id = randomUUID();
      await database.tenant(principal.laCode, (tx) =>
        repo.insertRun(tx, {
          id,
          laCode: principal.laCode,
          kind: CIN,
          collection,
          status: 'running',
          stage: 'Reading the record',
          requestedBy: principal.userId,
          requestedByName: principal.displayName,
          requestedAt: clock.now(),
        }),
      );
      const job = generate(principal.laCode, id, collection).then(
        () => true,
        async (error: unknown) => {
          options.onError(error);
          await stage(principal.laCode, id, { status: 'failed', stage: 'The census could not be generated', finishedAt: clock.now() }).catch(options.onError);
          return true;
        },
      );
      const finished = await Promise.race([job, new Promise<false>((resolve) => setTimeout(() => resolve(false), options.waitMs).unref())]);
      return { id, finished };
    },

    async runs(principal: Principal) {
      mayGenerate(principal);
      return (await database.tenant(principal.laCode, (tx) => repo.recentRuns(tx, CIN))).map(settled);
    },

    /** A run with its findings by rule and by child; each child with their record and who to ask. */
    async run(principal: Principal, id: string) {
      mayGenerate(principal);
      return database.tenant(principal.laCode, async (tx) => {
        const found = await repo.runSummary(tx, id);
        if (!found || found.kind !== CIN) throw notFound();
        const run = settled(found);
        const findings = run.findings ?? [];
        const children = byChild(findings);
        const shown = children.slice(0, CHILDREN_SHOWN);
        const known = new Map((await childrenByLaId(tx, shown.map((c) => c.child).filter(Boolean))).map((c) => [c.laId, c]));
        // A child's record is linked only where this user could open it: never a link to a refusal.
        const openable = await openableAmong(tx, principal, [...known.values()].map((c) => c.personId));
        return {
          run,
          rules: byRule(findings),
          children: shown.map((c) => {
            const personId = known.get(c.child)?.personId;
            return { ...c, personId: personId && openable.has(personId) ? personId : undefined, leadName: known.get(c.child)?.leadName ?? undefined };
          }),
          childrenWithFindings: children.length,
        };
      });
    },

    /** The census file or its CSV report, as it was checked. */
    async download(principal: Principal, id: string, what: 'xml' | 'csv') {
      mayGenerate(principal);
      return database.tenant(principal.laCode, async (tx) => {
        // The file, or the findings for the report: never both read.
        const run = await repo.runFor(tx, id);
        if (!run || run.kind !== CIN || run.status !== 'done') throw notFound();
        const body = what === 'xml' ? ((await repo.runFile(tx, id)) ?? '') : findingsCsv((await repo.runSummary(tx, id))?.findings ?? []);
        return { body, collection: run.collection, children: run.children ?? 0 };
      });
    },
  };
}

export type ReturnsService = ReturnType<typeof createReturnsService>;
