import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/platform/clock.ts';
import { startTestApp, Session, TEST_PASSWORD, type TestApp } from '../support/app.ts';
import { rowsOf } from '../support/records.ts';

const MINUTE = 60_000;
let t: TestApp;
const clock = new FakeClock(new Date('2026-03-03T09:00:00Z'));

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t.close());

const signedIn = async (s: Session) => (await s.get('/')).statusCode === 200;
/** The sign-in form's error summary. */
const errorMessage = (body: string) => /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)![1]!.trim();
/** How many sign-ins the audit trail says were refused because the account was locked. */
const lockedRefusals = async (username: string) =>
  Number((await rowsOf(t, "select count(*) as n from audit_event where action = 'sign_in' and username = $1 and details->>'reason' = 'locked'", [username]))[0]!['n']);

describe('sessions', () => {
  it('a form from a browser that lost its CSRF cookie gets "Your form has expired"', async () => {
    const s = await t.signIn('family.help');
    const home = await s.get('/');
    const token = /name="_csrf" value="([^"]+)"/.exec(home.body)![1]!;
    s.cookies.delete('sh_csrf');
    const response = await s.postRaw('/sign-out', { _csrf: token });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Your form has expired');
  });

  it('an overlong or odd returnTo never stops sign-in', async () => {
    const s = new Session(t.app);
    const response = await s.post('/sign-in', { username: 'family.help', password: TEST_PASSWORD, returnTo: `/${'x'.repeat(3000)}` }, '/sign-in');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    for (const ended of ['toString', '__proto__', 'constructor', 'idle']) {
      expect((await new Session(t.app).get(`/sign-in?ended=${ended}`)).statusCode).toBe(200);
    }
  });

  it('issues a new session id at every sign-in and retires the one it replaces', async () => {
    const s = await t.signIn('family.help');
    const first = s.cookies.get('sh_session');
    // Signing in again from a signed-in browser (the form token comes from any page's sign-out form).
    const again = await s.post('/sign-in', { username: 'family.help', password: TEST_PASSWORD }, '/');
    expect(again.statusCode).toBe(303);
    const second = s.cookies.get('sh_session');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const stale = new Session(t.app);
    stale.cookies.set('sh_session', first!);
    expect((await stale.get('/')).statusCode).toBe(303);
    expect(await signedIn(s)).toBe(true);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, on the whole site, and never readable by script', async () => {
    const s = new Session(t.app);
    const page = await s.get('/sign-in');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const response = await s.postRaw('/sign-in', { _csrf: token, username: 'family.help', password: TEST_PASSWORD });
    const cookie = response.cookies.find((c) => c.name === 'sh_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.maxAge).toBeUndefined(); // a browser-session cookie; lifetimes are enforced on the server
  });

  it('ends after 30 minutes idle, and says why on the sign-in page', async () => {
    const s = await t.signIn('social.worker');
    clock.advance(29 * MINUTE);
    expect(await signedIn(s)).toBe(true);
    clock.advance(29 * MINUTE);
    expect(await signedIn(s)).toBe(true); // activity keeps it alive
    clock.advance(30 * MINUTE);
    const response = await s.get('/');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?returnTo=%2F&ended=idle');
    expect((await s.get('/sign-in?ended=idle')).body).toContain('you had not done anything for 30 minutes');
    expect(await signedIn(s)).toBe(false);
  });

  it('ends 12 hours after sign-in however active the user is', async () => {
    const s = await t.signIn('cp.lead');
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      clock.advance(20 * MINUTE);
      expect(await signedIn(s)).toBe(true);
    }
    clock.advance(20 * MINUTE);
    const response = await s.get('/users');
    expect(response.headers.location).toBe('/sign-in?returnTo=%2Fusers&ended=expired');
  });

  it('sign-out takes effect on the very next request, even with a copy of the cookie', async () => {
    const s = await t.signIn('family.help');
    const copy = new Session(t.app);
    copy.cookies.set('sh_session', s.cookies.get('sh_session')!);
    const out = await s.post('/sign-out', {}, '/');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/signed-out');
    expect(await signedIn(copy)).toBe(false);
    expect(await signedIn(s)).toBe(false);
  });

  it('deactivation ends every session of the account on its next request, and stops sign-in', async () => {
    const victim = await t.signIn('placements.officer');
    const admin = await t.signIn('admin');
    const list = await admin.get('/users');
    const id = new RegExp('href="/users/([0-9a-f-]+)">Chloe Barnes').exec(list.body)![1]!;
    const res = await admin.post(`/users/${id}/deactivate`, {}, `/users/${id}`);
    expect(res.statusCode).toBe(303);
    expect(await signedIn(victim)).toBe(false);
    await expect(t.signIn('placements.officer')).rejects.toThrow(/failed: 401/);
    await admin.post(`/users/${id}/reactivate`, {}, `/users/${id}`);
    expect(await signedIn(await t.signIn('placements.officer'))).toBe(true);
  });
});

describe('lockout', () => {
  it('locks an account for 15 minutes after 5 wrong passwords, even against the right one', async () => {
    const s = new Session(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await s.post('/sign-in', { username: 'data.analyst', password: 'wrong password' }, '/sign-in')).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const locked = await s.post('/sign-in', { username: 'data.analyst', password: TEST_PASSWORD }, '/sign-in');
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toContain('an account is locked for 15 minutes');
    expect(errorMessage(locked.body)).toContain('Enter a correct username and password');
    expect(await lockedRefusals('data.analyst')).toBe(1); // the right password, refused: the fifth wrong one locked the account
    // A locked account and an unknown username get the same answer: the lockout tells nobody which usernames exist.
    const unknown = await s.post('/sign-in', { username: 'no.such.user', password: TEST_PASSWORD }, '/sign-in');
    expect(unknown.statusCode).toBe(locked.statusCode);
    expect(errorMessage(unknown.body)).toBe(errorMessage(locked.body));
    clock.advance(15 * MINUTE);
    expect(await signedIn(await t.signIn('data.analyst'))).toBe(true);
  });

  it('counts every one of many wrong passwords sent at once', async () => {
    const page = await new Session(t.app).get('/sign-in');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const csrf = page.cookies.find((c) => c.name === 'sh_csrf')!.value;
    const guesses = Array.from({ length: 12 }, (_, i) =>
      t.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { cookie: `sh_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: token, username: 'health.partner', password: `guess ${i}` }).toString(),
      }),
    );
    const statuses = (await Promise.all(guesses)).map((r) => r.statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(await lockedRefusals('health.partner')).toBeGreaterThanOrEqual(7);
    await expect(t.signIn('health.partner')).rejects.toThrow(/failed: 401/);
    expect(await lockedRefusals('health.partner')).toBeGreaterThanOrEqual(8);
  });

  it('an administrator can unlock a locked account', async () => {
    const s = new Session(t.app);
    for (let i = 0; i < 5; i++) await s.post('/sign-in', { username: 'school.partner', password: 'wrong password' }, '/sign-in');
    await expect(t.signIn('school.partner')).rejects.toThrow(/failed: 401/);
    const admin = await t.signIn('admin');
    const list = await admin.get('/users');
    const id = new RegExp('href="/users/([0-9a-f-]+)">Gareth Lewis').exec(list.body)![1]!;
    const show = await admin.get(`/users/${id}`);
    expect(show.body).toContain('locked after failed sign-ins');
    expect((await admin.post(`/users/${id}/unlock`, {}, `/users/${id}`)).statusCode).toBe(303);
    expect(await signedIn(await t.signIn('school.partner'))).toBe(true);
    const [latest] = await t.deps.audit.recent('999', 3).then((events) => events.filter((e) => e.action === 'user_unlocked'));
    expect(latest).toMatchObject({ username: 'admin', details: { userId: id } });
  });

  it('says the same thing for an unknown username as for a wrong password', async () => {
    const s = new Session(t.app);
    const unknown = await s.post('/sign-in', { username: 'nobody.here', password: 'whatever it is' }, '/sign-in');
    const wrong = await s.post('/sign-in', { username: 'advocate', password: 'whatever it is' }, '/sign-in');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const message = (body: string) => /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)![1]!.trim();
    expect(message(unknown.body)).toBe(message(wrong.body));
  });
});

describe('secure cookies outside local development', () => {
  it('uses __Host- prefixed, Secure cookies when COOKIE_SECURE is on', async () => {
    const secure = await startTestApp({ env: { COOKIE_SECURE: 'true' } });
    try {
      const s = new Session(secure.app);
      const page = await s.get('/sign-in');
      expect(page.cookies.find((c) => c.name === '__Host-sh_csrf')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      const response = await s.postRaw('/sign-in', { _csrf: token, username: 'family.help', password: TEST_PASSWORD });
      expect(response.cookies.find((c) => c.name === '__Host-sh_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
      // Cleared with the same attributes it was set with, or the browser keeps a __Host- cookie.
      const signedIn = new Session(secure.app);
      signedIn.cookies.set('__Host-sh_session', response.cookies.find((c) => c.name === '__Host-sh_session')!.value);
      signedIn.cookies.set('__Host-sh_csrf', page.cookies.find((c) => c.name === '__Host-sh_csrf')!.value);
      const home = await signedIn.get('/');
      const csrfToken = /name="_csrf" value="([^"]+)"/.exec(home.body)![1]!;
      const out = await signedIn.postRaw('/sign-out', { _csrf: csrfToken });
      expect(out.statusCode).toBe(303);
      expect(out.cookies.find((c) => c.name === '__Host-sh_session')).toMatchObject({ value: '', secure: true, path: '/' });
    } finally {
      await secure.close();
    }
  });
});
