import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.ts';
import type { Principal } from '../../../platform/auth/service.ts';
import type { Form } from '../../../platform/web/form.ts';
import { pageForm } from '../../../platform/web/page-form.ts';
import { pathId } from '../../../platform/web/path-id.ts';

export type CaseView = Awaited<ReturnType<Deps['cases']['view']>>;

/** The case a page is about, from its path (anything but an id is not a page). */
export const caseId = pathId;

/**
 * A form about a case, at `/cases/:id/{path}`: one GET and one POST (`pageForm`), for the case's
 * allocated workers (or its lead, for basis, support and closure), while it applies to the case as
 * it stands (otherwise there is no such page). Saved, it goes back to the case page with a banner
 * saying what was saved.
 */
export function caseForm<T>(
  app: FastifyInstance,
  deps: Deps,
  path: string,
  spec: {
    template: string;
    title: string;
    /** Whether the form applies to the case as it stands (one open assessment at a time, a plan to review). */
    applies?: (view: CaseView) => boolean;
    context?: (view: CaseView) => Record<string, unknown>;
    form: (view: CaseView) => Form<T>;
    /** Saves; a form with more than one way to save (a draft) returns which, for the banner. */
    save: (principal: Principal, view: CaseView, input: T) => Promise<string | void>;
    saved: string;
    /** Whose form it is: the allocated workers' (the default), or the case lead's (basis, support, closure). */
    right?: 'canEdit' | 'canManage';
  },
) {
  pageForm(app, {
    path: `/cases/:id/${path}`,
    permission: 'record.open',
    load: (principal, request) => deps.cases.view(principal, caseId(request.params)),
    allowed: (view) => view[spec.right ?? 'canEdit'] && (spec.applies?.(view) ?? true),
    template: spec.template,
    title: spec.title,
    context: (view) => ({ backLink: `/cases/${view.c.id}`, ...spec.context?.(view) }),
    form: spec.form,
    save: spec.save,
    done: (view, saved) => `/cases/${view.c.id}?saved=${typeof saved === 'string' ? saved : spec.saved}`,
  });
}
