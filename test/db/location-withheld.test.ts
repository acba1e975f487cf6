// Canary tests for a location-withheld child (reference/security.md §2.3 and §8 row 8, the NHS
// S-flag analogue): the child's address lines and postcode carry a unique canary, and every page
// each persona outside the allowed group can reach is crawled for it. The allowed group (the
// allocated worker, and the manager of the allocated case) sees the address on the record, so the
// canary is really there to find; the chronology never writes it, even for them.
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMany, peopleTables } from '../../src/modules/people/repository.ts';
import { DEMO_USERS } from '../../src/seed/demo.ts';
import { buildAddress, buildPerson, buildRelationship, insertPeople } from '../builders/people.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;

const CANARY = `ZZCANARY-${randomUUID()}`;
/** A well-formed postcode (so it can be searched for) that nothing else in the authority has. */
const POSTCODE = 'ZQ9 7XW';
const OUTWARD = 'ZQ9';

const withheld = buildPerson({ givenNames: 'Marnie', familyName: 'Quillfeather', dateOfBirth: '2016-08-19', sex: 'F', locationWithheld: true });
const sibling = buildPerson({ givenNames: 'Rory', familyName: 'Quillfeather', dateOfBirth: '2013-03-12', sex: 'M' });
const mother = buildPerson({ givenNames: 'Dawn', familyName: 'Quillfeather', dateOfBirth: '1986-10-01', sex: 'F' });
const WITHHELD_NAME = 'Marnie Quillfeather';

const addresses = [
  // Where Marnie lives now, and where she lived before: every line carries the canary.
  buildAddress(withheld.id, { line1: `12 ${CANARY} Road`, line2: `Flat 3, ${CANARY} House`, town: `Upper ${CANARY}`, postcode: POSTCODE, fromDate: '2024-05-01' }),
  buildAddress(withheld.id, { line1: `7 ${CANARY}-FORMER Lane`, line2: `${CANARY}-FORMER`, town: 'Ashby Marsh', postcode: `${CANARY}-PC`, fromDate: '2019-01-01', toDate: '2024-04-30' }),
  // Her brother's own address is ordinary, and shown on his record.
  buildAddress(sibling.id, { line1: '3 Elm Row', town: 'Ashby Marsh', postcode: 'DB2 5HN', fromDate: '2020-02-02' }),
];

/** The allowed group: opens Marnie's record and sees where she lives. */
const ALLOCATED = 'social.worker';
/** The allocated worker's team manager supervises her (policy: 'supervises'), so they are in the allowed group too. */
const MANAGER = 'team.manager';
/** Unallocated practitioners, allocated to Marnie's brother instead. */
const SIBLING_WORKERS = ['family.help', 'cp.lead'];
/** Everyone outside the allowed group, derived from the demo users so a new one is crawled too. */
const OUTSIDERS = DEMO_USERS.map((u) => u.username).filter((u) => u !== ALLOCATED);

const userId = async (username: string) =>
  (await t.db.superuser((c) => c.query<{ id: string }>('select id from user_account where username = $1', [username]))).rows[0]!.id;

const relationship = buildRelationship;

beforeAll(async () => {
  t = await startTestApp();
  await insertPeople(t.db.database, [withheld, sibling, mother], addresses);
  await t.db.database.tenant('999', (tx) =>
    insertMany(tx, peopleTables.relationship, [
      relationship(mother.id, withheld.id, 'parent', { parentalResponsibility: true }),
      relationship(mother.id, sibling.id, 'parent', { parentalResponsibility: true, mattersToChild: true }),
      relationship(sibling.id, withheld.id, 'sibling', { mattersToChild: true }),
    ]),
  );
  const insertAllocation = async (personId: string, accountId: string, capacity: string) =>
    t.db.superuser((c) =>
      c.query("insert into allocation (id, person_id, user_id, la_code, capacity, from_date) values (gen_random_uuid(), $1, $2, '999', $3, '2026-01-01')", [personId, accountId, capacity]),
    );
  await insertAllocation(withheld.id, await userId(ALLOCATED), 'Social worker');
  for (const username of SIBLING_WORKERS) await insertAllocation(sibling.id, await userId(username), 'Lead practitioner (Family Help)');

  // Someone took emergency access to Marnie's record: it waits in the access reviews.
  await t.deps.people.breakGlass(
    { userId: randomUUID(), username: 'edt.worker', displayName: 'Out of hours worker', role: 'social_worker', laCode: '999', organisation: 'Demo Borough Council Children’s Services', sessionHash: 'x' },
    withheld.id,
    { code: 'child_missing', text: 'Police report the child missing from her placement since 6pm.' },
  );

  // The allocated worker records on her chronology and searches by her postcode, so the audit trail holds both.
  const worker = await t.signIn(ALLOCATED);
  const added = await worker.post(
    `/people/${withheld.id}/significant-events`,
    { 'occurred-day': '3', 'occurred-month': '2', 'occurred-year': '2026', category: 'family', title: 'Contact with mother moved to a family centre' },
    `/people/${withheld.id}/significant-events/new`,
  );
  expect(added.statusCode).toBe(303);
  expect((await worker.get(`/people?postcode=${encodeURIComponent(POSTCODE)}`)).statusCode).toBe(200);
});
afterAll(() => t?.close());

/** What differs between two identical responses (CSRF tokens, CSP nonces), removed so random text cannot match by chance. */
const stripRandom = (body: string) => body.replace(/name="_csrf" value="[^"]*"/g, '').replace(/nonce="[^"]*"/g, '').replace(/'nonce-[^']*'/g, '');

/** The postcode field echoes what the user typed: that is theirs, not the child's, so it is left out of the check. */
const stripTypedPostcode = (body: string) => body.replace(/(<input[^>]*name="postcode"[^>]*?)value="[^"]*"/g, '$1');

/** Fails, naming the page, if anything of the withheld location is in the response: body or headers. */
function expectNoLocation(label: string, response: LightMyRequestResponse) {
  const body = stripTypedPostcode(stripRandom(response.body));
  // Cookies and the CSP carry random values; every other header is checked.
  const { 'set-cookie': _cookies, 'content-security-policy': _csp, ...rest } = response.headers;
  const headers = JSON.stringify(rest);
  for (const [what, text] of [['body', body], ['headers', headers]] as const) {
    expect(text, `${label}: the canary in the ${what}`).not.toContain(CANARY);
    expect(text, `${label}: the postcode in the ${what}`).not.toMatch(/ZQ9\s*7XW/i);
    expect(text, `${label}: the outward code in the ${what}`).not.toMatch(new RegExp(`\\b${OUTWARD}\\b`));
  }
}

/** Every GET page the app declares (from its route table, so a new page is crawled without changing this test), for each person. */
function declaredPages(): string[] {
  const pages = new Set<string>();
  for (const route of t.app.declaredRoutes) {
    if (route.method !== 'GET') continue;
    if (route.url.includes(':file')) continue; // static files: nothing personal is served from them
    if (!route.url.includes(':')) {
      pages.add(route.url);
      continue;
    }
    // Every parameter takes each person's id in turn (a case or note id that is not one is simply "not found").
    for (const id of [withheld.id, sibling.id, mother.id]) pages.add(route.url.replace(/:\w+/g, id));
  }
  return [...pages];
}

const query = (fields: Record<string, string>) => `/people?${new URLSearchParams(fields).toString()}`;

/** The pages a persona may reach besides the route table: searches for Marnie, filters, errors. */
const extraPages = () => [
  query({ name: WITHHELD_NAME }),
  query({ name: 'Marni Quilfeather' }), // misspelt
  query({ 'dob-day': '19', 'dob-month': '8', 'dob-year': '2016' }),
  query({ name: WITHHELD_NAME, 'dob-day': '19', 'dob-month': '8', 'dob-year': '2016' }),
  query({ identifier: withheld.nhsNumber! }),
  query({ postcode: POSTCODE }),
  query({ postcode: 'zq97xw' }),
  query({ name: 'Quillfeather', postcode: POSTCODE }),
  query({ postcode: 'not a postcode' }), // the form with an error
  ...['home', 'worker', 'family', 'birth'].flatMap((category) => [`/people/${withheld.id}?category=${category}`, `/people/${sibling.id}?category=${category}`]),
  `/people/${withheld.id}?added=1`,
  '/people/not-an-id',
  `/people/${randomUUID()}`,
  `/people/${withheld.id}/no-such-page`,
  '/no-such-page',
];

/** The manager's one page in the allowed group: Marnie's record (and its filters). */
const isWithheldRecord = (url: string) => url === `/people/${withheld.id}` || url.startsWith(`/people/${withheld.id}?`);

const duplicateCheck = (s: Session) =>
  s.post('/people/new', { givenNames: 'Marnie', familyName: 'Quillfeather', 'dob-day': '19', 'dob-month': '8', 'dob-year': '2016', sex: 'F' }, '/people/new');

describe('a location-withheld child', () => {
  it('the allocated worker and the manager of her case see her address on her record, so the canary is there to find', async () => {
    for (const username of [ALLOCATED, MANAGER]) {
      const record = await (await t.signIn(username)).get(`/people/${withheld.id}`);
      expect(record.statusCode, username).toBe(200);
      expect(record.body).toContain(`12 ${CANARY} Road, Upper ${CANARY}, ${POSTCODE}`);
      expect(record.body).toContain('This child’s location is withheld');
    }
  });

  it('even for them, the chronology never writes an address: each move is "address withheld"', async () => {
    for (const username of [ALLOCATED, MANAGER]) {
      const s = await t.signIn(username);
      for (const url of [`/people/${withheld.id}`, `/people/${withheld.id}?category=home`]) {
        const body = (await s.get(url)).body;
        const chronology = body.slice(body.indexOf('id="chronology"'));
        expect(chronology.length, url).toBeGreaterThan(100);
        expect([...chronology.matchAll(/Moved home \(address withheld\)/g)].length, url).toBe(2);
        expect(chronology, url).not.toContain(CANARY);
        expect(chronology, url).not.toContain(POSTCODE);
        expect(chronology, url).not.toContain('Moved to');
        // Her former address is in no part of the page at all.
        expect(body, url).not.toContain(`${CANARY}-FORMER`);
        expect(body, url).not.toContain(`${CANARY}-PC`);
      }
      expect((await s.get(`/people/${withheld.id}`)).body).toContain('Contact with mother moved to a family centre');
    }
  });

  it('the leak check finds each part of her location when it is there', async () => {
    const record = await (await t.signIn(ALLOCATED)).get(`/people/${withheld.id}`);
    expect(() => expectNoLocation('her record, for her worker', record)).toThrow(/the canary in the body/);
    const page = (body: string, headers: Record<string, string> = {}) => ({ ...record, body, headers }) as LightMyRequestResponse;
    expect(() => expectNoLocation('postcode', page(`<td>zq9 7xw</td>`))).toThrow(/the postcode in the body/);
    expect(() => expectNoLocation('postcode', page(`<td>ZQ97XW</td>`))).toThrow(/the postcode in the body/);
    expect(() => expectNoLocation('outward code', page(`<td>Lives in ZQ9</td>`))).toThrow(/the outward code in the body/);
    expect(() => expectNoLocation('header', page('', { location: `/x?a=${CANARY}` }))).toThrow(/the canary in the headers/);
    expect(() => expectNoLocation('typed', page(`<input class="govuk-input" id="postcode" name="postcode" type="text" value="ZQ9 7XW">`))).not.toThrow();
  });

  it('the crawl covers every page the app declares', () => {
    const pages = declaredPages();
    for (const url of ['/', '/people', `/people/${withheld.id}`, `/people/${sibling.id}`, `/people/${withheld.id}/access-log`, '/access-reviews', '/audit', '/users']) {
      expect(pages).toContain(url);
    }
  });

  it.each(OUTSIDERS)('shows %s nothing of where she lives on any page they can reach (the manager\'s view of her own record aside)', async (username) => {
    const s = await t.signIn(username);
    const statuses = new Map<string, number>();
    for (const url of [...declaredPages(), ...extraPages()]) {
      const response = await s.get(url);
      statuses.set(url, response.statusCode);
      expect(response.statusCode, `${username} GET ${url}`).toBeLessThan(500);
      if (username === MANAGER && isWithheldRecord(url)) continue; // in the allowed group for this page (above)
      expectNoLocation(`${username} GET ${url}`, response);
    }

    // The crawl reached real pages, not only refusals.
    expect(statuses.get('/'), `${username}: My work`).toBe(200);
    expect(statuses.get('/accessibility')).toBe(200);
    if (username !== MANAGER) expect(statuses.get(`/people/${withheld.id}`), `${username}: Marnie's record`).toBe(403);

    // Searching for Marnie finds her (her identity stays resolvable), with her location shown only as "Withheld".
    const search = await s.get(query({ name: WITHHELD_NAME }));
    if (search.statusCode === 200) {
      expect(search.body).toContain(`href="/people/${withheld.id}"`);
      expect(search.body).toMatch(new RegExp(`${WITHHELD_NAME}</a>[\\s\\S]*?<td class="govuk-table__cell">Withheld</td>`));
    } else {
      expect(search.statusCode, `${username} may not search`).toBe(403);
    }

    // Adding a person with her name: the duplicate check lists her, without her postcode.
    const duplicates = await duplicateCheck(s);
    expectNoLocation(`${username} POST /people/new (duplicate check)`, duplicates);
    if (duplicates.statusCode === 200) {
      expect(duplicates.body).toContain('Check this person is not already known');
      expect(duplicates.body).toContain(`href="/people/${withheld.id}"`);
    } else {
      expect(duplicates.statusCode, `${username} may not add people`).toBe(403);
    }
  });

  it.each([...SIBLING_WORKERS, MANAGER])("shows %s her brother's record and network, with her in it but not where she lives", async (username) => {
    const s = await t.signIn(username);
    const record = await s.get(`/people/${sibling.id}`);
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain('3 Elm Row, Ashby Marsh, DB2 5HN'); // his own address is his
    // Marnie is in his network: in the table, in the diagram's description and drawn in the SVG.
    // Her name links to her record only for someone who may open it (her manager); her brother's workers see her name alone.
    if (username === MANAGER) expect(record.body).toMatch(new RegExp(`href="/people/${withheld.id}">${WITHHELD_NAME}</a>`));
    else {
      expect(record.body).toContain(`<td class="govuk-table__cell">${WITHHELD_NAME}`);
      expect(record.body).not.toContain(`href="/people/${withheld.id}"`);
    }
    expect(record.body).toMatch(/aria-label="Rory Quillfeather&#39;s network: 2 people\. Who matters to Rory Quillfeather: [^"]*Marnie Quillfeather \(Sister\)/);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(record.body)?.[0] ?? '';
    expect(svg).toContain(`>${WITHHELD_NAME}</text>`);
    expectNoLocation(`${username} GET /people/${sibling.id}`, record);
    expect(svg).not.toContain(CANARY);
    expect(svg).not.toMatch(/ZQ9/);
  });

  it('the access reviews name her, and nothing of where she lives', async () => {
    for (const username of [MANAGER, 'admin']) {
      const reviews = await (await t.signIn(username)).get('/access-reviews');
      expect(reviews.statusCode).toBe(200);
      expect(reviews.body).toContain(`edt.worker opened ${WITHHELD_NAME}’s record`);
      expectNoLocation(`${username} GET /access-reviews`, reviews);
    }
  });

  // A location must never find her: the S-flag hides where she lives while she stays findable by who she is.
  it('cannot be found by her postcode by anyone outside the allowed group', async () => {
    for (const username of ['family.help', 'cp.lead', 'placements.officer']) {
      const s = await t.signIn(username);
      for (const postcode of [POSTCODE, 'zq97xw']) {
        expect((await s.get(query({ postcode }))).body, `${username} searching ${postcode}`).not.toContain(withheld.id);
      }
    }
  });

  it('(the search by postcode itself works: it finds her brother at his)', async () => {
    for (const username of ['family.help', 'cp.lead', 'placements.officer']) {
      const results = await (await t.signIn(username)).get(query({ postcode: 'DB2 5HN' }));
      expect(results.statusCode).toBe(200);
      expect(results.body).toContain(`href="/people/${sibling.id}"`);
    }
  });
});
