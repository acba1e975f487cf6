import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePermission } from '../access/permissions.ts';
import type { Principal } from '../auth/service.ts';
import { errorList, notFound, type FieldError } from './errors.ts';
import type { Form } from './form.ts';

/**
 * A check run around every form's save, registered by a module (the CIN census at the point of
 * recording, from the returns module): a rule the save breaks comes back as errors for the form's
 * fields, with nothing saved; otherwise the save's result, and the page to go to next (told, say,
 * which census queries the save raised).
 */
export interface SaveCheck {
  run<R>(save: () => Promise<R>, formFields: readonly string[]): Promise<{ saved: R; next: (url: string) => string } | { errors: { list: FieldError[]; byField: Record<string, { text: string }> } }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    saveCheck: SaveCheck;
  }
}

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
    context?: (view: V, principal: Principal) => Promise<Record<string, unknown>> | Record<string, unknown>;
    /** The form (its fields in page order), as it applies to this record now. */
    form: (view: V, context: Record<string, unknown>) => Form<T>;
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
    const form = spec.form(view, context);
    const parsed = form.safeParse(body);
    if (!parsed.success) {
      const { list, byField } = errorList(parsed.error.issues, form.fields);
      return show(reply.code(400), view, { ...context, values: body, errorList: list, errors: byField });
    }
    const saving = await app.saveCheck.run(() => spec.save(principal, view, parsed.data), form.fields);
    if ('errors' in saving) return show(reply.code(400), view, { ...context, values: body, errorList: saving.errors.list, errors: saving.errors.byField });
    return reply.redirect(saving.next(spec.done(view, saving.saved)), 303);
  });
}
