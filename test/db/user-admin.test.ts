// Issue 13, item 16: administrators create local accounts, change roles and teams, unlock and reset
// passwords — each audited, each in the policy, never reaching another authority's users or giving
// a role the policy does not let them give.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIVE_ROLE } from '../../src/platform/access/permissions.ts';
import { FakeClock } from '../../src/platform/clock.ts';
import { startTestApp, Session, TEST_PASSWORD, type Session as SessionType, type TestApp } from '../support/app.ts';
import { rowsOf, summaryFields, userIdOf } from '../support/records.ts';

let t: TestApp;
const clock = new FakeClock(new Date('2026-03-03T09:00:00Z'));
let admin: SessionType;
/** The demo authority's own organisations and teams, and the neighbour's, by name. */
let council: string;
let police: string;
let valleyCouncil: string;
let familyHelpTeam: string;
let cpTeam: string;
let valleyTeam: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  admin = await t.signIn('admin');
  const org = async (name: string) => String((await rowsOf(t, 'select id from organisation where name = $1', [name]))[0]!['id']);
  const team = async (name: string) => String((await rowsOf(t, 'select id from team where name = $1', [name]))[0]!['id']);
  council = await org('Demo Borough Council Children’s Services');
  police = await org('Demoshire Police');
  valleyCouncil = await org('Demo Valley Council Children’s Services');
  familyHelpTeam = await team('Northfield Family Help team');
  cpTeam = await team('Child protection team');
  valleyTeam = await team('Valley Family Help team');
});
afterAll(() => t?.close());

const signedIn = async (s: Session) => (await s.get('/')).statusCode === 200;
/** The error messages on a page, in page order, as text. */
const fieldErrors = (body: string) => [...body.matchAll(/<p id="[^"]+-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span>([^<]*)<\/p>/g)].map((m) => m[1]!.trim());
const events = async (action: string) => rowsOf(t, 'select * from audit_event where la_code = $1 and action = $2 order by seq', ['999', action]);
const account = async (username: string) => (await rowsOf(t, 'select * from user_account where username = $1', [username]))[0];
const teamsOf = async (userId: string) => (await rowsOf(t, 'select team_id, profession from team_member where user_id = $1 order by team_id', [userId])).map((r) => [r['team_id'], r['profession']]);

const newUser = (overrides: Record<string, string | string[]> = {}) => ({
  username: `worker.${randomUUID().slice(0, 8)}`,
  displayName: 'Sam Jones',
  role: 'social_worker',
  organisation: council,
  teams: [familyHelpTeam],
  profession: 'Social worker',
  ...overrides,
});

/** The password the one-time page shows, if it shows one. */
const shownPassword = (body: string) => /data-testid="new-password">([^<]+)</.exec(body)?.[1];

describe('creating a local account', () => {
  it('with a generated password shown once, on a page after a redirect, that the new user signs in with', async () => {
    const fields = newUser();
    const created = await admin.post('/users/new', fields, '/users/new');
    expect(created.statusCode).toBe(303);
    const location = String(created.headers.location);
    expect(location).toMatch(/^\/users\/[0-9a-f-]{36}\/password$/);
    const id = location.split('/')[2]!;

    const shown = await admin.get(location);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Account created');
    const password = shownPassword(shown.body)!;
    expect(password).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(shown.headers['cache-control']).toBe('no-store');
    // Shown once: the same page again, or a refresh, shows nothing.
    const again = await admin.get(location);
    expect(shownPassword(again.body)).toBeUndefined();
    expect(again.body).toContain('There is no new password to show');

    // Stored only as its argon2id hash, never as the password.
    const row = (await account(fields.username))!;
    expect(row).toMatchObject({ id, la_code: '999', role: 'social_worker', display_name: 'Sam Jones', organisation_id: council, active: true });
    expect(String(row['password_hash'])).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(await rowsOf(t, 'select * from audit_event'))).not.toContain(password);
    expect(await teamsOf(id)).toEqual([[familyHelpTeam, 'Social worker']]);

    const them = await t.signIn(fields.username, password);
    expect(await signedIn(them)).toBe(true);
    const [event] = (await events('user_created')).filter((e) => (e['details'] as { userId: string }).userId === id);
    expect(event).toMatchObject({ username: 'admin', outcome: 'success', details: { username: fields.username, role: 'social_worker', organisationId: council, teams: [familyHelpTeam], passwordGenerated: true } });

    const page = await admin.get(`/users/${id}`);
    expect(page.body).toContain('Northfield Family Help team (Social worker)');
  });

  it('with a first password the administrator typed, which is checked and never shown back', async () => {
    const weak = await admin.post('/users/new', newUser({ password: 'short' }), '/users/new');
    expect(weak.statusCode).toBe(400);
    expect(fieldErrors(weak.body)).toEqual(['The password must be 12 characters or more']);
    expect(weak.body).not.toContain('value="short"');

    const fields = newUser({ password: 'a long first password 42' });
    const withName = await admin.post('/users/new', { ...fields, password: `${fields.username}-and-more` }, '/users/new');
    expect(fieldErrors(withName.body)).toEqual(['The password must not include the username']);

    const created = await admin.post('/users/new', fields, '/users/new');
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toMatch(/^\/users\/[0-9a-f-]{36}\?done=created$/);
    expect((await admin.get(String(created.headers.location))).body).toContain('The account has been created');
    expect(await signedIn(await t.signIn(fields.username, 'a long first password 42'))).toBe(true);
  });

  it('shows every problem with an empty form at its field, in page order, and saves nothing', async () => {
    const before = (await rowsOf(t, 'select count(*)::int as n from user_account'))[0]!['n'];
    const empty = await admin.post('/users/new', {}, '/users/new');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(summaryFields(empty.body)).toEqual(['username', 'displayName', 'role', 'organisation']);
    expect(fieldErrors(empty.body)).toEqual(['Enter a username', 'Enter their full name', 'Select a role', 'Select an organisation']);
    const odd = await admin.post('/users/new', newUser({ username: 'Bad Name!', role: 'superuser', teams: ['not-a-team'] }), '/users/new');
    expect(summaryFields(odd.body)).toEqual(['username', 'role', 'teams']);
    expect(fieldErrors(odd.body)).toContain('Select a role');
    expect((await rowsOf(t, 'select count(*)::int as n from user_account'))[0]!['n']).toBe(before);
  });

  it('refuses a username already in use, an organisation or team of another authority, and an organisation that does not fit the role', async () => {
    const taken = await admin.post('/users/new', newUser({ username: 'valley.admin' }), '/users/new');
    expect(taken.statusCode).toBe(400);
    expect(fieldErrors(taken.body)).toEqual(['This username is already in use: choose another']);

    const theirs = await admin.post('/users/new', newUser({ organisation: valleyCouncil, teams: [valleyTeam] }), '/users/new');
    expect(theirs.statusCode).toBe(400);
    expect(fieldErrors(theirs.body)).toEqual(['Select an organisation', 'Select teams from the list']);
    // Another authority's organisation is not even offered.
    expect((await admin.get('/users/new')).body).not.toContain(valleyCouncil);

    const policeSocialWorker = await admin.post('/users/new', newUser({ organisation: police }), '/users/new');
    expect(fieldErrors(policeSocialWorker.body)).toEqual(['For the role Social worker, select the council or a regional care cooperative']);
    const partnerInTeam = await admin.post('/users/new', newUser({ role: 'police_partner', organisation: police }), '/users/new');
    expect(fieldErrors(partnerInTeam.body)).toEqual(['Partners and advocates are not in the authority’s teams: clear the teams']);
    const partner = await admin.post('/users/new', newUser({ role: 'police_partner', organisation: police, teams: [], profession: '' }), '/users/new');
    expect(partner.statusCode).toBe(303);
  });

  it('never gives a role the policy does not let the administrator give: refused at the field and audited', async () => {
    const saved = GIVE_ROLE.administrator;
    GIVE_ROLE.administrator = 'returns.generate'; // a permission administrators do not hold
    try {
      const form = await admin.get('/users/new');
      expect(form.body).not.toContain('value="administrator"');
      const fields = newUser({ role: 'administrator', teams: [], profession: '' });
      const refused = await admin.post('/users/new', fields, '/users/new');
      expect(refused.statusCode).toBe(400);
      expect(fieldErrors(refused.body)).toEqual(['You cannot give the role Administrator']);
      expect(await account(fields.username)).toBeUndefined();
      const [event] = (await events('user_role_refused')).slice(-1);
      expect(event).toMatchObject({ username: 'admin', outcome: 'denied', details: { username: fields.username, role: 'administrator', reason: 'role_not_givable' } });
    } finally {
      GIVE_ROLE.administrator = saved;
    }
    // With the policy as it is, administrators make another administrator.
    const fields = newUser({ role: 'administrator', teams: [], profession: '' });
    expect((await admin.post('/users/new', fields, '/users/new')).statusCode).toBe(303);
    expect((await account(fields.username))!['role']).toBe('administrator');
  });
});

describe('changing a role and teams', () => {
  it('applies from the user’s next request, in the same session, and is audited with what changed', async () => {
    const worker = await t.signIn('social.worker');
    expect((await worker.get('/users')).statusCode).toBe(403);
    const id = await userIdOf(t, 'social.worker');
    const form = await admin.get(`/users/${id}/role`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change role and teams');
    const was = /name="was" value="([0-9a-f]+)"/.exec(form.body)![1]!;
    const changed = await admin.post(`/users/${id}/role`, { role: 'team_manager', organisation: council, teams: [familyHelpTeam, cpTeam], profession: 'Team manager', was }, `/users/${id}/role`);
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe(`/users/${id}?done=role`);
    expect((await account('social.worker'))!['role']).toBe('team_manager');
    expect(await teamsOf(id)).toEqual([[familyHelpTeam, 'Team manager'], [cpTeam, 'Team manager']].sort((a, b) => a[0]!.localeCompare(b[0]!)));
    expect((await worker.get('/users')).statusCode).toBe(200);
    const [event] = (await events('user_role_changed')).slice(-1);
    expect(event).toMatchObject({ username: 'admin', outcome: 'success', details: { userId: id, roleFrom: 'social_worker', roleTo: 'team_manager', teamsFrom: [familyHelpTeam] } });

    // And back, so the rest of the file sees the demo as seeded.
    const back = /name="was" value="([0-9a-f]+)"/.exec((await admin.get(`/users/${id}/role`)).body)![1]!;
    expect((await admin.post(`/users/${id}/role`, { role: 'social_worker', organisation: council, teams: familyHelpTeam, profession: 'Social worker', was: back }, `/users/${id}/role`)).statusCode).toBe(303);
    expect((await worker.get('/users')).statusCode).toBe(403);
  });

  it('refuses a save from a form opened before someone else’s change, changing nothing', async () => {
    const id = await userIdOf(t, 'placements.officer');
    const stale = /name="was" value="([0-9a-f]+)"/.exec((await admin.get(`/users/${id}/role`)).body)![1]!;
    const first = await admin.post(`/users/${id}/role`, { role: 'data_analyst', organisation: council, was: stale }, `/users/${id}/role`);
    expect(first.statusCode).toBe(303);
    const second = await admin.post(`/users/${id}/role`, { role: 'social_worker', organisation: council, was: stale }, `/users/${id}/role`);
    expect(second.statusCode).toBe(409);
    expect(fieldErrors(second.body)[0]).toMatch(/^Someone else changed this account while you were working on it/);
    expect((await account('placements.officer'))!['role']).toBe('data_analyst');
    // The form shows the account as it is now.
    expect(second.body).toMatch(/value="data_analyst" checked/);
  });

  it('keeps a single sign-on account’s role and organisation with the identity provider, changing only its teams', async () => {
    const id = randomUUID();
    await rowsOf(t, "insert into user_account (id, la_code, organisation_id, username, display_name, role, oidc_issuer, oidc_subject) values ($1, '999', $2, $3, 'Sso Person', 'family_help_practitioner', 'https://idp.example', $4)", [id, council, `sso.${id.slice(0, 8)}`, id]);
    const form = await admin.get(`/users/${id}/role`);
    expect(form.body).toContain('signs in with single sign-on');
    expect(form.body).not.toContain('name="role"');
    const was = /name="was" value="([0-9a-f]+)"/.exec(form.body)![1]!;
    const saved = await admin.post(`/users/${id}/role`, { role: 'administrator', organisation: police, teams: cpTeam, profession: 'Family support worker', was }, `/users/${id}/role`);
    expect(saved.statusCode).toBe(303);
    const row = (await rowsOf(t, 'select role, organisation_id from user_account where id = $1', [id]))[0]!;
    expect(row).toEqual({ role: 'family_help_practitioner', organisation_id: council });
    expect(await teamsOf(id)).toEqual([[cpTeam, 'Family support worker']]);
    // Nor has it a password here to reset.
    expect((await admin.get(`/users/${id}`)).body).not.toContain('Reset password');
    expect((await admin.post(`/users/${id}/reset-password`, {}, `/users/${id}`)).statusCode).toBe(400);
  });

  it('never lets administrators change their own role or reset their own password', async () => {
    const self = await userIdOf(t, 'admin');
    expect((await admin.get(`/users/${self}/role`)).statusCode).toBe(404);
    const page = await admin.get(`/users/${self}`);
    expect(page.body).not.toContain(`/users/${self}/role`);
    expect(page.body).not.toContain('Reset password');
    expect((await admin.post(`/users/${self}/role`, { role: 'data_analyst', organisation: council, was: 'x' }, '/users')).statusCode).toBe(403);
    expect((await admin.post(`/users/${self}/reset-password`, {}, '/users')).statusCode).toBe(403);
    expect((await account('admin'))!['role']).toBe('administrator');
  });
});

describe('unlocking and resetting a password', () => {
  it('unlocks an account locked after five wrong passwords, audited', async () => {
    const s = new Session(t.app);
    for (let i = 0; i < 5; i++) await s.post('/sign-in', { username: 'advocate', password: 'wrong password' }, '/sign-in');
    await expect(t.signIn('advocate')).rejects.toThrow(/failed: 401/);
    const id = await userIdOf(t, 'advocate');
    const page = await admin.get(`/users/${id}`);
    expect(page.body).toContain('Unlock account');
    expect((await admin.post(`/users/${id}/unlock`, {}, `/users/${id}`)).statusCode).toBe(303);
    expect(await signedIn(await t.signIn('advocate'))).toBe(true);
    expect((await events('user_unlocked')).slice(-1)[0]).toMatchObject({ username: 'admin', details: { userId: id } });
  });

  it('gives a new password shown once, ends the user’s sessions at once, and lifts a lock; the old password stops working', async () => {
    const victim = await t.signIn('cp.lead');
    const elsewhere = await t.signIn('cp.lead');
    const s = new Session(t.app);
    for (let i = 0; i < 5; i++) await s.post('/sign-in', { username: 'cp.lead', password: 'wrong password' }, '/sign-in');
    const id = await userIdOf(t, 'cp.lead');

    const reset = await admin.post(`/users/${id}/reset-password`, {}, `/users/${id}`);
    expect(reset.statusCode).toBe(303);
    expect(reset.headers.location).toBe(`/users/${id}/password`);
    const shown = await admin.get(`/users/${id}/password`);
    expect(shown.body).toContain('Password reset');
    const password = shownPassword(shown.body)!;
    expect(password).toBeDefined();

    expect(await signedIn(victim)).toBe(false);
    expect(await signedIn(elsewhere)).toBe(false);
    await expect(t.signIn('cp.lead', TEST_PASSWORD)).rejects.toThrow(/failed: 401/);
    expect(await signedIn(await t.signIn('cp.lead', password))).toBe(true);
    const [event] = (await events('user_password_reset')).slice(-1);
    expect(event).toMatchObject({ username: 'admin', outcome: 'success', details: { userId: id, sessionsEnded: 2 } });

    // Back to the demo password, for the tests that follow.
    await t.db.superuser((c) => c.query("update user_account set password_hash = (select password_hash from user_account where username = 'family.help') where id = $1", [id]));
  });

  it('shows the new password only in the session that set it, and a form sent twice resets once', async () => {
    const id = await userIdOf(t, 'health.partner');
    const page = await admin.get(`/users/${id}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const submission = randomUUID();
    const before = (await events('user_password_reset')).length;
    const first = await admin.postRaw(`/users/${id}/reset-password`, { _csrf: token, _submission: submission });
    const repeat = await admin.postRaw(`/users/${id}/reset-password`, { _csrf: token, _submission: submission });
    expect([first.statusCode, repeat.statusCode]).toEqual([303, 303]);
    expect(repeat.headers.location).toBe(first.headers.location);
    expect((await events('user_password_reset')).length).toBe(before + 1);

    // The cookie carrying it, copied into another session of the same administrator, shows nothing.
    const other = await t.signIn('admin');
    for (const [name, value] of admin.cookies) if (name.includes('new_password')) other.cookies.set(name, value);
    const copied = await other.get(`/users/${id}/password`);
    expect(shownPassword(copied.body)).toBeUndefined();
    expect(shownPassword((await admin.get(`/users/${id}/password`)).body)).toBeDefined();
    await t.db.superuser((c) => c.query("update user_account set password_hash = (select password_hash from user_account where username = 'family.help') where id = $1", [id]));
  });
});

describe('who may do it', () => {
  it('a team manager, who may view users, can do none of it, and each refusal is audited', async () => {
    const manager = await t.signIn('team.manager');
    const id = await userIdOf(t, 'family.help');
    const token = /name="_csrf" value="([^"]+)"/.exec((await manager.get('/users')).body)![1]!;
    const page = await manager.get(`/users/${id}`);
    expect(page.statusCode).toBe(200);
    for (const hidden of ['Reset password', 'Add a user', `/users/${id}/role`, 'Deactivate account']) expect(page.body).not.toContain(hidden);
    const before = (await rowsOf(t, "select count(*)::int as n from audit_event where username = 'team.manager' and outcome = 'denied'"))[0]!['n'] as number;
    const answers = [
      (await manager.get('/users/new')).statusCode,
      (await manager.postRaw('/users/new', { _csrf: token, ...newUser() })).statusCode,
      (await manager.get(`/users/${id}/role`)).statusCode,
      (await manager.postRaw(`/users/${id}/role`, { _csrf: token, role: 'administrator', organisation: council, was: 'x' })).statusCode,
      (await manager.postRaw(`/users/${id}/reset-password`, { _csrf: token })).statusCode,
      (await manager.postRaw(`/users/${id}/unlock`, { _csrf: token })).statusCode,
      (await manager.get(`/users/${id}/password`)).statusCode,
    ];
    expect(answers).toEqual([403, 403, 403, 403, 403, 403, 403]);
    const after = (await rowsOf(t, "select count(*)::int as n from audit_event where username = 'team.manager' and outcome = 'denied'"))[0]!['n'] as number;
    expect(after - before).toBe(answers.length);
    expect((await account('family.help'))!['role']).toBe('family_help_practitioner');
  });

  it('another authority’s administrator finds none of these accounts, and changes nothing', async () => {
    const valley = await t.signIn('valley.admin');
    const id = await userIdOf(t, 'family.help');
    const token = /name="_csrf" value="([^"]+)"/.exec((await valley.get('/users')).body)![1]!;
    const hash = (await account('family.help'))!['password_hash'];
    const answers = [
      (await valley.get(`/users/${id}`)).statusCode,
      (await valley.get(`/users/${id}/role`)).statusCode,
      (await valley.postRaw(`/users/${id}/role`, { _csrf: token, role: 'administrator', organisation: valleyCouncil, was: 'x' })).statusCode,
      (await valley.postRaw(`/users/${id}/reset-password`, { _csrf: token })).statusCode,
      (await valley.postRaw(`/users/${id}/unlock`, { _csrf: token })).statusCode,
      (await valley.get(`/users/${id}/password`)).statusCode,
    ];
    expect(answers).toEqual([404, 404, 404, 404, 404, 404]);
    expect(await account('family.help')).toMatchObject({ role: 'family_help_practitioner', password_hash: hash });
    // Their own form offers only their own organisations and teams.
    const form = await valley.get('/users/new');
    expect(form.body).toContain(valleyCouncil);
    expect(form.body).not.toContain(council);
    expect(form.body).not.toContain(familyHelpTeam);
    // The demo authority's organisation, sent anyway, is refused.
    const sent = await valley.post('/users/new', newUser({ organisation: council, teams: [familyHelpTeam] }), '/users/new');
    expect(fieldErrors(sent.body)).toEqual(['Select an organisation', 'Select teams from the list']);
  });

  it('every form needs its CSRF token', async () => {
    const id = await userIdOf(t, 'family.help');
    for (const url of ['/users/new', `/users/${id}/role`, `/users/${id}/reset-password`]) {
      expect((await admin.postRaw(url, { ...newUser() })).statusCode, url).toBe(403);
    }
    const forms = [await admin.get('/users/new'), await admin.get(`/users/${id}/role`), await admin.get(`/users/${id}`)];
    for (const form of forms) {
      for (const action of form.body.matchAll(/<form method="post"[\s\S]*?<\/form>/g)) {
        expect(action[0]).toMatch(/name="_csrf" value="[^"]+"/);
        if (!action[0].includes('/sign-out')) expect(action[0]).toMatch(/name="_submission" value="[0-9a-f-]{36}"/);
      }
    }
  });
});
