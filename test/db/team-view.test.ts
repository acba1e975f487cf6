// The manager's team view (/team, issue 13 item 14): one row a case, 50 a page, filtered by worker,
// what is due and type of case, sorted, all from the query string; a restricted or sealed child off
// the manager's list is never named nor counted, so no total, caseload or page gives them away; other
// teams' and other authorities' cases never appear; bad query input reads as the default, never a 500.
import { LocalDate } from '@js-joda/core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/platform/clock.ts';
import { dueDate } from '../../src/platform/timescales/rules.ts';
import { buildPerson, insertPeople } from '../builders/people.ts';
import { buildWorld, EASTGATE, type WorldChild } from '../support/access-world.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { rowsOf, userIdOf } from '../support/records.ts';

const clock = new FakeClock(new Date('2026-03-02T10:00:00Z')); // Monday 2 March 2026
const TODAY = '2026-03-02';
let t: TestApp;
let world: WorldChild[];
let manager: Session;
const child = (key: string) => world.find((c) => c.key === key)!;

/**
 * Sixty more Northfield cases, targeted early help (one clock each: the assessment, from the
 * referral), so what is due on each is plain from its referral date: 20 overdue, 10 due within 5
 * working days, 30 due in April. Leads alternate between Priya Shah (family.help) and Tom Okafor
 * (social.worker); six of the later ones are under section 17 instead (a visit clock too, due in
 * mid-March). Family names are a shuffle of their numbers, so name order is no other order.
 */
interface Extra {
  i: number;
  caseId: string;
  name: string;
  familyName: string;
  lead: 'family.help' | 'social.worker';
  group: 'overdue' | 'soon' | 'later';
  basis: 'early_help' | 'section_17';
  referral: string;
}
const extras: Extra[] = Array.from({ length: 60 }, (_, i) => {
  const group = i < 20 ? 'overdue' : i < 30 ? 'soon' : 'later';
  // Overdue: Mondays a week apart from 2 June 2025, so each falls due on a day of its own.
  const referral =
    group === 'overdue' ? LocalDate.parse('2025-06-02').plusWeeks(i) : group === 'soon' ? LocalDate.parse('2025-12-29').plusDays(i % 5) : LocalDate.parse('2026-02-16').plusDays(i % 10);
  const familyName = `Teamview${String((i * 37) % 60).padStart(2, '0')}`;
  return {
    i,
    caseId: randomUUID(),
    familyName,
    name: `Robin ${familyName}`,
    lead: i % 2 === 0 ? 'family.help' : 'social.worker',
    group,
    basis: group === 'later' && i % 5 === 0 ? 'section_17' : 'early_help',
    referral: referral.toString(),
  };
});

beforeAll(async () => {
  t = await startTestApp({ clock });
  world = await buildWorld(t, TODAY);
  const [northfield] = await rowsOf(t, "select id from team where name = 'Northfield Family Help team'");
  const people = extras.map((e) => buildPerson({ givenNames: 'Robin', familyName: e.familyName, dateOfBirth: '2016-01-01' }));
  await insertPeople(t.db.database, people);
  const leads = { 'family.help': { id: await userIdOf(t, 'family.help'), name: 'Priya Shah' }, 'social.worker': { id: await userIdOf(t, 'social.worker'), name: 'Tom Okafor' } };
  await t.db.superuser(async (c) => {
    for (const [n, e] of extras.entries()) {
      await c.query(
        `insert into family_help_case (id, la_code, person_id, family_id, referral_date, opened_on, lead_practitioner_id, lead_practitioner_name, lead_profession, team_id, primary_need)
         values ($1, '999', $2, gen_random_uuid(), $3, $3, $4, $5, 'Family support worker', $6, 'N4')`,
        [e.caseId, people[n]!.id, e.referral, leads[e.lead].id, leads[e.lead].name, northfield!['id']],
      );
      await c.query("insert into case_basis (id, case_id, la_code, basis, from_date) values (gen_random_uuid(), $1, '999', $2, $3)", [e.caseId, e.basis, e.referral]);
    }
  });
  manager = await t.signIn('team.manager');
}, 120_000);
afterAll(() => t?.close());

/** The cases a page lists, in order: each row links to its case by the child's name. */
const rows = (body: string) => [...body.matchAll(/<a class="govuk-link" href="\/cases\/([0-9a-f-]{36})">([^<]+)<\/a>/g)].map((m) => ({ caseId: m[1]!, name: m[2]! }));
const caption = (body: string) => /<caption class="govuk-table__caption govuk-table__caption--m">([^<]+)<\/caption>/.exec(body)?.[1]?.trim();
const titleOf = (body: string) => /<title>([^<]+?) – /.exec(body)?.[1];
const names = (group: Extra['group']) => extras.filter((e) => e.group === group).map((e) => e.name);
/** The world's two Northfield children the manager may name: both opened today under section 17. */
const visibleWorld = () => ['allocated', 'withheld'].map((k) => `Ash ${child(k).canary.name}`);

async function page(url: string) {
  const response = await manager.get(url);
  expect(response.statusCode, url).toBe(200);
  return response.body;
}

/** Every row of every page of a view. */
async function allRows(query: string) {
  const first = await page(`/team${query ? `?${query}` : ''}`);
  const pages = Number(/\(page \d+ of (\d+)\)/.exec(titleOf(first) ?? '')?.[1] ?? 1);
  const out = rows(first);
  for (let n = 2; n <= pages; n++) out.push(...rows(await page(`/team?${query}${query ? '&' : ''}page=${n}`)));
  return out;
}

describe('the fixture', () => {
  it('has its due dates where the tests expect them', () => {
    const today = LocalDate.parse(TODAY);
    for (const e of extras) {
      const due = dueDate('assessment', LocalDate.parse(e.referral));
      if (e.group === 'overdue') expect(due.isBefore(today), e.name).toBe(true);
      if (e.group === 'soon') expect(!due.isBefore(today) && !due.isAfter(LocalDate.parse('2026-03-09')), `${e.name}: ${due.toString()}`).toBe(true);
      if (e.group === 'later') expect(due.isAfter(LocalDate.parse('2026-04-01')), e.name).toBe(true);
    }
  });
});

describe('paging', () => {
  it('shows 50 cases a page, then the rest, each case once, and only the manager’s teams’ children they may name', async () => {
    const first = await page('/team');
    expect(titleOf(first)).toBe('Team (page 1 of 2)');
    expect(rows(first)).toHaveLength(50);
    expect(caption(first)).toBe('Showing 1 to 50 of 62 cases');
    expect(first).toMatch(/: 62 open cases, 20 with something overdue\./);
    const second = await page('/team?page=2');
    expect(titleOf(second)).toBe('Team (page 2 of 2)');
    expect(rows(second)).toHaveLength(12);
    expect(caption(second)).toBe('Showing 51 to 62 of 62 cases');
    const listed = [...rows(first), ...rows(second)];
    expect(new Set(listed.map((r) => r.caseId)).size).toBe(62);
    expect(listed.map((r) => r.name).sort()).toEqual([...extras.map((e) => e.name), ...visibleWorld()].sort());
    // GOV.UK pagination: page 2 links back to page 1 and has no next.
    expect(second).toContain('class="govuk-pagination');
    expect(second).toMatch(/href="\/team" rel="prev"/);
    expect(second).not.toContain('rel="next"');
    expect(first).toMatch(/href="\/team\?page=2" rel="next"/);
  });

  it('reads a page it cannot use as the first, and one past the end as the last: never an error', async () => {
    for (const bad of ['abc', '0', '-1', '1.5', '', '1e400', '%00']) {
      const body = await page(`/team?page=${bad}`);
      expect(caption(body), bad).toBe('Showing 1 to 50 of 62 cases');
    }
    const twice = await page('/team?page=2&page=1');
    expect(caption(twice)).toBe('Showing 51 to 62 of 62 cases');
    const beyond = await page('/team?page=99');
    expect(caption(beyond)).toBe('Showing 51 to 62 of 62 cases');
    expect(titleOf(beyond)).toBe('Team (page 2 of 2)');
  });

  it('keeps the filters and the order in the pagination links', async () => {
    const body = await page('/team?sort=child&due=none');
    expect(caption(body)).toBe('Showing 1 to 42 of 42 cases that match');
    expect(body).not.toContain('class="govuk-pagination');
    const worker = await userIdOf(t, 'family.help');
    const byWorker = await page(`/team?worker=${worker}&sort=newest`);
    expect(caption(byWorker)).toBe('Showing 1 to 32 of 32 cases that match');
    const several = await page('/team?sort=oldest&type=early_help');
    expect(caption(several)).toBe('Showing 1 to 50 of 54 cases that match');
    expect(several).toMatch(/href="\/team\?type=early_help&amp;sort=oldest&amp;page=2" rel="next"/);
    const next = await page('/team?type=early_help&sort=oldest&page=2');
    expect(caption(next)).toBe('Showing 51 to 54 of 54 cases that match');
    expect(next).toMatch(/href="\/team\?type=early_help&amp;sort=oldest" rel="prev"/);
  });
});

describe('the access rule', () => {
  const hidden = () => ['restricted', 'sealed', 'eastgate', 'coworked', 'neighbour'].map(child);

  it('never names nor counts a restricted or sealed child off the manager’s list, nor shows another team’s or authority’s case, on any page, filter or order', async () => {
    const worker = await userIdOf(t, 'family.help');
    const views = ['', 'sort=child', 'sort=worker', 'sort=newest', 'sort=oldest', 'due=overdue', 'due=soon', 'due=none', 'type=section_17', 'type=strategy_discussion', `worker=${worker}`];
    for (const view of views) {
      for (const row of await allRows(view)) {
        for (const c of hidden()) {
          expect(row.caseId, `${view}: ${c.key}`).not.toBe(c.caseId);
          expect(row.name, `${view}: ${c.key}`).not.toContain(c.canary.name);
        }
      }
    }
    for (const url of ['/team', '/team?page=2', `/team?worker=${worker}`, '/team?type=section_17', '/team?type=strategy_discussion']) {
      const body = await page(url);
      for (const c of hidden()) {
        expect(body, `${url}: ${c.key}`).not.toContain(c.canary.name);
        expect(body, `${url}: ${c.key}`).not.toContain(c.caseId!);
      }
    }
    // Priya Shah leads the restricted and sealed cases too: her caseload counts only the 32 she may be shown leading here.
    const body = await page('/team');
    expect(body).toMatch(/Priya Shah<\/td><td class="govuk-table__cell govuk-table__cell--numeric">32</);
    expect(body).toMatch(/Tom Okafor<\/td><td class="govuk-table__cell govuk-table__cell--numeric">30</);
    expect(body).toContain(`<option value="${worker}">Priya Shah (32)</option>`);
    // The restricted child has a strategy discussion waiting: the type filter does not count it either.
    expect(rows(await page('/team?type=strategy_discussion')).map((r) => r.name)).toEqual([`Ash ${child('allocated').canary.name}`]);
  });

  it('names them to a manager on their access list, and counts them then', async () => {
    await t.db.superuser((c) =>
      c.query("insert into person_access (person_id, user_id, la_code, reason) select $1, id, '999', 'Named by the privacy officer' from user_account where username = 'team.manager'", [child('restricted').personId]),
    );
    try {
      const listed = await allRows('');
      expect(listed).toHaveLength(63);
      expect(listed.map((r) => r.caseId)).toContain(child('restricted').caseId);
      expect(listed.map((r) => r.caseId)).not.toContain(child('sealed').caseId);
    } finally {
      await t.db.superuser((c) => c.query("delete from person_access where person_id = $1 and user_id = (select id from user_account where username = 'team.manager')", [child('restricted').personId]));
    }
    expect(await allRows('')).toHaveLength(62);
  });

  it('shows the Eastgate manager their own team’s two cases and nothing of Northfield’s', async () => {
    const eastgate = await t.signIn(EASTGATE.manager);
    const response = await eastgate.get('/team');
    expect(response.statusCode).toBe(200);
    expect(rows(response.body).map((r) => r.caseId).sort()).toEqual([child('eastgate').caseId, child('coworked').caseId].sort());
    expect(caption(response.body)).toBe('Showing 1 to 2 of 2 cases');
  });

  it('shows the other authority’s manager their own case and nothing of this one’s', async () => {
    const valley = await t.signIn('valley.team.manager');
    const response = await valley.get('/team');
    expect(response.statusCode).toBe(200);
    expect(rows(response.body).map((r) => r.caseId)).toEqual([child('neighbour').caseId]);
  });

  it('is refused to a practitioner, and each view is audited', async () => {
    expect((await (await t.signIn('family.help')).get('/team')).statusCode).toBe(403);
    const before = await rowsOf(t, "select count(*)::int as n from audit_event where action = 'team_viewed' and username = 'team.manager'");
    await page('/team?due=overdue');
    const after = await rowsOf(t, "select count(*)::int as n from audit_event where action = 'team_viewed' and username = 'team.manager'");
    expect(Number(after[0]!['n'])).toBe(Number(before[0]!['n']) + 1);
  });
});

describe('filters', () => {
  it('by what is due: something overdue, something due within 5 working days, nothing overdue', async () => {
    expect((await allRows('due=overdue')).map((r) => r.name).sort()).toEqual(names('overdue').sort());
    // The allocated child's urgent strategy discussion, convened today, is due tomorrow.
    expect((await allRows('due=soon')).map((r) => r.name).sort()).toEqual([...names('soon'), `Ash ${child('allocated').canary.name}`].sort());
    expect((await allRows('due=none')).map((r) => r.name).sort()).toEqual([...names('soon'), ...names('later'), ...visibleWorld()].sort());
  });

  it('by lead practitioner, and with another filter', async () => {
    const tom = await userIdOf(t, 'social.worker');
    const his = await allRows(`worker=${tom}`);
    expect(his.map((r) => r.name).sort()).toEqual(extras.filter((e) => e.lead === 'social.worker').map((e) => e.name).sort());
    const priya = await userIdOf(t, 'family.help');
    expect((await allRows(`worker=${priya}&due=overdue`)).map((r) => r.name).sort()).toEqual(extras.filter((e) => e.lead === 'family.help' && e.group === 'overdue').map((e) => e.name).sort());
  });

  it('by type of case: its basis, and the open work a layer reports', async () => {
    expect((await allRows('type=section_17')).map((r) => r.name).sort()).toEqual([...extras.filter((e) => e.basis === 'section_17').map((e) => e.name), ...visibleWorld()].sort());
    expect(await allRows('type=early_help')).toHaveLength(54);
    const none = await page('/team?type=plan');
    expect(rows(none)).toEqual([]);
    expect(none).toContain('No open cases match these filters. <a class="govuk-link" href="/team">Show all your teams’ cases</a>.');
  });

  it('ignores what it does not offer: an unknown worker, team, due or type, a field sent as a list', async () => {
    const eastgateWorker = await userIdOf(t, EASTGATE.worker);
    const all = 'Showing 1 to 50 of 62 cases';
    for (const [query, expected] of [
      [`worker=${eastgateWorker}`, all], // leads no case in these teams
      ['worker=not-a-uuid', all],
      [`team=${randomUUID()}`, all],
      ['due=someday', all],
      ['type=adoption', all],
      ['type[]=plan', all],
      ['worker=&due=&type=&team=&sort=', all],
      ['due=overdue&due=soon', 'Showing 1 to 20 of 20 cases that match'], // the first of the two
      ['page[]=2&sort[]=child&due[x]=1', all],
    ] as const) {
      const response = await manager.get(`/team?${query}`);
      expect(response.statusCode, query).toBe(200);
      expect(caption(response.body), query).toBe(expected);
    }
  });
});

describe('sorting', () => {
  it('most urgent first by default (longest overdue at the top), and for an order it does not know', async () => {
    const overdueInOrder = extras.filter((e) => e.group === 'overdue').map((e) => e.name); // referred a day apart
    for (const query of ['', 'sort=urgent', 'sort=nonsense']) {
      const listed = await allRows(query);
      expect(listed.slice(0, 20).map((r) => r.name), query).toEqual(overdueInOrder);
      // Then the allocated child's strategy discussion, due tomorrow; then the assessments due within the week.
      expect(listed[20]!.name).toBe(`Ash ${child('allocated').canary.name}`);
      expect(new Set(listed.slice(21, 31).map((r) => r.name))).toEqual(new Set(names('soon')));
    }
  });

  it('by the child’s family name', async () => {
    const listed = await allRows('sort=child');
    const expected = [...extras.map((e) => ({ family: e.familyName, name: e.name })), ...visibleWorld().map((name) => ({ family: name.split(' ')[1]!, name }))]
      .sort((a, b) => a.family.localeCompare(b.family, 'en-GB', { sensitivity: 'base', numeric: true }))
      .map((x) => x.name);
    expect(listed.map((r) => r.name)).toEqual(expected);
  });

  it('by lead practitioner, then most urgent', async () => {
    const listed = await allRows('sort=worker');
    const priya = new Set([...extras.filter((e) => e.lead === 'family.help').map((e) => e.name), ...visibleWorld()]);
    expect(listed.slice(0, 32).every((r) => priya.has(r.name))).toBe(true);
    expect(listed.slice(32).every((r) => !priya.has(r.name))).toBe(true);
    expect(listed[0]!.name).toBe(extras[0]!.name); // her longest overdue
  });

  it('by date opened, newest or oldest first', async () => {
    const newest = await allRows('sort=newest');
    expect(new Set(newest.slice(0, 2).map((r) => r.name))).toEqual(new Set(visibleWorld())); // opened today
    const opened = new Map(extras.map((e) => [e.name, e.referral]));
    const dates = newest.slice(2).map((r) => opened.get(r.name)!);
    expect(dates).toEqual([...dates].sort().reverse());
    const oldest = await allRows('sort=oldest');
    expect(oldest[0]!.name).toBe(extras[0]!.name); // referred and opened 2 June 2025
    expect(new Set(oldest.slice(-2).map((r) => r.name))).toEqual(new Set(visibleWorld()));
  });
});
