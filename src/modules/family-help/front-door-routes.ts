import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { todayInEngland } from '../../platform/clock.ts';
import { errorList, notFound } from '../../platform/web/errors.ts';
import { PRIMARY_NEEDS, REFERRAL_SOURCES } from './codes.ts';
import { REFERENCE_FORMAT } from './front-door.ts';
import { RELATIVE_CHOICES } from '../people/relationship-types.ts';
import { BASIS_LABELS, CONSENT_LABELS, DECISION_FIELDS, DECISION_LABELS, decisionForm, RELATIVE_ROWS } from './decision-form.ts';
import { FAMILY_KNOWS, PARTNER_SOURCES, PUBLIC_ASKERS, REQUEST_FIELDS, requestForm, type RequestChannel } from './request-form.ts';

const idParams = z.object({ id: z.uuid() });
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, text]) => ({ value, text }));

/** The one front door: the public page, partners' and staff's request forms, the queue and the decision. */
export function frontDoorRoutes(app: FastifyInstance, deps: Deps) {
  const today = () => todayInEngland(deps.clock);
  const formContext = (channel: RequestChannel, role?: string) => ({
    channel,
    askers: Object.entries(PUBLIC_ASKERS).map(([value, a]) => ({ value, text: a.text })),
    familyKnows: options(FAMILY_KNOWS),
    sources:
      channel === 'staff'
        ? Object.entries(REFERRAL_SOURCES).map(([value, text]) => ({ value, text: `${value}: ${text}` }))
        : (PARTNER_SOURCES[role ?? ''] ?? []).map((value) => ({ value, text: REFERRAL_SOURCES[value] })),
    values: {},
  });

  // The public page: no sign-in. Spam is held off by a hidden field and a gentle limit on the
  // requests accepted from one address — never a puzzle, and never by losing what a parent wrote.
  const getHelpAuthority = deps.config.getHelpAuthority;
  const acceptedFromOneAddress = app.createRateLimit({ max: 10, timeWindow: '1 hour' });
  const showGetHelp = async (reply: FastifyReply, context: Record<string, unknown>) =>
    reply.page('modules/family-help/pages/get-help.njk', {
      pageTitle: 'Ask for help for your family',
      authorityName: await deps.authorities.name(getHelpAuthority!),
      contactPhone: await deps.authorities.contactPhone(getHelpAuthority!),
      ...formContext('public'),
      ...context,
    });

  app.get('/get-help', { config: { permission: 'public' } }, async (_request, reply) => {
    if (!getHelpAuthority) throw notFound();
    return showGetHelp(reply, {});
  });

  app.post('/get-help', { config: { permission: 'public', publicFormAuthority: getHelpAuthority } }, async (request, reply) => {
    if (!getHelpAuthority) throw notFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = requestForm('public', today()).safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, REQUEST_FIELDS);
      return showGetHelp(reply.code(400), { values: body, errorList: list, errors: byField });
    }
    // Only requests that could be sent count; the page keeps every word when the limit is reached.
    const limit = await acceptedFromOneAddress(request);
    if (!limit.isAllowed && limit.isExceeded) {
      request.log.warn({ errorId: 'get_help_limited' }, 'public requests limited from one address');
      return showGetHelp(reply.code(429), { values: body, limited: true });
    }
    const { reference } = await deps.frontDoor.submitPublic(getHelpAuthority, parsed.data, { ip: request.ip });
    // Sent on to a page of its own, so a refresh or the back button never sends it again.
    return reply.redirect(`/get-help/sent?${new URLSearchParams({ reference, by: parsed.data.submitterPhone ? 'phone' : 'email' }).toString()}`, 303);
  });

  const sentQuery = z.object({ reference: z.string().regex(REFERENCE_FORMAT), by: z.enum(['phone', 'email']) });
  app.get('/get-help/sent', { config: { permission: 'public' } }, async (request, reply) => {
    if (!getHelpAuthority) throw notFound();
    const query = sentQuery.safeParse(request.query);
    if (!query.success) return reply.redirect('/get-help', 303);
    return reply.page('modules/family-help/pages/get-help-sent.njk', {
      pageTitle: 'We have your request',
      authorityName: await deps.authorities.name(getHelpAuthority),
      contactPhone: await deps.authorities.contactPhone(getHelpAuthority),
      reference: query.data.reference,
      contactBy: query.data.by,
    });
  });

  // A partner's own form and what they have sent.
  const showPartnerForm = (reply: FastifyReply, role: string, context: Record<string, unknown>) =>
    reply.page('modules/family-help/pages/request-form.njk', { pageTitle: 'Ask for help for a child', backLink: '/my-requests', ...formContext('partner', role), ...context });

  app.get('/my-requests', { config: { permission: 'requests.submit' } }, async (request, reply) => {
    const requests = await deps.frontDoor.submittedBy(request.principal!);
    return reply.page('modules/family-help/pages/my-requests.njk', {
      pageTitle: 'Your requests for help',
      requests,
      decisionLabels: DECISION_LABELS,
      sent: (request.query as Record<string, unknown>)['sent'] === '1',
    });
  });

  app.get('/my-requests/new', { config: { permission: 'requests.submit' } }, async (request, reply) => showPartnerForm(reply, request.principal!.role, {}));

  app.post('/my-requests/new', { config: { permission: 'requests.submit', audit: false } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = requestForm('partner', today(), PARTNER_SOURCES[request.principal!.role] ?? []).safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, REQUEST_FIELDS);
      return showPartnerForm(reply.code(400), request.principal!.role, { values: body, errorList: list, errors: byField });
    }
    await deps.frontDoor.submit(request.principal!, 'partner', parsed.data);
    return reply.redirect('/my-requests?sent=1', 303);
  });

  // Staff recording a call, the queue, and the decision.
  const showStaffForm = (reply: FastifyReply, context: Record<string, unknown>) =>
    reply.page('modules/family-help/pages/request-form.njk', { pageTitle: 'Record a request for help', backLink: '/front-door', ...formContext('staff'), ...context });

  app.get('/front-door/new', { config: { permission: 'requests.record' } }, async (_request, reply) => showStaffForm(reply, {}));

  app.post('/front-door/new', { config: { permission: 'requests.record', audit: false } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = requestForm('staff', today()).safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, REQUEST_FIELDS);
      return showStaffForm(reply.code(400), { values: body, errorList: list, errors: byField });
    }
    const id = await deps.frontDoor.submit(request.principal!, 'staff', parsed.data);
    return reply.redirect(`/front-door/${id}`, 303);
  });

  app.get('/front-door', { config: { permission: 'requests.triage', audit: 'front_door_viewed' } }, async (request, reply) => {
    const queue = await deps.frontDoor.queue(request.principal!);
    const query = request.query as Record<string, unknown>;
    return reply.page('modules/family-help/pages/front-door.njk', {
      pageTitle: 'Front door',
      queue,
      sourceLabels: REFERRAL_SOURCES,
      decided: query['decided'] === '1',
    });
  });

  /** The people a posted form names (a first and a last name typed), for their likely matches. */
  const namedRows = (body: Record<string, unknown>) =>
    RELATIVE_ROWS.flatMap((row) => {
      const [givenNames, familyName] = [body[`r${row}GivenNames`], body[`r${row}FamilyName`]].map((v) => (typeof v === 'string' ? v.trim() : ''));
      return givenNames && familyName && (row !== 1 || body['r1Add'] !== 'no') ? [{ row, givenNames: givenNames.slice(0, 100), familyName: familyName.slice(0, 100), dateOfBirth: undefined }] : [];
    });

  /** The triage page: on a posted form's return, its own values, and the likely matches for the names as typed. */
  const showTriage = async (reply: FastifyReply, requestId: string, context: Record<string, unknown>, posted?: Record<string, unknown>) => {
    const principal = reply.request.principal!;
    const view = await deps.frontDoor.forTriage(principal, requestId);
    const person = typeof posted?.['person'] === 'string' ? posted['person'] : undefined;
    const relativeMatches = posted && !view.request.decidedAt ? await deps.frontDoor.likelyRelatives(principal, namedRows(posted), person) : view.relativeMatches;
    return reply.page('modules/family-help/pages/triage.njk', {
      pageTitle: `Request for help: ${view.request.childGivenNames} ${view.request.childFamilyName}`,
      backLink: '/front-door',
      ...view,
      relativeMatches: Object.fromEntries(relativeMatches),
      relativeRows: RELATIVE_ROWS,
      relativeChoices: Object.entries(RELATIVE_CHOICES).map(([value, c]) => ({ value, text: c.text })),
      sourceLabels: REFERRAL_SOURCES,
      askerLabels: Object.fromEntries(Object.entries(PUBLIC_ASKERS).map(([k, a]) => [k, a.text])),
      familyKnowsLabels: FAMILY_KNOWS,
      decisions: Object.entries(DECISION_LABELS).map(([value, d]) => ({ value, ...d })),
      decisionLabels: DECISION_LABELS,
      consents: options(CONSENT_LABELS),
      consentLabels: CONSENT_LABELS,
      bases: options(BASIS_LABELS),
      needs: Object.entries(PRIMARY_NEEDS)
        .filter(([code]) => code !== 'N0')
        .map(([value, text]) => ({ value, text: `${value}: ${text}` })),
      values: posted ?? view.factDefaults,
      decided: (reply.request.query as Record<string, unknown>)['decided'] === '1',
      ...context,
    });
  };

  app.get('/front-door/:id', { config: { permission: 'requests.triage', audit: false } }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) throw notFound();
    return showTriage(reply, params.data.id, {});
  });

  // A likely match, checked before deciding: opened from the triage page, in a tab of its own so the form keeps its answers.
  const matchParams = z.object({ id: z.uuid(), personId: z.uuid() });
  app.get('/front-door/:id/people/:personId', { config: { permission: 'requests.triage', audit: false } }, async (request, reply) => {
    const params = matchParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const view = await deps.frontDoor.checkIdentity(request.principal!, params.data.id, params.data.personId);
    return reply.page('modules/family-help/pages/check-identity.njk', {
      pageTitle: `Who is ${view.person.name}?`,
      backLink: `/front-door/${view.request.id}`,
      ...view,
      decisionLabels: DECISION_LABELS,
    });
  });

  app.post('/front-door/:id/decision', { config: { permission: 'requests.triage', audit: false } }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = decisionForm(today()).safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, DECISION_FIELDS);
      return showTriage(reply.code(400), params.data.id, { errorList: list, errors: byField }, body);
    }
    // Someone the request names may already be known: nothing is written until the triager says who they are.
    const { facts } = parsed.data;
    const toChoose = await deps.frontDoor.matchesToChoose(request.principal!, facts?.relatives ?? [], parsed.data.person === 'new' ? undefined : parsed.data.person);
    if (toChoose.size > 0) {
      const issues = [...toChoose.keys()].map((row) => {
        const r = facts!.relatives.find((x) => x.row === row)!;
        return { path: [`r${row}Match`], message: `Select whether ${r.givenNames} ${r.familyName} is one of the people already known, or someone new` };
      });
      const { list, byField } = errorList(issues, DECISION_FIELDS);
      return showTriage(reply.code(400), params.data.id, { errorList: list, errors: byField }, body);
    }
    const decided = await deps.frontDoor.decide(request.principal!, params.data.id, parsed.data);
    // Back to the decided request (it links to the case): a triager outside the lead's team may not open the case itself.
    return reply.redirect(decided.caseId ? `/front-door/${params.data.id}?decided=1` : '/front-door?decided=1', 303);
  });
}
