import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RoutePermission } from '../access/permissions.ts';
import type { Principal } from '../auth/service.ts';
import { CensusRuleBroken, censusErrors, censusQueries, fieldFor, type CensusProblem } from '../../modules/returns/cin/at-recording.ts';
import { errorList, notFound } from './errors.ts';

/**
 * Runs a form's save with the CIN census rules it might break collected: a broken error rule
 * (nothing saved) comes back to show on the form; queries about what this form holds come back
 * for the next page (a query about something else, such as an assessment not yet recorded while
 * an enquiry starts, is for the Returns page, not for this moment).
 */
async function savedWithCensusCheck<R>(save: () => Promise<R>, formFields: readonly string[]): Promise<{ saved: R; queries: CensusProblem[] } | { broken: CensusRuleBroken }> {
  const queries: CensusProblem[] = [];
  try {
    const saved = await censusQueries.run(queries, save);
    return { saved, queries: queries.filter((q) => fieldFor(q, formFields) !== undefined) };
  } catch (error) {
    if (error instanceof CensusRuleBroken) return { broken: error };
    throw error;
  }
}

/** The page after a save, told which census queries the save raised. */
const withQueries = (url: string, queries: readonly CensusProblem[]) =>
  queries.length === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}check=${[...new Set(queries.map((q) => q.code))].join(',')}`;

/**
 * One GET and one POST for a form about a record: the form, its errors (400, nothing saved, the
 * GOV.UK error summary in field order), or the save and a redirect. `load` reads what the form
 * needs through the service (which checks access and audits); `allowed` says whether this user
 * may use the form now (if not: 404, as if it were not there).
 */
export function pageForm<V, T, R = unknown>(
  app: FastifyInstance,
  spec: {
    path: string;
    permission: RoutePermission;
    load: (principal: Principal, request: FastifyRequest) => Promise<V>;
    allowed: (view: V) => boolean;
    template: string;
    title: string;
    fields: readonly string[];
    context?: (view: V, principal: Principal) => Promise<Record<string, unknown>> | Record<string, unknown>;
    schema: (view: V, context: Record<string, unknown>) => z.ZodType<T>;
    save: (principal: Principal, view: V, input: T) => Promise<R>;
    /** Where to go after saving, given what the save returned. */
    done: (view: V, saved: R) => string;
  },
) {
  const open = async (request: FastifyRequest) => {
    const principal = request.principal!;
    const view = await spec.load(principal, request);
    if (!spec.allowed(view)) throw notFound();
    return { principal, view, context: { ...(await spec.context?.(view, principal)) } };
  };
  const show = (reply: FastifyReply, view: V, context: Record<string, unknown>) => reply.page(spec.template, { pageTitle: spec.title, view, values: {}, ...context });
  app.get(spec.path, { config: { permission: spec.permission, audit: false } }, async (request, reply) => {
    const { view, context } = await open(request);
    return show(reply, view, context);
  });
  app.post(spec.path, { config: { permission: spec.permission, audit: false } }, async (request, reply) => {
    const { principal, view, context } = await open(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = spec.schema(view, context).safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, spec.fields);
      return show(reply.code(400), view, { ...context, values: body, errorList: list, errors: byField });
    }
    const saving = await savedWithCensusCheck(() => spec.save(principal, view, parsed.data), spec.fields);
    if ('broken' in saving) {
      const { list, byField } = censusErrors(saving.broken, spec.fields);
      return show(reply.code(400), view, { ...context, values: body, errorList: list, errors: byField });
    }
    return reply.redirect(withQueries(spec.done(view, saving.saved), saving.queries), 303);
  });
}
