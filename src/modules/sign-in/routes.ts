import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { sessionCookieName, sessionCookieOptions } from '../../platform/auth/cookies.ts';
import type { OidcTransaction } from '../../platform/auth/oidc.ts';
import { errorList } from '../../platform/web/errors.ts';
import { LOCKOUT_MS } from '../../platform/auth/session-rules.ts';
import { safeReturnTo, signInForm } from './form.ts';

const OIDC_COOKIE = 'sh_oidc';
const VIEW = 'modules/sign-in/sign-in.njk';

const ENDED_MESSAGES: Record<string, string> = {
  idle: 'You were signed out because you had not done anything for 30 minutes.',
  expired: 'You were signed out because you had been signed in for 12 hours.',
};

export function signInRoutes(app: FastifyInstance, deps: Deps) {
  const secure = deps.config.cookieSecure;
  const sessionCookie = sessionCookieName(secure);

  const startSession = async (request: FastifyRequest, reply: FastifyReply, token: string) => {
    const previous = request.cookies[sessionCookie];
    const unsigned = previous ? request.unsignCookie(previous) : undefined;
    if (unsigned?.valid && unsigned.value) await deps.auth.discardSession(unsigned.value);
    reply.setCookie(sessionCookie, token, sessionCookieOptions(secure));
  };

  const showForm = (reply: FastifyReply, context: Record<string, unknown>) =>
    reply.page(VIEW, { pageTitle: 'Sign in', oidcEnabled: deps.oidc !== undefined, ...context });

  app.get<{ Querystring: { returnTo?: string; ended?: string } }>(
    '/sign-in',
    { config: { permission: 'public' } },
    async (request, reply) => {
      if (request.principal) return reply.redirect('/', 303);
      const endedKey = request.query.ended ?? '';
      const ended = Object.hasOwn(ENDED_MESSAGES, endedKey) ? ENDED_MESSAGES[endedKey] : undefined;
      return showForm(reply, { values: { returnTo: safeReturnTo(request.query.returnTo) }, notice: ended });
    },
  );

  // Lockout stops guessing one account's password; this stops trying one password on many accounts.
  const signInRateLimit = { max: 100, timeWindow: '1 minute' };
  app.post('/sign-in', { config: { permission: 'public', rateLimit: signInRateLimit } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { username: typeof body['username'] === 'string' ? body['username'] : '', returnTo: safeReturnTo(body['returnTo']) };
    const parsed = signInForm.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, signInForm.fields);
      return showForm(reply.code(400), { values, errorList: list, errors: byField });
    }
    const result = await deps.auth.signIn(parsed.data.username, parsed.data.password);
    if (!result.ok) {
      // The same answer whether the account is locked, the password wrong or the username unknown,
      // so the answer never tells which usernames exist (the audit trail records which it was).
      const text = 'Enter a correct username and password';
      return showForm(reply.code(401), {
        values,
        lockoutMinutes: LOCKOUT_MS / 60_000,
        errorList: [{ text, href: '#username' }],
        errors: { username: { text } },
      });
    }
    await startSession(request, reply, result.token);
    return reply.redirect(values.returnTo, 303);
  });

  app.get('/sign-in/oidc', { config: { permission: 'public' } }, async (_request, reply) => {
    if (!deps.oidc) return reply.callNotFound();
    const { url, transaction } = await deps.oidc.start();
    reply.setCookie(OIDC_COOKIE, JSON.stringify(transaction), {
      path: '/sign-in/oidc',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      signed: true,
      maxAge: 600,
    });
    return reply.redirect(url, 302);
  });

  app.get('/sign-in/oidc/callback', { config: { permission: 'public' } }, async (request, reply) => {
    if (!deps.oidc || !deps.config.oidc) return reply.callNotFound();
    const raw = request.cookies[OIDC_COOKIE];
    reply.clearCookie(OIDC_COOKIE, { path: '/sign-in/oidc', httpOnly: true, sameSite: 'lax', secure });
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    const failed = (text: string, status: number) =>
      showForm(reply.code(status), { values: { returnTo: '/' }, errorList: [{ text, href: '#sso' }] });
    if (!unsigned?.valid || !unsigned.value) return failed('Single sign-on took too long or was started elsewhere. Try again.', 400);

    let identity;
    try {
      identity = await deps.oidc.finish(request.url.split('?')[1] ?? '', JSON.parse(unsigned.value) as OidcTransaction);
    } catch (error) {
      request.log.warn({ errorId: 'oidc_failed', reason: (error as Error).message }, 'single sign-on failed');
      return failed('Single sign-on did not work. Try again, or contact your IT service desk.', 400);
    }
    const { authority, organisation, roleMap } = deps.config.oidc;
    const result = await deps.auth.signInWithOidc(identity, { laCode: authority, organisation, roleMap });
    if (!result.ok) {
      return failed('Your account is not set up to use this service. Ask your IT service desk to add you to a Stable Homes group.', 403);
    }
    await startSession(request, reply, result.token);
    return reply.redirect('/', 303);
  });

  app.post('/sign-out', { config: { permission: 'session.own', audit: false } }, async (request, reply) => {
    await deps.auth.signOut(request.principal!);
    reply.clearCookie(sessionCookie, sessionCookieOptions(secure));
    return reply.redirect('/signed-out', 303);
  });

  app.get('/signed-out', { config: { permission: 'public' } }, async (_request, reply) => {
    return reply.page('modules/sign-in/signed-out.njk', { pageTitle: 'You have signed out' });
  });
}
