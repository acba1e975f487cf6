import { todayInEngland } from '../../platform/clock.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ROLE_LABELS, isRole } from '../../platform/access/roles.ts';
import { CHRONOLOGY_CATEGORIES, SIGNIFICANT_EVENT_CATEGORIES, isChronologyCategory } from './chronology.ts';
import { EVENT_FIELDS, significantEventForm } from './event-form.ts';
import { IDENTITY_FIELDS, identityForm } from './identity-form.ts';
import { IDENTITY_DETAIL_LABELS, IDENTITY_SHARING_CHOICES } from './identity.ts';
import { renderNetworkDiagram } from './network-diagram.ts';
import { BREAK_GLASS_FIELDS, BREAK_GLASS_REASONS, breakGlassForm, reviewForm } from './break-glass-form.ts';
import { BREAK_GLASS_HOURS } from './service.ts';
import { NEW_PERSON_FIELDS, newPersonForm } from './new-person-form.ts';
import { ACCESS_FIELDS, accessForm, RECORD_KIND_CHOICES } from './access-form.ts';
import type { Deps } from '../../deps.ts';
import { errorList } from '../../platform/web/errors.ts';
import { SEARCH_FIELDS, searchForm } from './search-form.ts';
import { formatAge } from './age.ts';
import { notFound } from '../../platform/web/errors.ts';
import { z } from 'zod';

const personParams = z.object({ id: z.uuid() });

export function peopleRoutes(app: FastifyInstance, deps: Deps) {
  app.get<{ Querystring: Record<string, string> }>(
    '/people',
    { config: { permission: 'people.search', audit: false } }, // the service audits each search
    async (request, reply) => {
      const query = request.query;
      const searched = Object.values(query).some((v) => typeof v === 'string' && v.trim() !== '');
      const context = { pageTitle: 'Find a person', values: query };
      if (!searched) return reply.page('modules/people/pages/search.njk', context);
      const parsed = searchForm(todayInEngland(deps.clock)).safeParse(query);
      if (!parsed.success) {
        const { list, byField } = errorList(parsed.error.issues, SEARCH_FIELDS);
        return reply.code(400).page('modules/people/pages/search.njk', { ...context, errorList: list, errors: byField });
      }
      const results = await deps.people.search(request.principal!, parsed.data);
      const today = deps.clock.now();
      return reply.page('modules/people/pages/search.njk', {
        ...context,
        searched: true,
        results: results.map((r) => (r.kind === 'visible' && r.dateOfBirth ? { ...r, age: formatAge(r.dateOfBirth, today) } : r)),
      });
    },
  );

  app.get('/people/:id', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    // A malformed id is "not found", exactly like a record that does not exist or is sealed.
    const params = personParams.safeParse(request.params);
    if (!params.success) throw notFound();
    request.auditChildId = params.data.id;
    const query = request.query as Record<string, unknown>;
    const category = isChronologyCategory(query['category']) ? query['category'] : undefined;
    const record = await deps.people.record(request.principal!, params.data.id, category);
    const today = deps.clock.now();
    return reply.page('modules/people/pages/record.njk', {
      pageTitle: record.name,
      network: renderNetworkDiagram(record.name, record.related),
      backLink: '/people',
      record: { ...record, age: record.dateOfBirth ? formatAge(record.dateOfBirth, today) : undefined },
      related: record.related.map((r) => ({ ...r, age: r.dateOfBirth ? formatAge(r.dateOfBirth, today) : undefined })),
      categories: Object.entries(CHRONOLOGY_CATEGORIES).map(([value, text]) => ({ value, text })),
      categoryLabels: CHRONOLOGY_CATEGORIES,
      category,
      added: query['added'] === '1',
      identitySaved: query['identity'] === '1',
    });
  });

  const showEventForm = (reply: FastifyReply, personId: string, context: Record<string, unknown>) =>
    reply.page('modules/people/pages/add-event.njk', {
      pageTitle: 'Add a significant event',
      backLink: `/people/${personId}#chronology`,
      personId,
      categories: SIGNIFICANT_EVENT_CATEGORIES.map((value) => ({ value, text: CHRONOLOGY_CATEGORIES[value] })),
      values: {},
      ...context,
    });

  app.get('/people/:id/significant-events/new', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const params = personParams.safeParse(request.params);
    if (!params.success) throw notFound();
    await deps.people.checkCanAddSignificantEvent(request.principal!, params.data.id);
    return showEventForm(reply, params.data.id, {});
  });

  app.post('/people/:id/significant-events', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const params = personParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = significantEventForm(todayInEngland(deps.clock)).safeParse(body);
    if (!parsed.success) {
      await deps.people.checkCanAddSignificantEvent(request.principal!, params.data.id); // the form's errors only for those who may use it
      const { list, byField } = errorList(parsed.error.issues, EVENT_FIELDS);
      return showEventForm(reply.code(400), params.data.id, { values: body, errorList: list, errors: byField });
    }
    await deps.people.addSignificantEvent(request.principal!, params.data.id, parsed.data);
    return reply.redirect(`/people/${params.data.id}?added=1#chronology`, 303);
  });

  const showIdentityForm = (reply: FastifyReply, editing: Awaited<ReturnType<Deps['people']['identityForEditing']>>, context: Record<string, unknown>) =>
    reply.page('modules/people/pages/identity.njk', {
      pageTitle: `What ${editing.name} wants people to know`,
      backLink: `/people/${editing.id}`,
      editing,
      kinds: editing.offered.map((kind) => ({ kind, label: IDENTITY_DETAIL_LABELS[kind] })),
      sharing: Object.entries(IDENTITY_SHARING_CHOICES).map(([value, text]) => ({ value, text })),
      values: editing.values,
      ...context,
    });

  app.get('/people/:id/identity', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const params = personParams.safeParse(request.params);
    if (!params.success) throw notFound();
    return showIdentityForm(reply, await deps.people.identityForEditing(request.principal!, params.data.id), {});
  });

  app.post('/people/:id/identity', { config: { permission: 'record.open', audit: false } }, async (request, reply) => {
    const params = personParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const editing = await deps.people.identityForEditing(request.principal!, params.data.id);
    const parsed = identityForm(editing.offered).safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, IDENTITY_FIELDS);
      return showIdentityForm(reply.code(400), editing, { values: body, errorList: list, errors: byField });
    }
    const result = await deps.people.saveIdentity(request.principal!, params.data.id, parsed.data);
    if ('saved' in result) return reply.redirect(`/people/${params.data.id}?identity=1`, 303);
    // Someone saved first: their version beside this worker's, and the form ready to save again over theirs.
    return showIdentityForm(reply.code(409), result.conflict, { values: { ...body, version: String(result.conflict.version) }, conflict: result.conflict.values });
  });

  app.get('/people/:id/access-log', { config: { permission: 'record.access_log', audit: false } }, async (request, reply) => {
    const params = personParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const log = await deps.people.accessLog(request.principal!, params.data.id);
    return reply.page('modules/people/pages/access-log.njk', {
      pageTitle: `Who viewed ${log.name}'s record`,
      backLink: `/people/${log.id}`,
      log,
      views: log.views.map((v) => ({ ...v, roleLabel: v.role && isRole(v.role) ? ROLE_LABELS[v.role] : v.role })),
    });
  });

  // Who may open a record: its kind and access list (the privacy officer, or the manager of the team holding the case).
  const showAccess = (reply: FastifyReply, settings: Awaited<ReturnType<Deps['people']['accessSettings']>>, context: Record<string, unknown>) =>
    reply.page('modules/people/pages/access.njk', {
      pageTitle: `Who can open ${settings.name}’s record`,
      backLink: `/people/${settings.id}`,
      settings,
      // Sealing is the privacy officer's: a manager is not offered it.
      kinds: Object.entries(RECORD_KIND_CHOICES)
        .filter(([value]) => value !== 'sealed' || settings.canSeal)
        .map(([value, choice]) => ({ value, text: choice.text, hint: { text: choice.hint }, checked: value === settings.kind })),
      roleLabels: ROLE_LABELS,
      values: {},
      ...context,
    });

  app.get('/people/:id/access', { config: { permission: 'record.restrict', audit: false } }, async (request, reply) => {
    const params = personParams.safeParse(request.params);
    if (!params.success) throw notFound();
    request.auditChildId = params.data.id;
    const query = request.query as Record<string, unknown>;
    return showAccess(reply, await deps.people.accessSettings(request.principal!, params.data.id), { saved: query['saved'] === '1' });
  });

  app.post('/people/:id/access', { config: { permission: 'record.restrict', audit: false } }, async (request, reply) => {
    const params = personParams.safeParse(request.params);
    if (!params.success) throw notFound();
    request.auditChildId = params.data.id;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = accessForm.safeParse(body);
    if (!parsed.success) {
      const settings = await deps.people.accessSettings(request.principal!, params.data.id); // errors only for those who may change it
      const { list, byField } = errorList(parsed.error.issues, ACCESS_FIELDS);
      return showAccess(reply.code(400), settings, { values: body, errorList: list, errors: byField });
    }
    await deps.people.changeAccess(request.principal!, params.data.id, parsed.data);
    return reply.redirect(`/people/${params.data.id}/access?saved=1`, 303);
  });

  app.get<{ Querystring: Record<string, string> }>('/record-access', { config: { permission: 'record.seal', audit: 'protected_records_listed' } }, async (request, reply) => {
    const principal = request.principal!;
    const laPersonId = typeof request.query['laPersonId'] === 'string' ? request.query['laPersonId'].trim() : '';
    const context = { pageTitle: 'Restricted and sealed records', values: { laPersonId } };
    if (laPersonId) {
      const found = /^[A-Za-z0-9]{1,20}$/.test(laPersonId) ? await deps.people.findForPrivacyOfficer(principal, laPersonId) : undefined;
      if (found) return reply.redirect(`/people/${found}/access`, 303);
      const text = 'No one in this authority has that LA person ID';
      reply.code(400);
      return reply.page('modules/people/pages/record-access.njk', { ...context, records: await deps.people.protectedRecords(principal), errorList: [{ text, href: '#laPersonId' }], errors: { laPersonId: { text } } });
    }
    return reply.page('modules/people/pages/record-access.njk', { ...context, records: await deps.people.protectedRecords(principal) });
  });

  const showBreakGlassForm = (reply: FastifyReply, personId: string, context: Record<string, unknown>) =>
    reply.page('modules/people/pages/emergency-access.njk', {
      pageTitle: 'Get emergency access',
      backLink: `/people/${personId}`,
      personId,
      hours: BREAK_GLASS_HOURS,
      reasons: Object.entries(BREAK_GLASS_REASONS).map(([value, text]) => ({ value, text })),
      values: {},
      ...context,
    });

  app.get('/people/:id/emergency-access', { config: { permission: 'record.break_glass' } }, async (request, reply) => {
    const params = personParams.safeParse(request.params);
    if (!params.success) throw notFound();
    request.auditChildId = params.data.id;
    await deps.people.checkEmergencyAccess(request.principal!, params.data.id);
    return showBreakGlassForm(reply, params.data.id, {});
  });

  app.post('/people/:id/emergency-access', { config: { permission: 'record.break_glass', audit: false } }, async (request, reply) => {
    const params = personParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = breakGlassForm.safeParse(body);
    if (!parsed.success) {
      request.auditChildId = params.data.id;
      await deps.people.checkEmergencyAccess(request.principal!, params.data.id);
      const { list, byField } = errorList(parsed.error.issues, BREAK_GLASS_FIELDS);
      return showBreakGlassForm(reply.code(400), params.data.id, { values: body, errorList: list, errors: byField });
    }
    await deps.people.breakGlass(request.principal!, params.data.id, { code: parsed.data.reasonCode, text: parsed.data.reason });
    return reply.redirect(`/people/${params.data.id}`, 303);
  });

  app.get('/access-reviews', { config: { permission: 'access_reviews.manage', audit: 'access_reviews_viewed' } }, async (request, reply) => {
    const items = await deps.people.accessReviews(request.principal!);
    return reply.page('modules/people/pages/access-reviews.njk', {
      pageTitle: 'Access reviews',
      items: items.map((i) => ({ ...i.grant, childName: `${i.givenNames} ${i.familyName}`, reasonLabel: BREAK_GLASS_REASONS[i.grant.reasonCode as keyof typeof BREAK_GLASS_REASONS] ?? i.grant.reasonCode })),
      reviewed: (request.query as Record<string, unknown>)['reviewed'] === '1',
    });
  });

  app.post<{ Params: { id: string } }>('/access-reviews/:id', { config: { permission: 'access_reviews.manage', audit: false } }, async (request, reply) => {
    const params = personParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const parsed = reviewForm.safeParse(request.body ?? {});
    if (!parsed.success) {
      const items = await deps.people.accessReviews(request.principal!);
      const { list } = errorList(parsed.error.issues.map((i) => ({ ...i, path: [`outcome-${params.data.id}`] })), []);
      return reply.code(400).page('modules/people/pages/access-reviews.njk', {
        pageTitle: 'Access reviews',
        errorList: list,
        errorFor: params.data.id,
        items: items.map((i) => ({ ...i.grant, childName: `${i.givenNames} ${i.familyName}`, reasonLabel: BREAK_GLASS_REASONS[i.grant.reasonCode as keyof typeof BREAK_GLASS_REASONS] ?? i.grant.reasonCode })),
      });
    }
    await deps.people.reviewAccess(request.principal!, params.data.id, parsed.data);
    return reply.redirect('/access-reviews?reviewed=1', 303);
  });

  const showNewPerson = (reply: FastifyReply, context: Record<string, unknown>) =>
    reply.page('modules/people/pages/new-person.njk', { pageTitle: 'Add a person', backLink: '/people', values: {}, ...context });

  app.get('/people/new', { config: { permission: 'people.create' } }, async (_request, reply) => showNewPerson(reply, {}));

  app.post('/people/new', { config: { permission: 'people.create', audit: false } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = newPersonForm(todayInEngland(deps.clock)).safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, NEW_PERSON_FIELDS);
      return showNewPerson(reply.code(400), { values: body, errorList: list, errors: byField });
    }
    const result = await deps.people.create(request.principal!, parsed.data);
    if ('created' in result) return reply.redirect(`/people/${result.created}`, 303);
    const today = deps.clock.now();
    return reply.page('modules/people/pages/check-duplicates.njk', {
      pageTitle: 'Check this person is not already known',
      backLink: '/people/new',
      values: body,
      candidates: result.candidates.map((r) => (r.kind === 'visible' && r.dateOfBirth ? { ...r, age: formatAge(r.dateOfBirth, today) } : r)),
    });
  });
}
