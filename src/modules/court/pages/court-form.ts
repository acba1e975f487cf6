import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.ts';
import type { Principal } from '../../../platform/auth/service.ts';
import type { Form } from '../../../platform/web/form.ts';
import { pageForm } from '../../../platform/web/page-form.ts';
import { pathId } from '../../../platform/web/path-id.ts';

export type Overview = Awaited<ReturnType<Deps['court']['overview']>>;

/** The case a court page is about, from its path (anything but an id is not a page). */
export const caseId = pathId;

/**
 * A form about a case's court work, at `/cases/:id/court/{path}`: for whoever may manage it, while
 * it applies to the proceedings as they stand (otherwise there is no such page). Saved, it goes
 * back to the court page with a banner saying what was saved.
 */
export function courtForm<T>(
  app: FastifyInstance,
  deps: Deps,
  path: string,
  spec: {
    template: string;
    title: string;
    /** Whether the form applies to the court work as it stands. */
    applies: (view: Overview) => boolean;
    context?: (view: Overview) => Record<string, unknown>;
    form: (view: Overview) => Form<T>;
    save: (principal: Principal, view: Overview, input: T) => Promise<unknown>;
    saved: string;
  },
) {
  pageForm(app, {
    path: `/cases/:id/court/${path}`,
    permission: 'court.manage',
    load: (principal, request) => deps.court.overview(principal, caseId(request.params)),
    allowed: (view) => view.canManage && spec.applies(view),
    template: spec.template,
    title: spec.title,
    context: (view) => ({ backLink: `/cases/${view.c.id}/court`, path, ...spec.context?.(view) }),
    form: spec.form,
    save: spec.save,
    done: (view) => `/cases/${view.c.id}/court?saved=${spec.saved}`,
  });
}
