// The access matrix (reference/security.md §8, properties 1–4 and the canary crawl): every route the
// app declares — read from its own route table, so a new route is covered the day it is added — as
// every persona, for children of every record kind and relationship, against the policy:
//   - no canary (a child's name, address or case note) in any page, list, share, download, error or
//     header where the policy says the persona may not meet it;
//   - the record's pages answer as the policy says (allowed, refused, restricted, not found);
//   - every refusal is audited;
//   - no server error.
// It runs in `npm test` on PGlite and in `.ci/run` on PostgreSQL. Later modules add their routes to
// ROUTE_NEEDS and their record kinds and roles to the world.
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '../../src/platform/access/permissions.ts';
import { mayEver } from '../../src/platform/access/policy.ts';
import { FakeClock } from '../../src/platform/clock.ts';
import { answer, mayMeet, type Answer } from '../support/access-oracle.ts';
import { buildWorld, NEIGHBOUR, PERSONAS, principalFor, type Persona, type WorldChild } from '../support/access-world.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { ENGINE } from '../support/db.ts';

const clock = new FakeClock(new Date('2026-03-02T10:00:00Z'));
const TODAY = '2026-03-02';
let t: TestApp;
let world: WorldChild[];

/**
 * What each route with parameters needs, so the matrix can work out the policy's answer: the
 * permission it needs on the child the id leads to, and what kind of id each parameter takes.
 * A route missing from here fails the test: say what it needs when you add it.
 */
type Need =
  | { child: 'person' | 'case'; permission: Permission | 'break_glass' }
  /** A person, checked by a triager under the front door's purpose while a request of their authority waits (:id is the request). */
  | { child: 'person'; permission: Permission; throughRequest: true }
  | { other: 'share' | 'note' | 'user' | 'grant' | 'request' | 'discussion' | 'context' | 'run' | 'file' };
const CASE_FORMS: Record<string, Permission> = {
  'assessment/start': 'record.edit',
  assessment: 'record.edit',
  plan: 'record.edit',
  review: 'record.edit',
  'financial-help': 'record.edit',
  basis: 'case.manage',
  support: 'case.manage',
  close: 'case.manage',
  'notes/new': 'record.edit',
  notes: 'record.edit',
  'child-protection': 'record.view',
  'child-protection/convene': 'record.edit',
  'child-protection/core-group': 'record.edit',
  'child-protection/link-context': 'record.edit',
  'child-protection/share-discussion': 'cp.decide',
  'child-protection/share-plan': 'cp.decide',
  'child-protection/discussion': 'cp.decide',
  'child-protection/enquiry': 'cp.decide',
  'child-protection/initial-conference': 'cp.decide',
  'child-protection/review-conference': 'cp.decide',
  'child-protection/end-plan': 'cp.decide',
  'child-protection/efh-plan': 'cp.decide',
  court: 'record.view',
  'court/letter': 'court.manage',
  'court/fgdm': 'court.manage',
  'court/meeting': 'court.manage',
  'court/hearing': 'court.manage',
  'court/issue': 'court.manage',
  'court/outcome': 'court.manage',
};
const ROUTE_NEEDS: Record<string, Need> = {
  '/public/:file': { other: 'file' },
  '/people/:id': { child: 'person', permission: 'record.view' },
  '/people/:id/significant-events/new': { child: 'person', permission: 'record.edit' },
  '/people/:id/significant-events': { child: 'person', permission: 'record.edit' },
  '/people/:id/identity': { child: 'person', permission: 'record.edit' },
  '/people/:id/access-log': { child: 'person', permission: 'record.access_log' },
  '/people/:id/access': { child: 'person', permission: 'record.restrict' },
  '/people/:id/emergency-access': { child: 'person', permission: 'break_glass' },
  '/cases/:id': { child: 'case', permission: 'record.view' },
  ...Object.fromEntries(Object.entries(CASE_FORMS).map(([path, permission]) => [`/cases/:id/${path}`, { child: 'case', permission }])),
  '/cases/:id/notes/:noteId': { other: 'note' },
  '/cases/:id/notes/:noteId/authorise': { other: 'note' },
  '/cases/:id/notes/:noteId/amend': { other: 'note' },
  '/cases/:id/notes/:noteId/in-error': { other: 'note' },
  '/shared/:id': { other: 'share' },
  '/users/:id': { other: 'user' },
  '/users/:id/deactivate': { other: 'user' },
  '/users/:id/reactivate': { other: 'user' },
  '/users/:id/unlock': { other: 'user' },
  '/users/:id/role': { other: 'user' },
  '/users/:id/reset-password': { other: 'user' },
  '/users/:id/password': { other: 'user' },
  '/access-reviews/:id': { other: 'grant' },
  '/front-door/:id': { other: 'request' },
  '/front-door/:id/decision': { other: 'request' },
  '/front-door/:id/people/:personId': { child: 'person', permission: 'record.identify', throughRequest: true },
  '/child-protection/:id/take': { other: 'discussion' },
  '/contexts/:id': { other: 'context' },
  '/returns/cin/:id': { other: 'run' },
  '/returns/cin/:id/census.xml': { other: 'run' },
  '/returns/cin/:id/report.csv': { other: 'run' },
};

/** Routes the POST sweep leaves out: signing out ends the persona's session. */
const NOT_POSTED = new Set(['/sign-out', '/sign-in']);

interface Probe {
  method: 'GET' | 'POST';
  url: string;
  route: string;
  /** The child the id leads to, and the policy's answer, for the record's own routes. */
  child?: WorldChild;
  expected?: Answer;
  /** A page that must open (200) when the policy allows: the record, the case and its layers. */
  mustOpen?: boolean;
}

/** The ids of other things the world holds, by the kind of id a route takes, plus one that is nothing. */
let otherIds: Record<string, string[]> = {};
/** A request waiting at each authority's front door: a triager checks who likely matches are only while one waits. */
const pendingRequests: Record<string, string> = {};
const idsOf = (kind: string): string[] => [...(otherIds[kind] ?? []), '00000000-0000-4000-8000-000000000000'];

function probesFor(persona: Persona): Probe[] {
  const probes: Probe[] = [];
  for (const route of t.app.declaredRoutes) {
    if (route.method !== 'GET' && route.method !== 'POST') continue;
    if (route.method === 'POST' && NOT_POSTED.has(route.url)) continue;
    const method = route.method;
    if (!route.url.includes(':')) {
      probes.push({ method, url: route.url, route: route.url });
      continue;
    }
    const need = ROUTE_NEEDS[route.url];
    if (!need) throw new Error(`${route.method} ${route.url} is not in ROUTE_NEEDS: say what it needs of the child its id leads to`);
    if ('other' in need) {
      if (need.other === 'file') continue;
      if (need.other === 'note') {
        for (const c of world.filter((w) => w.noteId)) probes.push({ method, url: route.url.replace(':id', c.caseId!).replace(':noteId', c.noteId!), route: route.url, child: c });
      } else {
        for (const id of idsOf(need.other)) probes.push({ method, url: route.url.replace(':id', id), route: route.url });
      }
      continue;
    }
    for (const c of world) {
      const id = need.child === 'person' ? c.personId : c.caseId;
      if (!id) continue;
      const permission: Permission = need.permission === 'break_glass' ? 'record.break_glass' : need.permission;
      // The route's own permission first: a role that can never hold it is refused before any child is looked at.
      const through = 'throughRequest' in need ? { relationship: 'front_door' as const, purpose: 'triage' as const } : undefined;
      let expected = mayEver({ role: persona.role }, route.permission as Permission) ? answer(persona, c, permission, through) : 'refused';
      // Emergency access is for ordinary records the user may not already read.
      if (need.permission === 'break_glass' && expected === 'allowed' && c.kind !== 'ordinary') expected = c.kind === 'sealed' ? 'missing' : 'restricted';
      const mustOpen = method === 'GET' && permission === 'record.view' && (route.url === '/people/:id' || route.url === '/cases/:id' || route.url.endsWith('/child-protection') || route.url.endsWith('/court'));
      const url = through ? route.url.replace(':id', pendingRequests[persona.laCode]!).replace(':personId', id) : route.url.replace(':id', id);
      probes.push({ method, url, route: route.url, child: c, expected, mustOpen: mustOpen || (through !== undefined && method === 'GET') });
    }
  }
  // Searches for each child, by name and by the postcode they share.
  for (const c of world) probes.push({ method: 'GET', url: `/people?name=${encodeURIComponent(`Ash ${c.canary.name}`)}`, route: '/people' });
  probes.push({ method: 'GET', url: '/people?postcode=DB1+1AA', route: '/people' });
  return probes;
}

/** What differs between two identical responses (CSRF tokens, nonces): removed so random text cannot match by chance. */
const stripRandom = (body: string) => body.replace(/name="_(csrf|submission)" value="[^"]*"/g, '').replace(/nonce="[^"]*"/g, '');

/** What the persona typed into the search's name box comes back in it: that is theirs, not the child's (results are still checked). */
const stripTyped = (body: string) => body.replace(/(<input[^>]*name="name"[^>]*?)value="[^"]*"/g, '$1');

/** The canaries in a response that the policy says this persona may not meet. */
function leaks(persona: Persona, response: LightMyRequestResponse): string[] {
  const { 'set-cookie': _cookies, 'content-security-policy': _csp, ...headers } = response.headers;
  const text = `${stripTyped(stripRandom(response.body))}\n${JSON.stringify(headers)}`;
  const found: string[] = [];
  for (const c of world) {
    const may = mayMeet(persona, c);
    for (const part of ['name', 'address', 'note'] as const) {
      if (!may[part] && text.includes(c.canary[part])) found.push(`${c.key}'s ${part}`);
    }
  }
  return found;
}

/**
 * The audit trail's head, and how many refusals of a route it recorded after `seq`: read as the app
 * reads, through its pool (a superuser connection per request is slow on PostgreSQL). The app records
 * every refusal with the route's pattern, so a refusal is audited if such an event came after the last look.
 */
async function auditSince(laCode: string, seq: number, route: string) {
  const result = (await t.db.database.tenant(laCode, (tx) =>
    tx.execute(sql`select (select seq from audit_chain_head where la_code = ${laCode}) as head,
                          (select count(*) from audit_event where la_code = ${laCode} and seq > ${seq} and outcome = 'denied' and route = ${route}) as n`),
  )) as { rows: { head: unknown; n: unknown }[] };
  return { head: Number(result.rows[0]?.head ?? 0), denied: Number(result.rows[0]?.n ?? 0) };
}

const isRefusal = (status: number) => status === 401 || status === 403 || status === 404;

const totals = { requests: 0, leaks: 0, unaudited: 0, serverErrors: 0, wrongAnswers: 0, routes: 0, personas: 0, children: 0 };

beforeAll(async () => {
  t = await startTestApp({ clock });
  world = await buildWorld(t, TODAY);
  // A census generated from the world, so its page and both downloads are crawled too.
  const census = await t.deps.returns.startCinCensus(await principalFor(t, 'data.analyst'), '2025-26', { waitMs: 60_000, onError: (error) => { throw error; } });
  expect(census.finished).toBe(true);
  for (const username of ['social.worker', 'valley.family.help']) {
    const triager = await principalFor(t, username);
    pendingRequests[triager.laCode] = await t.deps.frontDoor.submit(triager, 'staff', {
      source: '1A', asker: undefined, submitterName: 'A neighbour', submitterOrganisation: undefined, submitterPhone: undefined, submitterEmail: undefined,
      childGivenNames: 'Sam', childFamilyName: 'Waiting', childDateOfBirth: undefined, childAddress: undefined, childPostcode: undefined, otherChildren: undefined,
      concerns: 'Worried about Sam', helpWanted: undefined, familyKnows: 'yes', honeypot: false,
    });
  }
  const ids = async (query: string) => (await t.db.superuser((c) => c.query<{ id: string }>(query))).rows.map((r) => r.id);
  otherIds = {
    share: world.flatMap((c) => c.shareIds),
    request: await ids('select id from request_for_help'),
    discussion: await ids('select id from strategy_discussion'),
    grant: await ids('select id from break_glass_grant'),
    context: await ids('select id from harm_context'),
    // Users of the neighbouring authority only: an administrator's sweep must not deactivate the personas still to run.
    user: await ids(`select id from user_account where la_code = '${NEIGHBOUR}'`),
    run: [census.id],
  };
  totals.routes = t.app.declaredRoutes.filter((r) => r.method === 'GET' || r.method === 'POST').length;
  totals.personas = PERSONAS.length;
  totals.children = world.length;
}, 120_000);

afterAll(async () => {
  // The size of what was checked, for the note and the CI log.
  console.log(
    `Access matrix (${ENGINE}): ${totals.routes} routes × ${totals.personas} personas × ${totals.children} children → ${totals.requests} requests; ` +
      `${totals.leaks} leaks, ${totals.unaudited} unaudited refusals, ${totals.serverErrors} server errors, ${totals.wrongAnswers} answers unlike the policy`,
  );
  await t?.close();
});

describe('the access matrix', () => {
  it('knows what every declared route with an id needs', () => {
    const unknown = t.app.declaredRoutes.filter((r) => r.url.includes(':') && !ROUTE_NEEDS[r.url]).map((r) => `${r.method} ${r.url}`);
    expect(unknown).toEqual([]);
  });

  it.each(PERSONAS.map((p) => [p.username, p] as const))('as %s: every route, every child, as the policy says', async (_name, persona) => {
    const session: Session = await t.signIn(persona.username);
    const token = /name="_csrf" value="([^"]+)"/.exec((await session.get('/')).body)?.[1] ?? '';
    const problems: string[] = [];
    let seen = (await auditSince(persona.laCode, 0, '')).head;
    for (const probe of probesFor(persona)) {
      const response = probe.method === 'GET' ? await session.get(probe.url) : await session.postRaw(probe.url, { _csrf: token });
      totals.requests++;
      const where = `${probe.method} ${probe.url}${probe.child ? ` (${probe.child.key})` : ''}`;
      if (response.statusCode >= 500) {
        totals.serverErrors++;
        problems.push(`${where}: server error ${response.statusCode}`);
      }
      const leaked = leaks(persona, response);
      if (leaked.length > 0) {
        totals.leaks++;
        problems.push(`${where}: shows ${leaked.join(', ')}`);
      }
      if (isRefusal(response.statusCode)) {
        const audited = await auditSince(persona.laCode, seen, probe.route);
        seen = audited.head;
        if (audited.denied === 0) {
          totals.unaudited++;
          problems.push(`${where}: refused with ${response.statusCode} and not audited`);
        }
      }
      if (probe.expected) {
        const status = response.statusCode;
        const ok =
          probe.expected === 'missing'
            ? status === 404
            : probe.expected === 'restricted'
              ? status === 403
              : probe.expected === 'refused'
                ? status === 403 || status === 404
                : probe.mustOpen
                  ? status === 200
                  : status !== 403 && status !== 401;
        if (!ok) {
          totals.wrongAnswers++;
          problems.push(`${where}: ${status}, but the policy says ${probe.expected}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
