import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByOidcSubject } from '../../src/platform/auth/repository.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startTestIdentityProvider, type TestIdentityClaims, type TestIdentityProvider } from '../support/oidc-provider.ts';

/**
 * Single sign-on end to end: the real app listening on a port, a real OpenID Connect provider
 * beside it, and a browser played by fetch with a cookie jar, following every redirect by hand.
 */

const CLIENT_ID = 'stable-homes';
const CLIENT_SECRET = 'stable-homes-test-client-secret-0123456789';
const AUTHORITY = '999';
const NOT_SET_UP = 'Your account is not set up to use this service';
const SSO_BUTTON = 'Sign in with single sign-on';

const accounts: Record<string, TestIdentityClaims> = {
  'sub-sam': { email: 'Sam.Okafor@example.test', name: 'Sam Okafor', groups: ['sh-social-workers'] },
  'sub-alex': { email: 'alex.moreno@example.test', name: 'Alex Moreno', groups: ['sh-social-workers'] },
  'sub-pat': { email: 'pat.nobody@example.test', name: 'Pat Nobody', groups: ['sh-finance', 'all-staff'] },
  'sub-robin': { email: 'robin.hale@example.test', name: 'Robin Hale', groups: ['all-staff', 'sh-social-workers'] },
  'sub-kim': { email: 'kim.leaver@example.test', name: 'Kim Leaver', groups: ['sh-social-workers'] },
  'sub-tess': { email: 'tess.tamper@example.test', name: 'Tess Tamper', groups: ['sh-social-workers'] },
  'sub-twin': { email: 'twin.tabs@example.test', name: 'Twin Tabs', groups: ['sh-social-workers'] },
  'sub-clash': { email: 'admin', name: 'Someone Else', groups: ['sh-managers'] },
};

let t: TestApp;
let idp: TestIdentityProvider;
let appUrl: URL;

/** A port nobody is using now: the app's redirect URI must be known before the app is built. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  appUrl = new URL(`http://127.0.0.1:${port}`);
  const redirectUri = new URL('/sign-in/oidc/callback', appUrl).href;
  idp = await startTestIdentityProvider({ redirectUri, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, accounts });
  t = await startTestApp({
    env: {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URI: redirectUri,
      OIDC_AUTHORITY: AUTHORITY,
      OIDC_ROLE_MAP: 'sh-social-workers=social_worker,sh-managers=team_manager',
      OIDC_ALLOW_HTTP: 'true',
    },
  });
  await t.app.listen({ port, host: '127.0.0.1' });
});

afterAll(async () => {
  await t?.close();
  await idp?.close();
});

/** A browser: a cookie jar (host and port, path prefix, Max-Age/Expires deletion) and manual redirects. */
class Browser {
  private readonly jar = new Map<string, { name: string; value: string; host: string; path: string }>();

  async fetch(target: string | URL): Promise<Response> {
    const url = new URL(target, appUrl);
    const headers = new Headers();
    const cookie = this.cookieHeader(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { headers, redirect: 'manual' });
    this.store(url, response);
    return response;
  }

  /** The value of a cookie the browser would send to the app at `path`. */
  cookie(name: string, path = '/'): string | undefined {
    const url = new URL(path, appUrl);
    return [...this.jar.values()].find((c) => c.name === name && this.matches(c, url))?.value;
  }

  setCookie(url: URL, name: string, value: string, path = '/') {
    this.jar.set(`${url.host}|${path}|${name}`, { name, value, host: url.host, path });
  }

  private store(url: URL, response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = url.pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', v = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path') path = v;
        if (key.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
        if (key.toLowerCase() === 'expires' && Date.parse(v) <= Date.now()) expired = true;
      }
      const id = `${url.host}|${path}|${name}`;
      if (expired) this.jar.delete(id);
      else this.jar.set(id, { name, value, host: url.host, path });
    }
  }

  private matches(c: { host: string; path: string }, url: URL) {
    const prefix = c.path.endsWith('/') ? c.path : `${c.path}/`;
    return c.host === url.host && (url.pathname === c.path || url.pathname.startsWith(prefix));
  }

  private cookieHeader(url: URL): string {
    return [...this.jar.values()]
      .filter((c) => this.matches(c, url))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

/**
 * Starts single sign-on at the app and follows the identity provider's redirects (logging in as
 * `accountId`), stopping at the redirect back to the app: returns the callback URL, not yet visited.
 */
async function authorize(browser: Browser, accountId: string): Promise<URL> {
  idp.nextLogin = accountId;
  const start = await browser.fetch('/sign-in/oidc');
  expect(start.status).toBe(302);
  expect(browser.cookie('sh_oidc', '/sign-in/oidc/callback')).toBeDefined();
  let url = new URL(start.headers.get('location') ?? '', appUrl);
  expect(url.origin).toBe(idp.issuer);
  for (let hop = 0; hop < 10; hop++) {
    if (url.origin === appUrl.origin) {
      expect(url.pathname).toBe('/sign-in/oidc/callback');
      return url;
    }
    const response = await browser.fetch(url);
    const body = await response.text();
    if (response.status < 300 || response.status >= 400) {
      throw new Error(`The identity provider answered ${response.status} at ${url.pathname}: ${body.slice(0, 500)}`);
    }
    url = new URL(response.headers.get('location') ?? '', url);
  }
  throw new Error('Too many redirects at the identity provider');
}

/** The whole round trip: start, identity provider, callback. Returns the callback's response. */
async function signInWithSso(browser: Browser, accountId: string): Promise<{ response: Response; body: string }> {
  const callback = await authorize(browser, accountId);
  const response = await browser.fetch(callback);
  return { response, body: await response.text() };
}

async function page(browser: Browser, path: string) {
  const response = await browser.fetch(path);
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
}

function sessionCookieIn(response: Response): boolean {
  return response.headers.getSetCookie().some((line) => /^(__Host-)?sh_session=[^;]/.test(line));
}

const accountOf = (subject: string) => findAccountByOidcSubject(t.deps.database.db, idp.issuer, subject);

describe('single sign-on (OpenID Connect)', () => {
  it('creates the account on first sign-in with the mapped role, and opens My work', async () => {
    expect(await accountOf('sub-sam')).toBeUndefined();
    const browser = new Browser();
    const { response } = await signInWithSso(browser, 'sub-sam');

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(browser.cookie('sh_session')).toBeDefined();
    expect(browser.cookie('sh_oidc', '/sign-in/oidc/callback')).toBeUndefined(); // used once, then cleared

    const home = await page(browser, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('My work');
    expect(home.body).toContain('Sam Okafor');
    expect(home.body).toContain('Sam Okafor, Social worker');

    const account = await accountOf('sub-sam');
    expect(account).toMatchObject({
      laCode: AUTHORITY,
      username: 'sam.okafor@example.test',
      displayName: 'Sam Okafor',
      role: 'social_worker',
      oidcIssuer: idp.issuer,
      oidcSubject: 'sub-sam',
      active: true,
    });
  });

  it('follows a change of groups at the next sign-in, and replaces the earlier session', async () => {
    const browser = new Browser();
    expect((await signInWithSso(browser, 'sub-alex')).response.status).toBe(303);
    expect((await page(browser, '/')).body).toContain('Alex Moreno, Social worker');
    const first = await accountOf('sub-alex');
    const firstSession = browser.cookie('sh_session');

    accounts['sub-alex']!.groups = ['sh-managers'];
    // The same browser: the identity provider remembers the user, the app has a session already.
    const second = await signInWithSso(browser, 'sub-alex');
    expect(second.response.status).toBe(303);
    expect(second.response.headers.get('location')).toBe('/');
    expect(browser.cookie('sh_session')).not.toBe(firstSession);

    const home = await page(browser, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('My work');
    expect(home.body).toContain('Alex Moreno, Team manager');
    expect(home.body).not.toContain('Social worker');

    const account = await accountOf('sub-alex');
    expect(account?.id).toBe(first?.id); // the same account, not a second one
    expect(account?.role).toBe('team_manager');

    // The earlier session ended when the new one began.
    const stale = new Browser();
    stale.setCookie(appUrl, 'sh_session', firstSession ?? '');
    const old = await page(stale, '/');
    expect(old.status).toBe(303);
    expect(old.location).toMatch(/^\/sign-in/);
  });

  it('refuses a user in no mapped group with 403, without an account or a session', async () => {
    const browser = new Browser();
    const { response, body } = await signInWithSso(browser, 'sub-pat');

    expect(response.status).toBe(403);
    expect(body).toContain(NOT_SET_UP);
    expect(sessionCookieIn(response)).toBe(false);
    expect(browser.cookie('sh_session')).toBeUndefined();
    expect(await accountOf('sub-pat')).toBeUndefined();

    const home = await page(browser, '/');
    expect(home.status).toBe(303);
    expect(home.location).toMatch(/^\/sign-in/);
  });

  it('refuses a known user who has left every mapped group, and records the refusal', async () => {
    const browser = new Browser();
    expect((await signInWithSso(browser, 'sub-kim')).response.status).toBe(303);
    const account = await accountOf('sub-kim');
    expect(account?.role).toBe('social_worker');

    accounts['sub-kim']!.groups = ['all-staff'];
    const fresh = new Browser();
    const { response, body } = await signInWithSso(fresh, 'sub-kim');
    expect(response.status).toBe(403);
    expect(body).toContain(NOT_SET_UP);
    expect(sessionCookieIn(response)).toBe(false);

    const events = await t.deps.audit.recent(AUTHORITY, 200);
    const denied = events.find((e) => e.action === 'sign_in' && e.outcome === 'denied' && e.userId === account?.id);
    expect(denied?.details).toMatchObject({ method: 'oidc', reason: 'no_mapped_group' });

    // ...and the session opened while they were still in the group ends at once.
    const home = await page(browser, '/');
    expect(home.status).toBe(303);
    expect(home.location).toMatch(/^\/sign-in/);
  });

  it('creates one account when the same person signs in twice at once (two tabs)', async () => {
    const [a, b] = [new Browser(), new Browser()];
    const [first, second] = await Promise.all([authorize(a, 'sub-twin'), authorize(b, 'sub-twin')]);
    const responses = await Promise.all([a.fetch(first), b.fetch(second)]);
    for (const response of responses) expect(response.status).toBeLessThan(500);
    expect(responses.some((r) => r.status === 303)).toBe(true);
    expect((await accountOf('sub-twin'))?.role).toBe('social_worker');
  });

  it('refuses a provider identity whose username belongs to a password account', async () => {
    const { response, body } = await signInWithSso(new Browser(), 'sub-clash');
    expect(response.status).toBe(403);
    expect(body).toContain(NOT_SET_UP);
    expect(await accountOf('sub-clash')).toBeUndefined();
    const events = await t.deps.audit.recent(AUTHORITY, 50);
    expect(events.find((e) => e.action === 'sign_in' && e.username === 'admin' && e.outcome === 'denied')?.details).toMatchObject({
      method: 'oidc',
      reason: 'username_taken',
    });
  });

  it('refuses a callback whose state was tampered with (400), with no session', async () => {
    const browser = new Browser();
    const callback = await authorize(browser, 'sub-tess');
    expect(callback.searchParams.get('code')).toBeTruthy();
    callback.searchParams.set('state', 'forged-state-value');
    const response = await browser.fetch(callback);
    const body = await response.text();

    expect(response.status).toBe(400);
    expect(body).toContain('Single sign-on did not work');
    expect(sessionCookieIn(response)).toBe(false);
    expect(browser.cookie('sh_session')).toBeUndefined();
    expect(browser.cookie('sh_oidc', '/sign-in/oidc/callback')).toBeUndefined(); // cannot be retried
    expect(await accountOf('sub-tess')).toBeUndefined();
  });

  it('refuses a callback without the signed transaction cookie', async () => {
    const browser = new Browser();
    const callback = await authorize(browser, 'sub-tess');

    // The code arrives in a browser that never started sign-in (login CSRF, or a link sent to someone).
    const elsewhere = new Browser();
    const response = await elsewhere.fetch(callback);
    const body = await response.text();
    expect(response.status).toBe(400);
    expect(body).toContain('Single sign-on took too long or was started elsewhere');
    expect(sessionCookieIn(response)).toBe(false);

    // Nor does a transaction cookie the app did not sign get anywhere.
    const forger = new Browser();
    forger.setCookie(
      appUrl,
      'sh_oidc',
      encodeURIComponent(JSON.stringify({ verifier: 'x'.repeat(43), state: callback.searchParams.get('state'), nonce: 'n' })),
      '/sign-in/oidc',
    );
    const forged = await forger.fetch(callback);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('Single sign-on took too long or was started elsewhere');
    expect(sessionCookieIn(forged)).toBe(false);

    expect(await accountOf('sub-tess')).toBeUndefined();
  });

  it('offers the single sign-on button only when single sign-on is configured', async () => {
    const withSso = await page(new Browser(), '/sign-in');
    expect(withSso.status).toBe(200);
    expect(withSso.body).toContain(SSO_BUTTON);
    expect(withSso.body).toContain('href="/sign-in/oidc"');

    const plain = await startTestApp();
    try {
      const signInPage = await plain.app.inject({ method: 'GET', url: '/sign-in' });
      expect(signInPage.statusCode).toBe(200);
      expect(signInPage.body).toContain('Sign in');
      expect(signInPage.body).not.toContain(SSO_BUTTON);
      expect(signInPage.body).not.toContain('/sign-in/oidc');
      expect((await plain.app.inject({ method: 'GET', url: '/sign-in/oidc' })).statusCode).toBe(404);
      expect((await plain.app.inject({ method: 'GET', url: '/sign-in/oidc/callback?code=x&state=y' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('records single sign-on sign-ins in the audit trail', async () => {
    const browser = new Browser();
    expect((await signInWithSso(browser, 'sub-robin')).response.status).toBe(303);
    const account = await accountOf('sub-robin');

    const events = await t.deps.audit.recent(AUTHORITY, 200);
    const signIns = events.filter((e) => e.action === 'sign_in' && e.userId === account?.id);
    expect(signIns).toHaveLength(1);
    expect(events.find((e) => e.action === 'user_provisioned' && e.userId === account?.id)?.details).toMatchObject({ role: 'social_worker' });
    expect(signIns[0]).toMatchObject({
      outcome: 'success',
      username: 'robin.hale@example.test',
      role: 'social_worker',
      details: { method: 'oidc' },
    });

    const chains = await t.deps.audit.verifyAll();
    expect(chains.every((c) => c.ok)).toBe(true);
  });
});
