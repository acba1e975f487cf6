import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, PUBLIC, expand } from '../../src/platform/access/permissions.ts';
import { RULES } from '../../src/platform/access/policy.ts';
import { requireDeclaredPermissions } from '../../src/platform/web/declared-routes.ts';
import { Session, startTestApp, type TestApp } from '../support/app.ts';
import { ENGINE } from '../support/db.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Reachable without signing in. A new public route must be added here on purpose. */
const PUBLIC_ROUTES = [
  'GET /health',
  'GET /sign-in',
  'POST /sign-in',
  'GET /sign-in/oidc',
  'GET /sign-in/oidc/callback',
  'GET /signed-out',
  'GET /accessibility',
  'GET /privacy',
  'GET /public/:file',
  'GET /assets/govuk-frontend.min.js',
  'GET /get-help', // a family asking for help needs no account (rate-limited, honeypot: test/db/front-door.test.ts)
  'POST /get-help',
  'GET /get-help/sent', // the family's reference, read from its own address: nothing of the request
];

const sample = (url: string) => url.replace(':id', '0190f1d2-0000-7000-8000-000000000000').replace(':file', 'app.css');

describe('deny by default', () => {
  it('refuses to start when a route declares no permission, or one that does not exist', () => {
    const app = Fastify();
    requireDeclaredPermissions(app);
    expect(() => app.get('/undeclared', async () => 'x')).toThrow('Route GET /undeclared declares no permission');
    expect(() => app.get('/misspelt', { config: { permission: 'users.veiw' as never } }, async () => 'x')).toThrow(/declares no permission/);
    app.get('/declared', { config: { permission: 'users.view' } }, async () => 'x');
    // Fastify's automatic HEAD route carries the same declaration.
    expect(app.declaredRoutes).toEqual([
      { method: 'GET', url: '/declared', permission: 'users.view' },
      { method: 'HEAD', url: '/declared', permission: 'users.view' },
    ]);
  });

  it('every route declares a permission some rule grants, or is on the public list', () => {
    const routes = t.app.declaredRoutes.filter((r) => r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(10);
    const granted = new Set(RULES.flatMap((rule) => rule.permissions.flatMap((p) => [...expand(p)])));
    for (const route of routes) {
      if (route.permission === PUBLIC) {
        expect(PUBLIC_ROUTES, `${route.method} ${route.url} is public`).toContain(`${route.method} ${route.url}`);
      } else {
        expect(granted.has(route.permission), `${route.url}: ${route.permission}`).toBe(true);
        expect(PERMISSIONS).toContain(route.permission);
      }
    }
  });

  it('every non-public route sends an anonymous visitor to sign in, with nothing else', async () => {
    const anonymous = new Session(t.app);
    for (const route of t.app.declaredRoutes.filter((r) => r.permission !== PUBLIC && r.method !== 'HEAD')) {
      const response =
        route.method === 'GET' ? await anonymous.get(sample(route.url)) : await anonymous.postRaw(sample(route.url), {});
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(303);
      expect(response.headers.location, `${route.method} ${route.url}`).toMatch(/^\/sign-in/);
      expect(response.body).toBe('');
    }
  });

  it('a signed-in user without the permission gets the 403 page', async () => {
    const partner = await t.signIn('police.partner');
    for (const url of ['/users', '/audit']) {
      const response = await partner.get(url);
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('You do not have permission to see this page');
    }
    const forged = await partner.post('/audit/verify', {}, '/');
    expect(forged.statusCode).toBe(403);
  });

  it('another authority\'s user is "not found", never "forbidden"', async () => {
    const admin = await t.signIn('admin');
    const missing = await admin.get('/users/0190f1d2-0000-7000-8000-000000000000');
    const malformed = await admin.get('/users/not-a-uuid');
    expect(missing.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
  });
});

describe('health', () => {
  it('answers without sign-in and names the database', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: ENGINE });
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy with no inline script, and the other headers', async () => {
    const s = await t.signIn('family.help');
    const response = await s.get('/');
    const csp = String(response.headers['content-security-policy']);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)![1]!;
    expect(scriptSrc).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]+'$/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
    const inlineScripts = [...response.body.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBe(1); // GOV.UK's one-line js-enabled script, with the nonce
    expect(inlineScripts[0]![1]).toContain(`nonce="${nonce}"`);
    expect(response.body).not.toMatch(/\son[a-z]+="/); // no inline event handlers
  });

  it('marks every signed-in response no-store, error pages included', async () => {
    const s = await t.signIn('family.help');
    const missing = await s.get('/no-such-page');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Priya Shah');
    expect(missing.headers['cache-control']).toBe('no-store');
    // Static routes never look at the session, so their 404 has nothing personal either.
    const missingFile = await s.get('/public/no-such-file.css');
    expect(missingFile.body).not.toContain('Priya Shah');
    expect(missingFile.headers['cache-control']).toBe('no-store');
    expect((await s.get('/public/app.css')).headers['cache-control']).toBe('public, max-age=3600');
  });

  it('uses the generic header with the authority name: no GOV.UK logotype or crown', async () => {
    const s = await t.signIn('family.help');
    const body = (await s.get('/')).body;
    expect(body).toContain('govuk-generic-header');
    expect(body).toContain('Demo Borough Council');
    expect(body).not.toContain('govuk-logo');
    expect(body).not.toContain('govuk-header__logotype');
    expect(body).not.toContain('govuk-footer__crown');
    expect(body).not.toContain('Crown copyright');
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without a valid token, and changes nothing', async () => {
    const s = await t.signIn('family.help');
    for (const fields of [{}, { _csrf: 'forged' }]) {
      const response = await s.postRaw('/sign-out', fields);
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('Your form has expired');
    }
    expect((await s.get('/')).statusCode).toBe(200); // still signed in
  });

  it('protects the sign-in form too (login CSRF)', async () => {
    const s = new Session(t.app);
    const response = await s.postRaw('/sign-in', { username: 'family.help', password: 'correct-horse-battery-staple' });
    expect(response.statusCode).toBe(403);
    expect(response.cookies.find((c) => c.name === 'sh_session')).toBeUndefined();
  });
});

describe('errors', () => {
  it('shows a GOV.UK 404 page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/no-such-page' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
  });

  it('shows a GOV.UK 500 page with no stack trace or SQL', async () => {
    const broken = await startTestApp({
      deps: (deps) => ({
        ...deps,
        users: {
          ...deps.users,
          list: async () => {
            throw new Error('select * from "user_account" where secret_column = $1');
          },
        },
      }),
    });
    try {
      const s = await broken.signIn('team.manager');
      const response = await s.get('/users');
      expect(response.statusCode).toBe(500);
      expect(response.body).toContain('Sorry, there is a problem with the service');
      expect(response.body).not.toMatch(/user_account|secret_column|select \*|at .*\.ts:\d+/i);
    } finally {
      await broken.close();
    }
  });

  it('recovers from a database fault, showing a plain error page with no SQL meanwhile', async () => {
    const fresh = await startTestApp();
    try {
      await fresh.db.superuser((c) => c.query('REVOKE SELECT ON authority FROM stable_homes_app'));
      const broken = await fresh.app.inject({ method: 'GET', url: '/sign-in' });
      expect(broken.statusCode).toBe(500);
      expect(broken.headers['content-type']).toContain('text/html');
      expect(broken.body).toContain('Sorry, there is a problem with the service');
      expect(broken.body).not.toMatch(/authority|select|Failed query/i);
      await fresh.db.superuser((c) => c.query('GRANT SELECT ON authority TO stable_homes_app'));
      expect((await fresh.app.inject({ method: 'GET', url: '/sign-in' })).statusCode).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('lists every form error in the GOV.UK error summary, in page order', async () => {
    const s = new Session(t.app);
    const response = await s.post('/sign-in', { username: '  ', password: '' }, '/sign-in');
    expect(response.statusCode).toBe(400);
    const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(response.body)![1]!;
    const items = [...summary.matchAll(/href="(#[a-z]+)">([^<]+)</g)].map((m) => [m[1], m[2]!.trim()]);
    expect(items).toEqual([
      ['#username', 'Enter your username'],
      ['#password', 'Enter your password'],
    ]);
    expect(response.body).toContain('<title>Error: Sign in');
  });

  it('never answers bad input with a 5xx, and never echoes it unescaped', async () => {
    const naughty = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '\u0000\u202e', 'x'.repeat(5000), '{"json":1}\n{"level":60}', '__proto__', "'; DROP TABLE user_account; --"];
    const s = new Session(t.app);
    for (const value of naughty) {
      const response = await s.post('/sign-in', { username: value, password: value, returnTo: value }, '/sign-in');
      expect(response.statusCode, value.slice(0, 20)).toBeLessThan(500);
      expect(response.body).not.toContain('<script>alert(1)</script>');
      expect(response.body).not.toContain('<img src=x');
    }
    const proto = await s.postRaw('/sign-in', { ['__proto__[polluted]']: 'yes', constructor: 'x' });
    expect(proto.statusCode).toBeLessThan(500);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const huge = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `username=${'a'.repeat(2 * 1024 * 1024)}`,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('Sorry, there is a problem with this request');
  });

  it('does not redirect off the site after sign-in', async () => {
    for (const returnTo of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
      const s = new Session(t.app);
      const response = await s.post('/sign-in', { username: 'family.help', password: 'correct-horse-battery-staple', returnTo }, '/sign-in');
      expect(response.headers.location).toBe('/');
    }
  });
});
