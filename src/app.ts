import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Deps } from './deps.ts';
import { queriesNamed } from './modules/returns/cin/at-recording.ts';
import { loggerOptions, type LogDestination } from './logger.ts';
import { PUBLIC } from './platform/access/permissions.ts';
import { can, mayEver } from './platform/access/policy.ts';
import { ROLE_LABELS } from './platform/access/roles.ts';
import { csrfCookieName, sessionCookieName, sessionCookieOptions } from './platform/auth/cookies.ts';
import { actorOf } from './platform/auth/service.ts';
import { AuditUnavailableError, HttpError, isWriteConflict, writeConflict } from './platform/web/errors.ts';
import { navigationFor } from './platform/web/navigation.ts';
import { createViewEnvironment } from './platform/web/views.ts';
import { requireDeclaredPermissions } from './platform/web/declared-routes.ts';
import { registerRoutes } from './routes.ts';
import { publicSender, submissionToken } from './platform/forms/submissions.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Refusals that say more than "no": which page, by the error's stable id. */
const SPECIFIC_ERROR_PAGES: Record<string, [string, string]> = {
  restricted: ['restricted', 'This is a restricted record'],
  no_relationship: ['not-allocated', 'You are not allocated to this child'],
  stale_case: ['conflict', 'Someone else changed this case while you were working on it'],
  stale_record: ['conflict', 'Someone else changed who can open this record while you were working on it'],
  case_closed: ['conflict', 'This case is closed'],
  already_decided: ['conflict', 'This request has already been decided'],
  write_conflict: ['conflict', 'Someone else saved at the same moment'],
  already_sent: ['already-sent', 'This form has already been sent'],
  case_open_work: ['blocked', 'The case cannot close yet'],
  already_convened: ['blocked', 'A strategy discussion is already waiting'],
  share_ended: ['share-ended', 'This information is no longer shared with you'],
  fgdm_required: ['blocked', 'Family group decision making must be offered first'],
};

/** What a CSRF token is bound to: the signed-in session, or no session at all (the sign-in and get-help forms). */
const csrfUserInfo = (request: FastifyRequest) => request.principal?.sessionHash ?? 'no-session';

export interface AppOptions {
  /** Where logs go (tests capture them); stdout otherwise. */
  logDestination?: LogDestination;
}

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: loggerOptions(config, options.logDestination),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  });
  const sessionCookie = sessionCookieName(config.cookieSecure);
  const views = createViewEnvironment();

  requireDeclaredPermissions(app);

  app.decorateRequest('principal', undefined);
  app.decorateRequest('sessionEnded', undefined);
  app.decorateRequest('auditChildId', undefined);
  app.decorateRequest('auditDetails', undefined);
  app.decorateRequest('auditFailed', false);
  app.decorateRequest('submission', undefined);

  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody);
  // Only routes that ask for it (sign-in); an office behind one address must still be able to sign in at 9am.
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyStatic, { root: path.join(root, 'public'), serve: false });
  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"], // plus the per-response nonce for GOV.UK's one-line body script
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  // A form's token is tied to the session it was made for (HMAC over the session's hash), so a
  // token taken from one session is refused in another, even with the same CSRF cookie.
  await app.register(fastifyCsrf, {
    cookieKey: csrfCookieName(config.cookieSecure),
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, signed: true },
    getUserInfo: (request) => csrfUserInfo(request),
    csrfOpts: { hmacKey: config.sessionSecret },
  });

  // Who is asking: the server-side session, checked on every request, so sign-out, timeouts and
  // deactivation take effect on the very next one.
  app.addHook('onRequest', async (request, reply) => {
    const { permission, audit } = request.routeOptions.config;
    if (permission === PUBLIC && audit === false) return; // static files and /health need no one
    const token = request.cookies[sessionCookie];
    if (!token) return;
    const unsigned = request.unsignCookie(token);
    if (!unsigned.valid || !unsigned.value) {
      reply.clearCookie(sessionCookie, sessionCookieOptions(config.cookieSecure));
      return;
    }
    const result = await deps.auth.resume(unsigned.value);
    if (result.ok) {
      request.principal = result.principal;
    } else {
      request.sessionEnded = result.state;
      reply.clearCookie(sessionCookie, sessionCookieOptions(config.cookieSecure));
    }
  });

  // Authorisation: the route's declared permission, decided by the policy.
  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config.permission;
    if (permission === undefined || permission === PUBLIC) return; // undefined: not found
    if (!request.principal) {
      if (request.method === 'GET' || request.method === 'HEAD') {
        const query = new URLSearchParams({ returnTo: request.url });
        if (request.sessionEnded === 'idle' || request.sessionEnded === 'expired') query.set('ended', request.sessionEnded);
        return reply.redirect(`/sign-in?${query.toString()}`, 303);
      }
      throw new HttpError(401, 'not_signed_in', 'Sign in to continue');
    }
    // The role must be able to hold the permission at all; a permission that needs a relationship
    // to the child (record.edit, record.access_log …) is then decided by the service, with it.
    if (!mayEver(request.principal, permission)) {
      request.auditDetails = { permission };
      throw new HttpError(403, 'forbidden', 'You do not have permission to see this page');
    }
  });

  // CSRF on every state-changing request. As a preHandler so the form body has been parsed.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return done();
    if (request.routeOptions.config.permission === undefined) return done();
    app.csrfProtection(request, reply, done);
  });

  // A form sent again — a double click, a refresh, the same page in two tabs — is acted on once:
  // a repeat goes where the first went, or is told the form was sent while the first is saving.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const principal = request.principal;
    // A public form has nobody signed in: its sendings are told apart by their tokens alone.
    const sender = principal ? { laCode: principal.laCode, userId: principal.userId } : publicSender(request.routeOptions.config.publicFormAuthority);
    const token = submissionToken(request.body);
    if (!sender || !token) return;
    const claim = await deps.submissions.claim(sender.laCode, sender.userId, token);
    if (claim.first) {
      request.submission = { laCode: sender.laCode, token };
      return;
    }
    if (claim.location) return reply.redirect(claim.location, 303);
    throw new HttpError(409, 'already_sent', 'This form has already been sent');
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const submission = request.submission;
    if (!submission) return payload;
    const location = reply.getHeader('location');
    // Saved and sent on: repeats follow. Anything else saved nothing, so the same form may be sent again.
    if (reply.statusCode >= 300 && reply.statusCode < 400 && typeof location === 'string') await deps.submissions.complete(submission.laCode, submission.token, location);
    else await deps.submissions.release(submission.laCode, submission.token);
    return payload;
  });

  // Nothing personal is cached by the browser or a proxy: the back button after sign-out shows nothing.
  // Static files set their own caching; everything else, error pages included, is no-store.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  // Audit: every signed-in request is recorded before its response leaves. If the audit
  // write fails, the response is replaced by an error page: no record data is sent.
  // A route whose service audits what it does declares `audit: false`, but a refusal (401, 403,
  // or 404: a sealed record is "not found" to the user) is always recorded here, whatever the route
  // says, with the route and the reason — the services' own refusal events add the child.
  app.addHook('onSend', async (request, reply, payload) => {
    const principal = request.principal;
    const action = request.routeOptions.config.audit;
    const status = reply.statusCode;
    const refused = status === 401 || status === 403 || status === 404;
    if (!principal || request.auditFailed || (action === false && !refused)) return payload;
    try {
      await deps.audit.recordNow({
        laCode: principal.laCode,
        actor: actorOf(principal),
        action: action || (refused ? 'request_refused' : request.method === 'GET' ? 'page_view' : 'request'),
        method: request.method,
        route: request.routeOptions.url ?? request.url.split('?')[0]!,
        ...(request.auditChildId ? { childId: request.auditChildId } : {}),
        outcome: status < 400 ? 'success' : refused ? 'denied' : status < 500 ? 'failure' : 'error',
        statusCode: status,
        details: { requestId: request.id, ip: request.ip, ...request.auditDetails },
      });
    } catch (error) {
      request.auditFailed = true;
      throw new AuditUnavailableError(error);
    }
    return payload;
  });

  app.decorateReply('page', async function page(this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    const request = this.request;
    const principal = request.principal;
    const html = views.render(template, {
      serviceName: 'Stable Homes',
      authorityName: principal ? await deps.authorities.name(principal.laCode) : await deps.authorities.defaultName(),
      demo: principal ? await deps.authorities.isDemo(principal.laCode) : false,
      principal,
      roleLabel: principal ? ROLE_LABELS[principal.role] : undefined,
      censusQueries: queriesNamed((request.query as Record<string, unknown> | undefined)?.['check']),
      navigation: principal ? navigationFor(principal, request.url) : [],
      can: (permission: Parameters<typeof can>[1]) => (principal ? can(principal, permission) : false),
      csrfToken: this.generateCsrf({ userInfo: csrfUserInfo(request) }),
      submissionToken: () => randomUUID(), // one for each form on the page
      cspNonce: this.cspNonce.script,
      ...context,
    });
    await this.type('text/html; charset=utf-8').send(html);
  });

  app.setNotFoundHandler(async (_request: FastifyRequest, reply: FastifyReply) => {
    return reply.code(404).page('views/errors/404.njk', { pageTitle: 'Page not found' });
  });

  app.setErrorHandler(async (raised: Error & { statusCode?: number; code?: string }, request, reply) => {
    const error: Error & { statusCode?: number; code?: string } = !(raised instanceof AuditUnavailableError) && isWriteConflict(raised) ? writeConflict() : raised;
    const status = error instanceof HttpError ? error.statusCode : error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    // Why it was refused, for the audit trail (never record content).
    request.auditDetails = { ...request.auditDetails, reason: error instanceof HttpError ? error.id : (error.code ?? 'error') };
    if (status >= 500) {
      request.log.error({ err: error, errorId: error instanceof HttpError ? error.id : 'internal' }, 'request failed');
    } else {
      request.log.info({ errorId: error instanceof HttpError ? error.id : error.code, statusCode: status }, 'request refused');
    }
    // The plain page needs nothing from the database or the session: it is also the fallback
    // when the layout itself cannot be rendered.
    const plain = () => reply.code(500).type('text/html; charset=utf-8').send(views.render('views/errors/500-plain.njk', {}));
    if (error instanceof AuditUnavailableError) return plain(); // nothing that could carry record data
    reply.code(status);
    if (status === 401) return reply.redirect('/sign-in', 303);
    const specific = error instanceof HttpError ? SPECIFIC_ERROR_PAGES[error.id] : undefined;
    const [template, pageTitle] = specific
      ? specific
      : status === 403 && error.code?.startsWith('FST_CSRF_')
        ? ['csrf', 'Your form has expired']
        : status === 403
          ? ['403', 'You do not have permission to see this page']
          : status === 404
            ? ['404', 'Page not found']
            : status === 429
              ? ['429', 'Too many attempts']
              : status < 500
                ? ['400', 'Sorry, there is a problem with this request']
                : ['500', 'Sorry, there is a problem with the service'];
    try {
      return await reply.page(`views/errors/${template}.njk`, { pageTitle, ...(error instanceof HttpError ? error.pageContext : {}) });
    } catch (renderError) {
      request.log.error({ err: renderError }, 'error page could not be rendered');
      return plain();
    }
  });

  registerRoutes(app, deps);
  await app.ready();
  return app;
}
